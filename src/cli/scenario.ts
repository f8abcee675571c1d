/**
 * `npm run sim -- --scenario FILE [--json]`: runs a scenario file headless and exits 0
 * only when every expectation held.
 */

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioError, parseScenario } from '../sim/scenario/parse';
import { runScenario, type ScenarioResult } from '../sim/scenario/run';
import type { CliResult } from './run';

/** The app's public folder (samples/, scenarios/). */
export const PUBLIC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public');

/**
 * Reads the files a scenario names: relative to the scenario file; failing that,
 * relative to the app's public folder, where the samples live (as a browser resolves
 * them against the site root).
 */
export function scenarioFiles(scenarioFile: string): (path: string) => Uint8Array {
  const base = dirname(scenarioFile);
  return (path) => {
    const local = resolve(base, path);
    return readFileSync(existsSync(local) ? local : resolve(PUBLIC_DIR, path));
  };
}

/** Scenario files larger than this are refused before parsing. */
const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

export function scenarioCommand(file: string, opts: { json: boolean; seed: number | undefined }): CliResult {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_SCENARIO_BYTES) return fail(`${file}: ${size} bytes is more than the ${MAX_SCENARIO_BYTES}-byte limit for a scenario file`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return fail(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let result: ScenarioResult;
  try {
    const parsed = parseScenario(text);
    result = runScenario(opts.seed === undefined ? parsed : { ...parsed, seed: opts.seed }, scenarioFiles(file));
  } catch (e) {
    if (e instanceof ScenarioError) return fail(`${file}: ${e.message}`);
    throw e;
  }
  const code = result.passed ? 0 : 1;
  if (opts.json) return { code, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: '' };
  return { code, stdout: formatResult(result), stderr: '' };
}

function fail(message: string): CliResult {
  return { code: 1, stdout: '', stderr: `sim: ${message}\n` };
}

export function formatResult(r: ScenarioResult): string {
  const lines = [`Scenario: ${r.name} (seed ${r.seed})`];
  // narration and expectations come back in run order each; merge them by step order of the run
  const said = r.narration.map((n) => ({ run: n.run, text: `  ${n.at.padStart(7)}  say     ${n.say}` }));
  const checked = r.expectations.map((e) => ({
    run: e.run,
    text: `  ${e.at.padStart(7)}  ${e.pass ? 'PASS' : 'FAIL'}    steps[${e.step}] expect ${e.expect}: ${e.observed}`,
  }));
  for (const row of [...said, ...checked].sort((a, b) => a.run - b.run)) lines.push(row.text);
  if (r.error) lines.push(`  ${r.error.at.padStart(7)}  ERROR   steps[${r.error.step}]: ${r.error.message}`);
  const held = r.expectations.filter((e) => e.pass).length;
  lines.push(
    `${r.passed ? 'PASSED' : 'FAILED'}: ${held} of ${r.expectations.length} expectations held` +
      `; hosts ${Object.entries(r.final.hostsByStatus).map(([s, n]) => `${s} ${n}`).join(', ')}; ${r.events} events; hash ${r.hash}`,
  );
  return `${lines.join('\n')}\n`;
}
