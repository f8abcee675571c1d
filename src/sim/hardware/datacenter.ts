/**
 * The physical state of the data center: which devices are up, which hosts have a
 * fault, and what the Fabric Controller currently believes about each host. Ground
 * truth (power, network, host faults) and the FC's view (HostStatus) are kept apart:
 * the FC learns of a fault only when detection fires.
 *
 * Per-host state lives in typed arrays indexed by host number; racks, containers and
 * load balancers are small arrays. Nothing here scans every host: every question is
 * answered from the host's own rack and container.
 */

import { HOST_FAULTS, HOST_STATUSES, HostCode, type ContainerState, type HostFault, type HostStatus } from './status';
import type { DatacenterSpec } from './spec';
import { Topology } from './topology';

/** A host's own fault (not counting power or network): index into HOST_FAULTS. */
export const OwnFault = { None: 0, Crash: 1, Hang: 2, Hardware: 3 } as const;
export type OwnFault = (typeof OwnFault)[keyof typeof OwnFault];

export interface ContainerRuntime {
  state: ContainerState;
  /** The whole container has failed (power and cooling). */
  failed: boolean;
  aggUp: [boolean, boolean];
}

export class Datacenter {
  readonly topology = new Topology();
  /** Per host: its own fault (OwnFault). */
  ownFault = new Uint8Array(0);
  /** Per host: what the FC believes (HostCode). */
  status = new Uint8Array(0);
  /** Per host: the FC power-cycled it and waits for it to come back. */
  rebooting = new Uint8Array(0);
  /** Per rack: ToR switch and PDU up (1) or failed (0). */
  torUp = new Uint8Array(0);
  pduUp = new Uint8Array(0);
  readonly containers: ContainerRuntime[] = [];
  readonly lbUp: [boolean, boolean] = [true, true];
  /** Hosts per FC status, kept up to date on every change. */
  readonly statusCounts = new Array<number>(HOST_STATUSES.length).fill(0);
  /** Per container: hosts counted as failed (Down, OutForRepair, HumanInvestigate). */
  failedInContainer: number[] = [];
  /** Racks and containers touched since the view last looked (the view's change tracking). */
  readonly dirtyRacks = new Set<number>();
  readonly dirtyContainers = new Set<number>();
  /** Recent FC status changes of hosts that had any (for the inspector). */
  readonly history = new Map<number, { t: number; status: HostStatus }[]>();
  /** The current simulated time, for history entries (set by the owner). */
  clock: () => number = () => 0;
  /** Called after every host status change (the FC's capacity index listens). */
  onStatus: (host: number) => void = () => undefined;
  /**
   * Called after a container is added, changes service state or fails or is repaired as a
   * whole: whether the FC may place instances on its hosts depends on it (the FC's
   * capacity index listens).
   */
  onContainer: (container: number) => void = () => undefined;
  /** Hosts whose ground truth someone follows (the FC replicas' hosts), and who. */
  readonly watched = new Set<number>();
  onWatched: (host: number) => void = () => undefined;

  constructor(readonly spec: DatacenterSpec) {
    for (let c = 0; c < spec.containers; c++) this.addContainer(spec.racksPerContainer, spec.hostsPerRack, 'InService');
  }

  get hostCount(): number {
    return this.topology.hostCount;
  }

  /** Grows the per-host and per-rack arrays for a new container. */
  addContainer(racks: number, hostsPerRack: number, state: ContainerState): number {
    const info = this.topology.addContainer(racks, hostsPerRack);
    const grow = (a: Uint8Array<ArrayBuffer>, n: number, fill: number): Uint8Array<ArrayBuffer> => {
      const b = new Uint8Array(a.length + n);
      b.set(a);
      b.fill(fill, a.length);
      return b;
    };
    const initial = state === 'InService' ? HostCode.Healthy : HostCode.BurnIn;
    this.ownFault = grow(this.ownFault, info.hostCount, OwnFault.None);
    this.status = grow(this.status, info.hostCount, initial);
    this.rebooting = grow(this.rebooting, info.hostCount, 0);
    this.torUp = grow(this.torUp, racks, 1);
    this.pduUp = grow(this.pduUp, racks, 1);
    this.containers.push({ state, failed: false, aggUp: [true, true] });
    this.failedInContainer.push(0);
    this.statusCounts[initial]! += info.hostCount;
    this.touchContainer(info.index);
    this.onContainer(info.index);
    return info.index;
  }

  /** Sets a container's service state (burn-in, in service, evacuating, servicing). */
  setContainerState(c: number, state: ContainerState): void {
    this.containers[c]!.state = state;
    this.touchContainer(c);
    this.onContainer(c);
  }

  /** The whole container lost (or regained) power and cooling. */
  setContainerFailed(c: number, failed: boolean): void {
    this.containers[c]!.failed = failed;
    this.touchContainer(c);
    this.onContainer(c);
  }

  // ---- ground truth -------------------------------------------------------------

  /** The host has power: its PDU is up and its container is neither failed nor shut down for service. */
  powered(host: number): boolean {
    const rack = this.topology.rackOf(host);
    const c = this.containers[rack.container]!;
    return this.pduUp[rack.index] === 1 && !c.failed && c.state !== 'Servicing';
  }

  /** The rack's network path to the FC: its ToR and at least one aggregation switch of its container. */
  networkUp(host: number): boolean {
    const rack = this.topology.rackOf(host);
    const agg = this.containers[rack.container]!.aggUp;
    return this.torUp[rack.index] === 1 && (agg[0] || agg[1]);
  }

  /** The host's OS and host agent run and answer (they may still be cut off by the network). */
  responsive(host: number): boolean {
    return this.powered(host) && this.ownFault[host] === OwnFault.None && this.rebooting[host] === 0;
  }

  /** The FC can talk to the host's agent. */
  reachable(host: number): boolean {
    return this.responsive(host) && this.networkUp(host);
  }

  /** What is really wrong with the host, most fundamental first. */
  groundFault(host: number): HostFault {
    if (!this.powered(host)) return 'unpowered';
    const own = this.ownFault[host]!;
    if (own !== OwnFault.None) return HOST_FAULTS[own]!;
    if (!this.networkUp(host)) return 'partitioned';
    if (this.rebooting[host]) return 'rebooting';
    return 'none';
  }

  // ---- the FC's view -------------------------------------------------------------

  statusOf(host: number): HostStatus {
    return HOST_STATUSES[this.status[host]!]!;
  }

  /** Sets the FC's status of a host; returns the previous one. Keeps the counts. */
  setStatus(host: number, s: HostStatus): HostStatus {
    const prevCode = this.status[host]!;
    const code = HostCode[s];
    if (prevCode === code) return s;
    this.status[host] = code;
    this.touchHost(host);
    let hist = this.history.get(host);
    if (!hist) this.history.set(host, (hist = []));
    hist.push({ t: this.clock(), status: s });
    if (hist.length > HISTORY_PER_HOST) hist.shift();
    this.statusCounts[prevCode]!--;
    this.statusCounts[code]!++;
    const c = this.topology.rackOf(host).container;
    this.failedInContainer[c]! += (isFailed(code) ? 1 : 0) - (isFailed(prevCode) ? 1 : 0);
    this.onStatus(host);
    return HOST_STATUSES[prevCode]!;
  }

  setOwnFault(host: number, f: OwnFault): void {
    this.ownFault[host] = f;
    this.touchHost(host);
    if (this.watched.has(host)) this.onWatched(host);
  }

  setRebooting(host: number, on: boolean): void {
    this.rebooting[host] = on ? 1 : 0;
    this.touchHost(host);
    if (this.watched.has(host)) this.onWatched(host);
  }

  setTor(rack: number, up: boolean): void {
    this.torUp[rack] = up ? 1 : 0;
    this.dirtyRacks.add(rack);
    this.notifyWatched((h) => this.topology.rackOf(h).index === rack);
  }

  setPdu(rack: number, up: boolean): void {
    this.pduUp[rack] = up ? 1 : 0;
    this.dirtyRacks.add(rack);
    this.notifyWatched((h) => this.topology.rackOf(h).index === rack);
  }

  private notifyWatched(match: (h: number) => boolean): void {
    for (const h of this.watched) if (match(h)) this.onWatched(h);
  }

  touchHost(host: number): void {
    this.dirtyRacks.add(this.topology.rackOf(host).index);
  }

  /** Marks a container and all its racks changed (its state, power or aggregation switches). */
  touchContainer(c: number): void {
    this.dirtyContainers.add(c);
    const info = this.topology.containers[c]!;
    for (let r = info.firstRack; r < info.firstRack + info.rackCount; r++) this.dirtyRacks.add(r);
    this.notifyWatched((h) => this.topology.rackOf(h).container === c);
  }

  count(s: HostStatus): number {
    return this.statusCounts[HostCode[s]]!;
  }

  /** Host indexes of a rack, a container, or the host itself, for a fault's reach. */
  *hostsOfRack(rackIndex: number): Iterable<number> {
    const r = this.topology.racks[rackIndex]!;
    for (let h = r.firstHost; h < r.firstHost + r.hostCount; h++) yield h;
  }

  *hostsOfContainer(c: number): Iterable<number> {
    const info = this.topology.containers[c]!;
    for (let h = info.firstHost; h < info.firstHost + info.hostCount; h++) yield h;
  }

  /** At least one load balancer is up, so VIPs answer. */
  vipsUp(): boolean {
    return this.lbUp[0] || this.lbUp[1];
  }
}

const HISTORY_PER_HOST = 20;

const FAILED_CODES = new Set([HostCode.Down, HostCode.OutForRepair, HostCode.HumanInvestigate]);
function isFailed(code: number): boolean {
  return FAILED_CODES.has(code);
}
