/** The shipped scenarios and their event-log hashes (see golden.ts). */

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseScenario } from '../sim/scenario/parse';
import { runScenario } from '../sim/scenario/run';
import { PUBLIC_DIR, scenarioFiles } from './scenario';

export interface Golden {
  /** Simulated time the scenario ends at, ms. */
  readonly t: number;
  readonly hash: string;
}

export const goldenPath = join(PUBLIC_DIR, '../src/sim/scenario/golden.json');

function list(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? list(p) : n.endsWith('.json') ? [p] : [];
    });
}

/** Every scenario under public/scenarios, by its path under public/. */
export function scenarioHashes(): Record<string, Golden> {
  const out: Record<string, Golden> = {};
  for (const file of list(join(PUBLIC_DIR, 'scenarios'))) {
    const r = runScenario(parseScenario(readFileSync(file, 'utf8')), scenarioFiles(file));
    out[relative(PUBLIC_DIR, file)] = { t: r.final.simulatedMs, hash: r.hash };
  }
  return out;
}

export function readGolden(): Record<string, Golden> {
  return existsSync(goldenPath) ? (JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, Golden>) : {};
}
