/**
 * The UI's one store (a vanilla zustand store). Only apply.ts writes to it, from what the
 * worker sends; components read it through selectors and act through actions.ts.
 */

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { LogRecord } from '../../sim/engine/log';
import type { DriverLogEntry } from '../../sim/hardware/drivers';
import type { Inspection } from '../../sim/hardware/inspect';
import type { Layout } from '../../sim/hardware/view';
import type { Marker } from '../../sim/markers';
import type { ViewSnapshot } from '../../sim/view/records';
import type { LessonState } from '../../sim/timeline/lesson';
import type { Exported, RunStatus } from '../../worker/protocol';

/** The hosts one frame changed: `index` (host indices), applied as hostVersion `version`. */
export interface HostChange {
  readonly version: number;
  readonly index: Uint32Array;
}

/** Frames of host changes the store keeps; a reader further behind reads every host again. */
export const HOST_CHANGES_KEPT = 32;

/** Log records the UI keeps (the newest). */
export const UI_LOG_LIMIT = 500;

export interface WorkerError {
  readonly message: string;
  readonly detail?: string;
}

/**
 * A worker that crashed or stopped answering, and what the page did about it (see
 * docs/reliability.md): restarting it from the run's record (`recovering`), done
 * (`recovered`), or given up (`gave-up`, with the connection `failed`).
 */
export interface Recovery {
  /** Bumped for each failure, so that a new one is announced again. */
  readonly n: number;
  readonly phase: 'recovering' | 'recovered' | 'gave-up';
  /** What happened: "The simulation worker stopped answering for 15 s." */
  readonly reason: string;
  /** What was done: where the run was restarted, with how many actions, what was left out. */
  readonly outcome: string;
}

/** The run status (clock, speed, counts, hash) as the last frame gave it, and everything else the worker sent. */
export interface FabricState extends RunStatus {
  /** `recovering`: a new worker is being started from the run's record after a crash or a hang. */
  readonly connection: 'connecting' | 'ready' | 'recovering' | 'failed';
  /** The last crash or hang of the worker and the recovery from it (undefined: none). */
  readonly recovery: Recovery | undefined;
  readonly error: WorkerError | undefined;
  readonly seed: number | undefined;
  readonly log: readonly LogRecord[];
  readonly view: ViewSnapshot;
  readonly frames: number;
  /** The data center's shape. */
  readonly layout: Layout;
  /** Per host, in host-index order: HostCode (index into HOST_STATUSES) and ground-truth fault (index into HOST_FAULTS). */
  readonly hostStatus: Uint8Array;
  readonly hostFault: Uint8Array;
  /** Role instances placed on each host (255: 255 or more). */
  readonly hostInstances: Uint8Array;
  /** Bumped whenever hostStatus or hostFault change (they are updated in place). */
  readonly hostVersion: number;
  /**
   * The hosts each of the latest frames changed, newest last (at most HOST_CHANGES_KEPT
   * frames; empty after full arrays arrived), so that what is derived from the host
   * arrays (counts per rack) follows the changes instead of reading every host again.
   */
  readonly hostChanges: readonly HostChange[];
  readonly driverLog: readonly DriverLogEntry[];
  readonly driverCount: number;
  /** Details of the asset the UI asked to inspect. */
  readonly inspection: Inspection | null;
  /** Timeline markers (faults, repairs, detections, healing, elections), oldest first. */
  readonly markers: readonly Marker[];
  /** The last action the worker refused, with why. */
  readonly actionError: { readonly id: number; readonly action: string; readonly message: string; readonly futureActions?: number } | undefined;
  /** The walkthrough of the scenario being played (null: a free run). */
  readonly lesson: LessonState | null;
  /** A seek replaying history: from and to simulated ms (undefined: none under way). */
  readonly seeking: { readonly from: number; readonly to: number } | undefined;
  /** The worker's last notice (a step that found nothing), with a number to tell repeats apart. */
  readonly notice: { readonly n: number; readonly message: string } | undefined;
  /** The last data the worker sent for an export request. */
  readonly lastExport: { readonly id: number; readonly data: Exported } | undefined;
}

export const initialState: FabricState = {
  connection: 'connecting',
  recovery: undefined,
  error: undefined,
  seed: undefined,
  t: 0,
  running: false,
  speed: 60,
  lagging: false,
  processed: 0,
  pending: 0,
  logCount: 0,
  hash: '',
  horizon: 0,
  userActions: 0,
  futureActions: 0,
  lesson: null,
  seeking: undefined,
  lastExport: undefined,
  notice: undefined,
  log: [],
  view: {},
  frames: 0,
  layout: { containers: [], hostCount: 0 },
  hostStatus: new Uint8Array(0),
  hostFault: new Uint8Array(0),
  hostInstances: new Uint8Array(0),
  hostVersion: 0,
  hostChanges: [],
  driverLog: [],
  driverCount: 0,
  inspection: null,
  markers: [],
  actionError: undefined,
};

/** Markers the UI keeps. */
export const UI_MARKER_LIMIT = 2000;

/** Driver log entries the UI keeps (the newest). */
export const UI_DRIVER_LOG_LIMIT = 500;

export type FabricStore = ReturnType<typeof createFabricStore>;

export function createFabricStore(init: Partial<FabricState> = {}) {
  return createStore<FabricState>()(() => ({ ...initialState, ...init }));
}

/** The app's store. Tests make their own with createFabricStore and a StoreProvider. */
export const appStore = createFabricStore();

export { useStore };
