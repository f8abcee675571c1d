/**
 * Painters of the detailed levels: a container's frame with its name, state and
 * aggregation pair; and, at host level, each rack's column with its label, ToR switch,
 * PDU and hosts, each host one sprite of its status glyph (with the undetected-fault
 * notch when a fault is not yet detected) and, zoomed in enough, a badge with the number
 * of role instances it holds. Only racks and host rows in view are drawn.
 */

import { G, aggRect, hostsTop, pduRect, rackX, rackTop, torRect } from './geometry';
import { drawGlyph, drawUndetected } from './glyph-canvas';
import { GLYPH_BY_CODE, isUndetected } from './glyphs';
import { paintDevice } from './paint-devices';
import { DEFAULT_CANVAS, OKABE_ITO, type CanvasPalette } from './palette';
import type { Scene } from './scene';
import { toScreen, type Viewport, type VisibleContainer } from './viewport';

type Ctx = CanvasRenderingContext2D;

/** Smallest on-screen host size (px) at which hosts show their instance count. */
export const COUNT_MIN_HOST_PX = 18;

/** The number of role instances on a host, as a small badge in its lower right corner. */
function paintInstanceCount(ctx: Ctx, n: number, x: number, y: number, size: number, pal: CanvasPalette): void {
  const font = Math.max(9, Math.min(13, Math.floor(size * 0.5)));
  const text = n >= 255 ? '255+' : String(n);
  ctx.font = `700 ${font}px system-ui, sans-serif`;
  const w = Math.ceil(ctx.measureText(text).width) + 4;
  const h = font + 2;
  const bx = Math.round(x + size - w + 3);
  const by = Math.round(y + size - h + 3);
  ctx.fillStyle = pal.paper;
  ctx.fillRect(bx, by, w, h);
  ctx.strokeStyle = pal.ink;
  ctx.lineWidth = 1;
  ctx.strokeRect(bx + 0.5, by + 0.5, w - 1, h - 1);
  ctx.fillStyle = pal.ink;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, bx + w / 2, by + h / 2 + 0.5);
}

const STATE_LABEL = { InService: 'in service', BurnIn: 'burning in', Evacuating: 'evacuating', Servicing: 'being serviced', Failed: 'failed' } as const;

export function paintContainerFrame(ctx: Ctx, scene: Scene, c: number, vp: Viewport): void {
  const k = scene.geo.containers[c]!;
  const r = toScreen(vp, k);
  const rec = scene.containers.get(k.id);
  const failed = rec?.failed ?? false;
  const pal = scene.palette ?? DEFAULT_CANVAS;
  ctx.fillStyle = pal.containerBg;
  ctx.fillRect(r.x, r.y, r.w, r.h);
  ctx.strokeStyle = failed ? OKABE_ITO.vermillion : pal.line;
  ctx.lineWidth = failed ? Math.max(2, pal.lineWidth) : pal.lineWidth;
  if (failed) ctx.setLineDash([6, 4]);
  ctx.strokeRect(Math.round(r.x) + 0.5, Math.round(r.y) + 0.5, Math.round(r.w) - 1, Math.round(r.h) - 1);
  ctx.setLineDash([]);
  const kk = vp.k;
  const headPx = (G.contPad + G.contHead) * kk;
  const titleFont = headPx >= 14 ? Math.max(10, Math.min(15, Math.floor(14 * kk))) : 0;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  if (titleFont > 0) {
    const tx = r.x + Math.max(4, G.contPad * kk);
    const agg0 = aggRect(scene.geo, c, 0);
    const room = Math.max(0, (agg0.x - 6) * kk + vp.x - tx);
    ctx.save();
    ctx.beginPath();
    ctx.rect(tx, r.y, room, r.h);
    ctx.clip();
    ctx.fillStyle = pal.ink;
    ctx.font = `700 ${titleFont}px system-ui, sans-serif`;
    const full = `Container ${k.id}`;
    ctx.fillText(ctx.measureText(full).width <= room ? full : k.id, tx, r.y + Math.max(titleFont + 2, (G.contPad + 14) * kk));
    ctx.restore();
    const font = Math.min(12, Math.floor(11 * kk));
    if (font >= 8) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(tx, r.y, r.w - 2 * G.contPad * kk, r.h);
      ctx.clip();
      ctx.font = `${font}px system-ui, sans-serif`;
      ctx.fillStyle = failed ? pal.failedText : pal.muted;
      const state = failed ? 'failed: no power' : STATE_LABEL[rec?.state ?? 'InService'];
      ctx.fillText(`${k.rackCount} racks · ${k.hostCount.toLocaleString('en')} hosts · ${state}`, tx, r.y + (G.contPad + 34) * kk);
      ctx.restore();
    }
  }
  for (let n = 0; n < 2; n++) {
    const a = toScreen(vp, aggRect(scene.geo, c, n));
    paintDevice(ctx, scene.agg.aggFailed[c * 2 + n] === 1, a.x, a.y, a.w, a.h, `agg${n}`, pal);
  }
}

export function paintLoadBalancers(ctx: Ctx, scene: Scene, vp: Viewport): void {
  scene.geo.lbRects.forEach((rect, n) => {
    const r = toScreen(vp, rect);
    paintDevice(ctx, scene.agg.lbFailed[n] === 1, r.x, r.y, r.w, r.h, `lb${n}`, scene.palette);
  });
  const r0 = toScreen(vp, scene.geo.lbRects[0]);
  if (r0.h >= 12) {
    ctx.font = `${Math.min(13, Math.floor(r0.h * 0.6))}px system-ui, sans-serif`;
    ctx.fillStyle = (scene.palette ?? DEFAULT_CANVAS).muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText('Load balancers', r0.x - 10, r0.y + r0.h / 2);
  }
}

/** The racks and host rows of one container that are in view. */
export function paintRacks(ctx: Ctx, scene: Scene, v: VisibleContainer, vp: Viewport): void {
  const { geo } = scene;
  const k = geo.containers[v.c]!;
  const kk = vp.k;
  const hostPx = G.host * kk;
  const spritePx = Math.round(hostPx * vp.dpr);
  const drawPx = spritePx / vp.dpr;
  const labelFont = Math.min(12, Math.floor(G.rackLabelH * kk * 0.75));
  const top = hostsTop(geo, v.c);
  const counts = hostPx >= COUNT_MIN_HOST_PX ? scene.instances : undefined;
  const pal = scene.palette ?? DEFAULT_CANVAS;
  for (let r = v.r0; r <= v.r1; r++) {
    const rack = k.firstRack + r;
    const x = rackX(geo, rack) * kk + vp.x;
    const hosts = geo.rackHosts[rack]!;
    const rows = Math.min(k.hostRows, hosts);
    const yTop = (rackTop(geo, rack) + G.rackLabelH - 2) * kk + vp.y;
    const yEnd = (top + rows * G.hostPitch + 2) * kk + vp.y;
    ctx.fillStyle = pal.rackBg;
    ctx.fillRect(x - 2 * kk, yTop, (k.rackW + 4) * kk, yEnd - yTop);
    if (labelFont >= 8) {
      ctx.font = `${labelFont}px system-ui, sans-serif`;
      ctx.fillStyle = pal.muted;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(`r${r}`, x + (k.rackW * kk) / 2, (rackTop(geo, rack) + G.rackLabelH / 2 - 1) * kk + vp.y);
    }
    const tr = toScreen(vp, torRect(geo, rack));
    paintDevice(ctx, scene.agg.torFailed[rack] === 1, tr.x, tr.y, tr.w, tr.h, 'ToR', pal);
    const pr = toScreen(vp, pduRect(geo, rack));
    paintDevice(ctx, scene.agg.pduFailed[rack] === 1, pr.x, pr.y, pr.w, pr.h, 'PDU', pal);
    const first = geo.rackFirstHost[rack]!;
    const x0 = x + G.rackPad * kk;
    const y0 = (top + (G.hostPitch - G.host) / 2) * kk + vp.y;
    for (let col = 0; col < k.hostCols; col++) {
      const gx = Math.round(x0 + col * (G.host + G.colGap) * kk);
      for (let row = v.row0; row <= v.row1; row++) {
        const h = col * k.hostRows + row;
        if (h >= hosts) break;
        const i = first + h;
        const s = scene.status[i] ?? 0;
        const und = isUndetected(s, scene.fault[i] ?? 0);
        const gy = Math.round(y0 + row * G.hostPitch * kk);
        const sprite = scene.sprites?.get(s, und, spritePx) ?? null;
        if (sprite) ctx.drawImage(sprite, gx, gy, drawPx, drawPx);
        else {
          drawGlyph(ctx, GLYPH_BY_CODE[s]!, gx, gy, hostPx);
          if (und) drawUndetected(ctx, gx, gy, hostPx);
        }
        const n = counts?.[i] ?? 0;
        if (n > 0) paintInstanceCount(ctx, n, gx, gy, drawPx, pal);
      }
    }
  }
}
