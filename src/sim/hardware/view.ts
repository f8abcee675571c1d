/**
 * The hardware read model for the UI. Bulk per-host state goes as typed arrays (a
 * status code and a ground-truth fault code per host, in host-index order); devices and
 * containers go as keyed records. Change tracking is per rack: a frame recomputes only
 * the racks touched since the last one, so its cost follows what changed, not the size
 * of the data center.
 */

import type { ViewRecord, ViewStore } from '../view/records';
import type { Datacenter } from './datacenter';
import { aggId, lbId, pduId, torId } from './ids';
import { HOST_FAULTS, type ContainerState, type DeviceStatus } from './status';

export interface RackLayout {
  readonly id: string;
  readonly hosts: number;
}

export interface ContainerLayout {
  readonly id: string;
  readonly racks: readonly RackLayout[];
}

/** The shape of the data center: enough for the UI to lay it out and name every host. */
export interface Layout {
  readonly containers: readonly ContainerLayout[];
  readonly hostCount: number;
}

export interface HostsFull {
  /** HostCode per host (index into HOST_STATUSES). */
  readonly status: Uint8Array;
  /** Ground-truth fault per host (index into HOST_FAULTS). */
  readonly fault: Uint8Array;
  /** Role instances the FC has placed on each host (255 means 255 or more). */
  readonly instances: Uint8Array;
}

export interface HostsDiff {
  readonly index: Uint32Array;
  readonly status: Uint8Array;
  readonly fault: Uint8Array;
  readonly instances: Uint8Array;
}

export type DeviceKindName = 'tor' | 'pdu' | 'agg' | 'lb';

export interface DeviceView extends ViewRecord {
  readonly kind: DeviceKindName;
  readonly status: DeviceStatus;
}

export interface ContainerView extends ViewRecord {
  readonly state: ContainerState;
  readonly failed: boolean;
  /** Hosts in Down, OutForRepair or HumanInvestigate. */
  readonly failedHosts: number;
  readonly hosts: number;
}

export interface FcHealthView extends ViewRecord {
  readonly healingStopped: boolean;
  readonly humanInvestigate: number;
  readonly threshold: number;
}

export const DEVICES = 'devices';
export const CONTAINERS = 'containers';
export const FC_HEALTH = 'fcHealth';

export function layoutOf(dc: Datacenter): Layout {
  const topo = dc.topology;
  return {
    hostCount: topo.hostCount,
    containers: topo.containers.map((c) => ({
      id: c.id,
      racks: topo.racks.slice(c.firstRack, c.firstRack + c.rackCount).map((r) => ({ id: r.id, hosts: r.hostCount })),
    })),
  };
}

export class HardwareView {
  private sentStatus = new Uint8Array(0);
  private sentFault = new Uint8Array(0);
  private sentInstances = new Uint8Array(0);
  /** Instances placed on a host (set by the layer above). */
  instancesOf: (h: number) => number = () => 0;
  private layoutVersion = -1;

  constructor(
    private readonly dc: Datacenter,
    private readonly store: ViewStore,
    private readonly healing: () => { stopped: boolean },
  ) {}

  private faultCode(h: number): number {
    return HOST_FAULTS.indexOf(this.dc.groundFault(h));
  }

  /** Everything, for a snapshot; resets change tracking. */
  full(): { layout: Layout; hosts: HostsFull } {
    const dc = this.dc;
    const n = dc.hostCount;
    const fault = new Uint8Array(n);
    const instances = new Uint8Array(n);
    for (let h = 0; h < n; h++) {
      fault[h] = this.faultCode(h);
      instances[h] = Math.min(255, this.instancesOf(h));
    }
    this.sentStatus = dc.status.slice();
    this.sentFault = fault.slice();
    this.sentInstances = instances.slice();
    this.layoutVersion = dc.topology.containers.length;
    for (let r = 0; r < dc.topology.racks.length; r++) this.putRack(r);
    for (let c = 0; c < dc.containers.length; c++) this.putContainer(c);
    this.putShared();
    dc.dirtyRacks.clear();
    dc.dirtyContainers.clear();
    return { layout: layoutOf(dc), hosts: { status: dc.status.slice(), fault, instances } };
  }

  /**
   * Changes since the last call: a new layout when containers were added (then the
   * host arrays come in full), otherwise the hosts whose status or fault changed.
   */
  diff(): { layout?: Layout; hosts?: HostsFull; changed?: HostsDiff } {
    const dc = this.dc;
    this.putShared();
    for (const c of dc.dirtyContainers) this.putContainer(c);
    dc.dirtyContainers.clear();
    if (this.layoutVersion !== dc.topology.containers.length) {
      dc.dirtyRacks.clear();
      return this.full();
    }
    if (dc.dirtyRacks.size === 0) return {};
    const idx: number[] = [];
    const st: number[] = [];
    const fl: number[] = [];
    const ins: number[] = [];
    const racks = [...dc.dirtyRacks].sort((a, b) => a - b);
    dc.dirtyRacks.clear();
    // a host status change moves its container's failed count
    for (const c of new Set(racks.map((r) => dc.topology.racks[r]!.container))) this.putContainer(c);
    for (const r of racks) {
      this.putRack(r);
      const rack = dc.topology.racks[r]!;
      for (let h = rack.firstHost; h < rack.firstHost + rack.hostCount; h++) {
        const s = dc.status[h]!;
        const f = this.faultCode(h);
        const k = Math.min(255, this.instancesOf(h));
        if (s !== this.sentStatus[h] || f !== this.sentFault[h] || k !== this.sentInstances[h]) {
          this.sentStatus[h] = s;
          this.sentFault[h] = f;
          this.sentInstances[h] = k;
          idx.push(h);
          st.push(s);
          fl.push(f);
          ins.push(k);
        }
      }
    }
    if (idx.length === 0) return {};
    return { changed: { index: Uint32Array.from(idx), status: Uint8Array.from(st), fault: Uint8Array.from(fl), instances: Uint8Array.from(ins) } };
  }

  private putDevice(id: string, kind: DeviceKindName, up: boolean): void {
    const status: DeviceStatus = up ? 'Up' : 'Failed';
    const prev = this.store.get<DeviceView>(DEVICES, id);
    if (prev?.status !== status) this.store.put<DeviceView>(DEVICES, { id, kind, status });
  }

  private putRack(r: number): void {
    const rack = this.dc.topology.racks[r]!;
    this.putDevice(torId(rack.container, rack.r), 'tor', this.dc.torUp[r] === 1);
    this.putDevice(pduId(rack.container, rack.r), 'pdu', this.dc.pduUp[r] === 1);
  }

  private putContainer(c: number): void {
    const rt = this.dc.containers[c]!;
    const info = this.dc.topology.containers[c]!;
    this.putDevice(aggId(c, 0), 'agg', rt.aggUp[0]);
    this.putDevice(aggId(c, 1), 'agg', rt.aggUp[1]);
    const rec: ContainerView = {
      id: info.id,
      state: rt.state,
      failed: rt.failed,
      failedHosts: this.dc.failedInContainer[c]!,
      hosts: info.hostCount,
    };
    const prev = this.store.get<ContainerView>(CONTAINERS, info.id);
    if (!prev || prev.state !== rec.state || prev.failed !== rec.failed || prev.failedHosts !== rec.failedHosts) {
      this.store.put(CONTAINERS, rec);
    }
  }

  private putShared(): void {
    this.putDevice(lbId(0), 'lb', this.dc.lbUp[0]);
    this.putDevice(lbId(1), 'lb', this.dc.lbUp[1]);
    const rec: FcHealthView = {
      id: 'fc',
      healingStopped: this.healing().stopped,
      humanInvestigate: this.dc.count('HumanInvestigate'),
      threshold: this.dc.spec.humanInvestigateThreshold,
    };
    const prev = this.store.get<FcHealthView>(FC_HEALTH, 'fc');
    if (!prev || prev.healingStopped !== rec.healingStopped || prev.humanInvestigate !== rec.humanInvestigate) {
      this.store.put(FC_HEALTH, rec);
    }
  }
}
