import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzCase, type FuzzCase } from './model';
import { runCase } from './run';
import { REGRESSIONS } from './regressions';

/**
 * A short fuzz inside `npm test`: random data centers, services and sequences of deploys,
 * faults, repairs, reboots, scaling, upgrades, configuration changes, VIP swaps and FC
 * failovers, with the invariants checked after every fabric event and the goal state
 * checked once everything is repaired. `npm run fuzz -- --runs N` runs the long version.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

describe('fuzz', () => {
  it(`${RUNS} random runs keep every invariant and reach the goal state`, () => {
    fc.assert(
      fc.property(fuzzCase(), (c) => {
        runCase(c);
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
  }, 120_000 + RUNS * 4_000);

  for (const [name, c] of Object.entries(REGRESSIONS)) {
    it(`pinned case: ${name}`, () => {
      const stats = runCase(c as FuzzCase);
      expect(stats.checked).toBeGreaterThan(0);
    });
  }
});
