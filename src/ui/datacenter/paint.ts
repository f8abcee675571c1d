/**
 * The data center painter: `paint(ctx, scene, viewport)` clears the canvas and draws what
 * is in view at the level of detail of the zoom (containers as tiles, racks as bars, or
 * every host), then the selection. A plain function: it tolerates a missing context
 * (jsdom has none) and keeps no state of its own.
 */

import { assetExtent, assetRect } from './assets';
import { aggRect, intersects } from './geometry';
import { paintContainerFrame, paintLoadBalancers, paintRacks } from './paint-detail';
import { paintDevice } from './paint-devices';
import { paintContainerTile, paintRackBar } from './paint-overview';
import { DEFAULT_CANVAS } from './palette';
import type { Scene } from './scene';
import { lodFor, toScreen, visibleContainers, worldView, type Viewport } from './viewport';

export function paint(ctx: CanvasRenderingContext2D | null, scene: Scene, vp: Viewport): void {
  if (!ctx) return;
  ctx.setTransform(vp.dpr, 0, 0, vp.dpr, 0, 0);
  ctx.fillStyle = (scene.palette ?? DEFAULT_CANVAS).canvasBg;
  ctx.fillRect(0, 0, vp.width, vp.height);
  if (scene.geo.containers.length === 0) return;
  const lod = lodFor(vp.k);
  paintLoadBalancers(ctx, scene, vp);
  for (const v of visibleContainers(scene.geo, vp)) {
    if (lod === 'containers') {
      paintContainerTile(ctx, scene, v.c, vp);
      for (let n = 0; n < 2; n++) {
        const a = toScreen(vp, aggRect(scene.geo, v.c, n));
        if (scene.agg.aggFailed[v.c * 2 + n]) paintDevice(ctx, true, a.x, a.y, a.w, a.h, `agg${n}`, scene.palette);
      }
      continue;
    }
    paintContainerFrame(ctx, scene, v.c, vp);
    if (lod === 'racks') {
      const first = scene.geo.containers[v.c]!.firstRack;
      for (let r = v.r0; r <= v.r1; r++) paintRackBar(ctx, scene, first + r, vp);
    } else paintRacks(ctx, scene, v, vp);
  }
  paintSelection(ctx, scene, vp);
}

function paintSelection(ctx: CanvasRenderingContext2D, scene: Scene, vp: Viewport): void {
  const a = scene.selected;
  if (!a) return;
  const world = a.kind === 'rack' || a.kind === 'container' ? assetExtent(scene.geo, a) : assetRect(scene.geo, a);
  if (!intersects(world, worldView(vp))) return;
  const r = toScreen(vp, world);
  const pal = scene.palette ?? DEFAULT_CANVAS;
  const pad = 3;
  ctx.lineWidth = 5;
  ctx.strokeStyle = pal.paper;
  ctx.strokeRect(r.x - pad, r.y - pad, r.w + 2 * pad, r.h + 2 * pad);
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = pal.ink;
  ctx.strokeRect(r.x - pad, r.y - pad, r.w + 2 * pad, r.h + 2 * pad);
}
