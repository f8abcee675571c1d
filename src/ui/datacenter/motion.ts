/**
 * Whether to animate: never when the person asked their system for reduced motion, nor
 * when the Animations switch of the top bar is off (a wall screen). One place for every
 * animation of the app: the data center's zoom transitions, the charts' transitions, the
 * FC ring's message dots (and CSS, through `html[data-motion="off"]` in the style sheet).
 */

import { useSyncExternalStore } from 'react';
import { displayStore } from '../presenter/display';

const QUERY = '(prefers-reduced-motion: reduce)';

let query: MediaQueryList | undefined;
let madeBy: unknown;

/** The media query, made once per matchMedia (React reads it on every render of a component that animates). */
const media = (): MediaQueryList | undefined => {
  const mm = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia : undefined;
  if (mm !== madeBy) {
    madeBy = mm;
    query = mm?.call(window, QUERY);
  }
  return query;
};

/** The system asks for reduced motion. */
export function prefersReducedMotion(): boolean {
  return media()?.matches ?? false;
}

/** Motion is off: the system asks for reduced motion, or the Animations switch is off. */
export function motionReduced(): boolean {
  return prefersReducedMotion() || !displayStore.getState().animations;
}

function subscribe(onChange: () => void): () => void {
  const m = media();
  m?.addEventListener?.('change', onChange);
  const off = displayStore.subscribe(onChange);
  return () => {
    m?.removeEventListener?.('change', onChange);
    off();
  };
}

/** motionReduced(), kept up to date when the system setting or the switch changes. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, motionReduced, motionReduced);
}
