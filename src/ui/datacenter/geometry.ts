/**
 * Layout math of the data center view, in world units (CSS pixels at zoom 1): the two
 * load balancers on top, then containers in a grid; inside a container a head with its
 * name and aggregation pair, then racks as columns, each with a label, its ToR switch
 * and PDU at the head and its hosts stacked below. Pure: built once per Layout, then
 * every position is arithmetic, so nothing here walks the hosts.
 */

import type { Layout } from '../../sim/hardware/view';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Sizes in world units. */
export const G = {
  host: 14,
  hostPitch: 18,
  /** Between the columns of hosts of one rack. */
  colGap: 4,
  rackPad: 4,
  rackGap: 8,
  /** Hosts stacked in one column at most; a taller rack is drawn as several columns. */
  maxRows: 25,
  rackLabelH: 14,
  deviceH: 12,
  deviceGap: 3,
  rackHead: 47,
  contPad: 12,
  contHead: 42,
  contMinW: 176,
  contGap: 28,
  aggW: 38,
  aggH: 18,
  lbW: 52,
  lbH: 20,
  lbRowH: 34,
  /** Grid shape aimed for: columns over rows, in world units. */
  aspect: 1.6,
} as const;

/** Narrowest rack pitch (one column of hosts), for the level of detail. */
export const MIN_RACK_PITCH = G.rackPad * 2 + G.host + G.rackGap;

export interface ContainerGeo {
  readonly index: number;
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Global index of its first rack, and how many. */
  readonly firstRack: number;
  readonly rackCount: number;
  readonly firstHost: number;
  readonly hostCount: number;
  /** Most hosts in one of its racks. */
  readonly maxHosts: number;
  /** Hosts of a rack are drawn in `hostCols` columns of `hostRows`: host h at column h / rows, row h % rows. */
  readonly hostCols: number;
  readonly hostRows: number;
  readonly rackW: number;
  readonly rackPitch: number;
}

export interface Geometry {
  readonly layout: Layout;
  readonly width: number;
  readonly height: number;
  readonly cols: number;
  readonly containers: readonly ContainerGeo[];
  readonly rackCount: number;
  /** Per global rack: its container, its number within it, first host and host count. */
  readonly rackContainer: Uint32Array;
  readonly rackLocal: Uint32Array;
  readonly rackFirstHost: Uint32Array;
  readonly rackHosts: Uint32Array;
  readonly lbRects: readonly [Rect, Rect];
}

interface Shape {
  readonly w: number;
  readonly h: number;
  readonly maxHosts: number;
  readonly hostCols: number;
  readonly hostRows: number;
  readonly rackW: number;
}

function shapeOf(racks: number, maxHosts: number): Shape {
  const hostCols = Math.max(1, Math.ceil(maxHosts / G.maxRows));
  const hostRows = Math.max(1, Math.ceil(maxHosts / hostCols));
  const rackW = 2 * G.rackPad + hostCols * G.host + (hostCols - 1) * G.colGap;
  const w = Math.max(G.contMinW, 2 * G.contPad + racks * (rackW + G.rackGap) - G.rackGap);
  const h = 2 * G.contPad + G.contHead + G.rackHead + hostRows * G.hostPitch;
  return { w, h, maxHosts, hostCols, hostRows, rackW };
}

export function buildGeometry(layout: Layout): Geometry {
  const n = layout.containers.length;
  let rackCount = 0;
  for (const c of layout.containers) rackCount += c.racks.length;
  const rackContainer = new Uint32Array(rackCount);
  const rackLocal = new Uint32Array(rackCount);
  const rackFirstHost = new Uint32Array(rackCount);
  const rackHosts = new Uint32Array(rackCount);

  const shapes: Shape[] = [];
  let cellW: number = G.contMinW;
  let cellH = 0;
  for (const c of layout.containers) {
    let maxHosts = 0;
    for (const r of c.racks) maxHosts = Math.max(maxHosts, r.hosts);
    const shape = shapeOf(c.racks.length, maxHosts);
    shapes.push(shape);
    cellW = Math.max(cellW, shape.w);
    cellH = Math.max(cellH, shape.h);
  }
  const cols = n === 0 ? 1 : Math.max(1, Math.min(n, Math.ceil(Math.sqrt((n * G.aspect * cellH) / cellW))));
  const rows = Math.ceil(n / cols);
  const gridTop = G.lbRowH + G.contGap / 2;

  const containers: ContainerGeo[] = [];
  let rack = 0;
  let host = 0;
  for (let c = 0; c < n; c++) {
    const info = layout.containers[c]!;
    const shape = shapes[c]!;
    const firstRack = rack;
    const firstHost = host;
    info.racks.forEach((r, local) => {
      rackContainer[rack] = c;
      rackLocal[rack] = local;
      rackFirstHost[rack] = host;
      rackHosts[rack] = r.hosts;
      host += r.hosts;
      rack++;
    });
    containers.push({
      index: c,
      id: info.id,
      x: (c % cols) * (cellW + G.contGap),
      y: gridTop + Math.floor(c / cols) * (cellH + G.contGap),
      w: shape.w,
      h: shape.h,
      firstRack,
      rackCount: info.racks.length,
      firstHost,
      hostCount: host - firstHost,
      maxHosts: shape.maxHosts,
      hostCols: shape.hostCols,
      hostRows: shape.hostRows,
      rackW: shape.rackW,
      rackPitch: shape.rackW + G.rackGap,
    });
  }
  const gridW = n === 0 ? G.contMinW : cols * cellW + (cols - 1) * G.contGap;
  const width = Math.max(gridW, 2 * G.lbW + 3 * G.contGap);
  const height = gridTop + rows * cellH + Math.max(0, rows - 1) * G.contGap;
  const lbY = (G.lbRowH - G.lbH) / 2;
  const mid = width / 2;
  const lbRects: [Rect, Rect] = [
    { x: mid - G.lbW - 8, y: lbY, w: G.lbW, h: G.lbH },
    { x: mid + 8, y: lbY, w: G.lbW, h: G.lbH },
  ];
  return { layout, width, height, cols, containers, rackCount, rackContainer, rackLocal, rackFirstHost, rackHosts, lbRects };
}

// ---- positions -------------------------------------------------------------------

export function containerHeadRect(geo: Geometry, c: number): Rect {
  const k = geo.containers[c]!;
  return { x: k.x, y: k.y, w: k.w, h: G.contPad + G.contHead };
}

export function aggRect(geo: Geometry, c: number, n: number): Rect {
  const k = geo.containers[c]!;
  const right = k.x + k.w - G.contPad;
  const x = n === 1 ? right - G.aggW : right - 2 * G.aggW - 6;
  return { x, y: k.y + G.contPad, w: G.aggW, h: G.aggH };
}

/** The container of a rack (global rack index). */
export function containerOfRack(geo: Geometry, rack: number): ContainerGeo {
  return geo.containers[geo.rackContainer[rack]!]!;
}

/** Left edge of a rack column. */
export function rackX(geo: Geometry, rack: number): number {
  const k = containerOfRack(geo, rack);
  return k.x + G.contPad + geo.rackLocal[rack]! * k.rackPitch;
}

/** Top of a rack's head (its label). */
export function rackTop(geo: Geometry, rack: number): number {
  return containerOfRack(geo, rack).y + G.contPad + G.contHead;
}

/** The whole rack column: label, devices and hosts. */
export function rackRect(geo: Geometry, rack: number): Rect {
  const k = containerOfRack(geo, rack);
  const rows = Math.min(k.hostRows, geo.rackHosts[rack]!);
  return { x: rackX(geo, rack), y: rackTop(geo, rack), w: k.rackW, h: G.rackHead + rows * G.hostPitch };
}

export function rackLabelRect(geo: Geometry, rack: number): Rect {
  return { x: rackX(geo, rack), y: rackTop(geo, rack), w: containerOfRack(geo, rack).rackW, h: G.rackLabelH };
}

export function torRect(geo: Geometry, rack: number): Rect {
  return { x: rackX(geo, rack), y: rackTop(geo, rack) + G.rackLabelH, w: containerOfRack(geo, rack).rackW, h: G.deviceH };
}

export function pduRect(geo: Geometry, rack: number): Rect {
  const y = rackTop(geo, rack) + G.rackLabelH + G.deviceH + G.deviceGap;
  return { x: rackX(geo, rack), y, w: containerOfRack(geo, rack).rackW, h: G.deviceH };
}

/** Top of the first host row of every rack of a container. */
export function hostsTop(geo: Geometry, c: number): number {
  return geo.containers[c]!.y + G.contPad + G.contHead + G.rackHead;
}

/** The host's glyph. */
export function hostGlyphRect(geo: Geometry, rack: number, h: number): Rect {
  const k = containerOfRack(geo, rack);
  const col = Math.floor(h / k.hostRows);
  const row = h - col * k.hostRows;
  return {
    x: rackX(geo, rack) + G.rackPad + col * (G.host + G.colGap),
    y: hostsTop(geo, k.index) + row * G.hostPitch + (G.hostPitch - G.host) / 2,
    w: G.host,
    h: G.host,
  };
}

/** The host's cell: its glyph with the gaps around it (what a pointer can hit). */
export function hostCellRect(geo: Geometry, rack: number, h: number): Rect {
  const g = hostGlyphRect(geo, rack, h);
  const mx = G.colGap / 2;
  const my = (G.hostPitch - G.host) / 2;
  return { x: g.x - mx, y: g.y - my, w: G.host + 2 * mx, h: G.hostPitch };
}

export function containerRect(geo: Geometry, c: number): Rect {
  const k = geo.containers[c]!;
  return { x: k.x, y: k.y, w: k.w, h: k.h };
}

/** Global rack index of rack `r` of container `c`, or -1. */
export function rackIndex(geo: Geometry, c: number, r: number): number {
  const k = geo.containers[c];
  if (!k || r < 0 || r >= k.rackCount) return -1;
  return k.firstRack + r;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
