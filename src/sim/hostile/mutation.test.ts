/**
 * Random damage to good inputs: byte flips, cuts, fragments of JSON or XML spliced in,
 * keys and names renamed. Whatever comes out, each reader either reads it or refuses it
 * with its own error type and a message that says where and what, never another
 * exception, and within the entry point's work budget.
 *
 * ~200 runs in the normal suite; HOSTILE_RUNS=5000 for a long run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError, parseScenario } from '../scenario/parse';
import { loadServiceModel } from '../servicemodel';
import { DeployError, Simulation } from '../simulation';
import { RunFileError, parseRunFile } from '../timeline/record';
import { utf8 } from './bytes';
import { GOOD_CSCFG, GOOD_CSDEF, SERVICE, goodRun, goodScenario } from './catalogue';
import { WORK_BUDGET } from './run';
import { measure } from './work';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 0);
/** Runs per property: ~200 in all by default. */
const runs = (n: number): number => (RUNS > 0 ? RUNS : n);
/** A long run takes its time (the normal one stays well inside the default). */
const TIMEOUT = RUNS > 0 ? 60_000 + RUNS * 20 : 10_000;

const PUBLIC = join(__dirname, '../../../public');
const files = (dir: string, ext: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : n.endsWith(ext) ? [p] : [];
  }, TIMEOUT);

const SCENARIOS = [JSON.stringify(goodScenario(), null, 2), ...files(join(PUBLIC, 'scenarios'), '.json').slice(0, 12).map((f) => readFileSync(f, 'utf8'))];
const DEFS = [GOOD_CSDEF, ...files(join(PUBLIC, 'samples'), '.csdef').map((f) => readFileSync(f, 'utf8'))];
const CFGS = [GOOD_CSCFG, ...files(join(PUBLIC, 'samples'), '.cscfg').map((f) => readFileSync(f, 'utf8'))];
const RUN = JSON.stringify(goodRun(), null, 1);

const JSON_BITS = ['{', '}', '[', ']', '"', ',', ':', 'null', 'true', '-', '1e309', '0.5', '"__proto__":', '"constructor":{},', '"at":"1m",', '\\u0000', '\\', '\n', '\u2028', '\ud800', '[[[[[[[[', '"x":', '""'];
const XML_BITS = ['<', '>', '/>', '</a>', '<a>', '&', '&amp;', '&#0;', '&#x110000;', '&lt;', '<!DOCTYPE x>', '<!--', '-->', '<![CDATA[', ']]>', '"', "'", '=', 'xmlns="urn:x"', 'xmlns:p="urn:p" p:a="1"', '<?xml version="1.0"?>', '\u0000', '\ud800', '\u202e', ' count="-1"', ' name=""'];
const KEYS = ['__proto__', 'constructor', 'toString', 'at', 'do', 'scenario', 'steps', 'x', ''];
const NAMES = ['Role', 'Instances', 'WebRole', 'Setting', 'ServiceConfiguration', 'name', 'count', 'a', 'xmlns'];

type Edit = (s: string) => string;

/** One random edit of a text: flip a character, cut, splice in a fragment, rename a key or a name. */
function edit(bits: readonly string[], renames: 'json' | 'xml'): fc.Arbitrary<Edit> {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  return fc.oneof(
    fc.tuple(at, fc.integer({ min: 0, max: 0xffff })).map(([p, c]): Edit => (s) => {
      const i = Math.floor(p * s.length);
      return s.slice(0, i) + String.fromCharCode(c) + s.slice(i + 1);
    }),
    at.map((p): Edit => (s) => s.slice(0, Math.floor(p * s.length))),
    fc.tuple(at, fc.oneof(fc.constantFrom(...bits), fc.json({ maxDepth: 3 }), fc.string({ maxLength: 8 }))).map(([p, frag]): Edit => (s) => {
      const i = Math.floor(p * s.length);
      return s.slice(0, i) + frag + s.slice(i);
    }),
    fc.tuple(at, fc.constantFrom(...(renames === 'json' ? KEYS : NAMES))).map(([p, name]): Edit => (s) => {
      const re = renames === 'json' ? /"([^"\\]{1,40})"\s*:/g : /<\/?([A-Za-z][\w:.-]*)|\s([A-Za-z][\w:.-]*)=/g;
      const all = [...s.matchAll(re)];
      if (all.length === 0) return s;
      const m = all[Math.min(all.length - 1, Math.floor(p * all.length))]!;
      const old = m[1] ?? m[2]!;
      const start = m.index + m[0].indexOf(old);
      return s.slice(0, start) + name + s.slice(start + old.length);
    }),
  );
}

const mutated = (bases: readonly string[], bits: readonly string[], renames: 'json' | 'xml'): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...bases), fc.array(edit(bits, renames), { minLength: 1, maxLength: 4 })).map(([base, edits]) => edits.reduce((s, e) => e(s), base));

/** Bytes with random bits flipped (after UTF-8 encoding). */
const flipped = (text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> =>
  fc.tuple(text, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })), { maxLength: 3 })).map(([t, flips]) => {
    const b = utf8(t);
    for (const [p, x] of flips) if (b.length > 0) b[Math.min(b.length - 1, Math.floor(p * b.length))]! ^= x;
    return b;
  });

/** A path error says where (a JSON path, or a line and column) and what. */
function saysWhereAndWhat(e: ScenarioError | RunFileError): void {
  const where = e.path !== '' || /line \d+, column \d+/.test(e.message);
  expect(where, e.message).toBe(true);
  const what = e.path === '' ? e.message : e.message.slice(e.path.length + 2);
  expect(what.trim().length, e.message).toBeGreaterThan(5);
}

const sim = new Simulation({ seed: 1, datacenter: { preset: 'classroom' } });

function checkServiceModel(csdef: Uint8Array | string, cscfg: Uint8Array | string): void {
  const pair = { csdef: { name: 'd.csdef', bytes: csdef }, cscfg: { name: 'c.cscfg', bytes: cscfg } };
  const m = measure(() => loadServiceModel(pair, { host: sim.spec.host }));
  expect(m.error).toBeUndefined();
  expect(m.work).toBeLessThanOrEqual(WORK_BUDGET.csdef);
  for (const d of m.result!.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.file === 'd.csdef' || d.file === 'c.cscfg').toBe(true);
    expect(d.message.trim().length).toBeGreaterThan(10);
  }
  try {
    sim.loadPackage(SERVICE, pair);
  } catch (e) {
    // a model of another name is refused by name; everything else must be positioned diagnostics
    if (!(e instanceof DeployError)) throw e;
    expect(e.message.length).toBeGreaterThan(10);
  }
}

describe('random damage to good inputs', () => {
  it('scenario files: read, or a ScenarioError saying where and what', () => {
    fc.assert(
      fc.property(mutated(SCENARIOS, JSON_BITS, 'json'), (text) => {
        const m = measure(() => parseScenario(text));
        expect(m.work).toBeLessThanOrEqual(WORK_BUDGET.scenario);
        if (m.error === undefined) return;
        if (!(m.error instanceof ScenarioError)) throw m.error;
        saysWhereAndWhat(m.error);
      }),
      { numRuns: runs(70), seed: 20261124 },
    );
  }, TIMEOUT);

  it('.csdef files (as text and as damaged bytes): positioned diagnostics, and deploy refuses only with a DeployError', () => {
    fc.assert(
      fc.property(mutated(DEFS, XML_BITS, 'xml'), fc.boolean(), (text, asBytes) => {
        checkServiceModel(asBytes ? utf8(text) : text, GOOD_CSCFG);
      }),
      { numRuns: runs(40), seed: 20261125 },
    );
    fc.assert(
      fc.property(flipped(fc.constantFrom(...DEFS)), (bytes) => checkServiceModel(bytes, GOOD_CSCFG)),
      { numRuns: runs(20), seed: 20261126 },
    );
  }, TIMEOUT);

  it('.cscfg files (as text and as damaged bytes): the same', () => {
    fc.assert(
      fc.property(mutated(CFGS, XML_BITS, 'xml'), fc.boolean(), (text, asBytes) => {
        checkServiceModel(GOOD_CSDEF, asBytes ? utf8(text) : text);
      }),
      { numRuns: runs(40), seed: 20261127 },
    );
  }, TIMEOUT);

  it('run files: read, or a RunFileError saying where and what', () => {
    fc.assert(
      fc.property(mutated([RUN], JSON_BITS, 'json'), (text) => {
        const m = measure(() => parseRunFile(text));
        expect(m.work).toBeLessThanOrEqual(WORK_BUDGET['run-file']);
        if (m.error === undefined) return;
        if (!(m.error instanceof RunFileError)) throw m.error;
        saysWhereAndWhat(m.error);
      }),
      { numRuns: runs(30), seed: 20261128 },
    );
  }, TIMEOUT);
});
