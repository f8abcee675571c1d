/**
 * Reads a scenario file strictly: every problem is a ScenarioError naming the JSON path
 * (`steps[3].target`) and what is wrong; unknown fields are errors, not ignored.
 */

import { parseDuration } from '../engine/time';
import { SpecError, resolveSpec } from '../hardware/spec';
import { HOST_STATUSES } from '../hardware/status';
import { MAX_SEED } from '../simulation';
import { MAX_FILE_BYTES } from '../servicemodel/decode';
import { checkJsonShape, describe, grouped, isObj, obj as strictObj, onlyFields as strictOnly, parseJson, type JsonLimits, type Obj, type PathErrorClass } from '../strict-json';
import type { Comparison, Expectation, Scenario, ScenarioAction, ServiceRef, Step } from './types';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

export type { Obj } from '../strict-json';

/**
 * What a scenario file may hold. Real ones are a few kilobytes, six levels deep, with a
 * few hundred values; these limits are far above that and far below what could exhaust
 * a tab. The same 4 MiB as the page's scenario loader (src/ui/run/load.ts).
 */
export const SCENARIO_LIMITS: JsonLimits = { chars: 4 * 1024 * 1024, depth: 64, values: 1_000_000, what: 'a scenario file' };

/** Characters of one text field (a caption, a name, a target); real ones are under 600. */
export const MAX_TEXT_CHARS = 10_000;
/** Characters of a `csdef`/`cscfg` field, which may hold a whole file inline. */
const MAX_FILE_CHARS = MAX_FILE_BYTES;
/** Characters of an `at`; real ones are like `1h30m`. */
const MAX_DURATION_CHARS = 40;

const obj = (v: unknown, path: string): Obj => strictObj(v, path, ScenarioError);
const onlyFields = (o: Obj, path: string, allowed: readonly string[]): void => strictOnly(o, path, allowed, ScenarioError);

function str(o: Obj, key: string, path: string, max = MAX_TEXT_CHARS): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') throw new ScenarioError(`${path}.${key}`, `must be a non-empty string, got ${describe(v)}`);
  if (v.length > max) throw new ScenarioError(`${path}.${key}`, `is ${grouped(v.length)} characters long; at most ${grouped(max)}`);
  return v;
}

function optStr(o: Obj, key: string, path: string, max = MAX_TEXT_CHARS): string | undefined {
  return o[key] === undefined ? undefined : str(o, key, path, max);
}

/** A service file reference: a path, or the file's XML inline. */
const fileRef = (o: Obj, key: string, path: string): string => str(o, key, path, MAX_FILE_CHARS);
const optFileRef = (o: Obj, key: string, path: string): string | undefined => optStr(o, key, path, MAX_FILE_CHARS);

/**
 * Checks a data center description with resolveSpec, in the format's own error. A
 * description holds numbers and short names (and `host`, an object of numbers): when
 * resolveSpec refuses a value that is anything else, the message says so in a few words
 * rather than quoting the value, however big.
 */
export function checkDatacenter(v: unknown, path: string, Err: PathErrorClass): void {
  try {
    resolveSpec(v, path);
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    const rest = e.message.slice(e.path.length + 2);
    if (!rest.startsWith('unknown field')) checkDatacenterInput(v, path, Err);
    throw new Err(e.path.length > 120 ? `${e.path.slice(0, 120)}…` : e.path, rest.length > 500 ? `${rest.slice(0, 500)}…` : rest);
  }
}

function checkDatacenterInput(v: unknown, path: string, Err: PathErrorClass): void {
  if (!isObj(v)) return; // resolveSpec says what it must be
  const check = (o: Obj, p: string, nested: boolean): void => {
    for (const k of Object.keys(o)) {
      if (k.length > 64) throw new Err(`${p}.${k.slice(0, 40)}…`, 'unknown field');
      const x = o[k];
      if (!nested && k === 'host' && isObj(x)) check(x, `${p}.host`, true);
      else if ((typeof x === 'object' && x !== null) || (typeof x === 'string' && x.length > 64)) {
        throw new Err(`${p}.${k}`, `must be a number or a name, got ${describe(x)}`);
      }
    }
  };
  check(v, path, false);
}

function int(o: Obj, key: string, path: string, min: number, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ScenarioError(`${path}.${key}`, `must be a whole number from ${min} to ${max}, got ${describe(v)}`);
  }
  return v;
}

function oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw new ScenarioError(`${path}.${key}`, `must be one of ${values.join(', ')}; got ${describe(v)}`);
  }
  return v as T;
}

/** Fields each action takes besides `at` and `do`; `?` marks optional ones. */
const ACTION_FIELDS: Record<ScenarioAction['do'], readonly string[]> = {
  deploy: ['service', 'slot?', 'csdef?', 'cscfg?'],
  delete: ['service', 'slot?'],
  fail: ['target', 'mode?'],
  repair: ['target'],
  powerCycle: ['target'],
  reboot: ['target'],
  reimage: ['target'],
  scale: ['role', 'count'],
  configure: ['service', 'cscfg'],
  upgrade: ['service', 'csdef', 'cscfg', 'mode'],
  walk: ['service'],
  rollback: ['service'],
  updateHostOs: [],
  swap: ['service'],
  addContainer: ['racks', 'hostsPerRack'],
};

export const ACTIONS = Object.keys(ACTION_FIELDS) as ScenarioAction['do'][];

export const DEPLOYMENT_STATUSES = ['Running', 'Suspended', 'RunningTransitioning', 'SuspendedTransitioning', 'Starting', 'Suspending', 'Deploying', 'Deleting'] as const;

export const INSTANCE_STATUSES = [
  'RoleStateUnknown', 'CreatingVM', 'StartingVM', 'CreatingRole', 'StartingRole', 'ReadyRole', 'BusyRole', 'StoppingRole',
  'StoppingVM', 'DeletingVM', 'StoppedVM', 'RestartingRole', 'CyclingRole', 'FailedStartingRole', 'FailedStartingVM',
  'UnresponsiveRole', 'StoppedDeallocated', 'Preparing',
] as const;

export function parseAction(o: Obj, path: string): ScenarioAction {
  const name = o.do;
  if (typeof name !== 'string' || !(ACTIONS as string[]).includes(name)) {
    throw new ScenarioError(`${path}.do`, `unknown action ${describe(name)}; actions: ${ACTIONS.join(', ')}`);
  }
  const fields = ACTION_FIELDS[name as ScenarioAction['do']];
  onlyFields(o, path, ['at', 'do', 'prompt', ...fields.map((f) => f.replace('?', ''))]);
  for (const f of fields) if (!f.endsWith('?') && o[f] === undefined) throw new ScenarioError(`${path}.${f}`, `is required for "${name}"`);
  switch (name as ScenarioAction['do']) {
    case 'deploy': {
      const slot = o.slot === undefined ? undefined : oneOf(o, 'slot', path, ['production', 'staging'] as const);
      const csdef = optFileRef(o, 'csdef', path);
      const cscfg = optFileRef(o, 'cscfg', path);
      if ((csdef === undefined) !== (cscfg === undefined)) throw new ScenarioError(path, 'csdef and cscfg go together: give both or neither');
      return { do: 'deploy', service: str(o, 'service', path), ...(slot ? { slot } : {}), ...(csdef ? { csdef, cscfg: cscfg! } : {}) };
    }
    case 'delete': {
      const slot = o.slot === undefined ? undefined : oneOf(o, 'slot', path, ['production', 'staging'] as const);
      return { do: 'delete', service: str(o, 'service', path), ...(slot ? { slot } : {}) };
    }
    case 'fail': {
      const mode = optStr(o, 'mode', path);
      return { do: 'fail', target: str(o, 'target', path), ...(mode ? { mode } : {}) };
    }
    case 'repair':
    case 'powerCycle':
    case 'reboot':
    case 'reimage':
      return { do: name as 'repair', target: str(o, 'target', path) };
    case 'scale': {
      const role = str(o, 'role', path);
      if (!/^[^/]+\/[^/]+$/.test(role)) throw new ScenarioError(`${path}.role`, `must be "service/Role", got ${describe(role)}`);
      return { do: 'scale', role, count: int(o, 'count', path, 0, 10_000) };
    }
    case 'configure':
      return { do: 'configure', service: str(o, 'service', path), cscfg: fileRef(o, 'cscfg', path) };
    case 'upgrade':
      return {
        do: 'upgrade',
        service: str(o, 'service', path),
        csdef: fileRef(o, 'csdef', path),
        cscfg: fileRef(o, 'cscfg', path),
        mode: oneOf(o, 'mode', path, ['manual', 'auto', 'simultaneous'] as const),
      };
    case 'walk':
    case 'rollback':
    case 'swap':
      return { do: name as 'walk', service: str(o, 'service', path) };
    case 'updateHostOs':
      return { do: 'updateHostOs' };
    case 'addContainer':
      return { do: 'addContainer', racks: int(o, 'racks', path, 1, 100), hostsPerRack: int(o, 'hostsPerRack', path, 1, 100) };
  }
}

function parseComparison(v: unknown, path: string): Comparison {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return { op: '==', n: v };
  const m = typeof v === 'string' && v.length <= 40 ? /^\s*(==|>=|<=)\s*(\d{1,7})\s*$/.exec(v) : null;
  if (!m) throw new ScenarioError(path, `must be "<op><n>" with op one of ==, >=, <= and n at most 9999999 (e.g. ">=3"), got ${describe(v)}`);
  return { op: m[1] as Comparison['op'], n: Number(m[2]) };
}

function parseExpect(v: unknown, path: string): Expectation {
  const e = obj(v, path);
  if (e.fc !== undefined) {
    onlyFields(e, path, ['fc']);
    const fc = obj(e.fc, `${path}.fc`);
    onlyFields(fc, `${path}.fc`, ['primary', 'primaryNot']);
    if ((fc.primary === undefined) === (fc.primaryNot === undefined)) throw new ScenarioError(`${path}.fc`, 'give exactly one of primary, primaryNot');
    const key = fc.primary !== undefined ? 'primary' : 'primaryNot';
    const id = str(fc, key, `${path}.fc`);
    if (!/^fc[0-4]$/.test(id)) throw new ScenarioError(`${path}.fc.${key}`, `must be an FC replica id fc0..fc4, got ${describe(id)}`);
    return { fc: { [key]: id } };
  }
  if (e.instance !== undefined) {
    onlyFields(e, path, ['instance', 'status', 'host', 'notHost', 'fd', 'ud', 'diffDisk']);
    const instance = str(e, 'instance', path);
    if (!/^[^/]+\/[^/]+_IN_\d+$/.test(instance)) throw new ScenarioError(`${path}.instance`, `must be "service/Role_IN_n", got ${describe(instance)}`);
    const out: { -readonly [K in keyof Extract<Expectation, { instance: string }>]: Extract<Expectation, { instance: string }>[K] } = {
      instance,
      status: oneOf(e, 'status', path, INSTANCE_STATUSES),
    };
    if (e.host !== undefined) out.host = str(e, 'host', path);
    if (e.notHost !== undefined) out.notHost = str(e, 'notHost', path);
    if (e.fd !== undefined) out.fd = int(e, 'fd', path, 0, 100);
    if (e.ud !== undefined) out.ud = int(e, 'ud', path, 0, 19);
    if (e.diffDisk !== undefined) out.diffDisk = oneOf(e, 'diffDisk', path, ['kept', 'fresh'] as const);
    return out;
  }
  if (e.role !== undefined) {
    onlyFields(e, path, ['role', 'ready']);
    const role = str(e, 'role', path);
    if (!/^[^/]+\/[^/]+$/.test(role)) throw new ScenarioError(`${path}.role`, `must be "service/Role", got ${describe(role)}`);
    if (e.ready === undefined) throw new ScenarioError(`${path}.ready`, 'is required with role');
    return { role, ready: parseComparison(e.ready, `${path}.ready`) };
  }
  if (e.rack !== undefined) {
    onlyFields(e, path, ['rack', 'instances']);
    if (e.instances === undefined) throw new ScenarioError(`${path}.instances`, 'is required with rack');
    return { rack: str(e, 'rack', path), instances: int(e, 'instances', path, 0, 1_000_000) };
  }
  if (e.host !== undefined) {
    onlyFields(e, path, ['host', 'status']);
    return { host: str(e, 'host', path), status: oneOf(e, 'status', path, HOST_STATUSES) };
  }
  if (e.service !== undefined) {
    if (e.available !== undefined) {
      onlyFields(e, path, ['service', 'available']);
      if (typeof e.available !== 'boolean') throw new ScenarioError(`${path}.available`, `must be true or false, got ${describe(e.available)}`);
      return { service: str(e, 'service', path), available: e.available };
    }
    onlyFields(e, path, ['service', 'status']);
    return { service: str(e, 'service', path), status: oneOf(e, 'status', path, DEPLOYMENT_STATUSES) };
  }
  throw new ScenarioError(path, 'must name what it checks: service, role, instance, rack, host or fc');
}

function parseStep(v: unknown, path: string, index: number): Step {
  const s = obj(v, path);
  if (s.at === undefined) throw new ScenarioError(`${path}.at`, 'is required');
  if (typeof s.at !== 'string' || s.at.length > MAX_DURATION_CHARS) {
    const got = typeof s.at === 'string' ? `a string of ${grouped(s.at.length)} characters` : describe(s.at);
    throw new ScenarioError(`${path}.at`, `must be a duration such as "90s", "10m" or "1h30m", got ${got}`);
  }
  let at: number;
  try {
    at = parseDuration(s.at);
  } catch (e) {
    throw new ScenarioError(`${path}.at`, (e as Error).message);
  }
  const kinds = ['do', 'expect', 'say', 'ask'].filter((k) => s[k] !== undefined);
  if (kinds.length !== 1) {
    throw new ScenarioError(path, kinds.length === 0 ? 'a step needs one of do, expect, say, ask' : `a step takes one of do, expect, say, ask, not ${kinds.join(' and ')}`);
  }
  const chapter = s.chapter === undefined ? undefined : str(s, 'chapter', path);
  if (s.say !== undefined) {
    onlyFields(s, path, ['at', 'say', 'chapter']);
    return { kind: 'say', at, index, say: str(s, 'say', path), ...(chapter ? { chapter } : {}) };
  }
  if (s.ask !== undefined) {
    onlyFields(s, path, ['at', 'ask', 'choices', 'answer', 'explain', 'chapter']);
    if (!Array.isArray(s.choices) || s.choices.length < 2 || s.choices.length > 6) {
      throw new ScenarioError(`${path}.choices`, `must be an array of 2 to 6 answers, got ${describe(s.choices)}`);
    }
    const choices = s.choices.map((c, i) => {
      if (typeof c !== 'string' || c.trim() === '') throw new ScenarioError(`${path}.choices[${i}]`, `must be a non-empty string, got ${describe(c)}`);
      if (c.length > MAX_TEXT_CHARS) throw new ScenarioError(`${path}.choices[${i}]`, `is ${grouped(c.length)} characters long; at most ${grouped(MAX_TEXT_CHARS)}`);
      return c;
    });
    const question = { ask: str(s, 'ask', path), choices, answer: int(s, 'answer', path, 0, choices.length - 1), explain: str(s, 'explain', path) };
    return { kind: 'ask', at, index, question, ...(chapter ? { chapter } : {}) };
  }
  if (chapter !== undefined) throw new ScenarioError(`${path}.chapter`, 'only a say or ask step opens a chapter');
  if (s.expect !== undefined) {
    onlyFields(s, path, ['at', 'expect']);
    return { kind: 'expect', at, index, expect: parseExpect(s.expect, `${path}.expect`), text: JSON.stringify(s.expect) };
  }
  const prompt = s.prompt === undefined ? undefined : str(s, 'prompt', path);
  return { kind: 'do', at, index, action: parseAction(s, path), ...(prompt ? { prompt } : {}) };
}

function parseService(v: unknown, path: string): ServiceRef {
  const o = obj(v, path);
  onlyFields(o, path, ['name', 'csdef', 'cscfg']);
  const name = str(o, 'name', path);
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(name)) throw new ScenarioError(`${path}.name`, `must be letters, digits and hyphens (a DNS label), got ${describe(name)}`);
  return { name, csdef: fileRef(o, 'csdef', path), cscfg: fileRef(o, 'cscfg', path) };
}

/**
 * Parses the text of a scenario file strictly (parseJson: positions in errors, a key
 * given twice refused, limits on size, depth and values).
 */
export function parseScenario(text: string): Scenario {
  return checkScenario(parseJson(text, ScenarioError, SCENARIO_LIMITS));
}

/** Checks an already-parsed JSON value (its nesting and size first, without recursion). */
export function checkScenario(doc: unknown): Scenario {
  checkJsonShape(doc, ScenarioError, SCENARIO_LIMITS);
  const o = obj(doc, '(root)');
  onlyFields(o, '(root)', ['scenario', 'name', 'description', 'seed', 'timing', 'datacenter', 'services', 'steps']);
  if (o.scenario !== 1) throw new ScenarioError('scenario', `must be 1 (the format version this simulator reads), got ${describe(o.scenario)}`);
  const name = str(o, 'name', '(root)').trim();
  const description = o.description === undefined ? undefined : str(o, 'description', '(root)');
  const seed = o.seed === undefined ? 1 : int(o, 'seed', '(root)', 0, MAX_SEED);
  const timing = o.timing === undefined ? 'realistic' : oneOf(o, 'timing', '(root)', ['realistic', 'fast'] as const);
  if (o.datacenter === undefined) throw new ScenarioError('datacenter', 'is required (counts or { "preset": ... })');
  checkDatacenter(o.datacenter, 'datacenter', ScenarioError);
  const servicesRaw = o.services ?? [];
  if (!Array.isArray(servicesRaw)) throw new ScenarioError('services', `must be an array, got ${describe(servicesRaw)}`);
  const services = servicesRaw.map((s, i) => parseService(s, `services[${i}]`));
  const names = new Set<string>();
  services.forEach((s, i) => {
    if (names.has(s.name)) throw new ScenarioError(`services[${i}].name`, `service "${s.name}" is listed twice`);
    names.add(s.name);
  });
  if (!Array.isArray(o.steps)) throw new ScenarioError('steps', `must be an array, got ${describe(o.steps)}`);
  if (o.steps.length > 100_000) throw new ScenarioError('steps', `at most 100000 steps, got ${o.steps.length}`);
  const steps = o.steps.map((s, i) => parseStep(s, `steps[${i}]`, i));
  steps.forEach((s) => {
    const service = s.kind === 'do' && 'service' in s.action ? s.action.service : undefined;
    if (service !== undefined && !names.has(service)) {
      throw new ScenarioError(`steps[${s.index}].service`, `no service "${service}" in services (${[...names].join(', ') || 'none listed'})`);
    }
  });
  const ordered = [...steps].sort((a, b) => a.at - b.at || a.index - b.index);
  return { scenario: 1, name, ...(description ? { description } : {}), seed, timing, datacenter: o.datacenter, services, steps: ordered };
}
