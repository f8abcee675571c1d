/**
 * The typed protocol between the UI thread and the simulation worker. Both directions
 * are unions discriminated on `type`; every switch over them is exhaustive, so adding a
 * message is a compile error until both sides handle it. Messages are plain data that
 * survive structured cloning.
 */

import type { Action } from '../sim/actions';
import type { LogRecord } from '../sim/engine/log';
import type { DriverLogEntry } from '../sim/hardware/drivers';
import type { Inspection } from '../sim/hardware/inspect';
import type { ProfileName } from '../sim/hardware/timing';
import type { HostsDiff, HostsFull, Layout } from '../sim/hardware/view';
import type { Marker } from '../sim/markers';
import type { ServiceFiles } from '../sim/simulation';
import type { RunReport } from '../sim/report';
import type { LessonState } from '../sim/timeline/lesson';
import type { RunBase, TimedAction } from '../sim/timeline/record';
import type { ViewDiff, ViewSnapshot } from '../sim/view/records';

/** Bumped whenever a message changes shape. The worker refuses a client of another version. */
export const PROTOCOL_VERSION = 4;

/** Run speeds: simulated seconds per wall second, or as fast as the worker can go. */
export const SPEEDS = [1, 10, 60, 600, 3600, 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

export function isSpeed(v: unknown): v is Speed {
  return (SPEEDS as readonly unknown[]).includes(v);
}

export interface InitOptions {
  readonly seed: number;
  /** Data center description (`{preset}` or counts); default the demo preset. */
  readonly datacenter?: unknown;
  readonly timing?: ProfileName;
  /** Services deployed at time 0 (the app starts with a sample running). */
  readonly deploy?: readonly ServiceFiles[];
  /** Run silently to this simulated time (ms) before the first frame, then stay paused. */
  readonly startAt?: number;
  readonly running?: boolean;
  readonly speed?: Speed;
  /**
   * Where the run starts instead of the fields above: a free run's setup or a scenario
   * (played as a walkthrough when `walkthrough` is set). Links, run files and lessons use it.
   */
  readonly base?: RunBase;
  /** The user's timed actions of an earlier run (a shared link, an imported run), replayed on their way. */
  readonly actions?: readonly TimedAction[];
  /**
   * Hold the walkthrough at this stop (0-based) instead of running to `startAt`: crash
   * recovery of a lesson that was waiting at a stop (a prompt must not be performed).
   */
  readonly stop?: number;
}

/** Faults the Debug panel (`?debug=1`) injects into the worker, to test recovery. */
export type DebugFault = 'crash' | 'hang';

/** Long work the worker cannot slice, announced by `busy` (see there). */
export type BusyWork = 'step' | 'lesson';

/**
 * While a long replay runs in one piece (the replay to init's `startAt`, an export's
 * replay of the whole log), the worker reports it at most this often (wall ms), so the
 * page's watchdog knows it is alive: `seeking` for init, `heartbeat` for an export.
 */
export const HEARTBEAT_MS = 500;

/** Where `stepTo` looks for the next or previous moment. */
export type StepKind = 'event' | 'fault' | 'decision' | 'marker';

/** What `export` asks the worker for. */
export type ExportWhat = 'log' | 'report' | 'run';

export type ToWorker =
  | { readonly type: 'init'; readonly protocol: number; readonly options: InitOptions }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'setSpeed'; readonly speed: Speed }
  /** Pause, then run up to and including the next event that writes a log record. */
  | { readonly type: 'step' }
  /** Ask for the changes since the last frame; the UI sends one per animation frame at most. */
  | { readonly type: 'requestFrame' }
  | { readonly type: 'requestSnapshot' }
  /**
   * A user action in the scenario vocabulary; answered by `actResult` with the same id.
   * When the user has seeked back past actions of their own, acting would discard them:
   * the worker refuses with `futureActions` set unless `fork` is true.
   */
  | { readonly type: 'act'; readonly id: number; readonly action: Action; readonly fork?: boolean }
  /** Pause and move the run to simulated time t (ms): back by checkpoint and replay, forward by running. */
  | { readonly type: 'seek'; readonly t: number }
  /** Pause and move to the next (or previous) event, fault or FC decision. */
  | { readonly type: 'stepTo'; readonly direction: 'next' | 'prev'; readonly kind: StepKind }
  /** Walkthrough controls: on to the next stop, back to the previous one, or to stop `index`. */
  | { readonly type: 'lesson'; readonly command: 'next' | 'back' | 'goto'; readonly index?: number }
  /** The learner's answer to the question at stop `stop`. */
  | { readonly type: 'answer'; readonly stop: number; readonly choice: number }
  /** Asks for data to save: the whole event log (replayed), a run report, or the run's record. */
  | { readonly type: 'export'; readonly id: number; readonly what: ExportWhat }
  /** Selects the asset whose details every frame carries (null: none). */
  | { readonly type: 'inspect'; readonly asset: string | null }
  /** Asks for the instances and charts of these deployments (`service/slot`) even in a large run. */
  | { readonly type: 'watch'; readonly deployments: readonly string[] }
  /**
   * Injects a fault to test recovery (the Debug panel, `?debug=1`): `crash` throws from a
   * timer (an uncaught error in the worker), `hang` spins in a loop that never returns.
   */
  | { readonly type: 'debug'; readonly fault: DebugFault };

export interface RunStatus {
  /** Simulated time, ms. */
  readonly t: number;
  readonly running: boolean;
  readonly speed: Speed;
  /** The worker could not keep up with the chosen speed during the last tick. */
  readonly lagging: boolean;
  /** Events run so far, quiet ones included. */
  readonly processed: number;
  readonly pending: number;
  /** Log records written so far, and the hash over all of them. */
  readonly logCount: number;
  readonly hash: string;
  /** The furthest simulated time this timeline has reached (the end of the scrubber). */
  readonly horizon: number;
  /** The user's recorded actions, and how many of them lie after now (acting discards them). */
  readonly userActions: number;
  readonly futureActions: number;
}

/** Hardware changes in a frame: a new layout comes with full host arrays. */
export interface HardwareFrame {
  readonly layout?: Layout;
  readonly hosts?: HostsFull;
  readonly changed?: HostsDiff;
}

export interface Frame extends RunStatus {
  readonly frameNo: number;
  /** New log records since the previous frame, oldest first (at most LOG_PER_FRAME newest). */
  readonly log: readonly LogRecord[];
  readonly diff: ViewDiff;
  readonly hw: HardwareFrame;
  /** New driver log entries since the previous frame (at most LOG_PER_FRAME newest). */
  readonly driverLog: readonly DriverLogEntry[];
  readonly driverCount: number;
  /** Details of the inspected asset, when one is selected. */
  readonly inspection: Inspection | null;
  /** New timeline markers (faults, repairs, detections, healing, elections). */
  readonly markers: readonly Marker[];
  /** The walkthrough's state, when it changed since the last frame. */
  readonly lesson?: LessonState;
}

export interface Snapshot extends RunStatus {
  readonly seed: number;
  readonly view: ViewSnapshot;
  readonly log: readonly LogRecord[];
  readonly layout: Layout;
  readonly hosts: HostsFull;
  readonly driverLog: readonly DriverLogEntry[];
  readonly driverCount: number;
  readonly markers: readonly Marker[];
  /** Present when a scenario is playing (as a walkthrough or not). */
  readonly lesson: LessonState | null;
}

/** What `export` sends back. */
export type Exported =
  | { readonly what: 'log'; readonly records: readonly LogRecord[]; readonly total: number; readonly truncated: boolean }
  | { readonly what: 'report'; readonly report: RunReport }
  | { readonly what: 'run'; readonly run: RunFile };

/** A run saved to a file or a link: enough to rebuild it exactly (see sim/timeline/record.ts). */
export type { RunFile } from '../sim/timeline/record';
import type { RunFile } from '../sim/timeline/record';

export type FromWorker =
  | { readonly type: 'ready'; readonly protocol: number; readonly seed: number }
  | { readonly type: 'frame'; readonly frame: Frame }
  | { readonly type: 'snapshot'; readonly snapshot: Snapshot }
  | {
      readonly type: 'actResult';
      readonly id: number;
      readonly action: string;
      readonly ok: boolean;
      readonly error?: string;
      /** Set when the action was refused because it would discard this many later actions of the user. */
      readonly futureActions?: number;
    }
  | { readonly type: 'exported'; readonly id: number; readonly data: Exported }
  /** Something the user asked for could not be done, and nothing is wrong (no later fault to step to). */
  | { readonly type: 'notice'; readonly message: string }
  /** A seek or step is replaying history (the UI shows progress for long replays). */
  | { readonly type: 'seeking'; readonly from: number; readonly to: number; readonly done: boolean }
  /**
   * The user's actions changed (the run started, an action, a fork): actions from index
   * `from` on are replaced by `actions`; `base` comes with the start of a run (`from` 0).
   * The page keeps the run's record from these, so it never has to ask a worker that
   * may have died (crash recovery, the kept run).
   */
  | { readonly type: 'record'; readonly from: number; readonly actions: readonly TimedAction[]; readonly base?: RunBase }
  /**
   * Work that cannot be sliced is under way (looking ahead for the next fault, replaying
   * to a walkthrough stop), or over (`done`): until then the page's watchdog allows a
   * longer silence (BUSY_HANG_MS) before it calls the worker hung.
   */
  | { readonly type: 'busy'; readonly what: BusyWork; readonly done: boolean }
  /** Alive: the worker has loaded (sent once, first), or is in a long replay (an export's; at most every HEARTBEAT_MS). */
  | { readonly type: 'heartbeat' }
  /** `t`: the simulated time when it happened, when a run exists. */
  /**
   * `fatal`: the run is lost (the page recovers it from its record). `init`: the run asked
   * for by an `init` could not be started, and the run before it goes on untouched.
   */
  | { readonly type: 'error'; readonly message: string; readonly detail?: string; readonly fatal: boolean; readonly t?: number; readonly init?: boolean };

/**
 * Most log records (and driver log entries) one frame carries: the UI draws the newest
 * 200, so a busy frame of a large run sends no more than it can show.
 */
export const LOG_PER_FRAME = 200;

export function assertNever(x: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(x)}`);
}
