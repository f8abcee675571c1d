/**
 * Painters of the devices: ToR switches, PDUs, aggregation switches and load balancers,
 * as labelled boxes; a failed one is vermillion with a cross, never colour alone.
 */

import { drawBox } from './glyph-canvas';
import { DEVICE_FAILED, DEVICE_UP } from './glyphs';
import { DEFAULT_CANVAS, type CanvasPalette } from './palette';

type Ctx = CanvasRenderingContext2D;

/** Smallest on-screen height (px) at which a device gets its label. */
const LABEL_MIN_H = 11;

/** A device box at screen (x, y, w, h), with its label when there is room (a failed one: cross, then label). */
export function paintDevice(ctx: Ctx, failed: boolean, x: number, y: number, w: number, h: number, label: string, pal: CanvasPalette = DEFAULT_CANVAS): void {
  if (w < 1.5 || h < 1.5) return;
  const style = failed ? DEVICE_FAILED : DEVICE_UP;
  const cross = failed ? Math.min(h * 0.8, 16) : 0;
  let textW = 0;
  if (h >= LABEL_MIN_H) {
    // the largest font that fits, down to 9px
    for (let font = Math.min(13, Math.floor(h * 0.7)); font >= 9; font -= 2) {
      ctx.font = `600 ${font}px system-ui, sans-serif`;
      textW = ctx.measureText(label).width;
      if (w >= textW + cross + 6) break;
    }
  }
  const withLabel = textW > 0 && w >= textW + cross + 6;
  if (!withLabel) {
    drawBox(ctx, style, x, y, w, h);
    return;
  }
  // the cross sits left of the label, the pair centred in the box
  const start = x + (w - textW - cross) / 2;
  drawBox(ctx, style, x, y, w, h, { x: start - cross * 0.15, y: y + (h - cross) / 2, s: cross });
  ctx.fillStyle = failed ? pal.paper : pal.ink;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText(label, start + cross, y + h / 2 + 0.5);
}
