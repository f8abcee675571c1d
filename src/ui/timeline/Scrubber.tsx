/**
 * The scrubber: an accessible slider over simulated time from 0 to the horizon, with the
 * reached part of the track, the played part and a handle at the time shown.
 *
 * Keys: arrows move by a simulated minute (Shift: a tenth of the horizon), Home and End
 * go to 0 and the horizon; PageUp and PageDown are left to the presenter. Dragging or
 * clicking shows the target time under the track and seeks once, on release. A key held down moves the
 * handle and seeks once, when the key is released (or soon after the last key press, for
 * assistive technology that sends no key-up), since every seek may replay history.
 */

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { formatClock } from '../../sim/engine/time';
import { anchorAt, fractionOf, keyTarget, percentOf, timeAtFraction } from './scale';

/** A seek goes this long after the last key press when no key-up comes. */
const KEY_SETTLE_MS = 400;

export interface ScrubberProps {
  /** The time to show when the person is not moving the handle. */
  readonly value: number;
  readonly horizon: number;
  /** Simulated ms the track spans (at least the horizon). */
  readonly span: number;
  readonly ready: boolean;
  readonly onSeek: (t: number) => void;
  /** Drawn over the track (the markers). */
  readonly children?: ReactNode;
  /** Drawn after the scrubber, given the time shown (a dragged or keyed target included). */
  readonly after?: (shown: number) => ReactNode;
}

interface Moving {
  readonly t: number;
  readonly dragging: boolean;
}

export function Scrubber({ value, horizon, span, ready, onSeek, children, after }: ScrubberProps) {
  const [moving, setMoving] = useState<Moving | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const shown = moving?.t ?? value;

  useEffect(() => () => clearTimeout(settle.current), []);

  const commit = (t: number) => {
    clearTimeout(settle.current);
    setMoving(null);
    // a key at an end, or a click on the handle, goes nowhere: no seek
    if (t !== value) onSeek(t);
  };

  const timeAt = (clientX: number): number => {
    const r = ref.current?.getBoundingClientRect();
    const f = r && r.width > 0 ? (clientX - r.left) / r.width : 0;
    return timeAtFraction(f, span, horizon);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && moving) {
      clearTimeout(settle.current);
      setMoving(null);
      e.preventDefault();
      return;
    }
    if (!ready || e.altKey || e.ctrlKey || e.metaKey || moving?.dragging) return;
    const t = keyTarget(e.key, e.shiftKey, shown, horizon);
    if (t === undefined) return;
    e.preventDefault();
    setMoving({ t, dragging: false });
    clearTimeout(settle.current);
    settle.current = setTimeout(() => commit(t), KEY_SETTLE_MS);
  };

  const onKeyUp = () => {
    if (moving && !moving.dragging) commit(moving.t);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!ready || e.button !== 0) return;
    e.preventDefault();
    ref.current?.focus({ preventScroll: true });
    if (typeof e.currentTarget.setPointerCapture === 'function') e.currentTarget.setPointerCapture(e.pointerId);
    clearTimeout(settle.current);
    setMoving({ t: timeAt(e.clientX), dragging: true });
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (moving?.dragging) setMoving({ t: timeAt(e.clientX), dragging: true });
  };

  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (moving?.dragging) commit(timeAt(e.clientX));
  };

  const onPointerCancel = () => {
    if (moving?.dragging) setMoving(null);
  };

  const dragging = moving?.dragging === true;
  return (
    <>
      <div className="tl-scrubber">
        <div
          ref={ref}
          role="slider"
          tabIndex={0}
          aria-label="Timeline"
          aria-valuemin={0}
          aria-valuemax={horizon}
          aria-valuenow={shown}
          aria-valuetext={formatClock(shown)}
          aria-disabled={ready ? undefined : true}
          className={`tl-slider${dragging ? ' is-dragging' : ''}`}
          onKeyDown={onKeyDown}
          onKeyUp={onKeyUp}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerCancel}
        >
          <div className="tl-track">
            <div className="tl-reached" style={{ width: percentOf(horizon, span) }} />
            <div className="tl-played" style={{ width: percentOf(shown, span) }} />
          </div>
          <div className="tl-handle" style={{ left: percentOf(shown, span) }} />
        </div>
        {children}
        {dragging ? (
          <div className="tl-target" style={anchorAt(fractionOf(shown, span))} aria-hidden="true" data-testid="seek-target">
            Seek to {formatClock(shown)}
          </div>
        ) : null}
      </div>
      {after?.(shown)}
    </>
  );
}
