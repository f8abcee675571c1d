/**
 * The Lessons menu's scenarios from the person's computer: opening a scenario file (with
 * the files it names), the list of those kept in this browser, playing one (straight
 * through, or as a walkthrough) and deleting one. Every outcome is a message: `error`
 * for what was refused (file, JSON path, what), shown until dismissed; otherwise what
 * was done, shown for 15 s.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import { keptDb, type KeptDb } from '../persist/db';
import { deleteScenario, importScenario, listScenarios, scenarioBase, type KeptScenario } from '../persist/scenarios';
import type { InitOptions } from '../../worker/protocol';

/** How long a message of what was done stays (ms). */
export const DONE_MESSAGE_MS = 15_000;

export interface KeptMessage {
  readonly text: string;
  readonly error: boolean;
}

export function useKeptScenarios(given: Promise<KeptDb> | KeptDb | undefined) {
  const [db] = useState<Promise<KeptDb> | KeptDb | undefined>(() => given);
  const open = useCallback(() => Promise.resolve(db ?? keptDb()), [db]);
  const [kept, setKept] = useState<readonly KeptScenario[]>([]);
  const [message, setMessage] = useState<KeptMessage | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const say = useCallback((text: string, error = false) => {
    if (mounted.current) setMessage({ text, error });
  }, []);

  /** Reads the kept scenarios again (on opening the menu, after a change). */
  const refresh = useCallback(async () => {
    try {
      const list = await listScenarios(await open());
      if (mounted.current) setKept(list);
    } catch (e) {
      say((e as Error).message, true);
    }
  }, [open, say]);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      const json = files.find((f) => /\.json$/i.test(f.name));
      say(`Reading ${json?.name ?? 'the files'}…`);
      let result;
      try {
        result = await importScenario(await open(), files);
      } catch (e) {
        say(`The scenario could not be opened: ${(e as Error).message}`, true);
        return;
      }
      if (!result.ok) {
        say(result.message, true);
        return;
      }
      const s = result.scenario;
      const n = Object.keys(s.files).length;
      say(
        `${result.replaced ? 'Replaced' : 'Kept'} ${s.title} ("${s.name}"${n > 0 ? `, with ${n} file${n === 1 ? '' : 's'}` : ''}): play it from "Your scenarios" in the Lessons menu.`,
      );
      await refresh();
    },
    [open, refresh, say],
  );

  const remove = useCallback(
    async (s: KeptScenario) => {
      try {
        await deleteScenario(await open(), s.file);
        say(`Deleted ${s.title}.`);
      } catch (e) {
        say((e as Error).message, true);
      }
      await refresh();
    },
    [open, refresh, say],
  );

  /** The start of a run playing a kept scenario, or undefined (with a message) when it cannot be read. */
  const startOf = useCallback(
    (s: KeptScenario, walkthrough: boolean): InitOptions | undefined => {
      try {
        return { seed: 0, base: scenarioBase(s, walkthrough), running: !walkthrough };
      } catch (e) {
        say(`${s.title} cannot be played: ${(e as Error).message}`, true);
        return undefined;
      }
    },
    [say],
  );

  const dismiss = useCallback(() => setMessage(null), []);

  // what was done is said for a while; what was refused stays until dismissed
  useEffect(() => {
    if (!message || message.error) return;
    const timer = setTimeout(dismiss, DONE_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message, dismiss]);

  return { kept, message, refresh, importFiles, remove, startOf, say, dismiss };
}
