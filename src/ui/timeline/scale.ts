/**
 * The scrubber's arithmetic as plain functions: how much simulated time the track
 * spans (the horizon rounded up to a step, so markers and the track are redrawn a few
 * dozen times over a run rather than on every frame), which time a point on the track
 * stands for, and where a key moves the handle.
 */

import { DAY, HOUR, MINUTE, SECOND } from '../../sim/engine/time';

/** The track spans at least this much, so the first minutes of a run do not fill it. */
export const MIN_SPAN = 5 * MINUTE;

/** An arrow key moves the handle by one simulated minute. */
export const KEY_STEP = MINUTE;

const STEPS = [10 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];

/** The span grows by a step of at least this fraction of the horizon. */
const GROWTH = 1 / 40;

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * The end of the track: past the horizon by at most one step of about 1/40 of it, so
 * it stays put while the horizon grows through the step.
 */
export function spanEnd(horizon: number): number {
  const h = Math.max(0, horizon);
  const want = h * GROWTH;
  const step = STEPS.find((s) => s >= want) ?? Math.ceil(want / DAY) * DAY;
  return Math.max(MIN_SPAN, (Math.floor(h / step) + 1) * step);
}

/** The simulated time at `fraction` of the track (0 left, 1 right): whole seconds, within [0, horizon]. */
export function timeAtFraction(fraction: number, span: number, horizon: number): number {
  const t = Math.round((clamp(fraction, 0, 1) * span) / SECOND) * SECOND;
  return clamp(t, 0, Math.max(0, horizon));
}

/** The fraction of the track at which time t sits. */
export const fractionOf = (t: number, span: number): number => (span > 0 ? clamp(t / span, 0, 1) : 0);

/** A CSS percentage for time t on the track. */
export const percentOf = (t: number, span: number): string => `${(fractionOf(t, span) * 100).toFixed(3)}%`;

/** The big step (Shift with an arrow): a tenth of the horizon in whole seconds, at least one key step. */
export const bigStep = (horizon: number): number => Math.max(KEY_STEP, Math.round(horizon / 10 / SECOND) * SECOND);

/**
 * Where a key moves the handle from `base`: arrows by a minute (Shift: a tenth of the
 * horizon), Home and End to the ends; undefined for any other key. PageUp and PageDown
 * are left to the presenter.
 */
export function keyTarget(key: string, shift: boolean, base: number, horizon: number): number | undefined {
  const step = shift ? bigStep(horizon) : KEY_STEP;
  const top = Math.max(0, horizon);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(base + step, 0, top);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(base - step, 0, top);
    case 'Home':
      return 0;
    case 'End':
      return top;
    default:
      return undefined;
  }
}

/** CSS offsets that keep a label inside the track: by its left edge on the left half, by its right edge on the right. */
export function anchorAt(fraction: number): { left?: string; right?: string } {
  const f = clamp(fraction, 0, 1);
  return f <= 0.5 ? { left: `${(f * 100).toFixed(3)}%` } : { right: `${((1 - f) * 100).toFixed(3)}%` };
}
