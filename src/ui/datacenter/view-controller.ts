/**
 * The imperative side of the data center view, outside React: it owns the canvas (sized
 * for devicePixelRatio), the zoom controller and the repaint, throttled to one paint per
 * animation frame and only when the scene, the size or the transform changed. While a
 * gesture runs it only moves the DOM layer with a CSS transform; when the view settles
 * it reports what is in view, so React re-renders the layer once per gesture.
 *
 * The cursor is set here, inline: `grab` on the view, `grabbing` on the canvas only while
 * a drag moves it. A cursor is inherited, so a rule that changed the view's cursor on
 * `:active` made the browser restyle every button of the layer (about a thousand at host
 * level) on each mouse down and up, inside the click's task.
 */

import { assetExtent, assetRect, type Asset } from './assets';
import type { LayerView } from './layer-items';
import type { Geometry, Rect } from './geometry';
import { GlyphSprites } from './glyph-canvas';
import { perfNow, perfPaint } from '../perf';
import { paint } from './paint';
import { onlyHiddenHostsChanged, type Scene } from './scene';
import {
  DOM_HOST_SCALE,
  HOST_LOD_SCALE,
  fitTransform,
  hostsInDom,
  lodFor,
  revealTransform,
  visibleContainers,
  type Transform,
  type Viewport,
} from './viewport';
import { createZoomController, type ZoomController, type ZoomPhase, type ZoomSource } from './zoom';

/** What the DOM layer shows: the scale its positions are computed at, and what is in view. */
export interface LayerFrame extends LayerView {
  readonly k: number;
}

export const EMPTY_FRAME: LayerFrame = { k: 1, lod: 'hosts', visible: [], hosts: false };

/** Largest scale "Fit" uses (a small data center is not blown up past this). */
export const FIT_MAX_K = 3;
/** Largest scale of all. */
export const MAX_K = 8;
/** Size assumed while the element has none (not laid out yet, or jsdom). */
const FALLBACK = { width: 960, height: 640 };

export interface ViewControllerOptions {
  readonly wrap: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly layer: HTMLElement;
  /** The view settled on a new frame (after a gesture, a move, a resize). */
  readonly onSettle: (frame: LayerFrame) => void;
  /** The person pans or zooms. */
  readonly onMove: () => void;
}

export type RevealMode = 'nav' | 'goto';

export class ViewController {
  private readonly zoom: ZoomController;
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly sprites = new GlyphSprites();
  private scene: Scene | undefined;
  private width = FALLBACK.width;
  private height = FALLBACK.height;
  private dpr = 1;
  private raf: number | undefined;
  private fitted = false;
  /** Follow the size of the element with a fresh fit until the person moves the view. */
  private autoFit = true;
  /** Inside a move we asked for, or waiting for the end of its transition. */
  private programmatic = 0;
  private transition = false;
  private layerK = 1;
  private lastFrameKey = '';
  /** The element has a size (it is not hidden). */
  private shown = true;
  /** A mouse or touch drag is moving the view (the canvas shows the `grabbing` cursor). */
  private dragging = false;
  private readonly resize: ResizeObserver | undefined;

  constructor(private readonly o: ViewControllerOptions) {
    this.ctx = o.canvas.getContext('2d');
    // inline, so that the view's style never changes on mouse down (see the top of this file)
    o.wrap.style.cursor = 'grab';
    this.zoom = createZoomController(o.wrap, (t, phase, source) => this.onZoom(t, phase, source));
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(() => this.measure());
      this.resize.observe(o.wrap);
    }
    this.measure();
  }

  /** Glyph sprites for the scene the painter draws. */
  get glyphSprites(): GlyphSprites {
    return this.sprites;
  }

  setScene(scene: Scene): void {
    const prev = this.scene;
    const geoChanged = prev?.geo !== scene.geo;
    this.scene = scene;
    // hosts changed only out of view (most frames of a large data center zoomed in): nothing to repaint
    if (prev && this.raf === undefined && onlyHiddenHostsChanged(prev, scene, (h) => scene.agg.hostRack[h] ?? 0, this.rackInView(scene.geo))) return;
    if (geoChanged) this.bounds(scene.geo);
    if (scene.geo.containers.length > 0 && (!this.fitted || (geoChanged && this.autoFit))) {
      // the first layout, or a container added while the view still shows everything
      this.fitted = true;
      this.fit(false);
    } else if (geoChanged) this.settle(this.zoom.transform());
    this.schedule();
  }

  viewport(): Viewport {
    const t = this.zoom.transform();
    return { k: t.k, x: t.x, y: t.y, width: this.width, height: this.height, dpr: this.dpr };
  }

  fit(animate = true): void {
    const geo = this.scene?.geo;
    if (!geo) return;
    this.autoFit = true;
    this.moveTo(fitTransform({ x: 0, y: 0, w: geo.width, h: geo.height }, this.width, this.height, FIT_MAX_K), animate);
  }

  zoomBy(factor: number): void {
    this.autoFit = false;
    this.transition = true;
    this.zoom.scaleBy(factor);
  }

  /** Brings an asset into view: 'nav' just enough to see it at host level, 'goto' zoomed onto it. */
  reveal(a: Asset, mode: RevealMode): void {
    const geo = this.scene?.geo;
    if (!geo) return;
    const t = this.zoom.transform();
    const detail = a.kind === 'host' || a.kind === 'rack' || a.kind === 'tor' || a.kind === 'pdu';
    // going to a rack or container shows it whole; moving focus only needs its button in view
    const extent = mode === 'goto' ? assetExtent(geo, a) : assetRect(geo, a);
    let next: Transform;
    if (mode === 'goto' && (a.kind === 'rack' || a.kind === 'container')) {
      next = fitTransform(extent, this.width, this.height, FIT_MAX_K);
      if (next.k < HOST_LOD_SCALE) {
        // too big to show whole at host level: show its head (a rack's label, a container's top left)
        const k = a.kind === 'rack' ? 1 : HOST_LOD_SCALE * 1.25;
        const head = assetRect(geo, a);
        next = a.kind === 'rack' ? revealTransform(t, head, k, this.width, this.height, true) : { k, x: 24 - head.x * k, y: 24 - head.y * k };
      }
    } else if (mode === 'goto') {
      next = revealTransform(t, extent, Math.max(t.k, detail ? 1.5 : 1), this.width, this.height, true);
    } else {
      const k = detail && t.k < DOM_HOST_SCALE ? DOM_HOST_SCALE * 1.25 : t.k;
      next = revealTransform(t, extent, k, this.width, this.height, k !== t.k);
    }
    if (next.k === t.k && next.x === t.x && next.y === t.y) return;
    this.autoFit = false;
    this.moveTo(next, mode === 'goto');
  }

  /**
   * Where a rectangle of the world (an asset's button) is in the view now, relative to
   * the view, in CSS pixels: what its button's bounding box would say, without making
   * the browser lay out the page to answer (the layer is placed with this transform).
   */
  place(r: Rect): Rect {
    const t = this.zoom.transform();
    return { x: t.x + r.x * t.k, y: t.y + r.y * t.k, w: r.w * t.k, h: r.h * t.k };
  }

  /** The DOM layer rendered its positions at scale `k`: keep it on the canvas from now on. */
  layerRendered(k: number): void {
    this.layerK = k;
    this.placeLayer(this.zoom.transform());
  }

  destroy(): void {
    if (this.raf !== undefined) cancelAnimationFrame(this.raf);
    this.resize?.disconnect();
    this.zoom.destroy();
  }

  private moveTo(t: Transform, animate: boolean): void {
    this.programmatic++;
    this.transition = animate;
    try {
      this.zoom.moveTo(t, animate);
    } finally {
      this.programmatic--;
    }
  }

  private onZoom(t: Transform, phase: ZoomPhase, source: ZoomSource): void {
    this.setDragging(phase === 'move' && source === 'drag');
    if (phase === 'move') {
      this.placeLayer(t);
      this.schedule();
      // a person dragging or scrolling (not a move or transition we started)
      if (this.programmatic === 0 && !this.transition) {
        this.autoFit = false;
        this.o.onMove();
      }
    } else {
      if (this.programmatic === 0) this.transition = false;
      this.settle(t);
    }
  }

  private setDragging(on: boolean): void {
    if (on === this.dragging) return;
    this.dragging = on;
    // the canvas has no children: changing its cursor restyles it alone
    this.o.canvas.style.cursor = on ? 'grabbing' : '';
  }

  private placeLayer(t: Transform): void {
    this.o.layer.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.k / this.layerK})`;
  }

  private settle(t: Transform): void {
    const geo = this.scene?.geo;
    if (!geo) return;
    const vp = this.viewport();
    const lod = lodFor(t.k);
    const visible = visibleContainers(geo, vp);
    const hosts = lod === 'hosts' && hostsInDom(geo, t.k, visible);
    // zoomed out, only which containers are in view matters to the layer
    const key = `${t.k}|${lod}|${hosts}|${visible.map((v) => (lod === 'hosts' ? `${v.c}:${v.r0}-${v.r1}:${v.row0}-${v.row1}` : v.c)).join(',')}`;
    if (key === this.lastFrameKey) return;
    this.lastFrameKey = key;
    this.o.onSettle({ k: t.k, lod, visible, hosts });
  }

  /** Whether a rack is drawn in the view as it is now (zoomed out: whether its container is). */
  private rackInView(geo: Geometry): (rack: number) => boolean {
    const vp = this.viewport();
    const visible = visibleContainers(geo, vp);
    const tiles = lodFor(vp.k) === 'containers';
    return (rack) => {
      const c = geo.rackContainer[rack];
      const v = visible.find((x) => x.c === c);
      if (!v) return false;
      const r = geo.rackLocal[rack]!;
      return tiles || (r >= v.r0 && r <= v.r1);
    };
  }

  private bounds(geo: Geometry): void {
    const fitK = fitTransform({ x: 0, y: 0, w: geo.width, h: geo.height }, this.width, this.height, FIT_MAX_K).k;
    this.zoom.update({
      width: this.width,
      height: this.height,
      world: { x: 0, y: 0, w: geo.width, h: geo.height },
      minK: Math.min(fitK * 0.5, 0.05),
      maxK: MAX_K,
    });
  }

  private measure(): void {
    const w = this.o.wrap.clientWidth;
    const h = this.o.wrap.clientHeight;
    // no size: hidden (another tab, the table view); it is painted again when shown
    this.shown = w > 0 && h > 0;
    this.width = w > 0 ? w : FALLBACK.width;
    this.height = h > 0 ? h : FALLBACK.height;
    this.dpr = typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
    const c = this.o.canvas;
    // setting a canvas's size, even to the same value, clears it and reallocates its bitmap
    const cw = Math.round(this.width * this.dpr);
    const ch = Math.round(this.height * this.dpr);
    if (c.width !== cw) c.width = cw;
    if (c.height !== ch) c.height = ch;
    if (this.scene) {
      this.bounds(this.scene.geo);
      if (this.autoFit && this.fitted) this.fit(false);
      else this.settle(this.zoom.transform());
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.raf !== undefined || typeof requestAnimationFrame === 'undefined') return;
    this.raf = requestAnimationFrame(() => {
      this.raf = undefined;
      if (!this.scene || (!this.shown && this.resize)) return;
      const t0 = perfNow();
      paint(this.ctx, this.scene, this.viewport());
      perfPaint(t0);
    });
  }
}
