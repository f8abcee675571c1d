import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../cli/scenario';
import { parseScenario } from '../scenario/parse';
import { runScenario, scenarioTimeline } from '../scenario/run';
import { Simulation } from '../simulation';
import { serviceFiles } from '../servicemodel/synthetic';
import { buildTimeline, recordOf } from './build';
import { cloneSimulation } from './checkpoint';
import { parseRunFile, runFileToJson, type RunBase } from './record';
import { CHECKPOINT_BUDGET_BYTES, checkpointPolicy, ForkNeeded, Timeline } from './timeline';

const PUBLIC = join(__dirname, '../../../public');
const text = (p: string) => readFileSync(join(PUBLIC, p), 'utf8');
const shop = {
  service: 'shop',
  csdef: { name: 'ServiceDefinition.csdef', bytes: new TextEncoder().encode(text('samples/shop/ServiceDefinition.csdef')) },
  cscfg: { name: 'ServiceConfiguration.cscfg', bytes: text('samples/shop/ServiceConfiguration.cscfg') },
};
const setupBase: RunBase = { kind: 'setup', seed: 42, datacenter: { preset: 'demo' }, timing: 'realistic', deploy: [shop] };

function list(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? list(p) : n.endsWith('.json') ? [p] : [];
  });
}

const MIN = 60_000;

describe('checkpoints', () => {
  it('a copy runs on exactly as the original, and shares nothing with it', () => {
    const { timeline } = buildTimeline(setupBase, [], { checkpoints: false });
    timeline.advance(10 * MIN);
    timeline.act({ do: 'fail', target: 'c0-r1-tor' });
    timeline.advance(12 * MIN);
    const copy = cloneSimulation(timeline.sim);
    expect(copy.engine.log.hash()).toBe(timeline.sim.engine.log.hash());
    copy.engine.runUntil(60 * MIN);
    // the original did not move with the copy
    expect(timeline.sim.engine.now).toBe(12 * MIN);
    timeline.advance(60 * MIN);
    expect(copy.summary()).toEqual(timeline.sim.summary());
    expect(copy.hardware.dc).not.toBe(timeline.sim.hardware.dc);
  });

  it('takes them further apart as the run grows, within a budget', () => {
    // the demo and the cluster keep the plain intervals
    expect(checkpointPolicy(64, 6)).toMatchObject({ everyEvents: 20_000, everyMs: 30 * MIN });
    expect(checkpointPolicy(1000, 300)).toMatchObject({ everyEvents: 20_000, everyMs: 30 * MIN });
    // a deployed region: a copy's time grows with its size, so do the intervals
    const region = checkpointPolicy(100_000, 250_000);
    expect(region.everyEvents).toBeGreaterThan(500_000);
    expect(region.everyMs).toBe(6 * 60 * MIN);
    // one copy of it does not fit the budget beside the first: seeks replay from there
    expect(region.bytes).toBeGreaterThan(CHECKPOINT_BUDGET_BYTES / 2);
  });

  it('copies a large state exactly: many instances, their packed histories and lists', () => {
    const sim = new Simulation({ seed: 3, datacenter: { preset: 'demo' } });
    for (let s = 0; s < 3; s++) sim.deploy(`svc${s}`, 'production', serviceFiles(`svc${s}`, [{ name: 'Web', instances: 20, port: 80 }, { name: 'Worker', instances: 20 }], 5));
    sim.engine.runUntil(20 * MIN);
    sim.hardware.fail('c0-r1-tor');
    sim.engine.runUntil(40 * MIN);
    const copy = cloneSimulation(sim);
    const a = [...sim.fabric.deployments.values()].flatMap((d) => [...d.roles.values()].flat());
    const b = [...copy.fabric.deployments.values()].flatMap((d) => [...d.roles.values()].flat());
    expect(b).toEqual(a);
    expect(b[0]).not.toBe(a[0]);
    expect(copy.fabric.instancesOnHost(a[0]!.host)).toEqual(sim.fabric.instancesOnHost(a[0]!.host));
    copy.engine.runUntil(3 * 60 * MIN);
    sim.engine.runUntil(3 * 60 * MIN);
    expect(copy.summary()).toEqual(sim.summary());
  });

  it('refuses a closure it cannot copy rather than drift', () => {
    const sim = new Simulation({ seed: 1, datacenter: { preset: 'classroom' } });
    sim.engine.on('made.later', () => undefined);
    expect(() => cloneSimulation(sim)).toThrow(/made\.later.*a function that a fresh simulation does not have/);
  });
});

describe('seeking', () => {
  const files = list(join(PUBLIC, 'scenarios'));
  for (const file of files) {
    it(`${relative(PUBLIC, file)}: back to a third, then forward, gives the straight run's states`, () => {
      const scenario = parseScenario(readFileSync(file, 'utf8'));
      const straight = runScenario(scenario, scenarioFiles(file));
      const end = straight.final.simulatedMs;
      const tl = scenarioTimeline(scenario, scenarioFiles(file));
      tl.advance(end);
      expect(tl.sim.engine.log.hash()).toBe(straight.hash);
      const third = Math.floor(end / 3);
      tl.seek(third);
      const reference = scenarioTimeline(scenario, scenarioFiles(file), false, false);
      reference.advance(third);
      expect(tl.now).toBe(third);
      expect(tl.sim.engine.log.hash()).toBe(reference.sim.engine.log.hash());
      tl.seek(end);
      expect(tl.sim.engine.log.hash()).toBe(straight.hash);
      expect(tl.results.map((e) => e.pass)).toEqual(straight.expectations.map((e) => e.pass));
    });
  }

  it('keeps a bounded number of checkpoints on a long run', () => {
    const { timeline } = buildTimeline(setupBase);
    for (let h = 1; h <= 40; h++) {
      timeline.advance(h * 3_600_000);
      const host = `c0-r${Math.floor(h / 4) % 4}-h0${Math.floor(h / 4) % 8}`;
      if (h % 4 === 0) timeline.act({ do: 'fail', target: host });
      if (h % 4 === 2 && h > 4) timeline.act({ do: 'repair', target: host });
    }
    expect(timeline.checkpointCount).toBeGreaterThan(3);
    expect(timeline.checkpointCount).toBeLessThanOrEqual(48);
    const hash = timeline.sim.engine.log.hash();
    timeline.seek(3_600_000);
    timeline.seek(40 * 3_600_000);
    expect(timeline.sim.engine.log.hash()).toBe(hash);
  });
});

describe('acting in the past', () => {
  it('asks before discarding later actions, then forks', () => {
    const { timeline } = buildTimeline(setupBase);
    timeline.advance(10 * MIN);
    timeline.act({ do: 'fail', target: 'c0-r0-h01' });
    timeline.advance(20 * MIN);
    timeline.act({ do: 'fail', target: 'c0-r1-tor' });
    timeline.advance(40 * MIN);
    timeline.seek(15 * MIN);
    expect(timeline.futureActions()).toBe(1);
    expect(() => timeline.act({ do: 'fail', target: 'c0-r2-tor' })).toThrow(ForkNeeded);
    // seeking forward again replays the kept action
    timeline.seek(40 * MIN);
    expect(timeline.userActions().map((a) => a.action)).toEqual([
      { do: 'fail', target: 'c0-r0-h01' },
      { do: 'fail', target: 'c0-r1-tor' },
    ]);
    timeline.seek(15 * MIN);
    timeline.act({ do: 'fail', target: 'c0-r2-tor' }, true);
    expect(timeline.futureActions()).toBe(0);
    expect(timeline.horizon).toBe(15 * MIN);
    expect(timeline.userActions()).toEqual([
      { at: 10 * MIN, action: { do: 'fail', target: 'c0-r0-h01' } },
      { at: 15 * MIN, action: { do: 'fail', target: 'c0-r2-tor' } },
    ]);
  });

  it('a refused action is not recorded', () => {
    const { timeline } = buildTimeline(setupBase);
    timeline.advance(MIN);
    expect(() => timeline.act({ do: 'fail', target: 'c9-r9-tor' })).toThrow(/no tor c9-r9-tor/);
    expect(timeline.userActions()).toEqual([]);
  });
});

describe('run records', () => {
  it('a saved run, read back and replayed, reaches the same hash', () => {
    const { timeline } = buildTimeline(setupBase);
    timeline.advance(5 * MIN);
    timeline.act({ do: 'fail', target: 'c0-r3-tor' });
    timeline.advance(6 * MIN);
    timeline.act({ do: 'scale', role: 'shop/WebRole', count: 4 });
    timeline.advance(45 * MIN);
    const saved = runFileToJson(recordOf(setupBase, timeline));
    const run = parseRunFile(saved);
    const again = buildTimeline(run.base, run.actions).timeline;
    again.advance(run.t);
    expect(again.sim.engine.log.hash()).toBe(run.hash);
    expect(again.sim.engine.log.count).toBe(run.events);
  });

  it('keeps a user action and a scenario step of the same instant in their order', () => {
    const file = join(PUBLIC, 'scenarios/services/tor-switch.json');
    const scenario = parseScenario(readFileSync(file, 'utf8'));
    const tl = scenarioTimeline(scenario, scenarioFiles(file), true);
    // play as a walkthrough would, acting while held at the first stop
    let guard = 0;
    while (!tl.holding && guard++ < 1000) tl.advance(tl.now + MIN);
    const at = tl.now;
    tl.act({ do: 'fail', target: 'c0-r0-h00' });
    tl.next();
    tl.advance(at + 30 * MIN);
    const actions = tl.userActions();
    expect(actions).toHaveLength(1);
    const files: Record<string, string> = {};
    for (const s of scenario.services) for (const ref of [s.csdef, s.cscfg]) files[ref] = String(scenarioFiles(file)(ref));
    const base: RunBase = { kind: 'scenario', scenario: JSON.parse(readFileSync(file, 'utf8')), files, walkthrough: false };
    const again = buildTimeline(base, actions).timeline;
    again.advance(at + 30 * MIN);
    expect(again.sim.engine.log.hash()).toBe(tl.sim.engine.log.hash());
  });

  it.each([
    ['{', /not valid JSON/],
    ['[]', /\(root\): must be an object/],
    ['{"fabricLab":"run","version":9}', /version: this run was saved in format version 9; this version of Fabric Lab reads version 1/],
    ['{"fabricLab":"other"}', /not a Fabric Lab run/],
  ])('refuses %s with a clear error', (input, message) => {
    expect(() => parseRunFile(input)).toThrow(message);
  });

  it('refuses absurd sizes and bad fields, naming where', () => {
    const good = JSON.parse(runFileToJson(recordOf(setupBase, buildTimeline(setupBase).timeline))) as Record<string, unknown>;
    interface Loose {
      base: Record<string, unknown>;
      actions: unknown[];
      [key: string]: unknown;
    }
    const bad = (patch: (o: Loose) => void) => {
      const o = structuredClone(good) as Loose;
      patch(o);
      return () => parseRunFile(JSON.stringify(o));
    };
    expect(bad((o) => (o.base.datacenter = { containers: 1_000_000, racksPerContainer: 1000, hostsPerRack: 1000 }))).toThrow(/base\.datacenter/);
    expect(bad((o) => (o.t = 1e300))).toThrow(/^t: must be a whole number of milliseconds/);
    expect(bad((o) => (o.actions = [{ at: 5, action: { do: 'explode', target: 'x' } }]))).toThrow(/actions\[0\]\.action\.do: unknown action/);
    expect(bad((o) => (o.actions = [{ at: 9, action: { do: 'fail', target: 'c0-r0-tor' } }, { at: 2, action: { do: 'fail', target: 'c0-r1-tor' } }]))).toThrow(/actions\[1\]\.at: actions must be in time order/);
    expect(bad((o) => (o.extra = 1))).toThrow(/\(root\)\.extra: unknown field/);
    expect(bad((o) => (o.base.seed = -1))).toThrow(/base\.seed/);
    expect(bad((o) => (o.actions = new Array(10_001).fill({ at: 0, action: { do: 'updateHostOs' } })))).toThrow(/at most 10000/);
    expect(() => parseRunFile('x'.repeat(8_000_001))).toThrow(/at most 8000000/);
  });

  it('carries a binary service file as base64', () => {
    // the shop's configuration in UTF-16LE with a byte-order mark (a run file checks that its service files load)
    const cfg = text('samples/shop/ServiceConfiguration.cscfg');
    const bytes = new Uint8Array(2 + cfg.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < cfg.length; i++) bytes.set([cfg.charCodeAt(i) & 0xff, cfg.charCodeAt(i) >> 8], 2 + i * 2);
    const json = runFileToJson({
      ...recordOf(setupBase, buildTimeline(setupBase).timeline),
      actions: [{ at: 0, action: { do: 'configure', service: 'shop', cscfg: { name: 'utf16.cscfg', bytes } } }],
    });
    const back = parseRunFile(json).actions[0]!.action;
    expect(back).toEqual({ do: 'configure', service: 'shop', cscfg: { name: 'utf16.cscfg', bytes } });
  });
});

describe('stepping', () => {
  it('steps to the next and previous fault', () => {
    const { timeline } = buildTimeline(setupBase, [
      { at: 10 * MIN, action: { do: 'fail', target: 'c0-r0-h01' } },
      { at: 30 * MIN, action: { do: 'fail', target: 'c0-r1-tor' } },
    ]);
    timeline.advance(60 * MIN);
    timeline.seek(0);
    expect(timeline.stepNext('fault')).toBe(true);
    expect(timeline.now).toBe(10 * MIN);
    expect(timeline.stepNext('fault')).toBe(true);
    expect(timeline.now).toBe(30 * MIN);
    expect(timeline.stepPrev('fault')).toBe(true);
    expect(timeline.now).toBe(10 * MIN);
    expect(timeline.stepPrev('fault')).toBe(false);
    expect(timeline.stepNext('decision')).toBe(true);
    expect(timeline.now).toBeGreaterThan(10 * MIN);
    const before = timeline.sim.engine.log.count;
    expect(timeline.stepNext('event')).toBe(true);
    expect(timeline.sim.engine.log.count).toBeGreaterThan(before);
  });

  it('keeps showing the markers ahead after a seek back, with the numbers a replay gives them', () => {
    const { timeline } = buildTimeline(setupBase, [{ at: 10 * MIN, action: { do: 'fail', target: 'c0-r1-tor' } }]);
    timeline.advance(40 * MIN);
    const all = timeline.markers();
    expect(all.some((m) => m.kind === 'fault' && m.t === 10 * MIN)).toBe(true);
    timeline.seek(5 * MIN);
    expect(timeline.markers()).toEqual(all);
    timeline.seek(40 * MIN);
    expect(timeline.sim.markers.all()).toEqual(all);
    timeline.seek(5 * MIN);
    timeline.act({ do: 'fail', target: 'c0-r2-tor' }, true);
    expect(timeline.markers().every((m) => m.t <= 5 * MIN)).toBe(true);
  });

  it('says when there is no later fault and stays where it was', () => {
    const { timeline } = buildTimeline(setupBase);
    timeline.advance(10 * MIN);
    const hash = timeline.sim.engine.log.hash();
    expect(timeline.stepNext('fault')).toBe(false);
    expect(timeline.now).toBe(10 * MIN);
    expect(timeline.sim.engine.log.hash()).toBe(hash);
  });
});

describe('walkthroughs', () => {
  const lesson = {
    scenario: 1,
    name: 'mini lesson',
    seed: 3,
    timing: 'fast',
    datacenter: { preset: 'classroom' },
    services: [{ name: 'shop', csdef: 'samples/shop/ServiceDefinition.csdef', cscfg: 'samples/shop/ServiceConfiguration.cscfg' }],
    steps: [
      { at: '0s', do: 'deploy', service: 'shop' },
      { at: '5m', say: 'The shop runs.', chapter: 'Start' },
      { at: '6m', ask: 'What happens when c0-r1-tor fails?', choices: ['all down', 'one FD lost'], answer: 1, explain: 'Roles span three racks.' },
      { at: '7m', do: 'fail', target: 'c0-r1-tor', prompt: 'Fail the switch of rack c0-r1.' },
      { at: '20m', expect: { service: 'shop', available: true } },
      { at: '21m', say: 'It stayed up.', chapter: 'After' },
    ],
  };
  const scenario = parseScenario(JSON.stringify(lesson));
  const resolve = scenarioFiles(join(PUBLIC, 'scenarios/x.json'));

  function play(tl: Timeline, limit = 30 * MIN): void {
    let guard = 0;
    while (!tl.holding && tl.now < limit && guard++ < 10_000) tl.advance(Math.min(limit, tl.now + MIN));
  }

  it('holds at each stop, checks the learner, and reaches the headless hash', () => {
    const tl = scenarioTimeline(scenario, resolve, true);
    play(tl);
    expect(tl.lessonState()).toMatchObject({ current: 0, waiting: 'next' });
    expect(tl.now).toBe(5 * MIN);
    tl.next();
    play(tl);
    expect(tl.lessonState()).toMatchObject({ current: 1, waiting: 'answer' });
    expect(() => tl.next()).toThrow(/answer the question first/);
    expect(tl.answer(1, 0)).toMatchObject({ correct: false, answer: 1 });
    expect(tl.lessonState().waiting).toBe('next');
    tl.next();
    play(tl);
    expect(tl.lessonState()).toMatchObject({ current: 2, waiting: 'action' });
    expect(() => tl.act({ do: 'fail', target: 'c0-r2-tor' })).toThrow(/asks you to fail c0-r1-tor; you chose to fail c0-r2-tor/);
    expect(tl.lessonState().hint).toMatch(/fail c0-r1-tor/);
    tl.act({ do: 'fail', target: 'c0-r1-tor' });
    expect(tl.userActions()).toEqual([]);
    play(tl);
    expect(tl.lessonState()).toMatchObject({ current: 3, waiting: 'next' });
    tl.next();
    tl.advance(30 * MIN);
    const state = tl.lessonState();
    expect(state.done).toBe(true);
    expect(state.expectations.map((e) => e.pass)).toEqual([true]);
    const headless = runScenario(scenario, resolve);
    expect(tl.sim.engine.log.hash()).toBe(headless.hash);
  });

  it('goes back a stop and to a chapter, and forward again to the same state', () => {
    const tl = scenarioTimeline(scenario, resolve, true);
    play(tl);
    tl.next();
    play(tl);
    tl.answer(1, 1);
    tl.next();
    play(tl);
    tl.next(); // "do it for me"
    play(tl);
    expect(tl.lessonState().current).toBe(3);
    const hashAtLast = tl.sim.engine.log.hash();
    tl.back();
    expect(tl.lessonState()).toMatchObject({ current: 2, waiting: 'action' });
    expect(tl.now).toBe(7 * MIN);
    expect(tl.lessonState().answers[1]).toMatchObject({ correct: true });
    tl.goToStop(0);
    expect(tl.lessonState()).toMatchObject({ current: 0, waiting: 'next' });
    expect(tl.now).toBe(5 * MIN);
    tl.goToStop(3);
    expect(tl.sim.engine.log.hash()).toBe(hashAtLast);
    expect(tl.lessonState().expectations).toHaveLength(1);
  });
});
