/**
 * What the view says about an asset: its status in words (the accessible description,
 * the tooltip) and the actions its menu offers, each enabled only when it makes sense
 * now. Pure functions of the asset and the fabric's current facts.
 */

import type { Action } from '../../sim/actions';
import { HOST_FAULTS, HOST_STATUSES, HOST_STATUS_TEXT, type ContainerState, type HostStatus } from '../../sim/hardware/status';
import type { ContainerView } from '../../sim/hardware/view';
import { STATUS_COUNT, type Aggregates } from './aggregates';
import type { Asset } from './assets';
import { isUndetected } from './glyphs';

export interface FabricFacts {
  readonly status: Uint8Array;
  readonly fault: Uint8Array;
  readonly agg: Aggregates;
  readonly containers: ReadonlyMap<string, ContainerView>;
}

export interface MenuItem {
  readonly label: string;
  readonly action: Action;
  readonly enabled: boolean;
}

const CONTAINER_STATE_TEXT: { readonly [K in ContainerState]: string } = {
  InService: 'in service',
  BurnIn: 'burning in before joining inventory',
  Evacuating: 'being evacuated',
  Servicing: 'out of service for repair',
  Failed: 'failed',
};

const OWN_FAULTS = new Set([HOST_FAULTS.indexOf('crash'), HOST_FAULTS.indexOf('hang'), HOST_FAULTS.indexOf('hardware')]);
const UNPOWERED = HOST_FAULTS.indexOf('unpowered');
const REPAIRABLE: ReadonlySet<HostStatus> = new Set(['Down', 'OutForRepair', 'HumanInvestigate']);

export function hostStatusOf(f: FabricFacts, index: number): HostStatus {
  return HOST_STATUSES[f.status[index] ?? 0] ?? 'Healthy';
}

/** Host texts by status and fault code (a few dozen pairs occur): a layer of a thousand hosts describes them on every frame. */
const hostTexts = new Map<number, string>();

/** `Unreachable: alive, but the FC cannot reach it`, plus `; fault not yet detected: crash` when so. */
export function describeHost(status: number, fault: number): string {
  const key = status * 256 + fault;
  let text = hostTexts.get(key);
  if (text === undefined) {
    text = hostText(status, fault);
    hostTexts.set(key, text);
  }
  return text;
}

function hostText(status: number, fault: number): string {
  const s = HOST_STATUSES[status] ?? 'Healthy';
  const text = `${s}: ${HOST_STATUS_TEXT[s]}`;
  // a planned reboot (a host OS update) is not a fault
  if (HOST_FAULTS[fault] === 'rebooting') return `${text}; rebooting (planned: host OS update)`;
  return isUndetected(status, fault) ? `${text}; fault not yet detected: ${HOST_FAULTS[fault] ?? 'unknown'}` : text;
}

/** `8 hosts: all Healthy` or `8 hosts: 5 Healthy, 3 Unreachable`. */
export function countsText(counts: Uint32Array, base: number): string {
  let total = 0;
  const parts: string[] = [];
  for (let s = 0; s < STATUS_COUNT; s++) {
    const n = counts[base + s]!;
    total += n;
    if (n > 0) parts.push(`${n} ${HOST_STATUSES[s]}`);
  }
  const noun = total === 1 ? 'host' : 'hosts';
  if (parts.length === 1 && counts[base]! === total) return `${total} ${noun}: all Healthy`;
  return `${total} ${noun}: ${parts.join(', ')}`;
}

function deviceFailed(a: Asset, agg: Aggregates): boolean {
  switch (a.kind) {
    case 'tor':
      return agg.torFailed[a.rack] === 1;
    case 'pdu':
      return agg.pduFailed[a.rack] === 1;
    case 'agg':
      return agg.aggFailed[a.c * 2 + a.n] === 1;
    case 'lb':
      return agg.lbFailed[a.n] === 1;
    default:
      return false;
  }
}

export function describeAsset(a: Asset, f: FabricFacts): string {
  const { agg } = f;
  switch (a.kind) {
    case 'host':
      return describeHost(f.status[a.index] ?? 0, f.fault[a.index] ?? 0);
    case 'tor':
      return deviceFailed(a, agg) ? 'Failed: the rack is cut off' : 'Up: working';
    case 'pdu':
      return deviceFailed(a, agg) ? 'Failed: the rack has no power' : 'Up: working';
    case 'agg':
      if (!deviceFailed(a, agg)) return 'Up: working';
      return agg.aggFailed[a.c * 2 + 1 - a.n] ? 'Failed with its twin: the container is cut off' : `Failed: c${a.c}-agg${1 - a.n} carries the traffic`;
    case 'lb':
      if (!deviceFailed(a, agg)) return 'Up: working';
      return agg.lbFailed[1 - a.n] ? 'Failed with its twin: every VIP is down' : `Failed: lb${1 - a.n} serves every VIP`;
    case 'rack': {
      const devices = [agg.torFailed[a.rack] ? 'ToR switch failed' : '', agg.pduFailed[a.rack] ? 'PDU failed' : ''].filter(Boolean);
      return [countsText(agg.rackCounts, a.rack * STATUS_COUNT), ...devices].join('; ');
    }
    case 'container': {
      const v = f.containers.get(a.id);
      const state = v ? (v.failed ? 'failed: no power' : CONTAINER_STATE_TEXT[v.state]) : 'in service';
      return `${state[0]!.toUpperCase()}${state.slice(1)}; ${countsText(agg.containerCounts, a.c * STATUS_COUNT)}`;
    }
  }
}

/** The actions the asset's menu offers, in order; those that make no sense now are disabled. */
export function menuFor(a: Asset, f: FabricFacts): MenuItem[] {
  const target = a.id;
  const repair: Action = { do: 'repair', target };
  switch (a.kind) {
    case 'host': {
      const fault = f.fault[a.index] ?? 0;
      const ownFault = OWN_FAULTS.has(fault);
      const canRepair = ownFault || REPAIRABLE.has(hostStatusOf(f, a.index));
      return [
        { label: 'Fail (crash)', action: { do: 'fail', target, mode: 'crash' }, enabled: !ownFault },
        { label: 'Hang', action: { do: 'fail', target, mode: 'hang' }, enabled: !ownFault },
        { label: 'Hardware fault', action: { do: 'fail', target, mode: 'hardware' }, enabled: !ownFault },
        { label: 'Repair', action: repair, enabled: canRepair },
        { label: 'Power cycle', action: { do: 'powerCycle', target }, enabled: fault !== UNPOWERED },
      ];
    }
    case 'rack': {
      const tor = f.agg.torFailed[a.rack] === 1;
      const pdu = f.agg.pduFailed[a.rack] === 1;
      return [
        { label: 'Fail', action: { do: 'fail', target }, enabled: !(tor && pdu) },
        { label: 'Repair', action: repair, enabled: tor || pdu },
      ];
    }
    case 'container': {
      const failed = f.containers.get(a.id)?.failed ?? false;
      return [
        { label: 'Fail', action: { do: 'fail', target }, enabled: !failed },
        { label: 'Repair', action: repair, enabled: failed },
      ];
    }
    default: {
      const failed = deviceFailed(a, f.agg);
      return [
        { label: 'Fail', action: { do: 'fail', target }, enabled: !failed },
        { label: 'Repair', action: repair, enabled: failed },
      ];
    }
  }
}
