/**
 * Which assets the accessible DOM layer holds: always the two load balancers; each
 * container in view with its aggregation pair; at host level of detail also the racks,
 * ToR switches and PDUs in view, and the hosts in view when the frame says so (see
 * hostsInDom); and the focused asset wherever it is. In reading order: load balancers,
 * then container by container, rack by rack. What is out of view has no button (the
 * arrow keys and "Go to asset" reach it), so the layer's size follows the view, never
 * the size of the data center.
 */

import { aggAsset, containerAsset, hostAsset, lbAsset, rackAsset, type Asset } from './assets';
import type { Geometry } from './geometry';
import { forVisibleHosts, hostRowVisible, type Lod, type VisibleContainer } from './viewport';

export interface LayerView {
  readonly lod: Lod;
  /** The containers in view (at host level, with the racks and host rows in view), in order. */
  readonly visible: readonly VisibleContainer[];
  /** Hosts in view get buttons. */
  readonly hosts: boolean;
}

export function layerItems(geo: Geometry, view: LayerView, focus: Asset | undefined): Asset[] {
  const out: Asset[] = [lbAsset(0), lbAsset(1)];
  let focusIncluded = focus === undefined || focus.kind === 'lb';
  for (const v of view.visible) {
    const k = geo.containers[v.c];
    if (!k) continue;
    out.push(containerAsset(k.index), aggAsset(k.index, 0), aggAsset(k.index, 1));
    if (!focusIncluded && focus && (focus.kind === 'container' || focus.kind === 'agg') && focus.c === k.index) focusIncluded = true;
    if (view.lod !== 'hosts') continue;
    // (a view worked out for the layout before may name racks this container does not have)
    for (let r = v.r0; r <= Math.min(v.r1, k.rackCount - 1); r++) {
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
