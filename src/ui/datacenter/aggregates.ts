/**
 * Per-rack and per-container summaries for the zoomed-out levels of detail and the
 * legend: hosts per status, undetected faults, and which devices have failed. Kept in
 * typed arrays allocated once per layout. A frame's host changes are applied host by
 * host (syncHosts, from the store's hostChanges), so the cost follows what changed; the
 * hosts are counted again in full only for a new layout or a reader that fell behind.
 */

import { HOST_STATUSES } from '../../sim/hardware/status';
import type { DeviceView } from '../../sim/hardware/view';
import type { HostChange } from '../store/store';
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
  /** The rack of each host. */
  readonly hostRack: Uint32Array;
  /** The status and fault of each host as counted, to take a changed host out of its old counts. */
  private seenStatus = new Uint8Array(0);
  private seenFault = new Uint8Array(0);
  /** The store's hostVersion the counts reflect (-1: none yet). */
  private version = -1;
  /** The device records last read, by id, and the failed flag each set. */
  private devices: readonly DeviceView[] = [];
  private readonly deviceSeen = new Map<string, DeviceView>();

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
    this.hostRack = new Uint32Array(geo.layout.hostCount);
    for (let rack = 0; rack < racks; rack++) {
      const first = geo.rackFirstHost[rack]!;
      this.hostRack.fill(rack, first, Math.min(this.hostRack.length, first + geo.rackHosts[rack]!));
    }
  }

  /**
   * Brings the host counts to `version` of the store: host by host from `changes` when
   * they cover every version since the last sync, otherwise by counting every host.
   * Returns whether anything was done. Syncing twice to the same version does nothing.
   */
  syncHosts(status: Uint8Array, fault: Uint8Array, version: number, changes: readonly HostChange[]): boolean {
    if (version === this.version && status.length === this.seenStatus.length) return false;
    const first = changes.findIndex((c) => c.version > this.version);
    const covered =
      this.version >= 0 &&
      status.length === this.seenStatus.length &&
      first >= 0 &&
      changes[first]!.version === this.version + 1 &&
      changes[changes.length - 1]!.version === version;
    if (!covered) {
      this.refreshHosts(status, fault);
      this.version = version;
      return true;
    }
    for (let i = first; i < changes.length; i++) {
      const idx = changes[i]!.index;
      for (let j = 0; j < idx.length; j++) this.moveHost(idx[j]!, status, fault);
    }
    this.version = version;
    return true;
  }

  /** Moves one host from the counts of its old status and fault to its new ones. */
  private moveHost(h: number, status: Uint8Array, fault: Uint8Array): void {
    if (h >= this.seenStatus.length) return;
    const s0 = this.seenStatus[h]!;
    const f0 = this.seenFault[h]!;
    const s1 = status[h]!;
    const f1 = fault[h]!;
    if (s0 === s1 && f0 === f1) return;
    this.seenStatus[h] = s1;
    this.seenFault[h] = f1;
    const rack = this.hostRack[h]!;
    const c = this.geo.rackContainer[rack]!;
    if (s0 !== s1) {
      this.rackCounts[rack * STATUS_COUNT + s0]!--;
      this.rackCounts[rack * STATUS_COUNT + s1]!++;
      this.containerCounts[c * STATUS_COUNT + s0]!--;
      this.containerCounts[c * STATUS_COUNT + s1]!++;
      this.totals[s0]!--;
      this.totals[s1]!++;
    }
    const u = (isUndetected(s1, f1) ? 1 : 0) - (isUndetected(s0, f0) ? 1 : 0);
    if (u !== 0) {
      this.rackUndetected[rack]! += u;
      this.containerUndetected[c]! += u;
      this.undetectedTotal += u;
    }
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
    this.seenStatus = status.slice();
    this.seenFault = fault.slice();
    this.version = -1;
  }

  /**
   * Reads which devices failed from the device records. Records are immutable, so only
   * those that are not the ones last read are looked at; a shorter list (a record
   * removed) is read again in full.
   */
  refreshDevices(devices: readonly DeviceView[]): void {
    if (devices === this.devices) return;
    this.devices = devices;
    this.readDevices(devices);
    if (this.deviceSeen.size === devices.length) return;
    // a record was removed: read them all again
    this.torFailed.fill(0);
    this.pduFailed.fill(0);
    this.aggFailed.fill(0);
    this.lbFailed.fill(0);
    this.deviceSeen.clear();
    this.readDevices(devices);
  }

  private readDevices(devices: readonly DeviceView[]): void {
    for (const d of devices) {
      if (this.deviceSeen.get(d.id) === d) continue;
      this.deviceSeen.set(d.id, d);
      this.setDevice(d.id, d.status === 'Failed' ? 1 : 0);
    }
  }

  private setDevice(id: string, failed: 0 | 1): void {
    const { geo } = this;
    const ref = parseAssetId(id);
    if (!ref) return;
    if (ref.kind === 'tor' || ref.kind === 'pdu') {
      const k = geo.containers[ref.c];
      if (!k || ref.r >= k.rackCount) return;
      (ref.kind === 'tor' ? this.torFailed : this.pduFailed)[k.firstRack + ref.r] = failed;
    } else if (ref.kind === 'agg' && ref.c < geo.containers.length) this.aggFailed[ref.c * 2 + ref.n] = failed;
    else if (ref.kind === 'lb') this.lbFailed[ref.n] = failed;
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
