/**
 * src/sim/standin: a deliberately small stand-in model that gives the engine, the
 * worker and the UI something to run until the hardware fabric replaces it. Three
 * probes report at jittered intervals; nothing else.
 */

import type { Engine } from '../engine';
import { SECOND } from '../engine';
import type { ViewStore } from '../view/records';

export const PROBE_COLLECTION = 'probes';

export interface ProbeView {
  readonly id: string;
  readonly beats: number;
  readonly lastAt: number;
}

const PROBES = ['probe-0', 'probe-1', 'probe-2'];
/** Mean interval between two reports of one probe (a simulator parameter). */
const INTERVAL_MS = 30 * SECOND;

export function installStandIn(engine: Engine, view: ViewStore): void {
  const latency = engine.rng('latency');
  const scheduleNext = (id: string): void => {
    engine.after(latency.latency(INTERVAL_MS, SECOND, 5 * INTERVAL_MS, 0.3), 'standin.report', id);
  };
  engine.on('standin.report', (ev) => {
    const prev = view.get<ProbeView>(PROBE_COLLECTION, ev.subject)!;
    const beats = prev.beats + 1;
    view.put(PROBE_COLLECTION, { id: ev.subject, beats, lastAt: engine.now } satisfies ProbeView);
    scheduleNext(ev.subject);
    return { beats };
  });
  for (const id of PROBES) {
    view.put(PROBE_COLLECTION, { id, beats: 0, lastAt: 0 } satisfies ProbeView);
    scheduleNext(id);
  }
}
