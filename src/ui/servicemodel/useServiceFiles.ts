/**
 * The files the panel edits and where they came from: restored from the saved copy on
 * mount, or the default sample once the sample index arrives; replaced by a sample the
 * person picks or by files they open or drop; changed by typing. `revision` counts the
 * replacements from outside, so an editor replaces its document only then. Of loads
 * that overlap, the one started last wins. Messages say what was loaded or refused.
 */

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { readUserFiles, STANDARD_NAMES, type FileKind, type FilePair } from './files';
import { readSaved, type SavedFiles } from './persistence';
import { fetchSampleFiles, fetchSampleIndex, type FetchLike, type SampleEntry } from './sampleSource';
import { useSavedFiles } from './useSavedFiles';

export interface Session {
  readonly files: FilePair;
  /** The sample the files came from; null for the person's own files. */
  readonly sample: string | null;
  /** Bumped whenever the files are replaced from outside. */
  readonly revision: number;
  /** False until a sample, the saved copy or the person's files arrive. */
  readonly loaded: boolean;
  /** Typed into since the last load from outside. */
  readonly edited: boolean;
}

export interface Messages {
  /** What could not be loaded, and why (shown as an alert). */
  readonly problems: readonly string[];
  /** What was done (shown as a status). */
  readonly notes: readonly string[];
}

const EMPTY: FilePair = { csdef: { name: STANDARD_NAMES.csdef, text: '' }, cscfg: { name: STANDARD_NAMES.cscfg, text: '' } };
const NO_MESSAGES: Messages = { problems: [], notes: [] };

export interface ServiceFilesOptions {
  readonly fetchFn: FetchLike;
  readonly samplesUrl: string;
  readonly defaultSample: string;
  readonly storage: Storage | null;
}

function initialSession(storage: Storage | null): { session: Session; messages: Messages } {
  const { saved, problem } = readSaved(storage);
  if (!saved) return { session: { files: EMPTY, sample: null, revision: 0, loaded: false, edited: false }, messages: { problems: problem ? [problem] : [], notes: [] } };
  return {
    session: { files: saved.files, sample: saved.sample, revision: 1, loaded: true, edited: saved.edited },
    messages: { problems: [], notes: [saved.edited ? 'Restored the files you were editing.' : 'Restored the files you had open.'] },
  };
}

export function useServiceFiles({ fetchFn, samplesUrl, defaultSample, storage }: ServiceFilesOptions) {
  const [initial] = useState(() => initialSession(storage));
  const [session, setSession] = useState<Session>(initial.session);
  const [messages, setMessages] = useState<Messages>(initial.messages);
  const [samples, setSamples] = useState<readonly SampleEntry[] | undefined>(undefined);
  /** The number of the sample load in flight (0: none). */
  const [loading, setLoading] = useState(0);
  /** Counts loads started; a load applies only if none started after it. */
  const started = useRef(0);
  const mounted = useRef(true);
  /** The latest fetch function: a new one does not refetch anything by itself. */
  const fetchRef = useRef(fetchFn);

  useLayoutEffect(() => {
    fetchRef.current = fetchFn;
  });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const replace = useCallback((files: Partial<FilePair>, sample: string | null) => {
    setSession((s) => ({ files: { ...s.files, ...files }, sample, revision: s.revision + 1, loaded: true, edited: false }));
  }, []);

  const loadSample = useCallback(
    (entry: SampleEntry) => {
      const mine = ++started.current;
      setLoading(mine);
      const done = () => setLoading((l) => (l === mine ? 0 : l));
      fetchSampleFiles(fetchRef.current, samplesUrl, entry).then(
        (files) => {
          done();
          if (!mounted.current || started.current !== mine) return;
          replace(files, entry.name);
          setMessages({ problems: [], notes: [`Loaded the sample "${entry.title}".`] });
        },
        (e: unknown) => {
          done();
          if (!mounted.current || started.current !== mine) return;
          setMessages({ problems: [`The sample "${entry.title}" could not be loaded: ${(e as Error).message}`], notes: [] });
        },
      );
    },
    [samplesUrl, replace],
  );

  useEffect(() => {
    let live = true;
    fetchSampleIndex(fetchRef.current, samplesUrl).then(
      (list) => {
        if (!live) return;
        setSamples(list);
        if (initial.session.loaded || started.current > 0) return;
        const pick = list.find((s) => s.name === defaultSample) ?? list[0];
        if (pick) loadSample(pick);
      },
      (e: unknown) => {
        if (!live) return;
        setSamples([]);
        setMessages((m) => ({ ...m, problems: [...m.problems, `The samples could not be listed: ${(e as Error).message}`] }));
      },
    );
    return () => {
      live = false;
    };
  }, [samplesUrl, defaultSample, initial, loadSample]);

  const openFiles = useCallback(
    (list: readonly File[]) => {
      // Files that cannot be read cancel nothing; files read win over loads started before them.
      const before = started.current;
      void readUserFiles(list).then((out) => {
        if (!mounted.current) return;
        const names = Object.values(out.files).map((f) => f.name);
        const applies = names.length > 0 && started.current === before;
        if (applies) {
          started.current++;
          replace(out.files, null);
        }
        const opened = applies ? [`Opened ${names.join(' and ')}.`] : [];
        setMessages({ problems: out.problems, notes: [...opened, ...out.notes] });
      });
    },
    [replace],
  );

  const edit = useCallback((kind: FileKind, text: string) => {
    setSession((s) => (s.files[kind].text === text ? s : { ...s, files: { ...s.files, [kind]: { ...s.files[kind], text } }, loaded: true, edited: true }));
  }, []);

  const saved = useMemo<SavedFiles | null>(
    () => (session.loaded ? { sample: session.sample, files: session.files, edited: session.edited } : null),
    [session.loaded, session.sample, session.files, session.edited],
  );
  const { saveProblem, clearSaved } = useSavedFiles(storage, saved);

  const clear = useCallback(() => {
    const notes = clearSaved() ? ['Saved files cleared: a reload starts from the sample. The editors keep their text until then, and the next edit is saved again.'] : [];
    setMessages({ problems: [], notes });
  }, [clearSaved]);
  const dismissMessages = useCallback(() => setMessages(NO_MESSAGES), []);

  return { session, samples, loading: loading !== 0, messages, saveProblem, loadSample, openFiles, edit, clearSaved: clear, dismissMessages };
}
