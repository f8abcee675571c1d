/**
 * The markers over the scrubber: one small button per fault, repair, detection, healing
 * and election, drawn by CSS as a shape per kind (timeline.css) and placed by CSS from
 * its time (`--t`) and the track's span (`--span` on the list), so a longer span moves
 * every marker without rendering any of them again.
 *
 * The list is one tab stop: arrow keys move between markers, Home and End to the
 * ends, Enter seeks to the marker. Tabbing in lands on the marker at or before the
 * current time. Hovering or focusing a marker shows its label below the track (Escape
 * hides it); clicking seeks to it. Markers render in chunks cut by sequence number, and
 * a chunk renders again only when its own markers or its tab stop change.
 */

import { memo, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { formatClock } from '../../sim/engine/time';
import { chunkMarkers, indexAtOrBefore, KIND_STYLE, markerName, sameChunk, type TimelineMarker } from './marker-kinds';
import { anchorAt, fractionOf } from './scale';

/** How long a tooltip stays after the pointer leaves, so it can be reached with the pointer. */
const HOVER_GRACE_MS = 300;

const seqOf = (target: EventTarget | null): number | undefined => {
  const el = target instanceof Element ? target.closest<HTMLElement>('[data-seq]') : null;
  return el ? Number(el.dataset.seq) : undefined;
};

interface ChunkProps {
  readonly items: readonly TimelineMarker[];
  /** The seq of the list's tab stop when it is in this chunk. */
  readonly stop: number | null;
}

const Chunk = memo(
  function Chunk({ items, stop }: ChunkProps) {
    return items.map((m) => (
      <li key={m.seq} className="tl-marker-item" style={{ '--t': String(m.t) } as CSSProperties}>
        <button
          type="button"
          className={`tl-marker tl-shape tl-shape-${KIND_STYLE[m.kind].shape}`}
          data-kind={m.kind}
          data-seq={m.seq}
          tabIndex={m.seq === stop ? 0 : -1}
          aria-label={markerName(m)}
        />
      </li>
    ));
  },
  (a, b) => a.stop === b.stop && sameChunk(a.items, b.items),
);

export interface MarkerLayerProps {
  /** Markers of the timeline's kinds, oldest first. */
  readonly items: readonly TimelineMarker[];
  /** Simulated ms the track spans. */
  readonly span: number;
  readonly onSeek: (t: number) => void;
  /** The time the handle shows, read when focus enters the list. */
  readonly currentTime: () => number;
}

export const MarkerLayer = memo(function MarkerLayer({ items, span, onSeek, currentTime }: MarkerLayerProps) {
  const chunks = useMemo(() => chunkMarkers(items), [items]);
  const [active, setActive] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [hidden, setHidden] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const pointerDown = useRef(false);
  const leaveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const indexOf = useMemo(() => new Map(items.map((m, i) => [m.seq, i])), [items]);
  const stop = active !== null && indexOf.has(active) ? active : (items.at(-1)?.seq ?? null);

  const focusSeq = (seq: number) => {
    setActive(seq);
    listRef.current?.querySelector<HTMLElement>(`[data-seq="${seq}"]`)?.focus();
  };

  const keepHover = () => clearTimeout(leaveTimer.current);
  const dropHover = () => {
    clearTimeout(leaveTimer.current);
    leaveTimer.current = setTimeout(() => setHover(null), HOVER_GRACE_MS);
  };

  /** The marker nearest the pointer: markers close together overlap, and the one on top is not always the one meant. */
  const nearestTo = (e: PointerEvent<HTMLUListElement> | MouseEvent<HTMLUListElement>): number | undefined => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width <= 0) return seqOf(e.target);
    const t = ((e.clientX - r.left) / r.width) * span;
    const i = indexAtOrBefore(items, t);
    const a = items[i];
    const b = items[i + 1];
    if (!a) return undefined;
    return b && Math.abs(b.t - t) < Math.abs(a.t - t) ? b.seq : a.seq;
  };

  const onPointerMove = (e: PointerEvent<HTMLUListElement>) => {
    if (seqOf(e.target) === undefined) return;
    const seq = nearestTo(e);
    keepHover();
    setHidden(false);
    if (seq !== undefined && seq !== hover) setHover(seq);
  };

  const onClick = (e: MouseEvent<HTMLUListElement>) => {
    // a pointer click takes the marker nearest the pointer; Enter or Space the focused one
    const seq = e.detail > 0 ? (nearestTo(e) ?? seqOf(e.target)) : seqOf(e.target);
    const i = seq === undefined ? undefined : indexOf.get(seq);
    if (i === undefined) return;
    setActive(seq!);
    onSeek(items[i]!.t);
  };

  const onFocus = (e: FocusEvent<HTMLUListElement>) => {
    const seq = seqOf(e.target);
    if (seq === undefined) return;
    const byPointer = pointerDown.current;
    pointerDown.current = false;
    const fromOutside = !(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget));
    if (fromOutside && !byPointer && items.length > 0) {
      const near = items[indexAtOrBefore(items, currentTime())]!.seq;
      if (near !== seq) {
        focusSeq(near);
        return;
      }
    }
    setActive(seq);
    setFocused(seq);
    setHidden(false);
  };

  const onBlur = (e: FocusEvent<HTMLUListElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setFocused(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const seq = seqOf(e.target);
    const i = seq === undefined ? undefined : indexOf.get(seq);
    if (i === undefined) return;
    let j: number;
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowUp':
        j = i - 1;
        break;
      case 'ArrowRight':
      case 'ArrowDown':
        j = i + 1;
        break;
      case 'Home':
        j = 0;
        break;
      case 'End':
        j = items.length - 1;
        break;
      case 'Escape':
        if (hidden || (hover === null && focused === null)) return;
        setHidden(true);
        e.preventDefault();
        e.stopPropagation();
        return;
      default:
        return;
    }
    e.preventDefault();
    const next = items[Math.min(items.length - 1, Math.max(0, j))];
    if (next) focusSeq(next.seq);
  };

  const shownSeq = hidden ? null : (hover ?? focused);
  const shownIndex = shownSeq === null ? undefined : indexOf.get(shownSeq);
  const shown = shownIndex === undefined ? undefined : items[shownIndex];

  return (
    <>
      <ul
        ref={listRef}
        className="tl-markers"
        aria-label="Markers"
        style={{ '--span': String(span) } as CSSProperties}
        onPointerMove={onPointerMove}
        onPointerLeave={dropHover}
        onPointerDown={() => void (pointerDown.current = true)}
        onPointerUp={() => void (pointerDown.current = false)}
        onPointerCancel={() => void (pointerDown.current = false)}
        onClick={onClick}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      >
        {chunks.map((c) => (
          <Chunk key={c.key} items={c.items} stop={stop !== null && c.items.some((m) => m.seq === stop) ? stop : null} />
        ))}
      </ul>
      {shown ? <MarkerTooltip marker={shown} span={span} onEnter={keepHover} onLeave={dropHover} /> : null}
    </>
  );
});

/** The label of the hovered or focused marker, below the track, kept inside the bar's width. */
function MarkerTooltip(props: { marker: TimelineMarker; span: number; onEnter: () => void; onLeave: () => void }) {
  const { marker: m, span } = props;
  const style = anchorAt(fractionOf(m.t, span));
  // the button's accessible name already says all this: the tooltip is for the eyes
  return (
    <div className="tl-tooltip" style={style} aria-hidden="true" data-testid="marker-tooltip" onPointerEnter={props.onEnter} onPointerLeave={props.onLeave}>
      <span className={`tl-shape tl-shape-${KIND_STYLE[m.kind].shape}`} data-kind={m.kind} />
      <span className="tl-tooltip-time">{formatClock(m.t)}</span> {KIND_STYLE[m.kind].name}: {m.label}
    </div>
  );
}
