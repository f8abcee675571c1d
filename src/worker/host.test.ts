import { describe, expect, it } from 'vitest';
import { HOUR } from '../sim/engine/time';
import { Simulation } from '../sim/simulation';
import { RECORDED_SERVICE } from '../test/recorded';
import { WorkerHost, type HostEnv } from './host';
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

  it('runs as fast as possible within a tick budget at speed max', () => {
    const { env, send, frame } = connect(1);
    send({ type: 'init', protocol: PROTOCOL_VERSION, options: { seed: 3, speed: 'max', running: true, deploy: DEPLOY } });
    env.advance(160);
    // 160 ms of wall time runs well over ten minutes of simulated time
    expect(frame().t).toBeGreaterThan(10 * 60_000);
  });
});
