/**
 * Per-rack and per-container summaries for the zoomed-out levels of detail and the
 * legend: hosts per status, undetected faults, and which devices have failed. Kept in
 * typed arrays allocated once per layout and refilled only when the hosts or the device
 * records change, never per frame.
 */

import { HOST_STATUSES } from '../../sim/hardware/status';
import type { DeviceView } from '../../sim/hardware/view';
import { parseAssetId } from '../../sim/hardware/ids';
import type { Geometry } from './geometry';
import { isUndetected } from './glyphs';

export const STATUS_COUNT = HOST_STATUSES.length;

export class Aggregates {
  /** Hosts per status: [rack * STATUS_COUNT + code]. */
  readonly rackCounts: Uint32Array;
  readonly containerCounts: Uint32Array;
  readonly totals = new Uint32Array(STATUS_COUNT);
  readonly rackUndetected: Uint32Array;
  readonly containerUndetected: Uint32Array;
  undetectedTotal = 0;
  /** 1 when failed. */
  readonly torFailed: Uint8Array;
  readonly pduFailed: Uint8Array;
  /** [container * 2 + n]. */
  readonly aggFailed: Uint8Array;
  readonly lbFailed = new Uint8Array(2);

  constructor(readonly geo: Geometry) {
    const racks = geo.rackCount;
    const conts = geo.containers.length;
    this.rackCounts = new Uint32Array(racks * STATUS_COUNT);
    this.containerCounts = new Uint32Array(conts * STATUS_COUNT);
    this.rackUndetected = new Uint32Array(racks);
    this.containerUndetected = new Uint32Array(conts);
    this.torFailed = new Uint8Array(racks);
    this.pduFailed = new Uint8Array(racks);
    this.aggFailed = new Uint8Array(conts * 2);
  }

  /** Recounts hosts (one pass over the arrays, when they changed). */
  refreshHosts(status: Uint8Array, fault: Uint8Array): void {
    const { geo, rackCounts, containerCounts, totals, rackUndetected, containerUndetected } = this;
    rackCounts.fill(0);
    containerCounts.fill(0);
    totals.fill(0);
    rackUndetected.fill(0);
    containerUndetected.fill(0);
    let undetected = 0;
    for (let rack = 0; rack < geo.rackCount; rack++) {
      const c = geo.rackContainer[rack]!;
      const first = geo.rackFirstHost[rack]!;
      const end = Math.min(status.length, first + geo.rackHosts[rack]!);
      const base = rack * STATUS_COUNT;
      let und = 0;
      for (let h = first; h < end; h++) {
        const s = status[h]!;
        rackCounts[base + s]!++;
        if (isUndetected(s, fault[h]!)) und++;
      }
      rackUndetected[rack] = und;
      containerUndetected[c]! += und;
      undetected += und;
      for (let s = 0; s < STATUS_COUNT; s++) {
        const n = rackCounts[base + s]!;
        containerCounts[c * STATUS_COUNT + s]! += n;
        totals[s]! += n;
      }
    }
    this.undetectedTotal = undetected;
  }

  /** Reads which devices failed from the device records. */
  refreshDevices(devices: readonly DeviceView[]): void {
    const { geo } = this;
    this.torFailed.fill(0);
    this.pduFailed.fill(0);
    this.aggFailed.fill(0);
    this.lbFailed.fill(0);
    for (const d of devices) {
      if (d.status !== 'Failed') continue;
      const ref = parseAssetId(d.id);
      if (!ref) continue;
      if (ref.kind === 'tor' || ref.kind === 'pdu') {
        const k = geo.containers[ref.c];
        if (!k || ref.r >= k.rackCount) continue;
        (ref.kind === 'tor' ? this.torFailed : this.pduFailed)[k.firstRack + ref.r] = 1;
      } else if (ref.kind === 'agg' && ref.c < geo.containers.length) this.aggFailed[ref.c * 2 + ref.n] = 1;
      else if (ref.kind === 'lb') this.lbFailed[ref.n] = 1;
    }
  }

  /** Hosts of a container that are not Healthy. */
  unhealthyInContainer(c: number): number {
    const base = c * STATUS_COUNT;
    let n = 0;
    for (let s = 1; s < STATUS_COUNT; s++) n += this.containerCounts[base + s]!;
    return n;
  }

  unhealthyInRack(rack: number): number {
    const base = rack * STATUS_COUNT;
    let n = 0;
    for (let s = 1; s < STATUS_COUNT; s++) n += this.rackCounts[base + s]!;
    return n;
  }
}
