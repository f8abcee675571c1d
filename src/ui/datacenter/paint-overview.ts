/**
 * Painters of the zoomed-out levels of detail: a container as a tile coloured by its
 * share of unhealthy hosts (with the share written on it and a bar of hosts per status),
 * and a rack as a bar of its hosts per status, each status filled with its glyph as a
 * pattern so that the bars do not rely on colour alone. Work per frame follows the
 * racks in view, never the hosts.
 */

import { HOST_STATUSES } from '../../sim/hardware/status';
import { STATUS_COUNT } from './aggregates';
import { G, hostsTop, rackX, rackTop, type Rect } from './geometry';
import { GLYPH_BY_CODE } from './glyphs';
import { DEFAULT_CANVAS, shareEdge, shareFill } from './palette';
import type { Scene } from './scene';
import type { Viewport } from './viewport';

type Ctx = CanvasRenderingContext2D;

/** A bar split by status counts (Healthy first) across `r`, horizontally or vertically. */
function statusBar(ctx: Ctx, scene: Scene, counts: Uint32Array, base: number, r: Rect, vertical: boolean): void {
  let total = 0;
  for (let s = 0; s < STATUS_COUNT; s++) total += counts[base + s]!;
  if (total === 0) return;
  const length = vertical ? r.h : r.w;
  let at = 0;
  const thickness = vertical ? r.w : r.h;
  for (let s = 0; s < STATUS_COUNT; s++) {
    const n = counts[base + s]!;
    if (n === 0) continue;
    const len = (n / total) * length;
    const g = GLYPH_BY_CODE[s]!;
    const pattern = s === 0 ? null : (scene.sprites?.pattern(ctx, s, Math.max(4, Math.min(14, thickness))) ?? null);
    ctx.fillStyle = pattern ?? g.fill;
    // the bar grows from the far end: Healthy at the bottom (or left), the rest above it
    if (vertical) ctx.fillRect(r.x, r.y + r.h - at - len, r.w, len);
    else ctx.fillRect(r.x + at, r.y, len, r.h);
    at += len;
  }
}

export function paintContainerTile(ctx: Ctx, scene: Scene, c: number, vp: Viewport): void {
  const { geo, agg } = scene;
  const k = geo.containers[c]!;
  const x = k.x * vp.k + vp.x;
  const y = k.y * vp.k + vp.y;
  const w = k.w * vp.k;
  const h = k.h * vp.k;
  const pal = scene.palette ?? DEFAULT_CANVAS;
  const unhealthy = agg.unhealthyInContainer(c);
  const share = k.hostCount === 0 ? 0 : unhealthy / k.hostCount;
  ctx.fillStyle = shareFill(share);
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = shareEdge(share);
  ctx.lineWidth = share > 0 ? 2 : pal.lineWidth;
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  const barH = Math.max(3, Math.min(12, h * 0.12));
  statusBar(ctx, scene, agg.containerCounts, c * STATUS_COUNT, { x: x + 4, y: y + h - barH - 4, w: w - 8, h: barH }, false);
  if (w < 36 || h < 24) return;
  const font = Math.max(10, Math.min(15, Math.floor(w / 9)));
  const small = font - 3;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillStyle = pal.ink;
  ctx.font = `700 ${font}px system-ui, sans-serif`;
  ctx.fillText(k.id, x + 5, y + 5);
  if (h < 5 + font + 2 + small + barH + 8) return;
  ctx.font = `${small}px system-ui, sans-serif`;
  ctx.fillStyle = unhealthy === 0 ? pal.muted : pal.ink;
  const state = scene.containers.get(k.id);
  const pct = share === 0 ? 'all healthy' : `${share < 0.01 ? '<1' : Math.round(share * 100)}% not healthy`;
  const text = state && (state.failed || state.state !== 'InService') ? `${state.failed ? 'failed' : state.state} · ${pct}` : pct;
  ctx.fillText(text, x + 5, y + 7 + font, w - 10);
}

export function paintRackBar(ctx: Ctx, scene: Scene, rack: number, vp: Viewport): void {
  const { geo, agg } = scene;
  const c = geo.rackContainer[rack]!;
  const k = geo.containers[c]!;
  const x = rackX(geo, rack) * vp.k + vp.x;
  const w = Math.max(1, k.rackW * vp.k);
  const top = (rackTop(geo, rack) + G.rackLabelH) * vp.k + vp.y;
  const dh = Math.max(1, G.deviceH * vp.k);
  const bar = (scene.palette ?? DEFAULT_CANVAS).deviceBar;
  ctx.fillStyle = agg.torFailed[rack] ? GLYPH_BY_CODE[HOST_STATUSES.indexOf('Down')]!.fill : bar;
  ctx.fillRect(x, top, w, dh);
  ctx.fillStyle = agg.pduFailed[rack] ? GLYPH_BY_CODE[HOST_STATUSES.indexOf('Down')]!.fill : bar;
  ctx.fillRect(x, top + (G.deviceH + G.deviceGap) * vp.k, w, dh);
  const hy = hostsTop(geo, c) * vp.k + vp.y;
  const hh = Math.min(k.hostRows, geo.rackHosts[rack]!) * G.hostPitch * vp.k;
  statusBar(ctx, scene, agg.rackCounts, rack * STATUS_COUNT, { x, y: hy, w, h: hh }, true);
}
