import { describe, expect, it } from 'vitest';
import { HOUR } from '../sim/engine/time';
import { Simulation } from '../sim/simulation';
import { RECORDED_SERVICE } from '../test/recorded';
import { DEPLOYMENTS } from '../sim/fabric/view';
import { serviceFiles } from '../sim/servicemodel/synthetic';
import { DEPLOYMENTS_PER_FRAME, TICK_BUDGET_MS, TICK_MS, WorkerHost, type HostEnv } from './host';
import { HEARTBEAT_MS, PROTOCOL_VERSION, type Frame, type FromWorker, type ToWorker } from './protocol';

const DEPLOY = [{ service: 'shop', ...RECORDED_SERVICE }];

/** A fake wall clock with timers, advanced by hand. */
class FakeEnv implements HostEnv {
  wall = 0;
  /** Wall time each reading of the clock costs, as if work happened between readings. */
  constructor(private readonly costPerRead = 0) {}
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;
  now = () => {
    this.wall += this.costPerRead;
    return this.wall;
  };
  setTimer = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.wall + ms, fn });
    return id;
  };
  clearTimer = (h: unknown) => {
    this.timers.delete(h as number);
  };
  advance(ms: number) {
    const end = this.wall + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.wall = due[1].at;
      due[1].fn();
    }
    this.wall = end;
  }
}

/** Host and client over a channel that structured-clones every message, as postMessage does. */
function connect(costPerRead = 0) {
  const env = new FakeEnv(costPerRead);
  const received: FromWorker[] = [];
  const host = new WorkerHost((m) => received.push(structuredClone(m)), env);
  const send = (m: ToWorker) => host.handle(structuredClone(m));
  const frame = (): Frame => {
    send({ type: 'requestFrame' });
    const last = received.at(-1)!;
    if (last.type !== 'frame') throw new Error(`expected a frame, got ${last.type}`);
    return last.frame;
  };
  return { env, received, send, frame };
}

describe('WorkerHost protocol', () => {
  it('answers init with ready and a snapshot, then runs at the chosen speed', () => {
    const { env, received, send, frame } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 42, speed: 600, running: true, deploy: DEPLOY } });
    expect(received.map((m) => m.type)).toEqual(['ready', 'snapshot', 'record']);
    env.advance(1000);
    const f = frame();
    expect(f.running).toBe(true);
    // 1 s of wall time at 600x is 600 s of simulated time, give or take one tick
    expect(f.t).toBeGreaterThanOrEqual(590_000);
    expect(f.t).toBeLessThanOrEqual(610_000);
    expect(f.log.length).toBe(f.logCount);
  });

  it('pauses, and a step runs exactly one logged event', () => {
    const { env, send, frame } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 42, speed: 60, running: true, deploy: DEPLOY } });
    env.advance(2000);
    send({ type: 'pause' });
    const before = frame();
    env.advance(5000);
    const still = frame();
    expect(still.t).toBe(before.t);
    expect(still.log).toHaveLength(0);
    send({ type: 'step' });
    const after = frame();
    expect(after.logCount).toBe(before.logCount + 1);
    expect(after.log).toHaveLength(1);
    expect(after.log[0]!.seq).toBe(before.logCount);
    expect(after.running).toBe(false);
  });

  it('opens paused at a given time with the same hash as a headless run', () => {
    const { received, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 7, startAt: 2 * HOUR, deploy: DEPLOY } });
    const snap = received.find((m) => m.type === 'snapshot');
    if (snap?.type !== 'snapshot') throw new Error('no snapshot');
    const sim = new Simulation({ seed: 7, deploy: DEPLOY });
    sim.engine.runUntil(2 * HOUR);
    expect(snap.snapshot.running).toBe(false);
    expect(snap.snapshot.t).toBe(2 * HOUR);
    expect(snap.snapshot.hash).toBe(sim.engine.log.hash());
  });

  it('sends only what changed since the last frame', () => {
    const { env, send, frame } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 1, speed: 3600, running: true, deploy: DEPLOY } });
    env.advance(100);
    const f1 = frame();
    const changed = Object.values(f1.diff).reduce((n, d) => n + d.added.length + d.updated.length, 0);
    expect(changed).toBeGreaterThan(0);
    send({ type: 'pause' });
    const f2 = frame();
    expect(f2.diff).toEqual({});
  });

  it('reports a protocol mismatch, a bad speed and commands before init as errors', () => {
    const { received, send } = connect();
    send({ type: 'play' });
    send({ type: 'init', protocol: PROTOCOL_VERSION + 1, options: { seed: 1 } });
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 1, running: false } });
    send({ type: 'setSpeed', speed: 7 as never });
    const errors = received.filter((m) => m.type === 'error').map((m) => (m as { message: string }).message);
    expect(errors[0]).toMatch(/has not been started/);
    expect(errors[1]).toMatch(/protocol/);
    expect(errors[2]).toMatch(/unknown speed 7/);
  });

  it('sends the records of at most DEPLOYMENTS_PER_FRAME deployments a frame, the rest in the next frames', () => {
    const { env, send, frame } = connect();
    const services = Array.from({ length: DEPLOYMENTS_PER_FRAME + 30 }, (_, i) => ({ service: `s${i}`, ...serviceFiles(`s${i}`, [{ name: 'Web', instances: 1, port: 80 }]) }));
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 3, datacenter: { preset: 'cluster' }, speed: 60, running: true, deploy: services } });
    env.advance(30_000);
    const sent = new Map<string, number>();
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const f = frame();
      const d = f.diff[DEPLOYMENTS];
      counts.push((d?.updated.length ?? 0) + (d?.added.length ?? 0));
      for (const r of [...(d?.updated ?? []), ...(d?.added ?? [])]) sent.set(r.id, i);
    }
    expect(Math.max(...counts)).toBe(DEPLOYMENTS_PER_FRAME);
    // every deployment touched is sent within two frames
    expect(sent.size).toBe(services.length);
    send({ type: 'pause' });
  });

  it('runs as fast as possible within a tick budget at speed max', () => {
    const { env, send, frame } = connect(1);
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 3, speed: 'max', running: true, deploy: DEPLOY } });
    env.advance(160);
    // 160 ms of wall time runs well over ten minutes of simulated time
    expect(frame().t).toBeGreaterThan(10 * 60_000);
  });
});

describe('WorkerHost timeline', () => {
  const lesson = {
    scenario: 1,
    name: 'mini',
    seed: 3,
    timing: 'fast',
    datacenter: { preset: 'classroom' },
    services: [{ name: 'shop', csdef: 'shop.csdef', cscfg: 'shop.cscfg' }],
    steps: [
      { at: '0s', do: 'deploy', service: 'shop' },
      { at: '5m', say: 'The shop runs.', chapter: 'Start' },
      { at: '7m', do: 'fail', target: 'c0-r1-tor', prompt: 'Fail the switch of rack c0-r1.' },
      { at: '20m', expect: { service: 'shop', available: true } },
    ],
  };
  const text = (b: string | Uint8Array) => (typeof b === 'string' ? b : new TextDecoder().decode(b));
  const files = { 'shop.csdef': text(RECORDED_SERVICE.csdef.bytes), 'shop.cscfg': text(RECORDED_SERVICE.cscfg.bytes) };

  it('seeks back and forward to the same hash, sending a snapshot after going back', () => {
    const { env, received, send, frame } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 5, speed: 3600, running: true, deploy: DEPLOY } });
    env.advance(1000);
    send({ type: 'pause' });
    const end = frame();
    send({ type: 'seek', t: Math.floor(end.t / 2) });
    send({ type: 'requestFrame' });
    const snap = received.at(-1)!;
    expect(snap.type).toBe('snapshot');
    if (snap.type !== 'snapshot') return;
    expect(snap.snapshot.t).toBe(Math.floor(end.t / 2));
    expect(snap.snapshot.horizon).toBe(end.t);
    send({ type: 'seek', t: end.t });
    send({ type: 'requestFrame' });
    const back = received.at(-1)!;
    expect(back.type === 'snapshot' ? back.snapshot.hash : back.type === 'frame' ? back.frame.hash : '').toBe(end.hash);
  });

  it('asks before an action discards later ones, and forks when told to', () => {
    const { env, received, send, frame } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 5, speed: 3600, running: true, deploy: DEPLOY } });
    env.advance(200);
    send({ type: 'act', id: 1, action: { do: 'fail', target: 'c0-r0-h01' } });
    env.advance(200);
    send({ type: 'pause' });
    const t = frame().t;
    send({ type: 'seek', t: 1000 });
    send({ type: 'act', id: 2, action: { do: 'fail', target: 'c0-r1-tor' } });
    expect(received.at(-1)).toMatchObject({ type: 'actResult', id: 2, ok: false, futureActions: 1 });
    send({ type: 'act', id: 3, action: { do: 'fail', target: 'c0-r1-tor' }, fork: true });
    expect(received.at(-2)).toMatchObject({ type: 'actResult', id: 3, ok: true });
    // the page hears that the user's actions from the first on are now this one
    expect(received.at(-1)).toMatchObject({ type: 'record', from: 0, actions: [{ at: 1000, action: { do: 'fail', target: 'c0-r1-tor' } }] });
    send({ type: 'requestFrame' });
    const s = received.at(-1)!;
    const status = s.type === 'snapshot' ? s.snapshot : s.type === 'frame' ? s.frame : undefined;
    expect(status).toMatchObject({ t: 1000, horizon: 1000, userActions: 1, futureActions: 0 });
    expect(t).toBeGreaterThan(1000);
  });

  it('holds a walkthrough at its stops and checks the learner', () => {
    const { env, received, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 0, speed: 600, running: true, base: { kind: 'scenario', scenario: lesson, files, walkthrough: true } } });
    env.advance(2000);
    send({ type: 'requestFrame' });
    const f = received.at(-1)!;
    if (f.type !== 'frame') throw new Error(f.type);
    expect(f.frame.running).toBe(false);
    expect(f.frame.t).toBe(5 * 60_000);
    expect(f.frame.lesson).toMatchObject({ current: 0, waiting: 'next', stops: [{ kind: 'say' }, { kind: 'prompt', expected: 'fail c0-r1-tor' }] });
    send({ type: 'lesson', command: 'next' });
    env.advance(1000);
    send({ type: 'act', id: 1, action: { do: 'fail', target: 'c0-r0-tor' } });
    expect(received.at(-1)).toMatchObject({ type: 'actResult', ok: false, error: expect.stringMatching(/asks you to fail c0-r1-tor/) });
    send({ type: 'act', id: 2, action: { do: 'fail', target: 'c0-r1-tor' } });
    expect(received.at(-1)).toMatchObject({ type: 'actResult', ok: true });
    env.advance(5000);
    send({ type: 'requestFrame' });
    const g = received.at(-1)!;
    if (g.type !== 'frame') throw new Error(g.type);
    expect(g.frame.lesson).toMatchObject({ done: true, expectations: [{ pass: true }] });
  });

  it('refuses a run whose actions fail on replay, and the run before it goes on', () => {
    const { env, received, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 3, speed: 600, running: true, deploy: DEPLOY } });
    env.advance(500);
    send({ type: 'requestFrame' });
    const before = received.at(-1)!;
    if (before.type !== 'frame') throw new Error(before.type);
    const base = { kind: 'setup' as const, seed: 3, datacenter: { preset: 'demo' }, timing: 'realistic' as const, deploy: DEPLOY };
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 3, base, actions: [{ at: 60_000, action: { do: 'fail', target: 'c9-r9-h99' } }], startAt: 120_000 } });
    const refused = received.at(-1)!;
    expect(refused).toMatchObject({ type: 'error', fatal: false, init: true, message: expect.stringMatching(/^This run could not be opened: .*c9-r9-h99.*The run before it goes on\.$/) });
    env.advance(500);
    send({ type: 'requestFrame' });
    const after = received.at(-1)!;
    if (after.type !== 'frame') throw new Error(after.type);
    expect(after.frame.running).toBe(true);
    expect(after.frame.t).toBeGreaterThan(before.frame.t);
    expect(after.frame.frameNo).toBe(before.frame.frameNo + 1);
  });

  it('refuses walkthrough requests that make no sense now with a notice, and the run goes on', () => {
    const { env, received, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 0, speed: 600, running: true, base: { kind: 'scenario', scenario: lesson, files, walkthrough: true } } });
    env.advance(2000);
    send({ type: 'lesson', command: 'back' });
    expect(received.at(-1)).toMatchObject({ type: 'notice', message: 'This is the first step.' });
    send({ type: 'lesson', command: 'goto', index: 99 });
    expect(received.some((m) => m.type === 'notice' && /no step 100/.test(m.message))).toBe(true);
    send({ type: 'answer', stop: 0, choice: 0 });
    expect(received.at(-1)).toMatchObject({ type: 'notice', message: 'Step 1 is not a question.' });
    expect(received.some((m) => m.type === 'error')).toBe(false);
    send({ type: 'requestFrame' });
    expect(received.at(-1)).toMatchObject({ type: 'frame', frame: { t: 5 * 60_000 } });
  });

  it('exports the whole event log by replaying, the run record and a report', () => {
    const { env, received, send, frame } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 9, speed: 3600, running: true, deploy: DEPLOY } });
    env.advance(500);
    send({ type: 'pause' });
    const f = frame();
    send({ type: 'export', id: 1, what: 'log' });
    const log = received.at(-1)!;
    if (log.type !== 'exported' || log.data.what !== 'log') throw new Error('no log export');
    expect(log.data.total).toBe(f.logCount);
    expect(log.data.records.map((r) => r.seq)).toEqual([...Array(f.logCount).keys()]);
    send({ type: 'export', id: 2, what: 'run' });
    const run = received.at(-1)!;
    if (run.type !== 'exported' || run.data.what !== 'run') throw new Error('no run export');
    expect(run.data.run).toMatchObject({ t: f.t, hash: f.hash, events: f.logCount });
  });

  it('exports the whole log of a walkthrough, past its stops', () => {
    const { env, received, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 0, speed: 600, running: true, base: { kind: 'scenario', scenario: lesson, files, walkthrough: true } } });
    env.advance(2000);
    send({ type: 'lesson', command: 'next' });
    env.advance(1000);
    send({ type: 'act', id: 1, action: { do: 'fail', target: 'c0-r1-tor' } });
    env.advance(1000);
    send({ type: 'pause' });
    send({ type: 'requestFrame' });
    const f = received.at(-1)!;
    if (f.type !== 'frame') throw new Error(f.type);
    expect(f.frame.t).toBeGreaterThan(7 * 60_000);
    send({ type: 'export', id: 5, what: 'log' });
    const log = received.at(-1)!;
    if (log.type !== 'exported' || log.data.what !== 'log') throw new Error('no log export');
    expect(log.data.total).toBe(f.frame.logCount);
  });

  it('says so when there is no later fault to step to', () => {
    const { received, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 9, running: false, deploy: DEPLOY } });
    send({ type: 'stepTo', direction: 'next', kind: 'fault' });
    expect(received.at(-1)).toEqual({ type: 'notice', message: 'No later fault within a day of simulated time.' });
  });
});

describe('WorkerHost reliability', () => {
  const records = (received: FromWorker[]) => received.filter((m): m is Extract<FromWorker, { type: 'record' }> => m.type === 'record');

  it('pushes the run record when the run starts and whenever the user acts or forks', () => {
    const { env, received, send, frame } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 5, speed: 3600, running: true, deploy: DEPLOY } });
    const [first] = records(received);
    expect(first).toMatchObject({ from: 0, actions: [], base: { kind: 'setup', seed: 5, timing: 'realistic', datacenter: { preset: 'demo' } } });
    env.advance(200);
    send({ type: 'act', id: 1, action: { do: 'fail', target: 'c0-r0-h01' } });
    const t1 = frame().t;
    env.advance(200);
    send({ type: 'act', id: 2, action: { do: 'fail', target: 'c0-r1-tor' } });
    // a refused action changes nothing: no record
    send({ type: 'act', id: 3, action: { do: 'fail', target: 'c9-r9-h09' } });
    expect(received.at(-1)).toMatchObject({ type: 'actResult', id: 3, ok: false });
    const pushed = records(received).slice(1);
    expect(pushed).toHaveLength(2);
    expect(pushed[0]).toEqual({ type: 'record', from: 0, actions: [{ at: t1, action: { do: 'fail', target: 'c0-r0-h01' } }] });
    expect(pushed[1]).toMatchObject({ type: 'record', from: 1, actions: [{ action: { do: 'fail', target: 'c0-r1-tor' } }] });
    expect(pushed[1]!.base).toBeUndefined();
    // the pushed record is the one an export gives
    send({ type: 'pause' });
    send({ type: 'export', id: 9, what: 'run' });
    const run = received.at(-1)!;
    if (run.type !== 'exported' || run.data.what !== 'run') throw new Error('no run export');
    expect(run.data.run.actions).toEqual([...pushed[0]!.actions, ...pushed[1]!.actions]);
    // a fork drops the later action: the record from there on is the new one
    send({ type: 'seek', t: t1 + 1 });
    send({ type: 'act', id: 4, action: { do: 'fail', target: 'c0-r2-tor' }, fork: true });
    expect(records(received).at(-1)).toEqual({ type: 'record', from: 1, actions: [{ at: t1 + 1, action: { do: 'fail', target: 'c0-r2-tor' } }] });
  });

  it('reopens a record at its moment with the same hash, even at speed max where ticks end on their budget', () => {
    // every budget check fails (a reading of the clock costs more than a tick's budget): each
    // tick runs 256 events, and many services deployed at once put hundreds in one instant
    const { env, received, send, frame } = connect(TICK_BUDGET_MS + 1);
    const services = Array.from({ length: 40 }, (_, i) => ({ service: `s${i}`, ...serviceFiles(`s${i}`, [{ name: 'Web', instances: 2, port: 80 }]) }));
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 8, datacenter: { preset: 'cluster' }, speed: 'max', running: true, deploy: services } });
    const seen: Frame[] = [];
    for (let i = 0; i < 8; i++) {
      env.advance(TICK_MS);
      seen.push(frame());
    }
    const base = records(received)[0]!.base!;
    for (const f of seen) {
      const again = connect();
      again.send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 8, base, startAt: f.t, running: false } });
      const snap = again.received.find((m) => m.type === 'snapshot');
      if (snap?.type !== 'snapshot') throw new Error('no snapshot');
      // every event of the instant has run (quiet ones too), as in the replay
      expect({ t: snap.snapshot.t, hash: snap.snapshot.hash, processed: snap.snapshot.processed }).toEqual({ t: f.t, hash: f.hash, processed: f.processed });
    }
  });

  it('reports progress while init replays to its moment, and heartbeats while an export replays', () => {
    // every reading of the fake clock costs a heartbeat's interval, as if the replay were slow
    const { received, send } = connect(HEARTBEAT_MS);
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 4, startAt: 3 * HOUR, deploy: DEPLOY } });
    const types = received.map((m) => m.type);
    expect(types.filter((t) => t === 'seeking').length).toBeGreaterThan(2);
    expect(types.slice(-4)).toEqual(['seeking', 'ready', 'snapshot', 'record']);
    expect(received.at(-4)).toEqual({ type: 'seeking', from: 0, to: 3 * HOUR, done: true });
    received.length = 0;
    send({ type: 'export', id: 1, what: 'log' });
    expect(received.filter((m) => m.type === 'heartbeat').length).toBeGreaterThan(2);
    expect(received.at(-1)).toMatchObject({ type: 'exported', id: 1 });
  });

  it('announces work it cannot slice', () => {
    const { received, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 9, running: false, deploy: DEPLOY } });
    received.length = 0;
    send({ type: 'stepTo', direction: 'next', kind: 'decision' });
    expect(received.map((m) => m.type)).toEqual(['busy', 'busy']);
    expect(received).toEqual([
      { type: 'busy', what: 'step', done: false },
      { type: 'busy', what: 'step', done: true },
    ]);
  });

  it('injects a crash from a timer (an uncaught error) and a hang that never returns', () => {
    const { env, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 9, running: false, deploy: DEPLOY } });
    send({ type: 'debug', fault: 'crash' });
    expect(() => env.advance(1)).toThrow(/a crash injected from the Debug panel/);

    // a hang spins reading the clock: this fake clock gives up after a million reads
    let reads = 0;
    const spin = new FakeEnv();
    const now = spin.now;
    spin.now = () => {
      if (++reads > 1_000_000) throw new Error('still spinning');
      return now();
    };
    const host = new WorkerHost(() => undefined, spin);
    host.handle({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 9, running: false, deploy: DEPLOY } });
    host.handle({ type: 'debug', fault: 'hang' });
    reads = 0;
    expect(() => spin.advance(1)).toThrow('still spinning');
    expect(reads).toBeGreaterThan(1_000_000);
  });

  it('says when a failure happened', () => {
    const { received, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 9, startAt: 60_000, deploy: DEPLOY } });
    send({ type: 'seek', t: -1 });
    expect(received.at(-1)).toMatchObject({ type: 'error', fatal: true, t: 60_000, message: expect.stringMatching(/seek: time must be/) });
  });
});
