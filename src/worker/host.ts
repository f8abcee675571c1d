/**
 * The worker's side of the protocol: owns one Simulation, runs it at the chosen speed
 * against the wall clock, answers frame requests with diffs, and turns every exception
 * into an `error` message. It takes its wall clock and timers as parameters, so tests
 * drive it in Node over an in-memory channel.
 */

import { applyAction, type Action } from '../sim/actions';
import { inspect } from '../sim/inspect';
import { Simulation, checkSeed } from '../sim/simulation';
import {
  LOG_PER_FRAME,
  PROTOCOL_VERSION,
  assertNever,
  isSpeed,
  type Frame,
  type FromWorker,
  type InitOptions,
  type RunStatus,
  type Snapshot,
  type Speed,
  type ToWorker,
} from './protocol';

export interface HostEnv {
  /** Wall-clock milliseconds (performance.now in the worker). */
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Wall milliseconds between two ticks of the run loop. */
export const TICK_MS = 16;
/** Wall milliseconds one tick may spend running events before it yields. */
export const TICK_BUDGET_MS = 12;
/** A tick never advances more than this much wall time (a throttled tab must not jump hours). */
const MAX_WALL_STEP_MS = 250;
/** At speed 'max' with nothing scheduled soon, idle time passes at this rate. */
const MAX_IDLE_RATE = 86_400;
const CHECK_EVERY = 256;
/** Hard cap on events per tick, whatever the wall clock says. */
const MAX_EVENTS_PER_TICK = 250_000;

export class WorkerHost {
  private sim: Simulation | undefined;
  private running = false;
  private speed: Speed = 60;
  private lagging = false;
  private timer: unknown;
  private lastWall = 0;
  private frameNo = 0;
  private sentLog = 0;
  private sentDriverLog = 0;
  private sentMarkers = 0;
  private inspected: string | null = null;

  constructor(
    private readonly post: (msg: FromWorker) => void,
    private readonly env: HostEnv,
  ) {}

  handle(msg: ToWorker): void {
    try {
      this.dispatch(msg);
    } catch (err) {
      this.fail(err);
    }
  }

  private dispatch(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        return this.init(msg.protocol, msg.options);
      case 'play':
        return this.setRunning(true);
      case 'pause':
        return this.setRunning(false);
      case 'setSpeed':
        if (!isSpeed(msg.speed)) throw new RangeError(`unknown speed ${JSON.stringify(msg.speed)}`);
        this.speed = msg.speed;
        return;
      case 'step':
        this.setRunning(false);
        this.requireSim().engine.stepLogged();
        return;
      case 'requestFrame':
        return this.post({ type: 'frame', frame: this.frame() });
      case 'requestSnapshot':
        return this.post({ type: 'snapshot', snapshot: this.snapshot() });
      case 'act':
        return this.act(msg.id, msg.action);
      case 'inspect':
        this.inspected = msg.asset;
        return;
      case 'watch': {
        const sim = this.requireSim();
        sim.fabricView.watched.clear();
        for (const d of msg.deployments) sim.fabricView.watched.add(d);
        for (const d of sim.fabric.deployments.keys()) sim.fabric.dirty.add(d);
        return;
      }
      case 'seek':
      case 'stepTo':
      case 'lesson':
      case 'answer':
      case 'export':
        throw new Error(`${msg.type} is not implemented yet`);
      default:
        return assertNever(msg, 'message to the worker');
    }
  }

  /** A user action fails cleanly: the run goes on and the page hears why. */
  private act(id: number, action: Action): void {
    const sim = this.requireSim();
    try {
      applyAction(sim, action);
      this.post({ type: 'actResult', id, action: action.do, ok: true });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      this.post({ type: 'actResult', id, action: action.do, ok: false, error: e.message });
    }
  }

  private init(protocol: number, options: InitOptions): void {
    if (protocol !== PROTOCOL_VERSION) {
      throw new Error(`the page speaks protocol ${protocol}, the worker ${PROTOCOL_VERSION}: reload the page`);
    }
    this.setRunning(false);
    const seed = checkSeed(options.seed);
    const sim = new Simulation({ seed, datacenter: options.datacenter, timing: options.timing, deploy: options.deploy });
    if (options.startAt !== undefined) sim.engine.runUntil(options.startAt);
    this.sim = sim;
    this.frameNo = 0;
    this.sentLog = sim.engine.log.count;
    this.inspected = null;
    if (options.speed !== undefined) {
      if (!isSpeed(options.speed)) throw new RangeError(`unknown speed ${JSON.stringify(options.speed)}`);
      this.speed = options.speed;
    }
    this.post({ type: 'ready', protocol: PROTOCOL_VERSION, seed });
    this.post({ type: 'snapshot', snapshot: this.snapshot() });
    this.setRunning(options.running ?? options.startAt === undefined);
  }

  private requireSim(): Simulation {
    if (!this.sim) throw new Error('the simulation has not been started (no init message yet)');
    return this.sim;
  }

  private setRunning(on: boolean): void {
    if (on) this.requireSim();
    this.running = on;
    this.lagging = false;
    if (on && this.timer === undefined) {
      this.lastWall = this.env.now();
      this.timer = this.env.setTimer(() => this.tick(), TICK_MS);
    } else if (!on && this.timer !== undefined) {
      this.env.clearTimer(this.timer);
      this.timer = undefined;
    }
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.running || !this.sim) return;
    try {
      const start = this.env.now();
      const wall = Math.min(MAX_WALL_STEP_MS, Math.max(0, start - this.lastWall));
      this.lastWall = start;
      const engine = this.sim.engine;
      const rate = this.speed === 'max' ? Infinity : this.speed;
      const target = rate === Infinity ? Infinity : engine.now + Math.round(wall * rate);
      let n = 0;
      let outOfTime = false;
      for (;;) {
        const next = engine.nextTime();
        if (next === undefined || next > target) break;
        engine.step();
        if (++n % CHECK_EVERY === 0 && (this.env.now() - start > TICK_BUDGET_MS || n >= MAX_EVENTS_PER_TICK)) {
          outOfTime = true;
          break;
        }
      }
      if (!outOfTime) {
        // Everything due is done: let the clock catch up with the wall (idle time at 'max').
        engine.runUntil(rate === Infinity ? engine.now + Math.round(wall * MAX_IDLE_RATE) : target);
      }
      this.lagging = outOfTime && rate !== Infinity;
      this.timer = this.env.setTimer(() => this.tick(), TICK_MS);
    } catch (err) {
      this.fail(err);
    }
  }

  private status(): RunStatus {
    const sim = this.requireSim();
    return {
      t: sim.engine.now,
      running: this.running,
      speed: this.speed,
      lagging: this.lagging,
      processed: sim.engine.processed,
      pending: sim.engine.pending,
      logCount: sim.engine.log.count,
      hash: sim.engine.log.hash(),
      horizon: sim.engine.now,
      userActions: 0,
      futureActions: 0,
    };
  }

  private frame(): Frame {
    const sim = this.requireSim();
    const log = sim.engine.log.since(this.sentLog, LOG_PER_FRAME);
    this.sentLog = sim.engine.log.count;
    const drivers = sim.hardware.drivers;
    const driverLog = drivers.since(this.sentDriverLog, LOG_PER_FRAME);
    this.sentDriverLog = drivers.logCount;
    const hw = sim.hardwareView.diff();
    sim.fabricView.update();
    sim.fcReplicas.updateView(sim.view, sim.decisions.waiting, sim.decisions.committedCount);
    return {
      ...this.status(),
      frameNo: ++this.frameNo,
      log,
      diff: sim.view.takeDiff(),
      hw,
      driverLog,
      driverCount: drivers.logCount,
      inspection: this.inspected === null ? null : (inspect(sim, this.inspected) ?? null),
      markers: this.newMarkers(sim),
    };
  }

  private snapshot(): Snapshot {
    const sim = this.requireSim();
    this.sentLog = sim.engine.log.count;
    const drivers = sim.hardware.drivers;
    this.sentDriverLog = drivers.logCount;
    const { layout, hosts } = sim.hardwareView.full();
    sim.fabricView.update(true);
    sim.fcReplicas.updateView(sim.view, sim.decisions.waiting, sim.decisions.committedCount);
    const view = sim.view.snapshot();
    return {
      ...this.status(),
      seed: sim.setup.seed,
      view,
      log: sim.engine.log.recent(LOG_PER_FRAME),
      layout,
      hosts,
      driverLog: drivers.recent(LOG_PER_FRAME),
      driverCount: drivers.logCount,
      markers: this.newMarkers(sim, true),
      lesson: null,
    };
  }

  private newMarkers(sim: Simulation, all = false) {
    const out = all ? [...sim.markers.all()] : sim.markers.since(this.sentMarkers);
    this.sentMarkers = sim.markers.count;
    return out;
  }

  private fail(err: unknown): void {
    this.setRunning(false);
    const e = err instanceof Error ? err : new Error(String(err));
    this.post({ type: 'error', message: `${e.name}: ${e.message}`, detail: e.stack, fatal: true });
  }
}
