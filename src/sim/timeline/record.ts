/**
 * A run as a record: where it started (a setup or a scenario), the user's timed actions,
 * and the moment it was saved. Seed + start + actions decide the run, so the record is
 * enough to rebuild it exactly; its hash checks that the rebuild matches. Links, run
 * files and crash recovery all carry this record.
 */

import type { Action } from '../actions';
import { resolveSpec } from '../hardware/spec';
import type { ProfileName } from '../hardware/timing';
import { ScenarioError, checkDatacenter, checkScenario, parseAction } from '../scenario/parse';
import type { Scenario } from '../scenario/types';
import { describe, obj as strictObj, onlyFields, parseJson, type JsonLimits, type Obj } from '../strict-json';
import { hasErrors, loadConfiguration, loadServiceModel, type Diagnostic, type HostHardware, type SourceFile } from '../servicemodel';
import { checkSeed, type ServiceFiles } from '../simulation';
import { fromBase64, toBase64 } from './base64';

/** A user action and the simulated time (ms) it was taken at. */
export interface TimedAction {
  readonly at: number;
  readonly action: Action;
  /**
   * How many of the scenario's own steps had run when the user acted (a user action and
   * a scenario step at the same instant keep their order). Absent for a free run.
   */
  readonly after?: number;
}

export type RunBase =
  | {
      readonly kind: 'setup';
      readonly seed: number;
      readonly datacenter: unknown;
      readonly timing: ProfileName;
      readonly deploy: readonly ServiceFiles[];
    }
  | {
      readonly kind: 'scenario';
      /** The scenario file's JSON as written (its seed may be overridden by `seed`). */
      readonly scenario: unknown;
      /** Where it came from (`scenarios/lessons/01-host-fails.json`), for the title bar. */
      readonly path?: string;
      /** The text of every csdef/cscfg the scenario references, by reference. */
      readonly files: Readonly<Record<string, string>>;
      readonly walkthrough: boolean;
    };

export const RUN_FILE_VERSION = 1;

export interface RunFile {
  readonly fabricLab: 'run';
  readonly version: typeof RUN_FILE_VERSION;
  readonly base: RunBase;
  readonly actions: readonly TimedAction[];
  /** The moment the run was saved at, ms. */
  readonly t: number;
  /** The event-log hash and record count at `t`, to check that a reopened run matches. */
  readonly hash: string;
  readonly events: number;
}

/** Limits on what a run file or a link may hold: a hostile one must not exhaust the tab. */
export const RUN_LIMITS = {
  /** Characters of the whole JSON text. */
  textChars: 8_000_000,
  actions: 10_000,
  /** Simulated time: ten years. */
  maxTimeMs: 10 * 365 * 86_400_000,
  /** Characters of one service file. */
  fileChars: 2_000_000,
  services: 50,
  /** Deepest nesting of the JSON (a scenario inside is six levels deep). */
  depth: 64,
  /** JSON values in all. */
  values: 1_000_000,
} as const;

const RUN_JSON: JsonLimits = { chars: RUN_LIMITS.textChars, depth: RUN_LIMITS.depth, values: RUN_LIMITS.values, what: 'a run' };

export class RunFileError extends Error {
  override name = 'RunFileError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

const obj = (v: unknown, path: string): Obj => strictObj(v, path, RunFileError);
const only = (o: Obj, path: string, allowed: readonly string[]): void => onlyFields(o, path, allowed, RunFileError);

function text(v: unknown, path: string, max: number = RUN_LIMITS.fileChars): string {
  if (typeof v !== 'string') throw new RunFileError(path, `must be a string, got ${describe(v)}`);
  if (v.length > max) throw new RunFileError(path, `is ${v.length} characters long; at most ${max}`);
  return v;
}

function time(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > RUN_LIMITS.maxTimeMs) {
    throw new RunFileError(path, `must be a whole number of milliseconds from 0 to ${RUN_LIMITS.maxTimeMs} (ten years), got ${describe(v)}`);
  }
  return v;
}

/** A scenario error as a run file error, its path under `under`. */
function rebased(e: ScenarioError, under: string): RunFileError {
  const rest = e.path === '' || e.path === '(root)' ? '' : e.path.startsWith('(root).') ? e.path.slice(6) : e.path.startsWith('[') ? e.path : `.${e.path}`;
  return new RunFileError(`${under}${rest}`, e.path === '' ? e.message : e.message.slice(e.path.length + 2));
}

/** The first error of a load, with its place, for a message. */
function firstError(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const d = errors[0];
  if (!d) return 'they could not be read';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length === 2 ? '' : 's'})` : '';
  return `${d.file}:${d.line}:${d.column}: ${d.message}${more}`;
}

/**
 * The service files a run deploys or upgrades to must load without errors, as the
 * simulation will check them: a run only ever records what was accepted, so files that
 * do not load are damaged or hostile, and are refused here, before the run is rebuilt.
 */
function checkPackage(service: string, files: { csdef: SourceFile; cscfg: SourceFile }, host: HostHardware, path: string): void {
  const { model, diagnostics } = loadServiceModel(files, { host });
  if (!model || hasErrors(diagnostics)) throw new RunFileError(path, `the service files of ${service} do not load: ${firstError(diagnostics)}`);
  if (model.name !== service) throw new RunFileError(path, `the files define service "${model.name}", not "${service}"`);
}

function checkConfiguration(cscfg: SourceFile, path: string): void {
  const { diagnostics } = loadConfiguration(cscfg);
  if (hasErrors(diagnostics)) throw new RunFileError(path, `the service configuration does not load: ${firstError(diagnostics)}`);
}

/** Checks the files of the run's user actions (deploy, upgrade, configure) against the data center's hosts. */
function checkActionFiles(actions: readonly TimedAction[], host: HostHardware): void {
  actions.forEach(({ action: a }, i) => {
    const p = `actions[${i}].action`;
    if (a.do === 'deploy' && a.files) checkPackage(a.service, a.files, host, p);
    else if (a.do === 'upgrade') checkPackage(a.service, a.files, host, p);
    else if (a.do === 'configure') checkConfiguration(a.cscfg, `${p}.cscfg`);
  });
}

/** The host hardware of a data center description already checked by resolveSpec. */
const hostOf = (datacenter: unknown): HostHardware => resolveSpec(datacenter).host;

/** Every file a scenario names by path (not inline) must travel with it, as an own entry of `files`. */
function checkScenarioFiles(scenario: Scenario, files: Obj, path: string): void {
  const refs: [string, string][] = [];
  scenario.services.forEach((s, i) => refs.push([s.csdef, `services[${i}].csdef`], [s.cscfg, `services[${i}].cscfg`]));
  for (const s of scenario.steps) {
    if (s.kind !== 'do') continue;
    const a = s.action as { csdef?: string; cscfg?: string };
    if (a.csdef !== undefined) refs.push([a.csdef, `steps[${s.index}].csdef`]);
    if (a.cscfg !== undefined) refs.push([a.cscfg, `steps[${s.index}].cscfg`]);
  }
  for (const [ref, where] of refs) {
    if (ref.trimStart().startsWith('<') || Object.prototype.hasOwnProperty.call(files, ref)) continue;
    const shown = JSON.stringify(ref.length > 200 ? `${ref.slice(0, 200)}…` : ref);
    throw new RunFileError(`${path}.files`, `the scenario names the file ${shown} (at ${path}.scenario.${where}), but the run does not carry it`);
  }
}

/** A source file as JSON: its name and text (bytes that are not text travel as base64). */
type FileJson = { readonly name: string; readonly text: string } | { readonly name: string; readonly base64: string };

function fileToJson(f: SourceFile): FileJson {
  if (typeof f.bytes === 'string') return { name: f.name, text: f.bytes };
  return { name: f.name, base64: toBase64(f.bytes) };
}

function fileFromJson(v: unknown, path: string): SourceFile {
  const o = obj(v, path);
  only(o, path, ['name', 'text', 'base64']);
  const name = text(o.name, `${path}.name`, 500);
  if (o.text !== undefined) return { name, bytes: text(o.text, `${path}.text`) };
  const b64 = text(o.base64, `${path}.base64`, Math.ceil((RUN_LIMITS.fileChars * 4) / 3) + 4);
  try {
    return { name, bytes: fromBase64(b64) };
  } catch (e) {
    throw new RunFileError(`${path}.base64`, `is not valid base64 (${(e as Error).message})`);
  }
}

/** An action as JSON: the scenario vocabulary, with the files of deploy, upgrade and configure inline. */
export function actionToJson(a: Action): Obj {
  switch (a.do) {
    case 'deploy': {
      const { files, ...rest } = a;
      return files ? { ...rest, csdef: fileToJson(files.csdef), cscfg: fileToJson(files.cscfg) } : { ...rest };
    }
    case 'upgrade': {
      const { files, ...rest } = a;
      return { ...rest, csdef: fileToJson(files.csdef), cscfg: fileToJson(files.cscfg) };
    }
    case 'configure':
      return { ...a, cscfg: fileToJson(a.cscfg) };
    default:
      return { ...a };
  }
}

export function actionFromJson(v: unknown, path: string): Action {
  const o = obj(v, path);
  const files = o.do === 'deploy' || o.do === 'upgrade' || o.do === 'configure';
  // The scenario parser checks everything but the files, which it takes as paths.
  const plain: Obj = files ? { ...o, ...(o.csdef !== undefined ? { csdef: 'inline' } : {}), ...(o.cscfg !== undefined ? { cscfg: 'inline' } : {}) } : o;
  let parsed;
  try {
    parsed = parseAction(plain, path);
  } catch (e) {
    if (e instanceof ScenarioError) throw new RunFileError(e.path, e.message.slice(e.path.length + 2));
    throw e;
  }
  switch (parsed.do) {
    case 'deploy':
      return {
        do: 'deploy',
        service: parsed.service,
        ...(parsed.slot ? { slot: parsed.slot } : {}),
        ...(o.csdef !== undefined ? { files: { csdef: fileFromJson(o.csdef, `${path}.csdef`), cscfg: fileFromJson(o.cscfg, `${path}.cscfg`) } } : {}),
      };
    case 'upgrade':
      return { do: 'upgrade', service: parsed.service, mode: parsed.mode, files: { csdef: fileFromJson(o.csdef, `${path}.csdef`), cscfg: fileFromJson(o.cscfg, `${path}.cscfg`) } };
    case 'configure':
      return { do: 'configure', service: parsed.service, cscfg: fileFromJson(o.cscfg, `${path}.cscfg`) };
    default:
      return parsed;
  }
}

function baseFromJson(v: unknown, path: string): RunBase {
  const o = obj(v, path);
  if (o.kind === 'setup') {
    only(o, path, ['kind', 'seed', 'datacenter', 'timing', 'deploy']);
    let seed: number;
    if (typeof o.seed !== 'number') throw new RunFileError(`${path}.seed`, `must be a whole number, got ${describe(o.seed)}`);
    try {
      seed = checkSeed(o.seed, `${path}.seed`);
    } catch (e) {
      throw new RunFileError(`${path}.seed`, (e as Error).message.replace(`${path}.seed `, ''));
    }
    checkDatacenter(o.datacenter, `${path}.datacenter`, RunFileError);
    if (o.timing !== 'realistic' && o.timing !== 'fast') throw new RunFileError(`${path}.timing`, `must be "realistic" or "fast", got ${describe(o.timing)}`);
    if (!Array.isArray(o.deploy) || o.deploy.length > RUN_LIMITS.services) throw new RunFileError(`${path}.deploy`, `must be an array of at most ${RUN_LIMITS.services} services`);
    const deploy = o.deploy.map((d, i): ServiceFiles => {
      const p = `${path}.deploy[${i}]`;
      const x = obj(d, p);
      only(x, p, ['service', 'slot', 'csdef', 'cscfg']);
      if (x.slot !== undefined && x.slot !== 'production' && x.slot !== 'staging') throw new RunFileError(`${p}.slot`, 'must be production or staging');
      return { service: text(x.service, `${p}.service`, 63), ...(x.slot ? { slot: x.slot as 'production' | 'staging' } : {}), csdef: fileFromJson(x.csdef, `${p}.csdef`), cscfg: fileFromJson(x.cscfg, `${p}.cscfg`) };
    });
    const host = hostOf(o.datacenter);
    const slots = new Set<string>();
    deploy.forEach((d, i) => {
      const slot = `${d.service}/${d.slot ?? 'production'}`;
      if (slots.has(slot)) throw new RunFileError(`${path}.deploy[${i}]`, `deploys ${d.service} to the ${d.slot ?? 'production'} slot a second time`);
      slots.add(slot);
      checkPackage(d.service, d, host, `${path}.deploy[${i}]`);
    });
    return { kind: 'setup', seed, datacenter: o.datacenter, timing: o.timing, deploy };
  }
  if (o.kind === 'scenario') {
    only(o, path, ['kind', 'scenario', 'path', 'files', 'walkthrough']);
    const files = obj(o.files, `${path}.files`);
    const keys = Object.keys(files);
    if (keys.length > RUN_LIMITS.services * 4) throw new RunFileError(`${path}.files`, `at most ${RUN_LIMITS.services * 4} files`);
    for (const k of keys) text(files[k], `${path}.files[${JSON.stringify(k)}]`);
    if (typeof o.walkthrough !== 'boolean') throw new RunFileError(`${path}.walkthrough`, 'must be true or false');
    let scenario: Scenario;
    try {
      scenario = checkScenario(o.scenario);
    } catch (e) {
      if (e instanceof ScenarioError) throw rebased(e, `${path}.scenario`);
      throw e;
    }
    checkScenarioFiles(scenario, files, path);
    return {
      kind: 'scenario',
      scenario: obj(o.scenario, `${path}.scenario`),
      ...(o.path !== undefined ? { path: text(o.path, `${path}.path`, 500) } : {}),
      files: files as Record<string, string>,
      walkthrough: o.walkthrough,
    };
  }
  throw new RunFileError(`${path}.kind`, `must be "setup" or "scenario", got ${describe(o.kind)}`);
}

/** The run file as JSON text. */
export function runFileToJson(run: RunFile): string {
  const base = run.base.kind === 'setup' ? { ...run.base, deploy: run.base.deploy.map((d) => ({ ...d, csdef: fileToJson(d.csdef), cscfg: fileToJson(d.cscfg) })) } : run.base;
  return JSON.stringify({ ...run, base, actions: run.actions.map((a) => ({ at: a.at, ...(a.after !== undefined ? { after: a.after } : {}), action: actionToJson(a.action) })) });
}

/**
 * Reads a run file (or a link's payload) strictly: every problem is a RunFileError
 * naming where it is. A file of another version says which versions this app reads.
 */
export function parseRunFile(json: string): RunFile {
  if (json.length > RUN_LIMITS.textChars) throw new RunFileError('(root)', `the run is ${json.length} characters long; at most ${RUN_LIMITS.textChars}`);
  const doc = parseJson(json, RunFileError, RUN_JSON);
  const o = obj(doc, '(root)');
  if (o.fabricLab !== 'run') throw new RunFileError('fabricLab', 'this is not a Fabric Lab run (expected "fabricLab": "run")');
  if (o.version !== RUN_FILE_VERSION) {
    if (typeof o.version !== 'number' && typeof o.version !== 'string') {
      throw new RunFileError('version', `must be the run format's version number, got ${describe(o.version)}; this version of Fabric Lab reads version ${RUN_FILE_VERSION}`);
    }
    const v = typeof o.version === 'number' ? String(o.version) : JSON.stringify(o.version.length > 20 ? `${o.version.slice(0, 20)}…` : o.version);
    throw new RunFileError('version', `this run was saved in format version ${v}; this version of Fabric Lab reads version ${RUN_FILE_VERSION}`);
  }
  only(o, '(root)', ['fabricLab', 'version', 'base', 'actions', 't', 'hash', 'events']);
  const base = baseFromJson(o.base, 'base');
  if (!Array.isArray(o.actions)) throw new RunFileError('actions', 'must be an array');
  if (o.actions.length > RUN_LIMITS.actions) throw new RunFileError('actions', `${o.actions.length} actions; at most ${RUN_LIMITS.actions}`);
  let last = 0;
  const actions = o.actions.map((a, i): TimedAction => {
    const p = `actions[${i}]`;
    const x = obj(a, p);
    only(x, p, ['at', 'after', 'action']);
    const at = time(x.at, `${p}.at`);
    if (at < last) throw new RunFileError(`${p}.at`, `actions must be in time order (${at} comes after ${last})`);
    last = at;
    const after = x.after === undefined ? undefined : time(x.after, `${p}.after`);
    return { at, ...(after !== undefined ? { after } : {}), action: actionFromJson(x.action, `${p}.action`) };
  });
  const hash = text(o.hash, 'hash', 64);
  if (hash !== '' && !/^[0-9a-f]{16}$/.test(hash)) throw new RunFileError('hash', `must be 16 hex digits, got ${describe(hash)}`);
  const events = o.events === undefined ? 0 : time(o.events, 'events');
  const t = time(o.t, 't');
  checkActionFiles(actions, hostOf(base.kind === 'setup' ? base.datacenter : (base.scenario as Obj).datacenter));
  return { fabricLab: 'run', version: RUN_FILE_VERSION, base, actions, t, hash, events };
}
