/**
 * The UI's one store (a vanilla zustand store). Only apply.ts writes to it, from what the
 * worker sends; components read it through selectors and act through actions.ts.
 */

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { LogRecord } from '../../sim/engine/log';
import type { ViewSnapshot } from '../../sim/view/records';
import type { Speed } from '../../worker/protocol';

/** Log records the UI keeps (the newest). */
export const UI_LOG_LIMIT = 500;

export interface WorkerError {
  readonly message: string;
  readonly detail?: string;
}

export interface FabricState {
  readonly connection: 'connecting' | 'ready' | 'failed';
  readonly error: WorkerError | undefined;
  readonly seed: number | undefined;
  readonly t: number;
  readonly running: boolean;
  readonly speed: Speed;
  readonly lagging: boolean;
  readonly processed: number;
  readonly pending: number;
  readonly logCount: number;
  readonly hash: string;
  readonly log: readonly LogRecord[];
  readonly view: ViewSnapshot;
  readonly frames: number;
}

export const initialState: FabricState = {
  connection: 'connecting',
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
  log: [],
  view: {},
  frames: 0,
};

export type FabricStore = ReturnType<typeof createFabricStore>;

export function createFabricStore(init: Partial<FabricState> = {}) {
  return createStore<FabricState>()(() => ({ ...initialState, ...init }));
}

/** The app's store. Tests make their own with createFabricStore and a StoreProvider. */
export const appStore = createFabricStore();

export { useStore };
