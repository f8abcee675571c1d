/**
 * The worker's side of the protocol: owns one Simulation, runs it at the chosen speed
 * against the wall clock, answers frame requests with diffs, and turns every exception
 * into an `error` message. It takes its wall clock and timers as parameters, so tests
 * drive it in Node over an in-memory channel.
 */

import type { Action } from '../sim/actions';
import type { LogRecord } from '../sim/engine/log';
import { inspect } from '../sim/inspect';
import { buildReport } from '../sim/report';
import { checkSeed, type Simulation } from '../sim/simulation';
import { buildTimeline, recordOf } from '../sim/timeline/build';
import type { RunBase, TimedAction } from '../sim/timeline/record';
import { ForkNeeded, type Timeline } from '../sim/timeline/timeline';
import {
  HEARTBEAT_MS,
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
  type StepKind,
  type ToWorker,
  type BusyWork,
  type DebugFault,
  type ExportWhat,
  type Exported,
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
/** Most log records an export replays and sends (about 100 MB of JSON Lines at most). */
export const EXPORT_LOG_LIMIT = 500_000;
/**
 * Most deployments whose records one frame recomputes and sends. A large run touches
 * hundreds of deployments a frame while it deploys; the rest wait for the next frames
 * (oldest first, watched ones before all), and one waiting is touched again costs
 * nothing more, so frames stay small and records are at most a few frames late.
 */
export const DEPLOYMENTS_PER_FRAME = 100;

export class WorkerHost {
  private timeline: Timeline | undefined;
  private base: RunBase | undefined;
  /** The simulation the UI's view was built from; a seek back swaps in another, which needs a snapshot. */
  private shown: Simulation | undefined;
  private lessonVersion = -1;
  private watched: readonly string[] | undefined;
  private seekTarget: number | undefined;
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
  /** The user's actions as the page last heard of them (`record` messages). */
  private reported: readonly TimedAction[] = [];

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
        return this.stepTo('next', 'event');
      case 'requestFrame': {
        const tl = this.requireTimeline();
        if (tl.sim !== this.shown) return this.post({ type: 'snapshot', snapshot: this.snapshot() });
        return this.post({ type: 'frame', frame: this.frame() });
      }
      case 'requestSnapshot':
        return this.post({ type: 'snapshot', snapshot: this.snapshot() });
      case 'act':
        return this.act(msg.id, msg.action, msg.fork ?? false);
      case 'inspect':
        this.inspected = msg.asset;
        return;
      case 'watch':
        this.watched = msg.deployments;
        return this.applyWatch();
      case 'seek':
        this.setRunning(false);
        this.seekTarget = msg.t;
        return this.continueSeek();
      case 'stepTo':
        this.setRunning(false);
        return this.stepTo(msg.direction, msg.kind);
      case 'lesson':
        return this.refusable(() => this.lesson(msg.command, msg.index));
      case 'answer':
        return this.refusable(() => this.requireTimeline().answer(msg.stop, msg.choice));
      case 'export':
        return this.post({ type: 'exported', id: msg.id, data: this.exportData(msg.what) });
      case 'debug':
        return this.debug(msg.fault);
      default:
        return assertNever(msg, 'message to the worker');
    }
  }

  /** A user action fails cleanly: the run goes on and the page hears why. */
  private act(id: number, action: Action, fork: boolean): void {
    const tl = this.requireTimeline();
    const held = tl.holding;
    try {
      const future = tl.futureActions();
      tl.act(action, fork);
      // A fork drops the future the page was shown (markers ahead, the horizon): send it all again.
      if (future > 0) this.shown = undefined;
      this.post({ type: 'actResult', id, action: action.do, ok: true });
      this.reportActions();
      // The learner did what the walkthrough asked: it plays on.
      if (held && !tl.holding) this.setRunning(true);
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      this.post({ type: 'actResult', id, action: action.do, ok: false, error: e.message, ...(e instanceof ForkNeeded ? { futureActions: e.futureActions } : {}) });
    }
  }

  private lesson(command: 'next' | 'back' | 'goto', index: number | undefined): void {
    const tl = this.requireTimeline();
    if (command === 'next') {
      if (tl.holding) {
        tl.next();
        this.setRunning(!tl.holding && !tl.done);
      } else if (!this.running && !tl.done) this.setRunning(true);
      return;
    }
    this.setRunning(false);
    this.busy('lesson', () => (command === 'back' ? tl.back() : tl.goToStop(index ?? -1)));
  }

  /**
   * Runs work that cannot be sliced (a search ahead, a replay to a walkthrough stop)
   * between two `busy` messages, so the page's watchdog waits longer meanwhile.
   */
  private busy<T>(what: BusyWork, work: () => T): T {
    this.post({ type: 'busy', what, done: false });
    try {
      return work();
    } finally {
      this.post({ type: 'busy', what, done: true });
    }
  }

  /**
   * A budget for a replay that runs in one piece: it never stops the replay, but calls
   * `beat` at most every HEARTBEAT_MS of wall time, so the page knows the worker is alive.
   */
  private pulse(beat: () => void): () => boolean {
    let last = this.env.now();
    return () => {
      const now = this.env.now();
      if (now - last >= HEARTBEAT_MS) {
        last = now;
        beat();
      }
      return true;
    };
  }

  /** Tells the page when the user's actions changed (only what changed, from the first difference on). */
  private reportActions(start = false): void {
    const all = this.requireTimeline().userActions();
    const old = this.reported;
    if (start) {
      this.reported = all;
      this.post({ type: 'record', from: 0, actions: all, base: this.base! });
      return;
    }
    let i = 0;
    while (i < old.length && i < all.length && sameTimed(old[i]!, all[i]!)) i++;
    if (i === old.length && i === all.length) return;
    this.reported = all;
    this.post({ type: 'record', from: i, actions: all.slice(i) });
  }

  /** Faults injected from the Debug panel, each from a timer, after this message is handled. */
  private debug(fault: DebugFault): void {
    switch (fault) {
      case 'crash':
        this.env.setTimer(() => {
          throw new Error('a crash injected from the Debug panel');
        }, 0);
        return;
      case 'hang':
        this.env.setTimer(() => {
          // reads the clock so that a test's fake clock can end it; the real one never does
          for (;;) this.env.now();
        }, 0);
        return;
      default:
        return assertNever(fault, 'debug fault');
    }
  }

  /** Moves on with a seek: a slice per tick, so a long replay leaves the worker responsive. */
  private continueSeek(): void {
    const tl = this.requireTimeline();
    const target = this.seekTarget;
    if (target === undefined) return;
    const from = tl.now;
    const start = this.env.now();
    const r = tl.seek(target, () => this.env.now() - start < TICK_BUDGET_MS * 4);
    if (r === 'budget') {
      this.post({ type: 'seeking', from, to: target, done: false });
      this.env.setTimer(() => {
        if (this.seekTarget !== target) return; // a newer seek took over
        try {
          this.continueSeek();
        } catch (err) {
          this.fail(err);
        }
      }, 0);
      return;
    }
    this.seekTarget = undefined;
    this.post({ type: 'seeking', from, to: target, done: true });
  }

  private stepTo(direction: 'next' | 'prev', kind: StepKind): void {
    const tl = this.requireTimeline();
    const found = this.busy('step', () => (direction === 'next' ? tl.stepNext(kind) : tl.stepPrev(kind)));
    if (!found) {
      const what = kind === 'event' ? 'event' : kind === 'decision' ? 'FC decision' : kind === 'fault' ? 'fault' : 'marked moment';
      this.post({ type: 'notice', message: direction === 'next' ? `No later ${what} within a day of simulated time.` : `No earlier ${what} is recorded.` });
    }
  }

  private exportData(what: ExportWhat): Exported {
    const tl = this.requireTimeline();
    if (what === 'report') return { what, report: buildReport(tl.sim) };
    const run = recordOf(this.base!, tl);
    if (what === 'run') return { what, run };
    // The log keeps only its newest records: replay the run from the start to collect them all.
    // (In one piece, with heartbeats; a seek, so a walkthrough's stops do not hold it.)
    const { timeline: replay } = buildTimeline(run.base, run.actions, { checkpoints: false });
    const records: LogRecord[] = [];
    let total = 0;
    const log = replay.sim.engine.log;
    const tap = log.onAppend;
    log.onAppend = (r) => {
      tap?.(r);
      total++;
      records.push(r);
      if (records.length > EXPORT_LOG_LIMIT) records.shift();
    };
    replay.seek(run.t, this.pulse(() => this.post({ type: 'heartbeat' })));
    return { what, records, total, truncated: total > records.length };
  }

  private applyWatch(): void {
    const sim = this.requireSim();
    if (!this.watched) return;
    sim.fabricView.watched.clear();
    for (const d of this.watched) sim.fabricView.watched.add(d);
    for (const d of sim.fabric.deployments.keys()) sim.fabric.dirty.add(d);
  }

  private init(protocol: number, options: InitOptions): void {
    if (protocol !== PROTOCOL_VERSION) {
      throw new Error(`the page speaks protocol ${protocol}, the worker ${PROTOCOL_VERSION}: reload the page`);
    }
    const was = this.timeline ? { running: this.running } : undefined;
    this.setRunning(false);
    try {
      this.start(options);
    } catch (err) {
      // a run that cannot be opened (a run file whose actions fail on replay) leaves the one before it as it was
      if (!was) throw err;
      const e = err instanceof Error ? err : new Error(String(err));
      this.post({ type: 'error', message: `This run could not be opened: ${e.message}. The run before it goes on.`, detail: e.stack, fatal: false, init: true });
      this.setRunning(was.running);
    }
  }

  private start(options: InitOptions): void {
    if (options.speed !== undefined && !isSpeed(options.speed)) throw new RangeError(`unknown speed ${JSON.stringify(options.speed)}`);
    const base: RunBase = options.base ?? {
      kind: 'setup',
      seed: checkSeed(options.seed),
      datacenter: options.datacenter ?? { preset: 'demo' },
      timing: options.timing ?? 'realistic',
      deploy: options.deploy ?? [],
    };
    const { timeline } = buildTimeline(base, options.actions ?? []);
    const sim = timeline.sim;
    if (options.stop !== undefined) {
      this.busy('lesson', () => timeline.goToStop(options.stop!));
    } else if (options.startAt !== undefined) {
      // In one piece (the run is not there yet), reporting its progress as a seek does.
      const to = options.startAt;
      let beats = 0;
      timeline.seek(
        to,
        this.pulse(() => {
          beats++;
          this.post({ type: 'seeking', from: 0, to, done: false });
        }),
      );
      if (beats > 0) this.post({ type: 'seeking', from: 0, to, done: true });
    }
    this.timeline = timeline;
    this.base = base;
    this.frameNo = 0;
    this.sentLog = sim.engine.log.count;
    this.inspected = null;
    this.watched = undefined;
    this.seekTarget = undefined;
    if (options.speed !== undefined) this.speed = options.speed;
    // (the run loop's first tick is a timer away: the snapshot already says whether it runs)
    this.setRunning(options.running ?? (options.startAt === undefined && options.stop === undefined));
    this.post({ type: 'ready', protocol: PROTOCOL_VERSION, seed: sim.setup.seed });
    this.post({ type: 'snapshot', snapshot: this.snapshot() });
    this.reportActions(true);
  }

  private requireTimeline(): Timeline {
    if (!this.timeline) throw new Error('the simulation has not been started (no init message yet)');
    return this.timeline;
  }

  private requireSim(): Simulation {
    return this.requireTimeline().sim;
  }

  private setRunning(on: boolean): void {
    if (on) this.requireTimeline();
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
    const tl = this.timeline;
    if (!this.running || !tl) return;
    try {
      const start = this.env.now();
      const wall = Math.min(MAX_WALL_STEP_MS, Math.max(0, start - this.lastWall));
      this.lastWall = start;
      // At 'max', the clock runs as far as the budget allows (and idles fast when nothing is due).
      const rate = this.speed === 'max' ? MAX_IDLE_RATE : this.speed;
      const target = tl.now + Math.round(wall * rate);
      let r = tl.advance(target, () => this.env.now() - start <= TICK_BUDGET_MS);
      this.lagging = r === 'budget' && this.speed !== 'max';
      // Finish the instant the budget cut into: every frame then shows a moment that a
      // replay to its time reaches with the same hash (crash recovery and links rely on it).
      if (r === 'budget' && tl.advance(tl.now) === 'stop') r = 'stop';
      if (r === 'stop') {
        // A walkthrough holds at its stops until the learner goes on.
        this.setRunning(false);
        return;
      }
      this.timer = this.env.setTimer(() => this.tick(), TICK_MS);
    } catch (err) {
      this.fail(err);
    }
  }

  private status(): RunStatus {
    const tl = this.requireTimeline();
    const sim = tl.sim;
    return {
      t: sim.engine.now,
      running: this.running,
      speed: this.speed,
      lagging: this.lagging,
      processed: sim.engine.processed,
      pending: sim.engine.pending,
      logCount: sim.engine.log.count,
      hash: sim.engine.log.hash(),
      horizon: tl.horizon,
      userActions: tl.userActions().length,
      futureActions: tl.futureActions(),
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
    this.updateFabricView(sim);
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
      ...this.lessonIfChanged(),
    };
  }

  /** Recomputes the records of at most DEPLOYMENTS_PER_FRAME touched deployments (see there). */
  private updateFabricView(sim: Simulation): void {
    const dirty = sim.fabric.dirty;
    if (dirty.size <= DEPLOYMENTS_PER_FRAME) {
      sim.fabricView.update();
      return;
    }
    // a Set keeps the order ids were first added: the longest waiting come first, after the watched
    const watched = sim.fabricView.watched;
    const first = [...watched].filter((id) => dirty.has(id));
    const order = first.length === 0 ? [...dirty] : [...first, ...[...dirty].filter((id) => !watched.has(id))];
    const later = order.slice(DEPLOYMENTS_PER_FRAME);
    for (const id of later) dirty.delete(id);
    sim.fabricView.update();
    for (const id of later) dirty.add(id);
  }

  private lessonIfChanged(): { lesson?: NonNullable<Snapshot['lesson']> } {
    const tl = this.requireTimeline();
    if (this.base?.kind !== 'scenario' || tl.version === this.lessonVersion) return {};
    this.lessonVersion = tl.version;
    return { lesson: tl.lessonState() };
  }

  private snapshot(): Snapshot {
    const tl = this.requireTimeline();
    const sim = tl.sim;
    if (this.shown !== sim) {
      this.shown = sim;
      this.applyWatch();
    }
    this.sentLog = sim.engine.log.count;
    const drivers = sim.hardware.drivers;
    this.sentDriverLog = drivers.logCount;
    const { layout, hosts } = sim.hardwareView.full();
    sim.fabricView.update(true);
    sim.fcReplicas.updateView(sim.view, sim.decisions.waiting, sim.decisions.committedCount);
    const view = sim.view.snapshot();
    this.lessonVersion = tl.version;
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
      lesson: this.base?.kind === 'scenario' ? tl.lessonState() : null,
    };
  }

  private newMarkers(sim: Simulation, all = false) {
    const out = all ? this.requireTimeline().markers() : sim.markers.since(this.sentMarkers);
    this.sentMarkers = sim.markers.count;
    return out;
  }

  /**
   * A walkthrough request that makes no sense now (back at the first step, a stop or an
   * answer that does not exist) is refused with a notice: the run is fine.
   */
  private refusable(work: () => void): void {
    try {
      work();
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      this.post({ type: 'notice', message: `${err.message.charAt(0).toUpperCase()}${err.message.slice(1)}.` });
    }
  }

  private fail(err: unknown): void {
    this.setRunning(false);
    const e = err instanceof Error ? err : new Error(String(err));
    const t = this.timeline?.now;
    this.post({ type: 'error', message: `${e.name}: ${e.message}`, detail: e.stack, fatal: true, ...(t !== undefined ? { t } : {}) });
  }
}

function sameTimed(a: TimedAction, b: TimedAction): boolean {
  return a.at === b.at && a.after === b.after && a.action === b.action;
}
