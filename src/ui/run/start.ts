/**
 * How the page starts its run, from the address: the run kept in this browser for the
 * very same address resumes, paused at its moment (given a lookup of kept runs; see
 * ../persist/runs.ts); otherwise a shared link (`#run=...`) reopens its moment;
 * `?lesson=ID` plays a lesson as a walkthrough; `?scenario=PATH` plays a scenario file
 * (as a walkthrough with `&walkthrough=1`); otherwise the settings of url.ts with a
 * sample deployed. What cannot be opened is said, and the default run starts instead;
 * a kept run that cannot be read is ignored, with a notice.
 */

import { formatClock } from '../../sim/engine/time';
import { parseRunFile } from '../../sim/timeline/record';
import type { InitOptions } from '../../worker/protocol';
import { LESSONS } from '../lessons/catalog';
import { fetchSample, readSampleParam } from '../samples';
import { readUrlSettings } from '../url';
import { decodeRunLink, hasRunLink } from './link';
import { loadScenarioBase } from './load';

export interface StartPlan {
  readonly options: InitOptions;
  readonly notices: readonly string[];
  /** A link's moment and hash: the reopened run must reach the same. */
  readonly expect?: { readonly t: number; readonly hash: string };
  /** Play the lesson in a loop, hands-free (`&kiosk=1`). */
  readonly kiosk: boolean;
  /** What is playing, for the title: a lesson's or scenario's path. */
  readonly title?: string;
  /** The run kept for this address was resumed: say so, and offer to start afresh. */
  readonly resumed?: { readonly t: number; readonly actions: number; readonly message: string };
}

/** The kept run of an address, as run-file text (undefined: none). */
export type SavedRunLookup = (address: string) => Promise<string | undefined>;

/** The key a run is kept under: the address the page was opened with. */
export function runAddress(loc: { search: string; hash: string }): string {
  return loc.search + loc.hash;
}

export function resumedMessage(t: number, actions: number): string {
  return `Resumed your run at ${formatClock(t)} with ${actions} action${actions === 1 ? '' : 's'}.`;
}

export async function planStart(loc: { search: string; hash: string }, fetchFn: typeof fetch = fetch, savedRun?: SavedRunLookup): Promise<StartPlan> {
  const settings = readUrlSettings(loc.search);
  const params = new URLSearchParams(loc.search);
  const notices: string[] = [...settings.problems];
  const kiosk = params.get('kiosk') === '1';
  const speed = settings.options.speed;
  // a kiosk plays its lesson afresh in a loop: it never resumes
  if (savedRun && !kiosk) {
    let text: string | undefined;
    try {
      text = await savedRun(runAddress(loc));
    } catch {
      text = undefined; // the lookup's failure is shown where saved data is
    }
    if (text !== undefined) {
      try {
        const run = parseRunFile(text);
        // a run with no actions of the user at the moment the address opens at is what the address names
        if (run.actions.length > 0 || run.t !== (settings.options.startAt ?? 0)) {
          return {
            options: { seed: run.base.kind === 'setup' ? run.base.seed : 0, base: run.base, actions: run.actions, startAt: run.t, running: false, ...(speed ? { speed } : {}) },
            notices,
            kiosk: false,
            ...(run.base.kind === 'scenario' && run.base.path ? { title: run.base.path } : {}),
            resumed: { t: run.t, actions: run.actions.length, message: resumedMessage(run.t, run.actions.length) },
          };
        }
      } catch (e) {
        notices.push(`Your saved run for this address could not be resumed (${(e as Error).message}); it was ignored, and the address starts afresh.`);
      }
    }
  }
  if (hasRunLink(loc.hash)) {
    try {
      const run = await decodeRunLink(loc.hash);
      return {
        options: { seed: run.base.kind === 'setup' ? run.base.seed : 0, base: run.base, actions: run.actions, startAt: run.t, running: false, ...(speed ? { speed } : {}) },
        notices,
        ...(run.hash ? { expect: { t: run.t, hash: run.hash } } : {}),
        kiosk: false,
        ...(run.base.kind === 'scenario' && run.base.path ? { title: run.base.path } : {}),
      };
    } catch (e) {
      notices.push(`This link could not be opened: ${(e as Error).message}. The default run starts instead.`);
    }
  }
  const lesson = params.get('lesson');
  const scenario = params.get('scenario');
  if (lesson !== null || scenario !== null) {
    const entry = lesson !== null ? LESSONS.find((l) => l.id === lesson) : undefined;
    try {
      if (lesson !== null && !entry) throw new Error(`there is no lesson "${lesson}" (lessons: ${LESSONS.map((l) => l.id).join(', ')})`);
      const path = entry ? entry.file : scenario!;
      const walkthrough = entry !== undefined || params.get('walkthrough') === '1';
      const base = await loadScenarioBase(path, walkthrough, fetchFn);
      // `&t=2h` opens the scenario paused at that moment (as for a free run)
      const startAt = settings.options.startAt;
      return {
        options: { seed: 0, base, running: !walkthrough && settings.options.running !== false, ...(speed ? { speed } : {}), ...(startAt !== undefined ? { startAt } : {}) },
        notices,
        kiosk: kiosk && walkthrough,
        title: path,
      };
    } catch (e) {
      notices.push(`The ${lesson !== null ? 'lesson' : 'scenario'} could not be opened: ${(e as Error).message}. The default run starts instead.`);
    }
  }
  const sample = readSampleParam(loc.search);
  if (sample.problem) notices.push(sample.problem);
  if (!sample.sample) return { options: settings.options, notices, kiosk: false };
  try {
    const files = await fetchSample(sample.sample, fetchFn);
    return { options: { ...settings.options, deploy: [files] }, notices, kiosk: false };
  } catch (e) {
    notices.push(`The sample "${sample.sample}" could not be loaded (${(e as Error).message}); starting with no service.`);
    return { options: settings.options, notices, kiosk: false };
  }
}
