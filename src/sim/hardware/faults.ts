/**
 * Faults and their reach, as a table: for each kind of asset, the modes it can fail in,
 * what failing it does, and what repairing it does. Each fault touches only the hosts
 * of its own rack or container, found by index.
 *
 * | asset | fault | reach |
 * |---|---|---|
 * | host | crash, hang, hardware | that host |
 * | ToR switch | fail | the rack's hosts stay up but are cut off (a partition, not a crash) |
 * | PDU | fail | the rack loses power |
 * | rack | fail | ToR and PDU together: the whole fault domain |
 * | aggregation switch | fail | one: nothing (the pair is redundant); both: the container is cut off |
 * | load balancer | fail | one: its twin takes over; both: every VIP is down |
 * | container | fail | every host in it loses power |
 */

import type { Fields } from '../engine/log';
import { OwnFault, type Datacenter } from './datacenter';
import type { Health } from './health';
import type { HostHooks } from './hooks';
import { parseAssetId, type AssetKind, type AssetRef } from './ids';
import type { Inventory } from './inventory';

export const HOST_FAULT_MODES = ['crash', 'hang', 'hardware'] as const;
export type HostFaultMode = (typeof HOST_FAULT_MODES)[number];

export class FaultError extends Error {
  override name = 'FaultError';
}

export interface FaultRow {
  readonly kind: AssetKind;
  readonly label: string;
  readonly modes: readonly string[];
}

/** What the UI offers for each asset kind. */
export const FAULT_TABLE: readonly FaultRow[] = [
  { kind: 'host', label: 'Host', modes: HOST_FAULT_MODES },
  { kind: 'tor', label: 'Top-of-rack switch', modes: ['fail'] },
  { kind: 'pdu', label: 'Power distribution unit', modes: ['fail'] },
  { kind: 'rack', label: 'Rack', modes: ['fail'] },
  { kind: 'agg', label: 'Aggregation switch', modes: ['fail'] },
  { kind: 'lb', label: 'Load balancer', modes: ['fail'] },
  { kind: 'container', label: 'Container', modes: ['fail'] },
];

export interface FaultContext {
  readonly dc: Datacenter;
  readonly health: Health;
  readonly inventory: Inventory;
  readonly hooks: () => HostHooks;
}

/** Parses and checks a target against this data center; throws FaultError naming what is wrong. */
export function resolveTarget(ctx: FaultContext, target: string): AssetRef {
  const ref = parseAssetId(target);
  if (!ref) throw new FaultError(`"${target}" is not an asset id (e.g. c0-r1-h03, c0-r1-tor, c0-r1-pdu, c0-agg1, lb0, c0)`);
  if (ref.kind === 'fc') throw new FaultError(`FC replicas (${target}) are not modelled yet`);
  if (!ctx.dc.topology.has(target)) throw new FaultError(`there is no ${ref.kind} ${target} in this data center`);
  return ref;
}

/** Checks that the asset can fail in this mode now; returns the mode to use. */
export function checkFail(ctx: FaultContext, target: string, mode: string | undefined): string {
  const ref = resolveTarget(ctx, target);
  const row = FAULT_TABLE.find((r) => r.kind === ref.kind)!;
  const m = mode ?? row.modes[0]!;
  if (!row.modes.includes(m)) {
    throw new FaultError(`a ${row.label.toLowerCase()} cannot fail in mode "${m}"; modes: ${row.modes.join(', ')}`);
  }
  if (isFailed(ctx, ref)) throw new FaultError(`${target} has already failed`);
  return m;
}

export function isFailed(ctx: FaultContext, ref: AssetRef): boolean {
  const { dc } = ctx;
  switch (ref.kind) {
    case 'host':
      return dc.ownFault[dc.topology.hostIndex(hostIdOf(ref))] !== OwnFault.None;
    case 'tor':
      return dc.torUp[dc.topology.rack(ref.c, ref.r)!.index] === 0;
    case 'pdu':
      return dc.pduUp[dc.topology.rack(ref.c, ref.r)!.index] === 0;
    case 'rack': {
      const i = dc.topology.rack(ref.c, ref.r)!.index;
      return dc.torUp[i] === 0 && dc.pduUp[i] === 0;
    }
    case 'agg':
      return !dc.containers[ref.c]!.aggUp[ref.n];
    case 'lb':
      return !dc.lbUp[ref.n];
    case 'container':
      return dc.containers[ref.c]!.failed;
    case 'fc':
      return false;
  }
}

const hostIdOf = (ref: Extract<AssetRef, { kind: 'host' }>): string =>
  `c${ref.c}-r${ref.r}-h${ref.h < 10 ? `0${ref.h}` : ref.h}`;

/** Checks that the asset has something to repair now; throws FaultError otherwise. */
export function checkRepair(ctx: FaultContext, target: string): void {
  const ref = resolveTarget(ctx, target);
  if (ref.kind === 'host') {
    const h = ctx.dc.topology.hostIndex(target);
    const s = ctx.dc.statusOf(h);
    if (ctx.dc.ownFault[h] !== OwnFault.None || s === 'OutForRepair' || s === 'HumanInvestigate' || s === 'Down') return;
    throw new FaultError(`${target} has nothing to repair (status ${s})`);
  }
  if (ref.kind === 'rack') {
    const i = ctx.dc.topology.rack(ref.c, ref.r)!.index;
    if (ctx.dc.torUp[i] === 0 || ctx.dc.pduUp[i] === 0) return;
  } else if (isFailed(ctx, ref)) return;
  throw new FaultError(`${target} has nothing to repair`);
}

/** Applies a fault (already checked). Returns fields for the log record. */
export function applyFault(ctx: FaultContext, target: string, mode: string): Fields {
  const { dc, health, hooks } = ctx;
  const ref = resolveTarget(ctx, target);
  const stopHost = (h: number) => {
    hooks().vmsStopped(h);
    health.scheduleDetect(h);
  };
  switch (ref.kind) {
    case 'host': {
      const h = dc.topology.hostIndex(target);
      dc.setOwnFault(h, mode === 'hang' ? OwnFault.Hang : mode === 'hardware' ? OwnFault.Hardware : OwnFault.Crash);
      stopHost(h);
      return { mode, hosts: 1 };
    }
    case 'tor':
    case 'pdu':
    case 'rack': {
      const rack = dc.topology.rack(ref.c, ref.r)!;
      const powerLost = ref.kind !== 'tor' && dc.pduUp[rack.index] === 1;
      if (ref.kind !== 'pdu') dc.setTor(rack.index, false);
      if (ref.kind !== 'tor') dc.setPdu(rack.index, false);
      for (const h of dc.hostsOfRack(rack.index)) {
        if (powerLost) stopHost(h);
        else health.scheduleDetect(h);
      }
      hooks().reachabilityChanged([...dc.hostsOfRack(rack.index)]);
      return { mode, hosts: rack.hostCount, reach: ref.kind === 'tor' ? 'partition' : 'power' };
    }
    case 'agg': {
      const c = dc.containers[ref.c]!;
      c.aggUp[ref.n] = false;
      dc.touchContainer(ref.c);
      if (c.aggUp[1 - ref.n]) return { mode, hosts: 0, reach: `redundant: c${ref.c}-agg${1 - ref.n} carries the traffic` };
      for (const h of dc.hostsOfContainer(ref.c)) health.scheduleDetect(h);
      hooks().reachabilityChanged([...dc.hostsOfContainer(ref.c)]);
      return { mode, hosts: dc.topology.containers[ref.c]!.hostCount, reach: 'container cut off' };
    }
    case 'lb': {
      dc.lbUp[ref.n] = false;
      hooks().reachabilityChanged('all');
      return { mode, reach: dc.lbUp[1 - ref.n] ? `lb${1 - ref.n} takes over every VIP` : 'every VIP is down' };
    }
    case 'container': {
      dc.setContainerFailed(ref.c, true);
      for (const h of dc.hostsOfContainer(ref.c)) stopHost(h);
      return { mode, hosts: dc.topology.containers[ref.c]!.hostCount, reach: 'power' };
    }
    case 'fc':
      throw new FaultError('FC replicas are not modelled yet');
  }
}

/** Repairs an asset. Returns fields for the log record; throws FaultError when nothing is wrong. */
export function repairAsset(ctx: FaultContext, target: string): Fields {
  const { dc, health, inventory } = ctx;
  const ref = resolveTarget(ctx, target);
  switch (ref.kind) {
    case 'host': {
      const h = dc.topology.hostIndex(target);
      const s = dc.statusOf(h);
      if (dc.ownFault[h] === OwnFault.None && s !== 'OutForRepair' && s !== 'HumanInvestigate' && s !== 'Down') {
        throw new FaultError(`${target} has nothing to repair (status ${s})`);
      }
      return inventory.repairHost(h);
    }
    case 'tor':
    case 'pdu':
    case 'rack': {
      const rack = dc.topology.rack(ref.c, ref.r)!;
      const torWasDown = dc.torUp[rack.index] === 0;
      const pduWasDown = dc.pduUp[rack.index] === 0;
      const fixTor = ref.kind !== 'pdu' && torWasDown;
      const fixPdu = ref.kind !== 'tor' && pduWasDown;
      if (!fixTor && !fixPdu) throw new FaultError(`${target} has nothing to repair`);
      if (fixTor) dc.setTor(rack.index, true);
      if (fixPdu) dc.setPdu(rack.index, true);
      for (const h of dc.hostsOfRack(rack.index)) {
        if (fixPdu) health.powerRestored(h);
        else health.restored(h);
      }
      ctx.hooks().reachabilityChanged([...dc.hostsOfRack(rack.index)]);
      return { hosts: rack.hostCount };
    }
    case 'agg': {
      const c = dc.containers[ref.c]!;
      if (c.aggUp[ref.n]) throw new FaultError(`${target} has nothing to repair`);
      const wasCut = !c.aggUp[1 - ref.n];
      c.aggUp[ref.n] = true;
      dc.touchContainer(ref.c);
      if (wasCut) for (const h of dc.hostsOfContainer(ref.c)) health.restored(h);
      if (wasCut) ctx.hooks().reachabilityChanged([...dc.hostsOfContainer(ref.c)]);
      return { hosts: wasCut ? dc.topology.containers[ref.c]!.hostCount : 0 };
    }
    case 'lb':
      if (dc.lbUp[ref.n]) throw new FaultError(`${target} has nothing to repair`);
      dc.lbUp[ref.n] = true;
      ctx.hooks().reachabilityChanged('all');
      return {};
    case 'container': {
      const c = dc.containers[ref.c]!;
      if (!c.failed) throw new FaultError(`${target} has nothing to repair`);
      dc.setContainerFailed(ref.c, false);
      for (const h of dc.hostsOfContainer(ref.c)) health.powerRestored(h);
      return { hosts: dc.topology.containers[ref.c]!.hostCount };
    }
    case 'fc':
      throw new FaultError('FC replicas are not modelled yet');
  }
}
