/**
 * Which assets the accessible DOM layer holds: always the load balancers, every
 * container and its aggregation pair; at host level of detail also the racks, ToR
 * switches and PDUs in view, and the hosts in view when the frame says so (see
 * hostsInDom); and the focused asset wherever it is. In reading order: load balancers,
 * then container by container, rack by rack.
 */

import { aggAsset, containerAsset, hostAsset, lbAsset, rackAsset, type Asset } from './assets';
import type { Geometry } from './geometry';
import { forVisibleHosts, hostRowVisible, type Lod, type VisibleContainer } from './viewport';

export interface LayerView {
  readonly lod: Lod;
  readonly visible: readonly VisibleContainer[];
  /** Hosts in view get buttons. */
  readonly hosts: boolean;
}

export function layerItems(geo: Geometry, view: LayerView, focus: Asset | undefined): Asset[] {
  const out: Asset[] = [lbAsset(0), lbAsset(1)];
  const byContainer = new Map<number, VisibleContainer>();
  if (view.lod === 'hosts') for (const v of view.visible) byContainer.set(v.c, v);
  let focusIncluded = focus === undefined || focus.kind === 'lb' || focus.kind === 'container' || focus.kind === 'agg';
  for (const k of geo.containers) {
    out.push(containerAsset(k.index), aggAsset(k.index, 0), aggAsset(k.index, 1));
    const v = byContainer.get(k.index);
    if (!v) continue;
    for (let r = v.r0; r <= v.r1; r++) {
      const rack = k.firstRack + r;
      out.push(rackAsset(geo, 'rack', rack), rackAsset(geo, 'tor', rack), rackAsset(geo, 'pdu', rack));
      if (view.hosts) forVisibleHosts(k, geo.rackHosts[rack]!, v, (h) => out.push(hostAsset(geo, rack, h)));
      if (!focusIncluded && focus && 'rack' in focus && focus.rack === rack) {
        focusIncluded = focus.kind !== 'host' || (view.hosts && hostRowVisible(k, v, focus.h));
      }
    }
  }
  if (!focusIncluded && focus) out.push(focus);
  return out;
}
