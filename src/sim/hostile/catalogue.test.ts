/**
 * Every entry of the hostile-input catalogue through the app's real entry points (the
 * share links through the page's decodeRunLink: a test may import page code, the
 * simulation core may not): the expected error saying where and what, nothing else
 * escaping, the work within budget; docs/hostile-input.md in step with the table; and
 * what legitimate inputs cost, for comparison.
 *
 * HOSTILE_REPORT=1 also times every entry (wall clock, a generous bound) and prints the
 * figures: a report, not a timed unit test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRunLink, encodeRunLink } from '../../ui/run/link';
import { parseScenario } from '../scenario/parse';
import { loadServiceModel } from '../servicemodel';
import { parseRunFile } from '../timeline/record';
import { HOSTILE, goodRun, linkOf } from './catalogue';
import { WORK_BUDGET, countsByEntry, hostileTable, judge, runHostile, type Outcome } from './run';
import { WORK, measure } from './work';

const REPORT = process.env.HOSTILE_REPORT === '1';
const outcomes = new Map<string, Outcome>();
const times = new Map<string, number>();

describe('the hostile-input catalogue', () => {
  it('has unique ids, and entries at every entry point', () => {
    expect(new Set(HOSTILE.map((h) => h.id)).size).toBe(HOSTILE.length);
    for (const n of Object.values(countsByEntry())) expect(n).toBeGreaterThanOrEqual(5);
  });

  for (const h of HOSTILE) {
    it(`${h.id}: ${h.what}`, async () => {
      const o = await runHostile(h, { link: decodeRunLink, ...(REPORT ? { clock: () => performance.now(), times } : {}) });
      outcomes.set(h.id, o);
      expect(judge(h, o)).toEqual([]);
    }, 30_000);
  }

  it('docs/hostile-input.md holds the table these outcomes make (npx tsx src/sim/hostile/print.ts)', () => {
    expect(outcomes.size).toBe(HOSTILE.length);
    const table = hostileTable(HOSTILE.map((h) => outcomes.get(h.id)!));
    const doc = readFileSync(join(__dirname, '../../../docs/hostile-input.md'), 'utf8');
    expect(doc).toContain(table);
  });

  it.runIf(REPORT)('report: wall time of every entry (a generous bound of 2 s each)', () => {
    const rows = [...times].sort((a, b) => b[1] - a[1]);
    const print = rows.slice(0, 15).map(([id, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${id}`);
    console.log(`hostile inputs, slowest first (of ${rows.length}):\n${print.join('\n')}`);
    for (const [id, ms] of rows) expect(ms, id).toBeLessThan(2_000);
  });
});

const PUBLIC = resolve(__dirname, '../../../public');
const CORPUS = resolve(__dirname, '../../../../shared/servicemodels');
const list = (dir: string, ext: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? list(p, ext) : n.endsWith(ext) ? [p] : [];
      })
    : [];

describe('legitimate inputs, for comparison', () => {
  it('cost under a hundredth of each budget', async () => {
    const most: Record<string, { work: number; what: string }> = {};
    const note = (kind: string, what: string, work: number): void => {
      if (work > (most[kind]?.work ?? -1)) most[kind] = { work, what };
    };
    // every service model the project has: the real-world corpus, the samples, the lessons' files
    const pairs = [...list(CORPUS, '.csdef'), ...list(PUBLIC, '.csdef')].flatMap((def) => {
      const dir = def.slice(0, def.lastIndexOf('/'));
      const cfgs = list(dir, '.cscfg').filter((c) => c.slice(0, c.lastIndexOf('/')) === dir);
      return cfgs.map((cfg) => ({ def, cfg }));
    });
    expect(pairs.length).toBeGreaterThan(5);
    for (const { def, cfg } of pairs) {
      const m = measure(() => loadServiceModel({ csdef: { name: def, bytes: readFileSync(def) }, cscfg: { name: cfg, bytes: readFileSync(cfg) } }));
      expect(m.error).toBeUndefined();
      note('service model pair', `${def.replace(/.*\/(shared|public)\//, '$1/')} + ${cfg.slice(cfg.lastIndexOf('/') + 1)}`, m.work);
    }
    for (const f of list(join(PUBLIC, 'scenarios'), '.json')) {
      const m = measure(() => parseScenario(readFileSync(f, 'utf8')));
      expect(m.error).toBeUndefined();
      note('scenario file', f.replace(/.*\/public\//, 'public/'), m.work);
    }
    const run = JSON.stringify(goodRun());
    note('run file', 'the catalogue\'s good run', measure(() => parseRunFile(run)).work);
    const before = WORK.units;
    await decodeRunLink(linkOf(run));
    note('link', 'the catalogue\'s good run as a link', WORK.units - before);
    const packed = await encodeRunLink(parseRunFile(run));
    const again = WORK.units;
    await decodeRunLink(packed);
    note('link', 'the same, deflated by the page', WORK.units - again);

    expect(most['service model pair']!.work).toBeLessThan(WORK_BUDGET.csdef / 100);
    expect(most['scenario file']!.work).toBeLessThan(WORK_BUDGET.scenario / 100);
    expect(most['run file']!.work).toBeLessThan(WORK_BUDGET['run-file'] / 100);
    expect(most.link!.work).toBeLessThan(WORK_BUDGET.link / 100);
    if (REPORT) console.log(`largest work of a legitimate input:\n${Object.entries(most).map(([k, v]) => `  ${k}: ${v.work} units (${v.what})`).join('\n')}`);
  });
});
