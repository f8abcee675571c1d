/**
 * What the page knows about its saved data, for the top bar and the Saved data dialog:
 * whether it is kept in IndexedDB or only in memory (and the notice saying so), and the
 * latest errors of the browser's storage (a full quota, a refused write). One small
 * vanilla zustand store, written only by the persist modules.
 */

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type KeptKind = 'unknown' | 'indexeddb' | 'memory';

export interface PersistStatus {
  readonly kind: KeptKind;
  /** Said once, when nothing can be kept (IndexedDB unavailable): null otherwise. */
  readonly notice: string | null;
  /** The newest storage errors, oldest first (at most MAX_ERRORS). */
  readonly errors: readonly string[];
}

const MAX_ERRORS = 5;

const INITIAL: PersistStatus = { kind: 'unknown', notice: null, errors: [] };

export const persistStatus = createStore<PersistStatus>()(() => INITIAL);

export function setKeptKind(kind: KeptKind, notice: string | null): void {
  persistStatus.setState({ kind, notice });
}

/** Records a storage error to show (the same message twice in a row is kept once). */
export function reportPersistError(message: string): void {
  const { errors } = persistStatus.getState();
  if (errors.at(-1) === message) return;
  persistStatus.setState({ errors: [...errors, message].slice(-MAX_ERRORS) });
}

export function dismissPersistErrors(): void {
  persistStatus.setState({ errors: [] });
}

/** For tests: back to the state of a page that has not opened its storage yet. */
export function resetPersistStatus(): void {
  persistStatus.setState(INITIAL, true);
}

export function usePersistStatus<T>(selector: (s: PersistStatus) => T): T {
  return useStore(persistStatus, selector);
}
