/**
 * Binds components to one store and one command sender. The app provides the real
 * ones; component tests provide a store fed with recorded frames and a spy sender.
 */

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ToWorker } from '../worker/protocol';
import { makeActions, type Actions } from './actions';
import type { FabricState, FabricStore } from './store/store';

interface FabricContextValue {
  readonly store: FabricStore;
  readonly actions: Actions;
}

const FabricContext = createContext<FabricContextValue | undefined>(undefined);

export function FabricProvider(props: { store: FabricStore; send: (msg: ToWorker) => void; children: ReactNode }) {
  const { store, send, children } = props;
  const value = useMemo(() => ({ store, actions: makeActions(send, store) }), [store, send]);
  return <FabricContext.Provider value={value}>{children}</FabricContext.Provider>;
}

function useFabricContext(): FabricContextValue {
  const ctx = useContext(FabricContext);
  if (!ctx) throw new Error('useFabric outside a FabricProvider');
  return ctx;
}

/** Reads from the store with a selector (use module-scope selectors, useShallow for objects). */
export function useFabric<T>(selector: (s: FabricState) => T): T {
  return useStore(useFabricContext().store, selector);
}

/** The store itself, for hooks that subscribe in their own way (see store/throttle.ts). */
export function useFabricStore(): FabricStore {
  return useFabricContext().store;
}

export function useActions(): Actions {
  return useFabricContext().actions;
}
