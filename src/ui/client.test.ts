import { afterEach, describe, expect, it } from 'vitest';
import { RECORDED_SERVICE } from '../test/recorded';
import { WorkerHost } from '../worker/host';
import type { FromWorker, InitOptions, ToWorker } from '../worker/protocol';
import type { RunFile } from '../sim/timeline/record';
import { makeActions } from './actions';
import { FabricClient, PROBATION_MS, RUN_NOTIFY_MS, type FrameScheduler, type WorkerLike } from './client';
import { BUSY_HANG_MS, WATCH_EVERY_MS } from './recovery/watchdog';
import { createFabricStore } from './store/store';

/**
 * The real client and the real host over an in-memory channel that structured-clones
 * every message and delivers it asynchronously-in-order, as postMessage does.
 */
function channel() {
  const toHost: ToWorker[] = [];
  const toPage: FromWorker[] = [];
  const listeners: ((e: MessageEvent<FromWorker>) => void)[] = [];
  const host = new WorkerHost((m) => toPage.push(structuredClone(m)), {
    now: () => 0,
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  const worker: WorkerLike = {
    postMessage: (m) => toHost.push(structuredClone(m)),
    addEventListener: (type: string, fn: (e: never) => void) => {
      if (type === 'message') listeners.push(fn as (e: MessageEvent<FromWorker>) => void);
    },
    terminate: () => undefined,
  };
  /** Delivers everything queued in both directions until quiet. */
  const flush = () => {
    while (toHost.length || toPage.length) {
      while (toHost.length) host.handle(toHost.shift()!);
      while (toPage.length) {
        const data = toPage.shift()!;
        for (const l of listeners) l({ data } as MessageEvent<FromWorker>);
      }
    }
  };
  let pendingFrame: (() => void) | undefined;
  const frames: FrameScheduler = {
    request: (fn) => {
      pendingFrame = fn;
      return 1;
    },
    cancel: () => {
      pendingFrame = undefined;
    },
  };
  const animationFrame = () => pendingFrame?.();
  return { worker, flush, frames, animationFrame, toHost };
}

const clients: FabricClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

describe('FabricClient with the worker host', () => {
  it('starts, fills the store, and asks for at most one frame per animation frame', () => {
    const store = createFabricStore();
    const ch = channel();
    const client = new FabricClient(ch.worker, store, ch.frames);
    clients.push(client);
    client.start({ seed: 11, startAt: 60_000, deploy: [{ service: 'shop', ...RECORDED_SERVICE }] });
    ch.flush();
    expect(store.getState()).toMatchObject({ connection: 'ready', seed: 11, t: 60_000, running: false });

    ch.animationFrame();
    ch.animationFrame(); // the first frame has not arrived yet: no second request
    expect(ch.toHost.filter((m) => m.type === 'requestFrame')).toHaveLength(1);
    ch.flush();
    expect(store.getState().frames).toBe(1);

    client.send({ type: 'step' });
    ch.animationFrame();
    ch.flush();
    const s = store.getState();
    expect(s.frames).toBe(2);
    expect(s.log.at(-1)!.seq).toBe(s.logCount - 1);
  });

  it('puts a worker error in the store', () => {
    const store = createFabricStore();
    const ch = channel();
    const client = new FabricClient(ch.worker, store, ch.frames);
    clients.push(client);
    client.start({ seed: -5 });
    ch.flush();
    expect(store.getState().connection).toBe('failed');
    expect(store.getState().error?.message).toMatch(/seed must be a whole number/);
  });
});

/**
 * A worker for the recovery tests: a real WorkerHost behind an in-memory channel, which
 * can crash (an ErrorEvent, as an uncaught error in a worker gives) or hang (it stops
 * handling and answering anything).
 */
class FakeWorker implements WorkerLike {
  readonly sent: ToWorker[] = [];
  private readonly toHost: ToWorker[] = [];
  private readonly toPage: FromWorker[] = [];
  private readonly listeners = new Map<string, ((e: never) => void)[]>();
  private readonly host = new WorkerHost((m) => this.toPage.push(structuredClone(m)), { now: () => 0, setTimer: () => 0, clearTimer: () => undefined });
  hung = false;
  terminated = false;

  constructor() {
    this.toPage.push({ type: 'heartbeat' }); // the module loaded, as src/worker/index.ts says
  }

  postMessage(m: ToWorker): void {
    if (this.terminated) return;
    this.sent.push(m);
    this.toHost.push(structuredClone(m));
  }
  addEventListener(type: string, fn: (e: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Handles and answers everything queued, until quiet (nothing when hung or terminated). */
  flush(): boolean {
    let any = false;
    while (!this.hung && !this.terminated && (this.toHost.length || this.toPage.length)) {
      any = true;
      while (this.toHost.length && !this.hung) this.host.handle(this.toHost.shift()!);
      while (this.toPage.length && !this.terminated) {
        const data = this.toPage.shift()!;
        for (const l of this.listeners.get('message') ?? []) (l as (e: MessageEvent<FromWorker>) => void)({ data } as MessageEvent<FromWorker>);
      }
    }
    return any;
  }
  /** An uncaught error in the worker. */
  crash(message: string): void {
    for (const l of this.listeners.get('error') ?? []) (l as (e: Event) => void)(new ErrorEvent('error', { message }));
  }
  get init(): InitOptions | undefined {
    const m = this.sent.find((x) => x.type === 'init');
    return m?.type === 'init' ? m.options : undefined;
  }
}

const HANG = 10_000;
const DEPLOY = [{ service: 'shop', ...RECORDED_SERVICE }];

/** A client over fake workers, a fake wall clock, fake interval timers and a visibility switch. */
function harness() {
  const store = createFabricStore();
  const workers: FakeWorker[] = [];
  let wall = 0;
  let visible = true;
  const intervals = new Map<number, { fn: () => void; ms: number; next: number }>();
  let nextHandle = 1;
  let pendingFrame: (() => void) | undefined;
  const frames: FrameScheduler = {
    request: (fn) => {
      pendingFrame = fn;
      return 1;
    },
    cancel: () => {
      pendingFrame = undefined;
    },
  };
  const client = new FabricClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    store,
    frames,
    {
      clock: () => wall,
      timers: {
        setInterval: (fn, ms) => {
          const h = nextHandle++;
          intervals.set(h, { fn, ms, next: wall + ms });
          return h;
        },
        clearInterval: (h) => intervals.delete(h as number),
      },
      visible: () => visible,
      hangMs: HANG,
    },
  );
  clients.push(client);
  const actions = makeActions((m) => client.send(m), store);
  const h = {
    store,
    client,
    actions,
    workers,
    get worker() {
      return workers.at(-1)!;
    },
    /** Delivers everything in every live worker until quiet. */
    flush() {
      while (workers.some((w) => w.flush()));
    },
    /** One animation frame (a frame request, when none is outstanding), then delivery. */
    frame() {
      pendingFrame?.();
      h.flush();
    },
    /** Wall time passes (the watchdog looks every WATCH_EVERY_MS), delivering as it goes. */
    elapse(ms: number) {
      const end = wall + ms;
      while (wall < end) {
        wall = Math.min(end, wall + WATCH_EVERY_MS);
        for (const t of [...intervals.values()]) {
          while (t.next <= wall) {
            t.next += t.ms;
            t.fn();
          }
        }
        h.frame();
      }
    },
    setVisible(v: boolean) {
      visible = v;
    },
  };
  return h;
}

/** A run paused at 1 minute with two actions of the user, then run on to 2 minutes. */
function runWithActions(h: ReturnType<typeof harness>) {
  h.client.start({ seed: 7, deploy: DEPLOY, running: false });
  h.flush();
  h.client.send({ type: 'seek', t: 30_000 });
  h.actions.act({ do: 'fail', target: 'c0-r0-h01' });
  h.client.send({ type: 'seek', t: 60_000 });
  h.actions.act({ do: 'fail', target: 'c0-r1-tor' });
  h.client.send({ type: 'seek', t: 120_000 });
  h.frame();
  const s = h.store.getState();
  expect(s).toMatchObject({ connection: 'ready', t: 120_000, userActions: 2 });
  return { t: s.t, hash: s.hash };
}

describe('FabricClient recovery', () => {
  it('keeps the run record from the worker and hands it to subscribers', () => {
    const h = harness();
    const runs: RunFile[] = [];
    h.client.subscribeRun((r) => runs.push(r));
    const before = runWithActions(h);
    const run = h.client.currentRun()!;
    expect(run).toMatchObject({ fabricLab: 'run', base: { kind: 'setup', seed: 7 }, t: before.t, hash: before.hash });
    expect(run.actions.map((a) => [a.at, a.action])).toEqual([
      [30_000, { do: 'fail', target: 'c0-r0-h01' }],
      [60_000, { do: 'fail', target: 'c0-r1-tor' }],
    ]);
    // one call for the start and one for each action, each at once
    expect(runs.map((r) => r.actions.length)).toEqual([0, 1, 2]);
    // a moving clock is told at most every RUN_NOTIFY_MS
    h.client.send({ type: 'seek', t: 150_000 });
    h.frame();
    h.client.send({ type: 'seek', t: 160_000 });
    h.frame();
    expect(runs).toHaveLength(3);
    h.elapse(RUN_NOTIFY_MS);
    expect(runs).toHaveLength(4);
    expect(runs.at(-1)!.t).toBe(160_000);
    h.elapse(5 * RUN_NOTIFY_MS);
    expect(runs).toHaveLength(4); // the clock stood still
  });

  it('restarts a crashed worker from the record at the last moment, with every action and the same hash', () => {
    const h = harness();
    const before = runWithActions(h);
    const first = h.worker;
    first.crash('Uncaught Error: boom');
    expect(first.terminated).toBe(true);
    expect(h.workers).toHaveLength(2);
    expect(h.store.getState()).toMatchObject({ connection: 'recovering', recovery: { phase: 'recovering', reason: 'The simulation worker crashed: Uncaught Error: boom.' } });
    const init = h.worker.init!;
    expect(init).toMatchObject({ base: { kind: 'setup', seed: 7 }, startAt: before.t, running: false, speed: 60 });
    expect(init.actions).toHaveLength(2);
    h.flush();
    const s = h.store.getState();
    expect(s).toMatchObject({ connection: 'ready', t: before.t, hash: before.hash, userActions: 2, recovery: { phase: 'recovered' } });
    expect(s.recovery!.outcome).toBe(`Restarted from your run record at 0+00:02:00 with your 2 actions; nothing was lost. The event-log hash there matches (${before.hash}).`);
    // frames flow again from the new worker
    h.client.send({ type: 'seek', t: 180_000 });
    h.frame();
    expect(h.store.getState().t).toBe(180_000);
  });

  it('restarts a worker that stopped answering, running at its speed as it was', () => {
    const h = harness();
    const before = runWithActions(h);
    h.client.send({ type: 'setSpeed', speed: 600 });
    h.client.send({ type: 'play' });
    h.frame();
    expect(h.store.getState().running).toBe(true);
    h.worker.hung = true;
    h.elapse(HANG - WATCH_EVERY_MS);
    expect(h.workers).toHaveLength(1);
    h.elapse(2 * WATCH_EVERY_MS);
    expect(h.workers).toHaveLength(2);
    expect(h.workers[0]!.terminated).toBe(true);
    expect(h.worker.init).toMatchObject({ startAt: h.store.getState().t, running: true, speed: 600 });
    expect(h.store.getState().recovery?.reason).toBe('The simulation worker stopped answering for 10 s.');
    h.flush();
    expect(h.store.getState()).toMatchObject({ connection: 'ready', running: true, userActions: 2, recovery: { phase: 'recovered' } });
    expect(h.store.getState().t).toBeGreaterThanOrEqual(before.t);
  });

  it('does not count time while the page is hidden', () => {
    const h = harness();
    runWithActions(h);
    h.worker.hung = true;
    h.frame(); // a frame request goes unanswered
    h.setVisible(false);
    h.elapse(10 * HANG);
    expect(h.workers).toHaveLength(1);
    h.setVisible(true);
    h.elapse(HANG - WATCH_EVERY_MS);
    expect(h.workers).toHaveLength(1);
    h.elapse(2 * WATCH_EVERY_MS);
    expect(h.workers).toHaveLength(2);
  });

  it('allows a longer silence for work the worker announced it cannot slice', () => {
    const h = harness();
    runWithActions(h);
    h.client.send({ type: 'stepTo', direction: 'next', kind: 'fault' });
    // the worker says it is busy, then stops: as if it were still searching
    h.worker.flush();
    h.frame();
    expect(h.workers).toHaveLength(1);
    const w = h.worker;
    (w as unknown as { toPage: FromWorker[] }).toPage.push({ type: 'busy', what: 'step', done: false });
    w.flush();
    w.hung = true;
    h.elapse(3 * HANG);
    expect(h.workers).toHaveLength(1);
    h.elapse(BUSY_HANG_MS);
    expect(h.workers).toHaveLength(2);
  });

  it('fails in-flight actions and exports instead of leaving them waiting', async () => {
    const h = harness();
    runWithActions(h);
    h.worker.hung = true;
    const id = h.actions.act({ do: 'fail', target: 'c0-r2-tor' });
    const exported = h.actions.exportData('run');
    let rejected: unknown;
    exported.catch((e: unknown) => (rejected = e));
    h.elapse(HANG + WATCH_EVERY_MS);
    await Promise.resolve();
    expect(rejected).toBeInstanceOf(Error);
    expect((rejected as Error).message).toMatch(/stopped before it answered/);
    expect(h.store.getState().actionError).toMatchObject({ id, action: 'fail', message: expect.stringMatching(/^not applied/) });
    // the lost action is not replayed, and the message says it must be done again
    expect(h.worker.init!.actions).toHaveLength(2);
    h.flush();
    expect(h.store.getState().recovery!.outcome).toMatch(/1 action still on its way when the worker stopped was not applied \(fail c0-r2-tor\): do it again/);
  });

  it('retries once without the last action when the restarted worker fails again before passing the point, then gives up', () => {
    const h = harness();
    const before = runWithActions(h);
    h.worker.crash('boom');
    h.flush();
    expect(h.store.getState().recovery?.phase).toBe('recovered');
    // again, before the run got past 0+00:02:00
    h.worker.crash('boom');
    expect(h.workers).toHaveLength(3);
    const init = h.worker.init!;
    expect(init.startAt).toBe(before.t);
    expect(init.actions!.map((a) => a.action)).toEqual([{ do: 'fail', target: 'c0-r0-h01' }]);
    h.flush();
    const s = h.store.getState();
    expect(s).toMatchObject({ connection: 'ready', userActions: 1 });
    expect(s.recovery!.reason).toBe('The simulation worker crashed: boom. The restarted simulation worker crashed again: boom, before getting past 0+00:02:00.');
    expect(s.recovery!.outcome).toMatch(
      /^Restarted from your run record at 0\+00:02:00 with 1 action of yours, leaving out fail c0-r1-tor at 0\+00:01:00: the simulation stopped twice after it, so it was dropped/,
    );
    expect(h.client.currentRun()!.actions).toHaveLength(1);
    // and once more: it gives up, and says how to go on
    h.worker.crash('boom');
    expect(h.workers).toHaveLength(3);
    expect(h.store.getState()).toMatchObject({ connection: 'failed', recovery: { phase: 'gave-up' } });
    expect(h.store.getState().recovery!.outcome).toBe('It could not be restarted from your run record: it stopped again even without your action fail c0-r1-tor at 0+00:01:00. Start afresh to begin a new run.');
    // Start afresh: a new worker, a new run
    h.client.startAfresh({ seed: 3, deploy: DEPLOY, running: false });
    h.flush();
    expect(h.workers).toHaveLength(4);
    expect(h.store.getState()).toMatchObject({ connection: 'ready', seed: 3, recovery: undefined, userActions: 0 });
  });

  it('starts over at the first attempt once the restarted run got past the point of failure', () => {
    const h = harness();
    runWithActions(h);
    h.worker.crash('boom');
    h.flush();
    h.client.send({ type: 'seek', t: 121_000 });
    h.elapse(PROBATION_MS + WATCH_EVERY_MS);
    h.worker.crash('boom');
    expect(h.worker.init!.actions).toHaveLength(2);
    expect(h.worker.init!.startAt).toBe(121_000);
  });

  it('never counts an injected fault as a repeat', () => {
    const h = harness();
    runWithActions(h);
    h.client.send({ type: 'debug', fault: 'crash' });
    h.worker.crash('a crash injected from the Debug panel');
    h.flush();
    h.client.send({ type: 'debug', fault: 'hang' });
    h.worker.crash('a crash injected from the Debug panel');
    h.flush();
    expect(h.workers).toHaveLength(3);
    expect(h.worker.init!.actions).toHaveLength(2);
    expect(h.store.getState()).toMatchObject({ connection: 'ready', userActions: 2, recovery: { phase: 'recovered' } });
  });

  it('recovers from a fatal error the worker reports', () => {
    const h = harness();
    const before = runWithActions(h);
    h.client.send({ type: 'seek', t: -1 });
    h.flush();
    expect(h.workers).toHaveLength(2);
    expect(h.store.getState()).toMatchObject({ connection: 'ready', t: before.t, hash: before.hash, error: undefined });
    expect(h.store.getState().recovery!.reason).toMatch(/^The simulation worker crashed: RangeError: seek: time must be/);
  });

  it('says when the worker hangs while starting a run, with nothing to recover', () => {
    const h = harness();
    h.worker.flush(); // loaded
    h.worker.hung = true;
    h.client.start({ seed: 1, deploy: DEPLOY });
    h.elapse(HANG + WATCH_EVERY_MS);
    expect(h.workers).toHaveLength(1);
    expect(h.store.getState()).toMatchObject({ connection: 'failed', error: { message: expect.stringMatching(/^The simulation worker stopped answering for 1\d s while starting the run\.$/) } });
  });
});
