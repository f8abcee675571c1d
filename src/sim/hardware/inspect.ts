/**
 * What the inspector shows for one asset: its status as the FC sees it, what is really
 * wrong, its recent history and the driver commands sent to it.
 */

import { formatClock } from '../engine/time';
import type { Hardware } from './hardware';
import { aggId, parseAssetId, pduId, torId } from './ids';
import type { DriverLogEntry } from './drivers';
import { HOST_STATUS_TEXT } from './status';

export interface Inspection {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly statusText: string;
  /** Label and value pairs, in display order. */
  readonly facts: readonly (readonly [string, string])[];
  readonly history: readonly { readonly t: number; readonly text: string }[];
  readonly commands: readonly DriverLogEntry[];
  /** Role instances: the disk layers and what each operation keeps of them. */
  readonly disks?: readonly DiskRow[];
  /** Role instances: the startup task log. */
  readonly startupLog?: readonly { readonly t: number; readonly text: string }[];
}

export interface DiskRow {
  readonly drive: string;
  readonly label: string;
  readonly generation: number;
  readonly sizeMiB: number;
  /** Survives: VM reboot, portal reboot, portal reimage, host loss. */
  readonly survives: readonly [boolean, boolean, boolean, boolean];
}

export function inspectAsset(hw: Hardware, id: string): Inspection | undefined {
  const ref = parseAssetId(id);
  const dc = hw.dc;
  if (!ref || !dc.topology.has(id)) return undefined;
  const commands = hw.drivers.forDevice(id);
  switch (ref.kind) {
    case 'host': {
      const h = dc.topology.hostIndex(id);
      const rack = dc.topology.rackOf(h);
      const status = dc.statusOf(h);
      const fault = dc.groundFault(h);
      return {
        id,
        kind: 'host',
        status,
        statusText: HOST_STATUS_TEXT[status],
        facts: [
          ['Rack (fault domain)', rack.id],
          ['Switch', torId(rack.container, rack.r)],
          ['PDU', pduId(rack.container, rack.r)],
          ['Hardware', `${dc.spec.host.cores} cores, ${Math.round(dc.spec.host.memoryMiB / 1024)} GiB memory, ${dc.spec.host.diskGiB} GiB disk`],
          ['Actual condition', fault === 'none' ? 'no fault' : fault],
          ['Rebooting', dc.rebooting[h] ? 'yes' : 'no'],
        ],
        history: (dc.history.get(h) ?? []).map((e) => ({ t: e.t, text: `${formatClock(e.t)} ${e.status}` })),
        commands,
      };
    }
    case 'tor':
    case 'pdu': {
      const rack = dc.topology.rack(ref.c, ref.r)!;
      const up = (ref.kind === 'tor' ? dc.torUp : dc.pduUp)[rack.index] === 1;
      return {
        id,
        kind: ref.kind,
        status: up ? 'Up' : 'Failed',
        statusText: up ? 'working' : ref.kind === 'tor' ? 'failed: the rack is cut off' : 'failed: the rack has no power',
        facts: [
          ['Rack (fault domain)', rack.id],
          ['Hosts behind it', String(rack.hostCount)],
        ],
        history: [],
        commands,
      };
    }
    case 'agg': {
      const cont = dc.containers[ref.c]!;
      const up = cont.aggUp[ref.n];
      const twinUp = cont.aggUp[1 - ref.n];
      return {
        id,
        kind: 'agg',
        status: up ? 'Up' : 'Failed',
        statusText: up ? 'working' : twinUp ? `failed; ${aggId(ref.c, 1 - ref.n)} carries the traffic` : 'failed with its twin: the container is cut off',
        facts: [['Container', `c${ref.c}`]],
        history: [],
        commands,
      };
    }
    case 'lb': {
      const up = dc.lbUp[ref.n];
      return {
        id,
        kind: 'lb',
        status: up ? 'Up' : 'Failed',
        statusText: up ? 'working' : dc.vipsUp() ? `failed; lb${1 - ref.n} serves every VIP` : 'failed with its twin: every VIP is down',
        facts: [['Driver', `${dc.spec.loadBalancer} load balancer`]],
        history: [],
        commands,
      };
    }
    case 'container':
    case 'rack': {
      const c = ref.c;
      const info = dc.topology.containers[c]!;
      const rt = dc.containers[c]!;
      const rackFacts: (readonly [string, string])[] =
        ref.kind === 'rack' ? [['Hosts', String(dc.topology.rack(c, ref.r)!.hostCount)]] : [['Racks', String(info.rackCount)], ['Hosts', String(info.hostCount)], ['Failed hosts', String(dc.failedInContainer[c])]];
      return {
        id,
        kind: ref.kind,
        status: ref.kind === 'container' ? (rt.failed ? 'Failed' : rt.state) : 'Up',
        statusText: ref.kind === 'container' ? `container ${rt.state}` : 'one fault domain',
        facts: rackFacts,
        history: [],
        commands,
      };
    }
    case 'fc':
      return undefined;
  }
}
