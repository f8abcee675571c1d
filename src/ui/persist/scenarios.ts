/**
 * Scenario files from the person's computer ("Open scenario file…" in the Lessons menu):
 * the scenario's .json and the .csdef/.cscfg files it names, chosen together. The JSON
 * is checked as the headless runner checks it (checkScenario: every problem names its
 * JSON path), and each file it names (a path relative to the scenario, per
 * shared/scenarios.md; inline XML needs no file) is found among the chosen files by its
 * base name. Every problem is one message `file: path: what`, and then nothing is kept.
 * A good scenario is kept in IndexedDB (store `scenarios`, key: the file name) with the
 * text of every file it names, and plays as a run whose start is
 * `{ kind: 'scenario', path: 'local/<file name>', scenario, files }`, so its links and
 * run files carry the whole scenario.
 */

import { checkScenario, parseScenario } from '../../sim/scenario/parse';
import { RUN_LIMITS, type RunBase } from '../../sim/timeline/record';
import { decodeFile } from '../servicemodel/files';
import type { KeptDb } from './db';

/** The largest file that may be chosen (the scenario and each file it names). */
export const MAX_SCENARIO_FILE_BYTES = 4 * 1024 * 1024;
/** How many scenarios this browser keeps. */
export const MAX_KEPT_SCENARIOS = 100;
/** Where a kept scenario says it came from, before its file name. */
export const LOCAL_PREFIX = 'local/';
/** The longest file name kept (a run's record carries it in its start's path). */
const MAX_NAME_CHARS = 200;

/** A scenario kept in this browser. */
export interface KeptScenario {
  /** The file name (`storm.json`): the key, unique among the kept scenarios. */
  readonly file: string;
  /** What the menu calls it: the file name without `.json` (`storm`). */
  readonly title: string;
  /** The scenario's own `name`. */
  readonly name: string;
  /** The scenario file's text, as chosen. */
  readonly text: string;
  /** The text of every file it names, by the reference as written in it. */
  readonly files: Readonly<Record<string, string>>;
  /** Characters of the scenario and its files. */
  readonly size: number;
  /** When it was kept (ms since 1970). */
  readonly savedAt: number;
}

const VERSION = 1;

export function titleOf(file: string): string {
  return file.replace(/\.json$/i, '');
}

/** The last part of a path written with / or \. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

const bytes = (n: number) => n.toLocaleString('en-US');

/** `not valid JSON at line L, column C: why` from a JSON.parse error, where the browser says where. */
export function jsonProblem(text: string, e: unknown): string {
  const message = String((e as Error).message ?? e);
  let line: number | undefined;
  let column: number | undefined;
  const lc = /line (\d+) column (\d+)/.exec(message);
  const pos = /at position (\d+)/.exec(message);
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else {
    const at = pos ? Number(pos[1]) : /end of (JSON|data)/i.test(message) ? text.length : undefined;
    if (at !== undefined) {
      const before = text.slice(0, at);
      line = before.split('\n').length;
      column = at - before.lastIndexOf('\n');
    }
  }
  const what = message
    .replace(/^JSON\.parse: /, '')
    .replace(/ (in JSON )?at position \d+( \(line \d+ column \d+\))?/, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '');
  return line !== undefined ? `not valid JSON at line ${line}, column ${column}: ${what}` : `not valid JSON: ${what}`;
}

/** Every file reference of a checked scenario document, with the JSON path of each place that names it. */
function references(doc: Record<string, unknown>): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  const add = (v: unknown, path: string) => {
    if (typeof v !== 'string' || v.trimStart().startsWith('<')) return;
    refs.set(v, [...(refs.get(v) ?? []), path]);
  };
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  list(doc.services).forEach((s, i) => {
    add(s.csdef, `services[${i}].csdef`);
    add(s.cscfg, `services[${i}].cscfg`);
  });
  list(doc.steps).forEach((s, i) => {
    if (s.do === undefined) return;
    add(s.csdef, `steps[${i}].csdef`);
    add(s.cscfg, `steps[${i}].cscfg`);
  });
  return refs;
}

async function readBytes(f: File): Promise<Uint8Array> {
  return new Uint8Array(await f.arrayBuffer());
}

export type ReadScenario = { readonly ok: true; readonly scenario: KeptScenario } | { readonly ok: false; readonly message: string };

const refuse = (message: string): ReadScenario => ({ ok: false, message });

/**
 * Reads the chosen files as one scenario: exactly one .json, and the files it names.
 * Says what is wrong, naming the file and the place inside it; keeps nothing.
 */
export async function readScenarioFiles(list: readonly File[], now: number = Date.now()): Promise<ReadScenario> {
  const json = list.filter((f) => /\.json$/i.test(f.name));
  if (json.length === 0) return refuse(`Choose a scenario file (.json) together with the .csdef and .cscfg files it names; ${list.map((f) => f.name).join(', ') || 'nothing'} was chosen.`);
  if (json.length > 1) return refuse(`Choose one scenario file at a time (with the files it names); ${json.map((f) => f.name).join(', ')} were chosen.`);
  for (const f of list) {
    if (f.size > MAX_SCENARIO_FILE_BYTES) return refuse(`${f.name} is ${bytes(f.size)} bytes; a scenario file and each file it names may be at most 4 MiB (${bytes(MAX_SCENARIO_FILE_BYTES)} bytes). Nothing was kept.`);
  }
  const main = json[0]!;
  if (main.name.length > MAX_NAME_CHARS) return refuse(`The scenario file's name is ${main.name.length} characters long; at most ${MAX_NAME_CHARS}. Nothing was kept.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readBytes(main)).replace(/^\uFEFF/, '');
  } catch (e) {
    return refuse(`${main.name}: could not be read as UTF-8 text (${(e as Error).message}). Nothing was kept.`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return refuse(`${main.name}: ${jsonProblem(text, e)}. Nothing was kept.`);
  }
  let name: string;
  try {
    // strictly, as the headless runner reads it (a key given twice, sizes, nesting), then checkScenario
    name = parseScenario(text).name;
  } catch (e) {
    return refuse(`${main.name}: ${(e as Error).message}. Nothing was kept.`);
  }
  const others = list.filter((f) => f !== main);
  const byBase = new Map<string, string>();
  const files: Record<string, string> = {};
  let size = text.length;
  const refs = references(doc as Record<string, unknown>);
  if (refs.size > RUN_LIMITS.services * 4) return refuse(`${main.name}: names ${refs.size} files; a scenario opened from your computer may name at most ${RUN_LIMITS.services * 4}. Nothing was kept.`);
  for (const [ref, paths] of refs) {
    const base = baseName(ref);
    const where = `${main.name}: ${paths[0]}`;
    const clash = byBase.get(base.toLowerCase());
    if (clash !== undefined) {
      return refuse(
        `${where}: names "${ref}", and another place names "${clash}"; both are files called ${base}, and a scenario opened from your computer must name its files by different names (or write them inline). Nothing was kept.`,
      );
    }
    byBase.set(base.toLowerCase(), ref);
    const file = others.find((f) => f.name === base) ?? others.find((f) => f.name.toLowerCase() === base.toLowerCase());
    if (!file) return refuse(`${where}: names the file "${ref}", which was not among the chosen files: choose ${base} together with ${main.name}. Nothing was kept.`);
    let read: ReturnType<typeof decodeFile>;
    try {
      read = decodeFile(file.name, await readBytes(file));
    } catch (e) {
      return refuse(`${where}: ${file.name} could not be read (${(e as Error).message}). Nothing was kept.`);
    }
    if (!read.file) return refuse(`${where}: ${read.problems.join(' ')} Nothing was kept.`);
    files[ref] = read.file.text;
    size += read.file.text.length;
  }
  return { ok: true, scenario: { file: main.name, title: titleOf(main.name), name, text, files, size, savedAt: now } };
}

function stored(k: KeptScenario): Record<string, unknown> {
  return { version: VERSION, ...k };
}

/** A kept value's shape, checked (a damaged or foreign one is left out). */
function fromStored(key: string, v: unknown): KeptScenario | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (o.version !== VERSION || o.file !== key || typeof o.name !== 'string' || typeof o.text !== 'string' || typeof o.savedAt !== 'number') return undefined;
  if (typeof o.files !== 'object' || o.files === null || Object.values(o.files).some((t) => typeof t !== 'string')) return undefined;
  return { file: key, title: titleOf(key), name: o.name, text: o.text, files: o.files as Record<string, string>, size: typeof o.size === 'number' ? o.size : o.text.length, savedAt: o.savedAt };
}

/** The kept scenarios, by title. */
export async function listScenarios(db: KeptDb): Promise<KeptScenario[]> {
  const out: KeptScenario[] = [];
  for (const { key, value } of await db.entries('scenarios')) {
    const k = fromStored(key, value);
    if (k) out.push(k);
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}

export type ImportResult = { readonly ok: true; readonly scenario: KeptScenario; readonly replaced: boolean } | { readonly ok: false; readonly message: string };

/** Reads the chosen files and keeps the scenario (replacing one of the same file name); nothing is kept on any problem. */
export async function importScenario(db: KeptDb, list: readonly File[], now: number = Date.now()): Promise<ImportResult> {
  const read = await readScenarioFiles(list, now);
  if (!read.ok) return read;
  const k = read.scenario;
  let keys: string[];
  try {
    keys = await db.keys('scenarios');
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const replaced = keys.includes(k.file);
  if (!replaced && keys.length >= MAX_KEPT_SCENARIOS) {
    return { ok: false, message: `${k.file} was not kept: this browser already keeps ${MAX_KEPT_SCENARIOS} scenarios, the most it may. Delete one under "Your scenarios" (or in "Saved data") first.` };
  }
  try {
    await db.put('scenarios', k.file, stored(k), `The scenario ${k.file}`);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  return { ok: true, scenario: k, replaced };
}

export function deleteScenario(db: KeptDb, file: string): Promise<void> {
  return db.delete('scenarios', file, `The scenario ${file}`);
}

/** The start of a run that plays a kept scenario (checked again: what was kept may be old). */
export function scenarioBase(k: KeptScenario, walkthrough: boolean): RunBase {
  let doc: unknown;
  try {
    doc = JSON.parse(k.text);
  } catch (e) {
    throw new Error(`${k.file}: ${jsonProblem(k.text, e)}`, { cause: e });
  }
  try {
    checkScenario(doc);
  } catch (e) {
    throw new Error(`${k.file}: ${(e as Error).message}`, { cause: e });
  }
  return { kind: 'scenario', scenario: doc, path: `${LOCAL_PREFIX}${k.file}`, files: { ...k.files }, walkthrough };
}
