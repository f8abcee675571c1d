/**
 * The page's end of the worker connection. It posts commands, applies every message to
 * the store, and asks for at most one frame per animation frame (a new request only
 * once the previous frame has arrived), so a busy worker never floods the page.
 *
 * It also keeps the run's record (the start and the user's timed actions, which the
 * worker pushes as `record` messages, with the moment and hash of the latest frame),
 * watches the worker (src/ui/recovery/watchdog.ts), and when it crashes or stops
 * answering starts a new one from that record: see docs/reliability.md.
 */

import type { Action } from '../sim/actions';
import { RUN_FILE_VERSION, type RunBase, type RunFile, type TimedAction } from '../sim/timeline/record';
import type { FromWorker, InitOptions, RunStatus, Speed, ToWorker } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import { perfMessage, perfSnapshotApplied } from './perf';
import { failureText, gaveUpText, recoveredText, repeatText, restartingText, startFailedText, type Failure } from './recovery/text';
import { BUSY_HANG_MS, HANG_MS, WATCH_EVERY_MS, Watchdog, browserTimers, documentVisible, type WatchTimers } from './recovery/watchdog';
import { applyActionLost, applyMessage, applyRecovery, applyTransportError, clearRecovery } from './store/apply';
import type { FabricStore } from './store/store';

/** What the client needs of a worker: a Worker, or an in-memory channel in tests. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error' | 'messageerror', fn: (e: Event) => void): void;
  terminate(): void;
}

export interface FrameScheduler {
  request(fn: () => void): number;
  cancel(handle: number): void;
}

const rafScheduler: FrameScheduler = {
  request: (fn) => requestAnimationFrame(fn),
  cancel: (h) => cancelAnimationFrame(h),
};

export interface ClientOptions {
  /** Wall-clock ms (performance.now). */
  readonly clock?: () => number;
  readonly timers?: WatchTimers;
  /** Whether the page is visible (hidden time does not count as the worker's silence). */
  readonly visible?: () => boolean;
  /** Silence after which the worker is called hung (HANG_MS; `?debug=1&hangMs=3000` in the app). */
  readonly hangMs?: number;
  readonly busyHangMs?: number;
}

/** Run subscribers hear of a moving clock at most this often (wall ms). */
export const RUN_NOTIFY_MS = 2_000;
/** The restarted run counts as past the point of failure after this much visible wall time answering beyond it. */
export const PROBATION_MS = 3_000;
/** ... or after this much, wherever it is (a paused run): a failure after that starts over at the first attempt. */
export const PROBATION_MAX_MS = 60_000;
/** More recoveries than this within RECOVERY_WINDOW_MS (injected faults aside) and the page gives up. */
export const MAX_RECOVERIES = 5;
export const RECOVERY_WINDOW_MS = 5 * 60_000;

/** A recovery under way, or on probation until the restarted run gets past the point of failure. */
interface Attempt {
  /** 1: the record as it was; 2: without the last action before the point of failure. */
  readonly n: 1 | 2;
  readonly startAt: number;
  /** Where the failed worker was last seen (or said it failed): the restarted run must get past it. */
  readonly failT: number;
  /** The hash seen at startAt, to check the replay against. */
  readonly expectHash: string | undefined;
  readonly actions: number;
  readonly dropped: TimedAction | undefined;
  readonly stop: number | undefined;
  readonly reason: string;
  readonly lost: readonly Action[];
  /** The restarted worker's first snapshot has arrived. */
  arrived: boolean;
  /** Visible wall ms answering beyond failT, and in all, since it arrived. */
  past: number;
  healthy: number;
}

interface Moment {
  readonly t: number;
  readonly hash: string;
  readonly events: number;
}

type WorkerSource = WorkerLike | (() => WorkerLike);

export class FabricClient {
  private worker!: WorkerLike;
  private readonly factory: (() => WorkerLike) | undefined;
  /** Bumped for each worker: events of an older one are ignored. */
  private generation = 0;
  private awaitingFrame = false;
  private rafHandle: number | undefined;
  private closed = false;

  // the run's record
  private base: RunBase | undefined;
  private actions: TimedAction[] = [];
  /** The latest settled moment a frame showed (not one in the middle of a seek's replay). */
  private moment: Moment | undefined;
  private running = false;
  private speed: Speed | undefined;
  private readonly runListeners = new Set<(run: RunFile) => void>();
  private lastNotified = { at: -Infinity, t: -1 };
  private recordChanged = false;

  // what the current worker owes
  private initPending: { readonly recovery: boolean } | undefined;
  private readonly pendingActs = new Map<number, Action>();
  private readonly pendingExports = new Set<number>();
  private busy = false;
  private seeking = false;
  /** The worker has said something (its module loaded). */
  private spoken = false;
  /** A fault was injected into this worker (Debug panel): its failure is never a repeat. */
  private injected = false;

  private readonly watchdog: Watchdog;
  private readonly watchHandle: unknown;
  private readonly clock: () => number;
  private readonly timers: WatchTimers;
  private readonly hangMs: number;
  private readonly busyHangMs: number;
  private attempt: Attempt | undefined;
  /** Wall times of recent recoveries (injected faults aside). */
  private recoveries: number[] = [];

  constructor(
    source: WorkerSource,
    private readonly store: FabricStore,
    private readonly frames: FrameScheduler = rafScheduler,
    options: ClientOptions = {},
  ) {
    this.factory = typeof source === 'function' ? source : undefined;
    this.clock = options.clock ?? (() => performance.now());
    this.timers = options.timers ?? browserTimers;
    this.hangMs = options.hangMs ?? HANG_MS;
    this.busyHangMs = Math.max(this.hangMs, options.busyHangMs ?? BUSY_HANG_MS);
    this.watchdog = new Watchdog(this.clock, options.visible ?? documentVisible);
    this.connect(typeof source === 'function' ? source() : source);
    this.watchHandle = this.timers.setInterval(this.watch, WATCH_EVERY_MS);
    this.loop();
  }

  start(options: InitOptions): void {
    this.send({ type: 'init', protocol: PROTOCOL_VERSION, options });
  }

  send(msg: ToWorker): void {
    if (this.closed) return;
    switch (msg.type) {
      case 'init':
        // a new run (started, a run file opened, a lesson restarted): an earlier failure is behind it
        this.initPending = { recovery: false };
        this.attempt = undefined;
        break;
      case 'act':
        this.pendingActs.set(msg.id, msg.action);
        break;
      case 'export':
        this.pendingExports.add(msg.id);
        break;
      case 'debug':
        this.injected = true;
        break;
      default:
        break;
    }
    this.worker.postMessage(msg);
  }

  /** The run's record as it stands: its start, the user's actions, the latest moment and its hash. */
  currentRun(): RunFile | undefined {
    if (!this.base || !this.moment) return undefined;
    const m = this.moment;
    return { fabricLab: 'run', version: RUN_FILE_VERSION, base: this.base, actions: [...this.actions], t: m.t, hash: m.hash, events: m.events };
  }

  /**
   * Calls fn with the run's record whenever it changes (a new run, an action, a fork, a
   * recovery) and at most every RUN_NOTIFY_MS while the clock moves.
   */
  subscribeRun(fn: (run: RunFile) => void): () => void {
    this.runListeners.add(fn);
    return () => {
      this.runListeners.delete(fn);
    };
  }

  /**
   * Gives up on the current run and starts another in a new worker (the "Start afresh"
   * button after a recovery failed).
   */
  startAfresh(options: InitOptions): void {
    if (this.closed) return;
    this.worker.terminate();
    this.base = undefined;
    this.actions = [];
    this.moment = undefined;
    this.attempt = undefined;
    this.recoveries = [];
    clearRecovery(this.store);
    this.connect(this.factory ? this.factory() : this.worker);
    this.start(options);
  }

  close(): void {
    this.closed = true;
    if (this.rafHandle !== undefined) this.frames.cancel(this.rafHandle);
    this.timers.clearInterval(this.watchHandle);
    this.worker.terminate();
  }

  private connect(worker: WorkerLike): void {
    const generation = ++this.generation;
    this.worker = worker;
    this.awaitingFrame = false;
    this.initPending = undefined;
    this.pendingActs.clear();
    this.pendingExports.clear();
    this.busy = false;
    this.seeking = false;
    this.spoken = false;
    this.injected = false;
    this.watchdog.heard();
    worker.addEventListener('message', (e) => {
      if (generation === this.generation) this.receive(e.data);
    });
    worker.addEventListener('error', (e) => {
      if (generation !== this.generation) return;
      const text = e instanceof ErrorEvent && e.message ? e.message : 'the simulation worker failed to start';
      this.failed({ kind: 'crash', message: text });
    });
    worker.addEventListener('messageerror', () => {
      if (generation === this.generation) this.failed({ kind: 'crash', message: 'a message from the worker could not be read' });
    });
  }

  private receive(msg: FromWorker): void {
    if (this.closed) return;
    this.watchdog.heard();
    this.spoken = true;
    switch (msg.type) {
      case 'ready':
        // a new run's record follows its snapshot; until then there is none (a recovery keeps its own)
        if (this.initPending && !this.initPending.recovery) {
          this.base = undefined;
          this.actions = [];
        }
        this.initPending = undefined;
        break;
      case 'frame':
      case 'snapshot':
        // A frame request is answered by a frame, or by a snapshot when the run was rebuilt (a seek back).
        this.awaitingFrame = false;
        break;
      case 'actResult':
        this.pendingActs.delete(msg.id);
        break;
      case 'exported':
        this.pendingExports.delete(msg.id);
        break;
      case 'seeking':
        this.seeking = !msg.done;
        break;
      case 'busy':
        this.busy = !msg.done;
        break;
      case 'record':
        if (msg.base) this.base = msg.base;
        this.actions = [...this.actions.slice(0, msg.from), ...msg.actions];
        this.recordChanged = true;
        break;
      case 'error':
        // the run asked for was refused and the one before it goes on: nothing is pending
        if (msg.init && !msg.fatal && this.initPending && !this.initPending.recovery) this.initPending = undefined;
        // A fatal error of a run under way is a crash to recover from; one of a start is not.
        if (msg.fatal && !(this.initPending && !this.initPending.recovery) && this.canRecover()) {
          this.failed({ kind: 'crash', message: msg.message, ...(msg.t !== undefined ? { t: msg.t } : {}) });
          return;
        }
        break;
      default:
        break;
    }
    perfMessage(msg);
    applyMessage(this.store, msg);
    if (msg.type === 'snapshot') perfSnapshotApplied();
    if (msg.type === 'frame' || msg.type === 'snapshot') this.status(msg.type === 'frame' ? msg.frame : msg.snapshot, msg.type === 'snapshot');
    if (msg.type === 'record' && this.moment) this.notifyRun();
  }

  /** A frame's status: the run's moment (when settled), and the check of a restarted run. */
  private status(s: RunStatus, snapshot: boolean): void {
    this.running = s.running;
    this.speed = s.speed;
    if (!this.seeking) {
      const moved = this.moment?.t !== s.t;
      this.moment = { t: s.t, hash: s.hash, events: s.logCount };
      if (this.recordChanged) this.notifyRun();
      else if (moved && this.clock() - this.lastNotified.at >= RUN_NOTIFY_MS) this.notifyRun();
    }
    const a = this.attempt;
    if (a && !a.arrived && snapshot && this.initPending === undefined) {
      a.arrived = true;
      const hash = a.expectHash !== undefined && s.t === a.startAt ? { got: s.hash, want: a.expectHash } : undefined;
      applyRecovery(
        this.store,
        'recovered',
        a.reason,
        recoveredText({ t: s.t, actions: this.actions.length, ...(a.dropped ? { dropped: a.dropped } : {}), ...(hash ? { hash } : {}), lost: a.lost }),
      );
    }
  }

  private notifyRun(): void {
    const run = this.currentRun();
    if (!run) return;
    this.recordChanged = false;
    this.lastNotified = { at: this.clock(), t: run.t };
    for (const fn of [...this.runListeners]) fn(run);
  }

  /** Whether the worker owes the page an answer. */
  private owed(): boolean {
    return this.initPending !== undefined || this.awaitingFrame || this.pendingActs.size > 0 || this.pendingExports.size > 0 || this.busy;
  }

  private watch = (): void => {
    if (this.closed) return;
    const { silentMs, visibleMs, heard } = this.watchdog.tick(this.owed());
    // loading the worker's code, and work it announced it cannot slice, may take longer
    if (silentMs >= (this.busy || !this.spoken ? this.busyHangMs : this.hangMs)) {
      this.failed({ kind: 'hang', silentMs });
      return;
    }
    // the restarted run's probation: past the point of failure, answering
    const a = this.attempt;
    if (a?.arrived && heard) {
      a.healthy += visibleMs;
      if (this.moment && this.moment.t > a.failT) a.past += visibleMs;
      if (a.past >= PROBATION_MS || a.healthy >= PROBATION_MAX_MS) this.attempt = undefined;
    }
    // the run's subscribers hear of a moving clock at most every RUN_NOTIFY_MS
    if (this.moment && this.moment.t !== this.lastNotified.t && this.clock() - this.lastNotified.at >= RUN_NOTIFY_MS) this.notifyRun();
  };

  private canRecover(): boolean {
    return this.factory !== undefined && this.base !== undefined && this.moment !== undefined;
  }

  /** The worker crashed or hung: restart it from the run's record, or say why not. */
  private failed(f: Failure): void {
    if (this.closed) return;
    if (!this.canRecover() || (this.initPending && !this.initPending.recovery)) {
      // nothing to recover from (the worker did not load, the run never started): the page says so
      if (f.kind === 'hang') {
        this.worker.terminate();
        this.generation++;
        applyTransportError(this.store, startFailedText(f));
      } else {
        applyTransportError(this.store, f.message);
      }
      return;
    }
    const lost = [...this.pendingActs.entries()];
    for (const [id, action] of lost) applyActionLost(this.store, id, action.do, 'not applied: the simulation worker stopped before it answered; do it again once the run is back');
    const injected = this.injected;
    const now = this.clock();
    if (!injected) this.recoveries = [...this.recoveries.filter((w) => now - w < RECOVERY_WINDOW_MS), now];
    this.worker.terminate();
    this.generation++;

    const prev = this.attempt;
    const moment = this.moment!;
    const lostActions = lost.map(([, a]) => a);
    let next: Attempt | undefined;
    let reason: string;
    if (prev && !injected) {
      // the restarted run failed again before it got past the point of the first failure
      reason = `${prev.reason} ${repeatText(f, prev.failT)}`;
      const last = prev.n === 1 ? lastIndexAtOrBefore(this.actions, prev.failT) : -1;
      if (last >= 0) {
        const dropped = this.actions[last]!;
        const actions = this.actions.filter((_, i) => i !== last);
        next = {
          ...prev,
          n: 2,
          actions: actions.length,
          dropped,
          // the hash at startAt is the same only when the action left out came after it
          expectHash: dropped.at > prev.startAt ? prev.expectHash : undefined,
          reason,
          lost: [...prev.lost, ...lostActions],
          arrived: false,
          past: 0,
          healthy: 0,
        };
        this.actions = actions;
        this.recordChanged = true;
      } else {
        this.giveUp(reason, gaveUpText(prev.dropped, this.actions.length === 0 || prev.n === 1));
        return;
      }
    } else {
      reason = failureText(f);
      if (this.recoveries.length > MAX_RECOVERIES) {
        this.giveUp(reason, gaveUpText(undefined, false));
        return;
      }
      const lesson = this.store.getState().lesson;
      const stop = lesson?.walkthrough && lesson.waiting !== null && lesson.current >= 0 ? lesson.current : undefined;
      next = {
        n: 1,
        startAt: moment.t,
        failT: Math.max(moment.t, f.kind === 'crash' ? (f.t ?? moment.t) : moment.t),
        expectHash: moment.hash,
        actions: this.actions.length,
        dropped: undefined,
        stop,
        reason,
        lost: lostActions,
        arrived: false,
        past: 0,
        healthy: 0,
      };
    }
    this.restart(next);
  }

  private giveUp(reason: string, outcome: string): void {
    this.attempt = undefined;
    applyRecovery(this.store, 'gave-up', reason, outcome);
  }

  /** A new worker, started from the record at the attempt's moment (paused or running, as before). */
  private restart(a: Attempt): void {
    this.attempt = a;
    applyRecovery(this.store, 'recovering', a.reason, restartingText(a.startAt, a.actions, a.dropped));
    this.connect(this.factory!());
    const base = this.base!;
    const options: InitOptions = {
      seed: base.kind === 'setup' ? base.seed : 0,
      base,
      actions: this.actions,
      startAt: a.startAt,
      running: a.stop === undefined && this.running,
      ...(this.speed !== undefined ? { speed: this.speed } : {}),
      ...(a.stop !== undefined ? { stop: a.stop } : {}),
    };
    this.initPending = { recovery: true };
    this.worker.postMessage({ type: 'init', protocol: PROTOCOL_VERSION, options });
  }

  private loop = (): void => {
    if (this.closed) return;
    if (!this.awaitingFrame && this.store.getState().connection === 'ready') {
      this.awaitingFrame = true;
      this.worker.postMessage({ type: 'requestFrame' });
    }
    this.rafHandle = this.frames.request(this.loop);
  };
}

/** The index of the last action taken at or before t (-1: none). */
function lastIndexAtOrBefore(actions: readonly TimedAction[], t: number): number {
  for (let i = actions.length - 1; i >= 0; i--) if (actions[i]!.at <= t) return i;
  return -1;
}
