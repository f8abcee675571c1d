/**
 * A small benchmark harness: runs a case several times and reports the median wall
 * time, so that figures from a noisy machine are comparable within one run.
 */

import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly medianMs: number;
  readonly runsMs: readonly number[];
}

export function time(fn: () => void, runs = 5, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    runsMs.push(performance.now() - t0);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, runsMs };
}

export const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
