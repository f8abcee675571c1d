/**
 * Runs the hostile-input catalogue through the app's real entry points and judges each
 * outcome: the expected error (or acceptance), a message that says where and what, no
 * other exception escaping, and the work within the entry point's budget. Also renders
 * the outcomes as the table of docs/hostile-input.md. Share links are decoded by page
 * code (src/ui/run/link.ts), which the simulation core cannot import: the caller passes
 * the decoder in.
 */

import { ScenarioError, checkScenario, parseScenario } from '../scenario/parse';
import { loadServiceModel, type Diagnostic, type SourceFile } from '../servicemodel';
import { DeployError, Simulation } from '../simulation';
import { buildTimeline } from '../timeline/build';
import { grouped } from '../strict-json';
import { RunFileError, parseRunFile } from '../timeline/record';
import { ENTRY_POINTS, HOSTILE, SERVICE, type EntryPoint, type Hostile, type Inputs, type ServicePair } from './catalogue';
import { WORK } from './work';

/**
 * The most work one input may cost at each entry point, in WORK units (characters and
 * bytes scanned, XML nodes, JSON values, diagnostics, comparisons). Each follows from the
 * readers' hard limits; a legitimate input costs a few thousand (see the report).
 */
export const WORK_BUDGET: Readonly<Record<EntryPoint, number>> = {
  // two files of at most 1 MiB: decoded, parsed (at most 50,000 nodes), read and checked
  csdef: 6_000_000,
  cscfg: 6_000_000,
  // at most 4 MiB of text and 1,000,000 values, parsed then walked
  scenario: 8_000_000,
  'scenario-value': 2_000_000,
  // the scenario, and the service files its first steps deploy
  'scenario-files': 8_000_000,
  // at most 8,000,000 characters and 1,000,000 values, and the service files it deploys
  'run-file': 30_000_000,
  // at most 2,000,000 characters of link, 8,000,000 bytes unpacked, and the run inside
  link: 40_000_000,
};

/** What happened to one input. */
export interface Outcome {
  readonly id: string;
  readonly entry: EntryPoint;
  /** `error`: refused with the entry point's own error; `accepted`: read; `crash`: anything else escaped. */
  readonly kind: 'error' | 'accepted' | 'crash';
  /** The error's class (`ScenarioError`, `DeployError`, ...). */
  readonly errorName?: string;
  /** The message as the app shows it: for a service model, the diagnostic the entry expects, as `file:line:column: message`. */
  readonly message: string;
  /** Where, as the message says it (a file position, a JSON path, a part of a link); empty when the message does not say. */
  readonly where: string;
  /** Warnings of an accepted service model, as `file:line:column: message`. */
  readonly warnings: readonly string[];
  /** Texts the accepted result holds (role names, captions). */
  readonly kept: readonly string[];
  /** WORK units the entry point charged. */
  readonly work: number;
}

/** Share links are decoded by page code; the caller passes `decodeRunLink`. */
export interface HostileEnv {
  readonly link?: (hash: string) => Promise<unknown>;
  /**
   * A wall clock in ms, for the report only: when given, the time the entry point took
   * (the input made beforehand) is written to `times` by id. Nothing is judged on it.
   */
  readonly clock?: () => number;
  readonly times?: Map<string, number>;
}

/** Runs `f`, adding its wall time to env.times when there is a clock. */
async function timed<T>(env: HostileEnv, id: string, f: () => T | Promise<T>): Promise<T> {
  const t0 = env.clock?.();
  try {
    return await f();
  } finally {
    if (t0 !== undefined && env.clock && env.times) env.times.set(id, env.clock() - t0);
  }
}

const DEF_NAME = 'ServiceDefinition.csdef';
const CFG_NAME = 'ServiceConfiguration.cscfg';

const formatted = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}: ${d.message}`;

let deploySim: Simulation | undefined;
/** One simulation for every service model entry: loadPackage reads files and changes nothing. */
const simulation = (): Simulation => (deploySim ??= new Simulation({ seed: 1, datacenter: { preset: 'classroom' } }));

/** Where a path error points: its JSON path, else the `line N, column M` its message gives. */
function whereOf(e: unknown): string {
  const path = e instanceof ScenarioError || e instanceof RunFileError ? e.path : '';
  const message = e instanceof Error ? e.message : '';
  const lc = /line \d+, column \d+/.exec(message)?.[0];
  if (path && lc) return `${path} (${lc})`;
  if (path) return path;
  if (lc) return lc;
  const part = (e as { where?: unknown }).where;
  return typeof part === 'string' ? `the link's ${part}` : '';
}

function errorOutcome(h: Hostile, e: unknown, work: number, ours: boolean): Outcome {
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    id: h.id,
    entry: h.entry,
    kind: ours ? 'error' : 'crash',
    errorName: err.name,
    message: err.message,
    where: ours ? whereOf(err) : '',
    warnings: [],
    kept: [],
    work,
  };
}

function runServiceModel(h: Extract<Hostile, { entry: 'csdef' | 'cscfg' }>, input: ServicePair): Outcome {
  const files: { csdef: SourceFile; cscfg: SourceFile } = { csdef: { name: DEF_NAME, bytes: input.csdef }, cscfg: { name: CFG_NAME, bytes: input.cscfg } };
  const sim = simulation();
  // as the Service model panel validates (and as deploy loads, below)
  const before = WORK.units;
  let loaded;
  try {
    loaded = loadServiceModel(files, { host: sim.spec.host });
  } catch (e) {
    return errorOutcome(h, e, WORK.units - before, false);
  }
  const work = WORK.units - before;
  const hostile = h.entry === 'csdef' ? DEF_NAME : CFG_NAME;
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const pattern = 'error' in h.expect ? h.expect.error : undefined;
  const shown = (pattern ? errors.find((d) => pattern.test(formatted(d))) : undefined) ?? errors.find((d) => d.file === hostile) ?? errors[0];
  try {
    // as deploy and upgrade load files in the worker
    sim.loadPackage(SERVICE, files);
  } catch (e) {
    if (!(e instanceof DeployError)) return errorOutcome(h, e, work, false);
    return {
      id: h.id,
      entry: h.entry,
      kind: 'error',
      errorName: e.name,
      message: shown ? formatted(shown) : e.message,
      where: shown ? `${shown.file}:${shown.line}:${shown.column}` : '',
      warnings: [],
      kept: [],
      work,
    };
  }
  const model = loaded.model!;
  return {
    id: h.id,
    entry: h.entry,
    kind: 'accepted',
    message: '',
    where: '',
    warnings: loaded.diagnostics.filter((d) => d.severity === 'warning').map(formatted),
    kept: [model.name, ...model.roles.map((r) => r.name)],
    work,
  };
}

/** The texts of a scenario a person sees: its name, captions, questions. */
function scenarioTexts(s: ReturnType<typeof checkScenario>): string[] {
  return [s.name, ...s.steps.flatMap((x) => (x.kind === 'say' ? [x.say] : x.kind === 'ask' ? [x.question.ask, ...x.question.choices] : []))];
}

function runSync(h: Exclude<Hostile, { entry: 'csdef' | 'cscfg' | 'link' }>, input: unknown): Outcome {
  const before = WORK.units;
  const accepted = (kept: string[]): Outcome => ({ id: h.id, entry: h.entry, kind: 'accepted', message: '', where: '', warnings: [], kept, work: WORK.units - before });
  try {
    switch (h.entry) {
      case 'scenario':
        return accepted(scenarioTexts(parseScenario(input as string)));
      case 'scenario-value':
        return accepted(scenarioTexts(checkScenario(input)));
      case 'scenario-files': {
        const { scenario, files } = input as Inputs['scenario-files'];
        const { timeline, scenario: parsed } = buildTimeline({ kind: 'scenario', scenario, files, walkthrough: false }, [], { checkpoints: false });
        // play the scripted steps: a file that does not load stops the scenario at its step, and the run goes on
        timeline.advance(Math.max(0, ...parsed!.steps.map((s) => s.at)));
        const stopped = timeline.scriptError;
        if (stopped) {
          return { id: h.id, entry: h.entry, kind: 'error', errorName: 'step error', message: `steps[${stopped.step}]: ${stopped.message}`, where: `steps[${stopped.step}]`, warnings: [], kept: [], work: WORK.units - before };
        }
        return accepted(scenarioTexts(parsed!));
      }
      case 'run-file':
        return accepted([JSON.stringify(parseRunFile(input as string).t)]);
    }
  } catch (e) {
    return errorOutcome(h, e, WORK.units - before, e instanceof ScenarioError || e instanceof RunFileError);
  }
}

async function runLink(h: Extract<Hostile, { entry: 'link' }>, env: HostileEnv): Promise<Outcome> {
  const decode = env.link;
  if (!decode) throw new Error('the share-link entries need the page\'s decodeRunLink (env.link)');
  const hash = h.input();
  const before = WORK.units;
  try {
    await timed(env, h.id, () => decode(hash));
    return { id: h.id, entry: h.entry, kind: 'accepted', message: '', where: '', warnings: [], kept: [], work: WORK.units - before };
  } catch (e) {
    const ours = e instanceof RunFileError || (e instanceof Error && e.name === 'LinkError');
    return errorOutcome(h, e, WORK.units - before, ours);
  }
}

/** Feeds one input through its entry point. */
export async function runHostile(h: Hostile, env: HostileEnv = {}): Promise<Outcome> {
  if (h.entry === 'link') return runLink(h, env);
  if (h.entry === 'csdef' || h.entry === 'cscfg') {
    const input = h.input();
    return timed(env, h.id, () => runServiceModel(h, input));
  }
  const input = h.input();
  return timed(env, h.id, () => runSync(h, input));
}

/** What is wrong with an outcome; empty when the entry holds. */
export function judge(h: Hostile, o: Outcome): string[] {
  const problems: string[] = [];
  if (o.kind === 'crash') return [`${o.errorName ?? 'an exception'} escaped: ${o.message.slice(0, 300)}`];
  const x = h.expect;
  if ('error' in x) {
    if (o.kind !== 'error') problems.push('was accepted; expected an error');
    else {
      if (!x.error.test(o.message)) problems.push(`message ${JSON.stringify(o.message.slice(0, 400))} does not match ${String(x.error)}`);
      if (o.where === '') problems.push('the message does not say where (no file position, JSON path or part of the link)');
      if (o.message.trim().length < 20) problems.push('the message is too short to say what is wrong');
    }
  } else if (o.kind !== 'accepted') problems.push(`was refused: ${o.message.slice(0, 300)}`);
  else if ('warning' in x) {
    if (!o.warnings.some((w) => x.warning.test(w))) problems.push(`no warning matches ${String(x.warning)}; warnings: ${JSON.stringify(o.warnings.map((w) => w.slice(0, 200)))}`);
  } else if (x.keeps !== undefined && !o.kept.includes(x.keeps)) {
    problems.push(`the result does not keep ${JSON.stringify(x.keeps)} verbatim: ${JSON.stringify(o.kept)}`);
  }
  if (o.work > WORK_BUDGET[h.entry]) problems.push(`took ${o.work} units of work; the budget of ${h.entry} is ${WORK_BUDGET[h.entry]}`);
  return problems;
}

/** Every entry's outcome, in catalogue order. */
export async function runCatalogue(env: HostileEnv = {}, entries: readonly Hostile[] = HOSTILE): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const h of entries) out.push(await runHostile(h, env));
  return out;
}

/* ---------------------------------------------------------------- the table */

const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));

/** A message shortened for the table. */
const short = (s: string, n = 220): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The markdown table of docs/hostile-input.md: one section per entry point. */
export function hostileTable(outcomes: readonly Outcome[], entries: readonly Hostile[] = HOSTILE): string {
  const byId = new Map(entries.map((h) => [h.id, h] as const));
  const lines: string[] = [];
  for (const entry of Object.keys(ENTRY_POINTS) as EntryPoint[]) {
    const rows = outcomes.filter((o) => o.entry === entry);
    if (rows.length === 0) continue;
    lines.push(`### ${entry} (${rows.length})`, '', `${ENTRY_POINTS[entry]}. Work budget: ${grouped(WORK_BUDGET[entry])} units.`, '');
    lines.push('| id | input | outcome | where | work |', '|---|---|---|---|---:|');
    for (const o of rows) {
      const h = byId.get(o.id)!;
      const outcome =
        o.kind === 'error'
          ? short(o.message)
          : o.kind === 'accepted'
            ? `accepted${'warning' in h.expect ? `, warning: ${short(o.warnings.find((w) => (h.expect as { warning: RegExp }).warning.test(w)) ?? '')}` : ''}`
            : `CRASH: ${short(o.message)}`;
      const also = h.alsoIn ? ` (also ${h.alsoIn})` : '';
      lines.push(`| \`${o.id}\` | ${cell(h.what + also)} | ${cell(outcome)} | ${cell(o.where)} | ${grouped(o.work)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** How many entries each entry point has. */
export function countsByEntry(entries: readonly Hostile[] = HOSTILE): Record<EntryPoint, number> {
  const counts = Object.fromEntries(Object.keys(ENTRY_POINTS).map((k) => [k, 0])) as Record<EntryPoint, number>;
  for (const h of entries) counts[h.entry]++;
  return counts;
}

