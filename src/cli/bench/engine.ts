/**
 * Engine cost per event against a bare binary heap doing the same pushes and pops.
 */

import { Engine } from '../../sim/engine/engine';
import { Rng } from '../../sim/engine/prng';
import { round, time } from './harness';

interface Item {
  readonly time: number;
  readonly seq: number;
}

/**
 * The baseline: a plain binary heap of {time, seq} objects with hole-moving sifts (no
 * swaps), i.e. the cheapest ordinary way to get the same ordering; no dispatch, no clock.
 */
class BareHeap {
  private readonly a: Item[] = [];
  push(e: Item): void {
    const a = this.a;
    let i = a.length;
    a.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const q = a[p]!;
      if (q.time < e.time || (q.time === e.time && q.seq < e.seq)) break;
      a[i] = q;
      i = p;
    }
    a[i] = e;
  }
  pop(): Item | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    const n = a.length;
    if (n > 0 && last) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n && (a[r]!.time < a[c]!.time || (a[r]!.time === a[c]!.time && a[r]!.seq < a[c]!.seq))) c = r;
        const ch = a[c]!;
        if (last.time < ch.time || (last.time === ch.time && last.seq < ch.seq)) break;
        a[i] = ch;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
  get size(): number {
    return this.a.length;
  }
}

export interface EngineBench {
  readonly events: number;
  readonly heapNsPerEvent: number;
  readonly engineNsPerEvent: number;
  readonly engineToHeapRatio: number;
  readonly loggedEngineNsPerEvent: number;
}

export function benchEngine(events = 1_000_000, runs = 5): EngineBench {
  const rng = Rng.fromSeed(1);
  const times = Array.from({ length: events }, () => rng.int(0, 3_600_000));

  let sink = 0;
  const heap = time(() => {
    const h = new BareHeap();
    for (let i = 0; i < events; i++) h.push({ time: times[i]!, seq: i });
    while (h.size) sink += h.pop()!.seq & 1;
  }, runs);

  const engineRun = (quiet: boolean) => () => {
    const e = new Engine({ seed: 1 });
    e.on('tick', () => {
      sink++;
    }, { quiet });
    for (let i = 0; i < events; i++) e.schedule(times[i]!, 'tick', 'bench');
    e.runUntil(3_600_000);
  };
  const engine = time(engineRun(true), runs);
  const logged = time(engineRun(false), Math.max(1, Math.min(runs, 3)));
  if (sink < 0) throw new Error('unreachable');

  const ns = (ms: number) => round((ms * 1e6) / events, 1);
  return {
    events,
    heapNsPerEvent: ns(heap.medianMs),
    engineNsPerEvent: ns(engine.medianMs),
    engineToHeapRatio: round(engine.medianMs / heap.medianMs, 2),
    loggedEngineNsPerEvent: ns(logged.medianMs),
  };
}
