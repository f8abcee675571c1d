/**
 * The page's display settings, apart from the simulation: presenter mode (large type,
 * the high-contrast theme on `<html data-theme="presenter">`, the clicker keys) and the
 * Animations switch (`<html data-motion="off">`; saved in localStorage, since a wall
 * screen wants it off every time). One small vanilla zustand store for the page: the
 * theme is a property of the whole document, not of one React tree.
 */

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { readDisplayParams, withPresenterParam } from './url';

export interface DisplayState {
  readonly presenter: boolean;
  readonly animations: boolean;
  /** Bad display values of the page address, for the banner. */
  readonly problems: readonly string[];
}

export const ANIMATIONS_KEY = 'fabric-lab.animations';

export const initialDisplay: DisplayState = { presenter: false, animations: true, problems: [] };

export const displayStore = createStore<DisplayState>()(() => initialDisplay);

function root(): HTMLElement | undefined {
  return typeof document === 'undefined' ? undefined : document.documentElement;
}

/** Writes the settings on `<html>`, where the style sheet's theme reads them. */
function reflect(s: DisplayState): void {
  const html = root();
  if (!html) return;
  if (s.presenter) html.dataset.theme = 'presenter';
  else if (html.dataset.theme === 'presenter') delete html.dataset.theme;
  if (s.animations) delete html.dataset.motion;
  else html.dataset.motion = 'off';
}

displayStore.subscribe(reflect);

function savedAnimations(): boolean | undefined {
  try {
    const v = globalThis.localStorage?.getItem(ANIMATIONS_KEY);
    return v === 'off' ? false : v === 'on' ? true : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns presenter mode on or off; by default the page address follows (`?presenter=1`),
 * so that a reload or a copied link keeps it.
 */
export function setPresenter(on: boolean, options: { updateAddress?: boolean } = {}): void {
  displayStore.setState({ presenter: on });
  if (options.updateAddress === false || typeof window === 'undefined') return;
  try {
    const next = withPresenterParam(window.location.href, on);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  } catch {
    // an address that cannot be rewritten (a sandboxed frame) keeps its parameters
  }
}

export function togglePresenter(): void {
  setPresenter(!displayStore.getState().presenter);
}

/** Turns animations on or off, and remembers the choice. */
export function setAnimations(on: boolean): void {
  displayStore.setState({ animations: on });
  try {
    globalThis.localStorage?.setItem(ANIMATIONS_KEY, on ? 'on' : 'off');
  } catch {
    // private mode: the switch still works for this page
  }
}

/** Applies the page address (and the saved Animations switch) at startup. */
export function startDisplay(search: string): void {
  const p = readDisplayParams(search);
  displayStore.setState({
    presenter: p.presenter ?? false,
    animations: p.animations ?? savedAnimations() ?? true,
    problems: p.problems,
  });
  reflect(displayStore.getState());
}

/** Back to the defaults (tests). */
export function resetDisplay(): void {
  displayStore.setState(initialDisplay, true);
}

export function useDisplay<T>(selector: (s: DisplayState) => T): T {
  return useStore(displayStore, selector);
}

export const selectPresenter = (s: DisplayState) => s.presenter;
export const selectAnimations = (s: DisplayState) => s.animations;
export const selectDisplayProblems = (s: DisplayState) => s.problems;
