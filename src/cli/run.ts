/**
 * The headless runner's work, separate from process I/O so that tests call it directly.
 */

import { formatClock, parseDuration } from '../sim/engine/time';
import { MAX_SEED, Simulation } from '../sim/simulation';
import { UsageError, parseArgs } from './args';
import { DEFAULT_SAMPLE, sampleFiles } from './samples';
import { scenarioCommand } from './scenario';
import { validateCommand } from './validate';

export const USAGE = `Usage: npm run sim -- [options]

  --seed N        seed of the run (0 to ${MAX_SEED}; default 42)
  --for DURATION  simulated time to run, e.g. 90s, 10m, 1h30m, 2d (default 1h): the demo
                  data center with the shop sample deployed at time 0, as the app starts
  --scenario FILE run a scenario file (see docs/scenarios.md); exit 0 when every expectation held
  --validate FILES...
                  check service model files (a folder, or a .csdef and a .cscfg); exit 1 on an error
  --json          print one JSON document instead of text
  --help          this text

With npm, use \`npm run --silent sim -- ... --json\` to get only the JSON.`;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunSummary {
  readonly seed: number;
  readonly simulatedMs: number;
  readonly events: number;
  readonly processed: number;
  readonly hash: string;
}

/** The default run: the demo data center with the shop sample deployed at time 0, as the app starts. */
export function runFor(seed: number, durationMs: number): RunSummary {
  const sim = new Simulation({ seed, deploy: [sampleFiles(DEFAULT_SAMPLE)] });
  sim.engine.runUntil(durationMs);
  return { ...sim.summary(), processed: sim.engine.processed };
}

function parseSeed(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > MAX_SEED) {
    throw new UsageError(`--seed: "${text}" is not a whole number from 0 to ${MAX_SEED}`);
  }
  return Number(text);
}

export function main(argv: readonly string[]): CliResult {
  try {
    const args = parseArgs(argv, {
      seed: 'value',
      for: 'value',
      json: 'flag',
      help: 'flag',
      scenario: 'value',
      validate: 'list',
    });
    if (args.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    const json = Boolean(args.json);
    if (args.validate !== undefined) {
      if (args.scenario !== undefined) throw new UsageError('--validate and --scenario cannot be combined');
      return validateCommand(args.validate as string[], json);
    }
    if (args.scenario !== undefined) {
      return scenarioCommand(args.scenario as string, {
        json,
        seed: args.seed === undefined ? undefined : parseSeed(args.seed as string),
      });
    }
    const seed = args.seed === undefined ? 42 : parseSeed(args.seed as string);
    let duration: number;
    try {
      duration = parseDuration((args.for as string | undefined) ?? '1h');
    } catch (e) {
      throw new UsageError(`--for: ${(e as Error).message}`);
    }
    const s = runFor(seed, duration);
    if (args.json) return { code: 0, stdout: `${JSON.stringify(s, null, 2)}\n`, stderr: '' };
    const text = [
      'Fabric Lab headless run',
      `seed       ${s.seed}`,
      `simulated  ${formatClock(s.simulatedMs)} (${s.simulatedMs} ms)`,
      `events     ${s.events} logged, ${s.processed} run`,
      `hash       ${s.hash}`,
    ].join('\n');
    return { code: 0, stdout: `${text}\n`, stderr: '' };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `sim: ${e.message}\n\n${USAGE}\n` };
    const err = e as Error;
    return { code: 1, stdout: '', stderr: `sim: ${err.name}: ${err.message}\n` };
  }
}
