/**
 * Arrow-key moves between the assets of the view, as a pure function. Racks are
 * columns (label, ToR, PDU, hosts): Up and Down move within a rack, Left and Right to the
 * same row of the next rack (across containers), Home and End to the rack's first and
 * last host, Page Up and Page Down by ten hosts. Above the racks sit the container's head
 * and its aggregation pair, and above the containers the load balancers. Zoomed out,
 * arrows move between containers in the grid.
 */

import { aggAsset, containerAsset, hostAsset, lbAsset, rackAsset, type Asset } from './assets';
import type { Geometry } from './geometry';

export const NAV_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'] as const;
export type NavKey = (typeof NAV_KEYS)[number];

export function isNavKey(key: string): key is NavKey {
  return (NAV_KEYS as readonly string[]).includes(key);
}

const PAGE = 10;

/** Where a key moves from `a`, or undefined when it stays. `overview`: the view shows containers, not hosts. */
export function navigate(geo: Geometry, a: Asset, key: NavKey, overview: boolean): Asset | undefined {
  switch (a.kind) {
    case 'host':
      return fromHost(geo, a.rack, a.h, key);
    case 'rack':
    case 'tor':
    case 'pdu':
      return fromRackHead(geo, a.kind, a.rack, a.c, key);
    case 'container':
      return overview ? fromContainerOverview(geo, a.c, key) : fromContainer(geo, a.c, key);
    case 'agg':
      return fromAgg(geo, a.c, a.n, key, overview);
    case 'lb':
      return fromLb(geo, a.n, key);
  }
}

function hostIn(geo: Geometry, rack: number, h: number): Asset | undefined {
  const n = geo.rackHosts[rack]!;
  if (n === 0) return rackAsset(geo, 'pdu', rack);
  return hostAsset(geo, rack, Math.max(0, Math.min(n - 1, h)));
}

/** The container above in the grid, or the first load balancer. */
function above(geo: Geometry, c: number): Asset {
  return c - geo.cols >= 0 ? containerAsset(c - geo.cols) : lbAsset(0);
}

function below(geo: Geometry, c: number): Asset | undefined {
  return c + geo.cols < geo.containers.length ? containerAsset(c + geo.cols) : undefined;
}

function fromHost(geo: Geometry, rack: number, h: number, key: NavKey): Asset | undefined {
  const last = geo.rackHosts[rack]! - 1;
  switch (key) {
    case 'ArrowUp':
      return h > 0 ? hostAsset(geo, rack, h - 1) : rackAsset(geo, 'pdu', rack);
    case 'ArrowDown':
      return h < last ? hostAsset(geo, rack, h + 1) : below(geo, geo.rackContainer[rack]!);
    case 'ArrowLeft':
      return rack > 0 ? hostIn(geo, rack - 1, h) : undefined;
    case 'ArrowRight':
      return rack + 1 < geo.rackCount ? hostIn(geo, rack + 1, h) : undefined;
    case 'Home':
      return h === 0 ? undefined : hostAsset(geo, rack, 0);
    case 'End':
      return h === last ? undefined : hostAsset(geo, rack, last);
    case 'PageUp':
      return h === 0 ? undefined : hostAsset(geo, rack, Math.max(0, h - PAGE));
    case 'PageDown':
      return h === last ? undefined : hostAsset(geo, rack, Math.min(last, h + PAGE));
  }
}

function fromRackHead(geo: Geometry, kind: 'rack' | 'tor' | 'pdu', rack: number, c: number, key: NavKey): Asset | undefined {
  switch (key) {
    case 'ArrowUp':
      return kind === 'rack' ? containerAsset(c) : rackAsset(geo, kind === 'tor' ? 'rack' : 'tor', rack);
    case 'ArrowDown':
      return kind === 'pdu' ? (geo.rackHosts[rack]! > 0 ? hostAsset(geo, rack, 0) : undefined) : rackAsset(geo, kind === 'rack' ? 'tor' : 'pdu', rack);
    case 'ArrowLeft':
      return rack > 0 ? rackAsset(geo, kind, rack - 1) : undefined;
    case 'ArrowRight':
      return rack + 1 < geo.rackCount ? rackAsset(geo, kind, rack + 1) : undefined;
    case 'Home':
    case 'PageDown':
    case 'End':
      return geo.rackHosts[rack]! > 0 ? hostAsset(geo, rack, key === 'End' ? geo.rackHosts[rack]! - 1 : 0) : undefined;
    case 'PageUp':
      return undefined;
  }
}

function fromContainer(geo: Geometry, c: number, key: NavKey): Asset | undefined {
  const k = geo.containers[c]!;
  switch (key) {
    case 'ArrowUp':
      return above(geo, c);
    case 'ArrowDown':
      return k.rackCount > 0 ? rackAsset(geo, 'rack', k.firstRack) : below(geo, c);
    case 'ArrowLeft':
      return c > 0 ? aggAsset(c - 1, 1) : undefined;
    case 'ArrowRight':
      return aggAsset(c, 0);
    case 'Home':
      return c > 0 ? containerAsset(0) : undefined;
    case 'End':
      return c < geo.containers.length - 1 ? containerAsset(geo.containers.length - 1) : undefined;
    default:
      return undefined;
  }
}

function fromContainerOverview(geo: Geometry, c: number, key: NavKey): Asset | undefined {
  const n = geo.containers.length;
  switch (key) {
    case 'ArrowUp':
      return above(geo, c);
    case 'ArrowDown':
      return below(geo, c);
    case 'ArrowLeft':
      return c > 0 ? containerAsset(c - 1) : undefined;
    case 'ArrowRight':
      return c + 1 < n ? containerAsset(c + 1) : undefined;
    case 'Home':
      return c > 0 ? containerAsset(0) : undefined;
    case 'End':
      return c < n - 1 ? containerAsset(n - 1) : undefined;
    default:
      return undefined;
  }
}

function fromAgg(geo: Geometry, c: number, n: number, key: NavKey, overview: boolean): Asset | undefined {
  const k = geo.containers[c]!;
  switch (key) {
    case 'ArrowUp':
      return above(geo, c);
    case 'ArrowDown':
      if (overview || k.rackCount === 0) return below(geo, c);
      return rackAsset(geo, 'rack', n === 0 ? k.firstRack : k.firstRack + k.rackCount - 1);
    case 'ArrowLeft':
      return n === 1 ? aggAsset(c, 0) : containerAsset(c);
    case 'ArrowRight':
      return n === 0 ? aggAsset(c, 1) : c + 1 < geo.containers.length ? containerAsset(c + 1) : undefined;
    default:
      return undefined;
  }
}

function fromLb(geo: Geometry, n: number, key: NavKey): Asset | undefined {
  switch (key) {
    case 'ArrowLeft':
      return n === 1 ? lbAsset(0) : undefined;
    case 'ArrowRight':
      return n === 0 ? lbAsset(1) : undefined;
    case 'ArrowDown':
      return geo.containers.length > 0 ? containerAsset(0) : undefined;
    default:
      return undefined;
  }
}
