/**
 * d3-zoom wrapped in a small controller: wheel, drag and pinch on the view's element,
 * plus moves asked for by the buttons, arrow keys and "Go to asset". It reports every
 * change ('move') and the end of a gesture ('end'); transitions are skipped when the
 * person prefers reduced motion.
 */

import { select, zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import type { Rect } from './geometry';
import { motionReduced } from './motion';
import type { Transform } from './viewport';

export type ZoomPhase = 'move' | 'end';

/** What moved the view: a mouse or touch drag, the wheel, or anything else (a move we asked for, a pinch). */
export type ZoomSource = 'drag' | 'wheel' | 'other';

function sourceOf(e: Event | null | undefined): ZoomSource {
  const type = e?.type;
  if (type === 'mousemove' || type === 'touchmove') return 'drag';
  return type === 'wheel' ? 'wheel' : 'other';
}

export interface ZoomBounds {
  readonly width: number;
  readonly height: number;
  /** The world the view may move over. */
  readonly world: Rect;
  readonly minK: number;
  readonly maxK: number;
}

export interface ZoomController {
  update(bounds: ZoomBounds): void;
  transform(): Transform;
  /** Moves to `t`, with a short transition unless `animate` is false or motion is reduced. */
  moveTo(t: Transform, animate?: boolean): void;
  /** Zooms about the centre of the view. */
  scaleBy(factor: number): void;
  destroy(): void;
}

const DURATION_MS = 300;
/** Elements inside the view that never start a pan (the action menu, the tooltip). */
const IGNORE = '[data-zoom-ignore]';

export function createZoomController(el: HTMLElement, onChange: (t: Transform, phase: ZoomPhase, source: ZoomSource) => void): ZoomController {
  const sel = select<HTMLElement, unknown>(el);
  const toPlain = (t: { k: number; x: number; y: number }): Transform => ({ k: t.k, x: t.x, y: t.y });
  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    .filter((event: Event) => {
      if (event.type === 'dblclick') return false;
      // a mouse event with no window (synthesized, e.g. by a test) cannot start a drag:
      // d3-drag needs the window to suppress text selection
      if (event.type === 'mousedown' && !(event as MouseEvent).view) return false;
      const target = event.target;
      if (target instanceof Element && target.closest(IGNORE)) return false;
      const m = event as MouseEvent;
      return (!m.ctrlKey || event.type === 'wheel') && !m.button;
    })
    .on('zoom', (e: D3ZoomEvent<HTMLElement, unknown>) => onChange(toPlain(e.transform), 'move', sourceOf(e.sourceEvent as Event | null)))
    .on('end', (e: D3ZoomEvent<HTMLElement, unknown>) => onChange(toPlain(e.transform), 'end', sourceOf(e.sourceEvent as Event | null)));
  sel.call(behavior);

  const animated = (animate: boolean) => animate && !motionReduced();

  return {
    update(b) {
      const pad = 60;
      behavior
        .extent([
          [0, 0],
          [Math.max(1, b.width), Math.max(1, b.height)],
        ])
        .scaleExtent([b.minK, b.maxK])
        .translateExtent([
          [b.world.x - pad, b.world.y - pad],
          [b.world.x + b.world.w + pad, b.world.y + b.world.h + pad],
        ]);
    },
    transform: () => toPlain(zoomTransform(el)),
    moveTo(t, animate = true) {
      const target = zoomIdentity.translate(t.x, t.y).scale(t.k);
      sel.interrupt();
      if (animated(animate)) sel.transition().duration(DURATION_MS).call(behavior.transform, target);
      else sel.call(behavior.transform, target);
    },
    scaleBy(factor) {
      sel.interrupt();
      if (animated(true)) sel.transition().duration(DURATION_MS / 2).call(behavior.scaleBy, factor);
      else sel.call(behavior.scaleBy, factor);
    },
    destroy() {
      sel.interrupt();
      sel.on('.zoom', null);
    },
  };
}
