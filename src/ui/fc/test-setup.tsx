/**
 * Test helpers for the FC ring in jsdom: the ring rendered against a store (the tests
 * feed it frames recorded from a real WorkerHost, src/test/recorded.ts, which they
 * import themselves: this file is part of the app's build), a spy sender, readers of
 * the replicas' records and a fake of the reduced-motion preference.
 */

import { act, render } from '@testing-library/react';
import { vi } from 'vitest';
import type { FcClusterView, FcReplicaView } from '../../sim/fabric/fcreplicas';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { FabricProvider } from '../context';
import { applyMessage } from '../store/apply';
import { createFabricStore, type FabricStore } from '../store/store';
import { FcRing } from './FcRing';
import { selectCluster, selectReplicas } from './select';

export function renderRing() {
  const store = createFabricStore();
  const sent: ToWorker[] = [];
  const send = vi.fn((m: ToWorker) => void sent.push(m));
  render(
    <FabricProvider store={store} send={send}>
      <FcRing />
    </FabricProvider>,
  );
  const feed = (msgs: readonly FromWorker[]) => act(() => msgs.forEach((m) => applyMessage(store, m)));
  return { store, sent, feed };
}

export const actCommand = (id: number, action: { do: 'fail' | 'repair'; target: string }): ToWorker => ({ type: 'act', id, action });

export const clusterOf = (store: FabricStore): FcClusterView => {
  const c = selectCluster(store.getState());
  if (!c) throw new Error('no fcCluster record');
  return c;
};

export const replicaOf = (store: FabricStore, id: string): FcReplicaView => {
  const r = selectReplicas(store.getState()).find((x) => x.id === id);
  if (!r) throw new Error(`no replica ${id}`);
  return r;
};

/** Fakes matchMedia: reduced motion asked for, or not. */
export function fakeReducedMotion(reduce: boolean): void {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: reduce && query.includes('reduce'),
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
