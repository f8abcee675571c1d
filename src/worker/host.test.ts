import { describe, expect, it } from 'vitest';
import { HOUR } from '../sim/engine/time';
import { Simulation } from '../sim/simulation';
import { RECORDED_SERVICE } from '../test/recorded';
import { DEPLOYMENTS } from '../sim/fabric/view';
import { serviceFiles } from '../sim/servicemodel/synthetic';
import { DEPLOYMENTS_PER_FRAME, WorkerHost, type HostEnv } from './host';
import { PROTOCOL_VERSION, type Frame, type FromWorker, type ToWorker } from './protocol';

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
    expect(received.map((m) => m.type)).toEqual(['ready', 'snapshot']);
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
    expect(received.at(-1)).toMatchObject({ type: 'actResult', id: 3, ok: true });
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

  it('says so when there is no later fault to step to', () => {
    const { received, send } = connect();
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 9, running: false, deploy: DEPLOY } });
    send({ type: 'stepTo', direction: 'next', kind: 'fault' });
    expect(received.at(-1)).toEqual({ type: 'notice', message: 'No later fault within a day of simulated time.' });
  });
});
