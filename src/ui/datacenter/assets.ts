/**
 * Assets of the data center view: an id resolved against the geometry (with indices to
 * find its state and its place), its accessible name, and where it is drawn. Resolving
 * says what is wrong with an id that names nothing here, for the "Go to asset" box.
 */

import { aggId, containerId, hostId, lbId, parseAssetId, pduId, rackId, torId } from '../../sim/hardware/ids';
import {
  aggRect,
  containerHeadRect,
  containerRect,
  hostCellRect,
  pduRect,
  rackIndex,
  rackLabelRect,
  rackRect,
  torRect,
  type Geometry,
  type Rect,
} from './geometry';

export type Asset =
  | { readonly kind: 'host'; readonly id: string; readonly c: number; readonly rack: number; readonly h: number; readonly index: number }
  | { readonly kind: 'rack' | 'tor' | 'pdu'; readonly id: string; readonly c: number; readonly rack: number }
  | { readonly kind: 'agg'; readonly id: string; readonly c: number; readonly n: number }
  | { readonly kind: 'lb'; readonly id: string; readonly n: number }
  | { readonly kind: 'container'; readonly id: string; readonly c: number };

export type AssetKindName = Asset['kind'];

const NAME_PREFIX: { readonly [K in AssetKindName]: string } = {
  host: 'Host',
  rack: 'Rack',
  tor: 'Switch',
  pdu: 'PDU',
  agg: 'Switch',
  lb: 'Load balancer',
  container: 'Container',
};

/** The accessible name: `Host c0-r3-h07`, `Switch c0-r3-tor`, `PDU c0-r3-pdu`, `Switch c0-agg1`, `Load balancer lb0`. */
export function assetName(a: Asset): string {
  return `${NAME_PREFIX[a.kind]} ${a.id}`;
}

/** What kind of thing it is, in words. */
export const KIND_LABEL: { readonly [K in AssetKindName]: string } = {
  host: 'Host',
  rack: 'Rack (fault domain)',
  tor: 'Top-of-rack switch',
  pdu: 'Power distribution unit',
  agg: 'Aggregation switch',
  lb: 'Load balancer',
  container: 'Container',
};

export function hostAsset(geo: Geometry, rack: number, h: number): Asset {
  const c = geo.rackContainer[rack]!;
  return { kind: 'host', id: hostId(c, geo.rackLocal[rack]!, h), c, rack, h, index: geo.rackFirstHost[rack]! + h };
}

export function rackAsset(geo: Geometry, kind: 'rack' | 'tor' | 'pdu', rack: number): Asset {
  const c = geo.rackContainer[rack]!;
  const r = geo.rackLocal[rack]!;
  const id = kind === 'rack' ? rackId(c, r) : kind === 'tor' ? torId(c, r) : pduId(c, r);
  return { kind, id, c, rack };
}

export const containerAsset = (c: number): Asset => ({ kind: 'container', id: containerId(c), c });
export const aggAsset = (c: number, n: number): Asset => ({ kind: 'agg', id: aggId(c, n), c, n });
export const lbAsset = (n: number): Asset => ({ kind: 'lb', id: lbId(n), n });

const EXAMPLES = 'c0, c0-r1, c0-r1-h03, c0-r1-tor, c0-r1-pdu, c0-agg1 or lb0';

/** Resolves an id against this data center: the asset, or a sentence saying what is wrong. */
export function resolveAsset(geo: Geometry, text: string): Asset | { readonly error: string } {
  const id = text.trim().toLowerCase();
  if (id === '') return { error: `Type an asset id, for example ${EXAMPLES}.` };
  const ref = parseAssetId(id);
  if (!ref) return { error: `"${text.trim()}" is not an asset id; ids look like ${EXAMPLES}.` };
  if (ref.kind === 'fc') return { error: `${id} is an FC replica; the data center view shows hardware only.` };
  if (ref.kind === 'lb') return lbAsset(ref.n);
  const n = geo.containers.length;
  const cont = geo.containers[ref.c];
  if (!cont) return { error: `There is no container c${ref.c}: this data center has ${n === 1 ? 'only c0' : `c0 to c${n - 1}`}.` };
  if (ref.kind === 'container') return containerAsset(ref.c);
  if (ref.kind === 'agg') return aggAsset(ref.c, ref.n);
  const rack = rackIndex(geo, ref.c, ref.r);
  if (rack < 0) return { error: `There is no rack ${rackId(ref.c, ref.r)}: ${cont.id} has racks r0 to r${cont.rackCount - 1}.` };
  if (ref.kind !== 'host') return rackAsset(geo, ref.kind, rack);
  const hosts = geo.rackHosts[rack]!;
  if (ref.h >= hosts) {
    return { error: `There is no host ${id}: ${rackId(ref.c, ref.r)} has hosts h00 to h${String(hosts - 1).padStart(2, '0')}.` };
  }
  return hostAsset(geo, rack, ref.h);
}

export function isAsset(a: Asset | { readonly error: string }): a is Asset {
  return !('error' in a);
}

/** Resolves an id known to be valid (for example one the view produced), or undefined. */
export function assetOf(geo: Geometry, id: string): Asset | undefined {
  const a = resolveAsset(geo, id);
  return isAsset(a) ? a : undefined;
}

/** Where the asset's button goes (world units). */
export function assetRect(geo: Geometry, a: Asset): Rect {
  switch (a.kind) {
    case 'host':
      return hostCellRect(geo, a.rack, a.h);
    case 'rack':
      return rackLabelRect(geo, a.rack);
    case 'tor':
      return torRect(geo, a.rack);
    case 'pdu':
      return pduRect(geo, a.rack);
    case 'agg':
      return aggRect(geo, a.c, a.n);
    case 'lb':
      return geo.lbRects[a.n === 1 ? 1 : 0];
    case 'container':
      return containerHeadRect(geo, a.c);
  }
}

/** What to show when going to an asset: a rack or container as a whole, others as themselves. */
export function assetExtent(geo: Geometry, a: Asset): Rect {
  if (a.kind === 'rack') return rackRect(geo, a.rack);
  if (a.kind === 'container') return containerRect(geo, a.c);
  return assetRect(geo, a);
}
