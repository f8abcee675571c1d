/**
 * The view's zoom transform and what it shows: the level of detail for a scale, the
 * world rectangle on screen, and the part of each container in view (a range of racks
 * and of host rows), found by arithmetic on the geometry, never by walking hosts.
 */

import { G, MIN_RACK_PITCH, hostsTop, intersects, type ContainerGeo, type Geometry, type Rect } from './geometry';

/** Screen = world * k + (x, y), in CSS pixels. */
export interface Transform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export interface Viewport extends Transform {
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
}

/** Containers as tiles, racks as bars, or every host with its glyph. */
export type Lod = 'containers' | 'racks' | 'hosts';

/** Smallest on-screen distance between hosts (px) at which hosts are drawn one by one. */
export const HOSTS_MIN_PITCH = 8;
/** Smallest on-screen distance between racks (px) at which racks are drawn as bars. */
export const RACKS_MIN_PITCH = 4;
/** Scale above which hosts show as glyphs. */
export const HOST_LOD_SCALE = HOSTS_MIN_PITCH / G.hostPitch;
/**
 * The DOM layer holds a button per host in view only when hosts are at least this far
 * apart on screen (px) and there are at most DOM_HOSTS_MAX of them; otherwise it holds
 * the racks' heads (and the focused host). Thousands of buttons would make every
 * gesture's end stutter; the canvas shows the hosts either way.
 */
export const DOM_HOSTS_MIN_PITCH = 12;
export const DOM_HOSTS_MAX = 1500;
/** Scale at which hosts get their buttons; arrow keys zoom in to a bit more. */
export const DOM_HOST_SCALE = DOM_HOSTS_MIN_PITCH / G.hostPitch;

export function lodFor(k: number): Lod {
  if (k * G.hostPitch >= HOSTS_MIN_PITCH - 1e-9) return 'hosts';
  if (k * MIN_RACK_PITCH >= RACKS_MIN_PITCH) return 'racks';
  return 'containers';
}

/** The world rectangle on screen. */
export function worldView(vp: Viewport): Rect {
  return { x: -vp.x / vp.k, y: -vp.y / vp.k, w: vp.width / vp.k, h: vp.height / vp.k };
}

export function toScreen(t: Transform, r: Rect): Rect {
  return { x: r.x * t.k + t.x, y: r.y * t.k + t.y, w: r.w * t.k, h: r.h * t.k };
}

/** The part of a container in view: racks r0..r1 (numbers within it) and host rows row0..row1, inclusive. */
export interface VisibleContainer {
  readonly c: number;
  readonly r0: number;
  readonly r1: number;
  readonly row0: number;
  readonly row1: number;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

export function visibleContainers(geo: Geometry, vp: Viewport): VisibleContainer[] {
  const view = worldView(vp);
  const out: VisibleContainer[] = [];
  for (const k of geo.containers) {
    if (!intersects(view, k)) continue;
    const left = k.x + G.contPad;
    const r0 = clamp(Math.floor((view.x - left) / k.rackPitch), 0, k.rackCount - 1);
    const r1 = clamp(Math.floor((view.x + view.w - left) / k.rackPitch), 0, k.rackCount - 1);
    const top = hostsTop(geo, k.index);
    const row0 = clamp(Math.floor((view.y - top) / G.hostPitch), 0, k.hostRows - 1);
    const row1 = clamp(Math.floor((view.y + view.h - top) / G.hostPitch), -1, k.hostRows - 1);
    out.push({ c: k.index, r0, r1, row0, row1 });
  }
  return out;
}

/** How many hosts are in view (an upper bound: whole rows of whole racks). */
export function visibleHostCount(geo: Geometry, visible: readonly VisibleContainer[]): number {
  let n = 0;
  for (const v of visible) {
    const k = geo.containers[v.c]!;
    n += (v.r1 - v.r0 + 1) * Math.max(0, v.row1 - v.row0 + 1) * k.hostCols;
  }
  return n;
}

/** Whether the DOM layer gives each host in view a button. */
export function hostsInDom(geo: Geometry, k: number, visible: readonly VisibleContainer[]): boolean {
  return k * G.hostPitch >= DOM_HOSTS_MIN_PITCH - 1e-9 && visibleHostCount(geo, visible) <= DOM_HOSTS_MAX;
}

/** Calls `fn` with each host number of a rack (of `hosts` hosts) whose row is in view, in ascending order. */
export function forVisibleHosts(k: ContainerGeo, hosts: number, v: VisibleContainer, fn: (h: number) => void): void {
  for (let col = 0; col < k.hostCols; col++) {
    for (let row = v.row0; row <= v.row1; row++) {
      const h = col * k.hostRows + row;
      if (h >= hosts) return;
      fn(h);
    }
  }
}

/** Whether host `h` of a container's rack is in a visible row. */
export function hostRowVisible(k: ContainerGeo, v: VisibleContainer, h: number): boolean {
  const row = h % k.hostRows;
  return row >= v.row0 && row <= v.row1;
}

/** A transform that shows `r` whole and centred, with a margin, at most at scale `maxK`. */
export function fitTransform(r: Rect, width: number, height: number, maxK: number, margin = 24): Transform {
  const k = Math.min(maxK, Math.max(1e-3, Math.min((width - 2 * margin) / r.w, (height - 2 * margin) / r.h)));
  return { k, x: width / 2 - (r.x + r.w / 2) * k, y: height / 2 - (r.y + r.h / 2) * k };
}

/**
 * A transform that brings `r` into view at scale `k`: unchanged when it is already in
 * view, otherwise moved just enough (or centred when `center`).
 */
export function revealTransform(t: Transform, r: Rect, k: number, width: number, height: number, center = false, margin = 32): Transform {
  if (center || k !== t.k) {
    return { k, x: width / 2 - (r.x + r.w / 2) * k, y: height / 2 - (r.y + r.h / 2) * k };
  }
  const s = toScreen(t, r);
  let { x, y } = t;
  if (s.x < margin) x += margin - s.x;
  else if (s.x + s.w > width - margin) x -= s.x + s.w - (width - margin);
  if (s.y < margin) y += margin - s.y;
  else if (s.y + s.h > height - margin) y -= s.y + s.h - (height - margin);
  return { k, x, y };
}
