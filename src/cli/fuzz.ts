/**
 * `npm run fuzz -- --runs N [--seed S] [--max-ops K]`: the long fuzz. Random data
 * centers, services and sequences of what users and hardware do, with the invariants
 * checked after every fabric event and the goal state after every repair. A failure is
 * shrunk to a minimal case and printed with its seed and path, ready to pin in
 * src/sim/fuzz/regressions.ts; the exit code is then 1.
 */

import fc from 'fast-check';
import { fuzzCase } from '../sim/fuzz/model';
import { runCase } from '../sim/fuzz/run';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function int(name: string, fallback: number, min: number, max: number): number {
  const v = arg(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) {
    process.stderr.write(`fuzz: ${name} must be a whole number from ${min} to ${max}, got "${v}"\n`);
    process.exit(2);
  }
  return n;
}

const runs = int('--runs', 200, 1, 1_000_000);
// The one place wall-clock time enters: choosing a seed when none is given (it is printed).
const seed = int('--seed', Date.now() % 2 ** 31, 0, 2 ** 31 - 1);
const maxOps = int('--max-ops', 12, 1, 200);

const totals = { runs: 0, events: 0, checked: 0, applied: 0, refused: 0 };
const started = Date.now();
const result = fc.check(
  fc.property(fuzzCase(maxOps), (c) => {
    const s = runCase(c);
    totals.runs++;
    totals.events += s.events;
    totals.checked += s.checked;
    totals.applied += s.applied;
    totals.refused += s.refused;
  }),
  { numRuns: runs, seed },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const fmt = (n: number) => n.toLocaleString('en');
if (!result.failed) {
  process.stdout.write(
    `fuzz: ${fmt(result.numRuns)} random runs (seed ${seed}), ${fmt(totals.events)} events, invariants checked after ${fmt(totals.checked)} of them; ` +
      `${fmt(totals.applied)} operations applied, ${fmt(totals.refused)} refused by the model; 0 violations (${seconds} s)\n`,
  );
} else {
  const shrunk = result.counterexample?.[0];
  process.stdout.write(
    `fuzz: VIOLATION after ${fmt(result.numRuns)} runs (seed ${seed}, path "${result.counterexamplePath}", ${result.numShrinks} shrinks)\n` +
      `${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}\n` +
      `minimal case (pin it in src/sim/fuzz/regressions.ts):\n${JSON.stringify(shrunk, null, 2)}\n` +
      `replay: npm run fuzz -- --runs ${runs} --seed ${seed}\n`,
  );
  process.exitCode = 1;
}
