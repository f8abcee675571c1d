/**
 * UI-only state, apart from the fabric store (which only apply.ts writes): the selected
 * asset, the asset that holds keyboard focus in the data center view, the open action
 * menu, the dismissed action error and the asset under the pointer. One small vanilla zustand store per app, given to
 * components by UiProvider.
 */

import { createContext, createElement, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Rect } from '../datacenter/geometry';

/** An asset and where it is on screen (the action menu, the tooltip). */
export interface MenuState {
  /** The asset whose actions are shown. */
  readonly id: string;
  /** Where the asset is on screen, relative to the view, to place the menu beside it. */
  readonly anchor: Rect;
}

export interface UiState {
  /** The asset shown in the inspector. */
  readonly selected: string | null;
  /** The asset that holds the data center view's one tab stop. */
  readonly focusId: string | null;
  /** Bumped when focus should move to `focusId` (arrow keys, "Go to asset", a closed menu). */
  readonly focusRequest: number;
  readonly menu: MenuState | null;
  /** The id of the action error the person dismissed. */
  readonly dismissedError: number | undefined;
  /** The asset under the pointer, for the tooltip. */
  readonly hover: MenuState | null;
}

export const initialUiState: UiState = { selected: null, focusId: null, focusRequest: 0, menu: null, dismissedError: undefined, hover: null };

export type UiStore = ReturnType<typeof createUiStore>;

export function createUiStore(init: Partial<UiState> = {}) {
  return createStore<UiState>()(() => ({ ...initialUiState, ...init }));
}

/** Plain functions that change the UI state. */
export const ui = {
  select: (store: UiStore, id: string | null) => store.setState({ selected: id }),
  /** Moves the tab stop to `id`; with `move`, moves the browser's focus there too. */
  focus: (store: UiStore, id: string, move: boolean) =>
    store.setState((s) => ({ focusId: id, focusRequest: move ? s.focusRequest + 1 : s.focusRequest })),
  openMenu: (store: UiStore, menu: MenuState) => store.setState({ menu }),
  /** Closes the menu; with `refocus`, focus goes back to the asset it was open for. */
  closeMenu: (store: UiStore, refocus: boolean) =>
    store.setState((s) => (s.menu === null ? s : { menu: null, ...(refocus ? { focusId: s.menu.id, focusRequest: s.focusRequest + 1 } : {}) })),
  dismissError: (store: UiStore, id: number) => store.setState({ dismissedError: id }),
  hover: (store: UiStore, hover: MenuState | null) => {
    const prev = store.getState().hover;
    if (prev?.id !== hover?.id) store.setState({ hover });
  },
};

const UiContext = createContext<UiStore | null>(null);

/** Gives its children one UI store (a new one unless `store` is given). */
export function UiProvider(props: { store?: UiStore; children: ReactNode }) {
  const [own] = useState(() => props.store ?? createUiStore());
  return createElement(UiContext.Provider, { value: own }, props.children);
}

export function useUiStore(): UiStore {
  const store = useContext(UiContext);
  if (!store) throw new Error('useUi outside a UiProvider');
  return store;
}

/** Reads UI state with a selector (use module-scope selectors). */
export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useUiStore(), selector);
}
