/** Scenario files from the person's computer: checked, their files found by name, kept (or refused with where and what). */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../sim/timeline/build';
import { parseRunFile, runFileToJson, type RunFile } from '../../sim/timeline/record';
import { decodeRunLink, encodeRunLink } from '../run/link';
import { MemoryKept } from './db';
import { deleteScenario, importScenario, jsonProblem, listScenarios, MAX_KEPT_SCENARIOS, MAX_SCENARIO_FILE_BYTES, readScenarioFiles, scenarioBase } from './scenarios';
import { FullKept } from './testing';

const PUBLIC = join(__dirname, '../../../public');
const read = (path: string) => readFileSync(join(PUBLIC, path), 'utf8');
const CSDEF = read('samples/shop/ServiceDefinition.csdef');
const CSCFG = read('samples/shop/ServiceConfiguration.cscfg');
const STORM = read('scenarios/services/tor-switch.json').replace('"A top-of-rack switch fails"', '"A storm of switch failures"');

const file = (name: string, text: string | Uint8Array<ArrayBuffer>) => new File([text], name);
const stormFiles = () => [file('storm.json', STORM), file('ServiceDefinition.csdef', CSDEF), file('ServiceConfiguration.cscfg', CSCFG)];

describe('opening a scenario file with the files it names', () => {
  it('keeps a good one with the text of every file it names, by the reference as written', async () => {
    const db = new MemoryKept();
    const r = await importScenario(db, stormFiles(), 1000);
    expect(r).toMatchObject({ ok: true, replaced: false, scenario: { file: 'storm.json', title: 'storm', name: 'A storm of switch failures', text: STORM, savedAt: 1000 } });
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.files).toEqual({ 'samples/shop/ServiceDefinition.csdef': CSDEF, 'samples/shop/ServiceConfiguration.cscfg': CSCFG });
    expect(await listScenarios(db)).toEqual([r.scenario]);
    // the same file again replaces it
    expect(await importScenario(db, stormFiles(), 2000)).toMatchObject({ ok: true, replaced: true });
    expect(await listScenarios(db)).toHaveLength(1);
    await deleteScenario(db, 'storm.json');
    expect(await listScenarios(db)).toEqual([]);
  });

  it('needs no files for inline XML, and plays as a run that starts from local/<file name>', async () => {
    const inline = JSON.stringify({ ...JSON.parse(STORM), services: [{ name: 'shop', csdef: CSDEF, cscfg: CSCFG }] });
    const r = await readScenarioFiles([file('inline.json', inline)]);
    if (!r.ok) throw new Error(r.message);
    expect(r.scenario.files).toEqual({});
    const base = scenarioBase(r.scenario, true);
    expect(base).toMatchObject({ kind: 'scenario', path: 'local/inline.json', walkthrough: true, files: {} });
    expect(() => buildTimeline(base, [], { checkpoints: false })).not.toThrow();
  });

  it('carries the whole scenario in its run file and its link', async () => {
    const r = await readScenarioFiles(stormFiles());
    if (!r.ok) throw new Error(r.message);
    const base = scenarioBase(r.scenario, false);
    const { timeline } = buildTimeline(base, [], { checkpoints: false });
    timeline.advance(60_000);
    const run: RunFile = { fabricLab: 'run', version: 1, base, actions: [], t: 60_000, hash: timeline.sim.engine.log.hash(), events: timeline.sim.engine.log.count };
    expect(parseRunFile(runFileToJson(run))).toEqual(run);
    const link = await encodeRunLink(run);
    const back = await decodeRunLink(`#${link}`);
    expect(back.base).toEqual(base);
    const again = buildTimeline(back.base, [], { checkpoints: false }).timeline;
    again.advance(60_000);
    expect(again.sim.engine.log.hash()).toBe(run.hash);
  });

  it('refuses a scenario whose named file was not chosen, naming the file, the place and the file to add', async () => {
    const db = new MemoryKept();
    const r = await importScenario(db, [file('storm.json', STORM), file('ServiceDefinition.csdef', CSDEF)]);
    expect(r).toEqual({
      ok: false,
      message:
        'storm.json: services[0].cscfg: names the file "samples/shop/ServiceConfiguration.cscfg", which was not among the chosen files: choose ServiceConfiguration.cscfg together with storm.json. Nothing was kept.',
    });
    expect(await db.keys('scenarios')).toEqual([]);
  });

  it('refuses bad JSON, saying where', async () => {
    const text = '{\n  "scenario": 1,\n  "name": "x"\n  "seed": 2\n}';
    const r = await readScenarioFiles([file('storm.json', text)]);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^storm\.json: not valid JSON at line 4, column 3: .+\. Nothing was kept\.$/) });
    expect(jsonProblem('[1,', new SyntaxError('Unexpected end of JSON input'))).toBe('not valid JSON at line 1, column 4: Unexpected end of JSON input');
    expect(jsonProblem('{"a":\n tru}', new SyntaxError('JSON.parse: unexpected character at line 2 column 2 of the JSON data'))).toBe(
      'not valid JSON at line 2, column 2: unexpected character',
    );
  });

  it('refuses a scenario error with its JSON path', async () => {
    const doc = JSON.parse(STORM);
    doc.steps[3].at = 'soon';
    const r = await readScenarioFiles([file('storm.json', JSON.stringify(doc)), ...stormFiles().slice(1)]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^storm\.json: steps\[3\]\.at: .*"soon".*\. Nothing was kept\.$/);
  });

  it('refuses two different files of the same name, and a file that is not one scenario', async () => {
    const doc = JSON.parse(STORM);
    doc.services.push({ name: 'hello', csdef: 'samples/hello/ServiceDefinition.csdef', cscfg: 'samples/hello/ServiceConfiguration.cscfg' });
    const r = await readScenarioFiles([file('two.json', JSON.stringify(doc)), ...stormFiles().slice(1)]);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^two\.json: services\[1\]\.csdef: names "samples\/hello\/ServiceDefinition\.csdef", and another place names "samples\/shop\/ServiceDefinition\.csdef"/) });
    expect(await readScenarioFiles([file('a.csdef', CSDEF)])).toMatchObject({ ok: false, message: expect.stringMatching(/^Choose a scenario file \(\.json\)/) });
    expect(await readScenarioFiles([file('a.json', STORM), file('b.json', STORM)])).toMatchObject({ ok: false, message: expect.stringMatching(/^Choose one scenario file at a time/) });
  });

  it('refuses a file of 4 MiB and one byte, and keeps one of exactly 4 MiB', async () => {
    const big = new Uint8Array(MAX_SCENARIO_FILE_BYTES + 1);
    expect(await readScenarioFiles([file('big.json', big)])).toEqual({
      ok: false,
      message: 'big.json is 4,194,305 bytes; a scenario file and each file it names may be at most 4 MiB (4,194,304 bytes). Nothing was kept.',
    });
    expect(await readScenarioFiles([file('storm.json', STORM), file('ServiceDefinition.csdef', big), file('ServiceConfiguration.cscfg', CSCFG)])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^ServiceDefinition\.csdef is 4,194,305 bytes/),
    });
    const padded = STORM + ' '.repeat(MAX_SCENARIO_FILE_BYTES - new TextEncoder().encode(STORM).length);
    expect(await readScenarioFiles([file('padded.json', padded), ...stormFiles().slice(1)])).toMatchObject({ ok: true });
  });

  it('keeps at most 100 scenarios: the 101st is refused, replacing one is not', async () => {
    const db = new MemoryKept();
    for (let i = 0; i < MAX_KEPT_SCENARIOS; i++) await db.put('scenarios', `s${i}.json`, { version: 1 }, 'test');
    const r = await importScenario(db, stormFiles());
    expect(r).toEqual({
      ok: false,
      message: 'storm.json was not kept: this browser already keeps 100 scenarios, the most it may. Delete one under "Your scenarios" (or in "Saved data") first.',
    });
    expect(await db.keys('scenarios')).toHaveLength(100);
    expect(await importScenario(db, [file('s7.json', STORM), ...stormFiles().slice(1)])).toMatchObject({ ok: true, replaced: true });
  });

  it('says what could not be kept when the storage is full', async () => {
    expect(await importScenario(new FullKept(), stormFiles())).toEqual({
      ok: false,
      message: expect.stringMatching(/^The scenario storm\.json could not be saved in this browser: its storage for this site is full\./),
    });
  });

  it('leaves out kept values of another shape', async () => {
    const db = new MemoryKept();
    await db.put('scenarios', 'odd.json', { version: 9 }, 'test');
    await db.put('scenarios', 'bad.json', 'text', 'test');
    expect(await listScenarios(db)).toEqual([]);
  });
});
