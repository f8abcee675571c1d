/**
 * Paints the glyphs of glyphs.ts on a 2D canvas, and keeps them as sprites: one small
 * bitmap per status (with and without the undetected-fault overlay) at the current
 * on-screen size, so that a frame draws each host with a single drawImage.
 */

import { GLYPH_BY_CODE, UNDETECTED_INK, UNDETECTED_MARK, type GlyphStyle, type Mark } from './glyphs';

type Ctx = CanvasRenderingContext2D;

function drawMark(ctx: Ctx, m: Mark, x: number, y: number, s: number): void {
  switch (m.kind) {
    case 'line':
      ctx.lineWidth = Math.max(1, m.width * s);
      ctx.beginPath();
      ctx.moveTo(x + m.x1 * s, y + m.y1 * s);
      ctx.lineTo(x + m.x2 * s, y + m.y2 * s);
      ctx.stroke();
      return;
    case 'dot':
      ctx.beginPath();
      ctx.arc(x + m.cx * s, y + m.cy * s, Math.max(0.75, m.r * s), 0, 2 * Math.PI);
      if (m.filled) ctx.fill();
      else {
        ctx.lineWidth = Math.max(1, m.width * s);
        ctx.stroke();
      }
      return;
    case 'poly': {
      ctx.beginPath();
      m.points.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(x + px * s, y + py * s) : ctx.lineTo(x + px * s, y + py * s)));
      ctx.closePath();
      ctx.fill();
      return;
    }
  }
}

/** A square the marks are drawn in. */
export interface MarkBox {
  readonly x: number;
  readonly y: number;
  readonly s: number;
}

/** Paints a glyph as a box (x, y, w, h) with its marks in `marks` (by default a centred square). */
export function drawBox(ctx: Ctx, g: GlyphStyle, x: number, y: number, w: number, h: number, marks?: MarkBox): void {
  const side = Math.min(w, h);
  const m = marks ?? { x: x + (w - side) / 2, y: y + (h - side) / 2, s: side };
  ctx.fillStyle = g.fill;
  ctx.fillRect(x, y, w, h);
  if (g.marks.length > 0) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.clip();
    ctx.strokeStyle = g.ink;
    ctx.fillStyle = g.ink;
    ctx.lineCap = 'butt';
    for (const mark of g.marks) drawMark(ctx, mark, m.x, m.y, m.s);
    ctx.restore();
  }
  const bw = Math.max(1, g.borderWidth * side);
  ctx.strokeStyle = g.border;
  ctx.lineWidth = bw;
  ctx.setLineDash(g.dash ? g.dash.map((d) => Math.max(1, d * side)) : []);
  ctx.strokeRect(x + bw / 2, y + bw / 2, w - bw, h - bw);
  ctx.setLineDash([]);
}

/** Paints a glyph in the square (x, y, s). */
export function drawGlyph(ctx: Ctx, g: GlyphStyle, x: number, y: number, s: number): void {
  drawBox(ctx, g, x, y, s, s);
}

/** The undetected-fault overlay: a black corner notch with a white edge. */
export function drawUndetected(ctx: Ctx, x: number, y: number, s: number): void {
  ctx.fillStyle = '#ffffff';
  drawMark(ctx, { kind: 'poly', points: [[0.3, -0.02], [1.02, -0.02], [1.02, 0.7]] }, x, y, s);
  ctx.fillStyle = UNDETECTED_INK;
  drawMark(ctx, UNDETECTED_MARK, x, y, s);
}

export type CanvasFactory = (w: number, h: number) => HTMLCanvasElement | OffscreenCanvas | null;

const defaultFactory: CanvasFactory = (w, h) => {
  if (typeof document === 'undefined') return null;
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
};

/** Sizes of sprites (and of patterns) kept at once: a zoom gesture passes through many and comes back. */
const SIZES_KEPT = 24;

type Sprite = HTMLCanvasElement | OffscreenCanvas | null;

/** The entry of `map` for `size`, made by `make` when missing; the least recently used size goes beyond SIZES_KEPT. */
function bySize<T>(map: Map<number, T>, size: number, make: () => T): T {
  let v = map.get(size);
  if (v === undefined) {
    v = make();
    if (map.size >= SIZES_KEPT) map.delete(map.keys().next().value!);
  } else map.delete(size);
  map.set(size, v);
  return v;
}

/**
 * Host glyph bitmaps per device-pixel size, and fill patterns made of them. A zoom
 * gesture changes the size on every frame: the sizes used lately are kept, so zooming
 * back and forth draws from sprites already made.
 */
export class GlyphSprites {
  private readonly sprites = new Map<number, Sprite[]>();
  private readonly patterns = new Map<number, (CanvasPattern | null)[]>();

  constructor(private readonly factory: CanvasFactory = defaultFactory) {}

  /** The sprite of a status code, with or without the overlay, `px` device pixels wide; null when canvases are unavailable. */
  get(code: number, undetected: boolean, px: number): CanvasImageSource | null {
    const size = Math.max(2, Math.round(px));
    const sprites = bySize(this.sprites, size, () => []);
    const key = code * 2 + (undetected ? 1 : 0);
    let sprite = sprites[key];
    if (sprite === undefined) {
      sprite = this.render(code, undetected, size);
      sprites[key] = sprite;
    }
    return sprite;
  }

  /** A repeating pattern of a status glyph `px` device pixels wide, for the rack bars of the zoomed-out view. */
  pattern(ctx: Ctx, code: number, px: number): CanvasPattern | null {
    const size = Math.max(3, Math.round(px));
    const patterns = bySize(this.patterns, size, () => []);
    let p = patterns[code];
    if (p === undefined) {
      const canvas = this.render(code, false, size);
      p = canvas ? ctx.createPattern(canvas, 'repeat') : null;
      patterns[code] = p;
    }
    return p;
  }

  private render(code: number, undetected: boolean, size: number): Sprite {
    const canvas = this.factory(size, size);
    const ctx = canvas?.getContext('2d') as Ctx | null | undefined;
    const g = GLYPH_BY_CODE[code];
    if (!canvas || !ctx || !g) return null;
    drawGlyph(ctx, g, 0, 0, size);
    if (undetected) drawUndetected(ctx, 0, 0, size);
    return canvas;
  }
}
