/**
 * The physical layout: containers hold racks, racks hold hosts; each rack has a ToR
 * switch and a PDU and is one fault domain; each container has a pair of aggregation
 * switches; the data center has a pair of load balancers. Hosts are numbered densely
 * (container, rack, slot order) so that per-host state lives in typed arrays.
 */

import { containerId, hostId, parseAssetId, rackId } from './ids';

export interface RackInfo {
  /** Global rack index. */
  readonly index: number;
  readonly id: string;
  readonly container: number;
  /** Rack number within its container. */
  readonly r: number;
  readonly firstHost: number;
  readonly hostCount: number;
}

export interface ContainerInfo {
  readonly index: number;
  readonly id: string;
  readonly firstRack: number;
  readonly rackCount: number;
  readonly firstHost: number;
  readonly hostCount: number;
}

export class Topology {
  readonly containers: ContainerInfo[] = [];
  readonly racks: RackInfo[] = [];
  /** Rack index of each host. */
  private hostRackArr = new Uint32Array(0);
  private hosts = 0;

  get hostCount(): number {
    return this.hosts;
  }

  /** Adds a container of `racks` racks with `hostsPerRack` hosts each; returns its index. */
  addContainer(racks: number, hostsPerRack: number): ContainerInfo {
    const c = this.containers.length;
    const info: ContainerInfo = {
      index: c,
      id: containerId(c),
      firstRack: this.racks.length,
      rackCount: racks,
      firstHost: this.hosts,
      hostCount: racks * hostsPerRack,
    };
    const grown = new Uint32Array(this.hosts + info.hostCount);
    grown.set(this.hostRackArr);
    for (let r = 0; r < racks; r++) {
      const rack: RackInfo = {
        index: this.racks.length,
        id: rackId(c, r),
        container: c,
        r,
        firstHost: this.hosts + r * hostsPerRack,
        hostCount: hostsPerRack,
      };
      this.racks.push(rack);
      grown.fill(rack.index, rack.firstHost, rack.firstHost + hostsPerRack);
    }
    this.hostRackArr = grown;
    this.hosts += info.hostCount;
    this.containers.push(info);
    return info;
  }

  rackOf(host: number): RackInfo {
    return this.racks[this.hostRackArr[host]!]!;
  }

  containerOf(host: number): ContainerInfo {
    return this.containers[this.rackOf(host).container]!;
  }

  hostId(host: number): string {
    const rack = this.rackOf(host);
    return hostId(rack.container, rack.r, host - rack.firstHost);
  }

  /** Host index from its id, or -1 when there is no such host. */
  hostIndex(id: string): number {
    const ref = parseAssetId(id);
    if (ref?.kind !== 'host') return -1;
    const rack = this.rack(ref.c, ref.r);
    if (!rack || ref.h >= rack.hostCount) return -1;
    return rack.firstHost + ref.h;
  }

  rack(c: number, r: number): RackInfo | undefined {
    const cont = this.containers[c];
    if (!cont || r >= cont.rackCount) return undefined;
    return this.racks[cont.firstRack + r];
  }

  /** Whether an asset id names something that exists in this data center (FC replicas aside). */
  has(id: string): boolean {
    const ref = parseAssetId(id);
    if (!ref) return false;
    switch (ref.kind) {
      case 'container':
      case 'agg':
        return ref.c < this.containers.length;
      case 'rack':
      case 'tor':
      case 'pdu':
        return this.rack(ref.c, ref.r) !== undefined;
      case 'host':
        return this.hostIndex(id) >= 0;
      case 'lb':
      case 'fc':
        return true;
    }
  }
}
