/**
 * Where the FC's five replicas run, and what takes them down. Each replica runs on a
 * host of its own, in as many different racks (fault domains) as the data center has
 * (fidelity.md: five replicas, a primary, a quorum of three). A replica is up while its
 * host answers on the network and nobody failed the replica itself; a host crash, power
 * loss or partition takes its replica down with it. (A simplification: the real FC had
 * servers of its own; here its replicas run beside the host agent and use no capacity.)
 */

import type { Hardware } from '../hardware/hardware';
import type { ReplicatedFc } from '../replicas';
import type { ViewRecord, ViewStore } from '../view/records';

export const FC_REPLICAS = 'fcReplicas';
export const FC_CLUSTER = 'fcCluster';

export interface FcReplicaView extends ViewRecord {
  readonly role: string;
  readonly term: number;
  readonly commitIndex: number;
  readonly logLength: number;
  readonly up: boolean;
  readonly host: string;
  /** Failed by hand (the replica), not by its host. */
  readonly failed: boolean;
  readonly inFlight: number;
}

export interface FcClusterView extends ViewRecord {
  readonly primary: string | null;
  readonly term: number;
  readonly quorum: boolean;
  readonly committed: number;
  readonly waitingDecisions: number;
}

export class FcReplicas {
  /** Host index of each replica, by replica number. */
  readonly hosts: number[];
  private readonly failedByHand = new Set<string>();

  constructor(
    private readonly hw: Hardware,
    private readonly raft: ReplicatedFc,
  ) {
    this.hosts = placeReplicas(hw, raft.ids.length);
    for (const h of this.hosts) hw.dc.watched.add(h);
    hw.dc.onWatched = (h) => this.refresh(h);
  }

  hostOf(id: string): number {
    return this.hosts[this.raft.ids.indexOf(id)]!;
  }

  /** Brings each replica on the host up or down to match the host's ground truth. */
  private refresh(h: number): void {
    this.raft.ids.forEach((id, i) => {
      if (this.hosts[i] !== h) return;
      const up = this.hw.dc.reachable(h) && !this.failedByHand.has(id);
      if (up) this.raft.restart(id);
      else this.raft.fail(id);
    });
  }

  isFailed(id: string): boolean {
    return this.failedByHand.has(id);
  }

  /** Fails a replica by hand (its host keeps running). */
  fail(id: string): void {
    this.failedByHand.add(id);
    this.raft.fail(id);
  }

  repair(id: string): void {
    this.failedByHand.delete(id);
    this.refresh(this.hostOf(id));
  }

  /** Puts the replicas' records in the view (5 small records: cheap every frame). */
  updateView(store: ViewStore, waitingDecisions: number, committed: number): void {
    const status = this.raft.replicaStatus();
    for (const s of status) {
      const rec: FcReplicaView = {
        id: s.id,
        role: s.role,
        term: s.term,
        commitIndex: s.commitIndex,
        logLength: s.logLength,
        up: s.up,
        host: this.hw.dc.topology.hostId(this.hostOf(s.id)),
        failed: this.failedByHand.has(s.id),
        inFlight: this.raft.messagesInFlight(s.id),
      };
      const prev = store.get<FcReplicaView>(FC_REPLICAS, s.id);
      if (!prev || JSON.stringify(prev) !== JSON.stringify(rec)) store.put(FC_REPLICAS, rec);
    }
    const cluster: FcClusterView = {
      id: 'fc',
      primary: this.raft.primary(),
      term: this.raft.term(),
      quorum: this.raft.hasQuorum(),
      committed,
      waitingDecisions,
    };
    const prev = store.get<FcClusterView>(FC_CLUSTER, 'fc');
    if (!prev || JSON.stringify(prev) !== JSON.stringify(cluster)) store.put(FC_CLUSTER, cluster);
  }
}

/** One host per replica: the last host of racks spread evenly over the data center. */
export function placeReplicas(hw: Hardware, n: number): number[] {
  const racks = hw.dc.topology.racks;
  const hosts: number[] = [];
  for (let i = 0; i < n; i++) {
    // spread over the racks; with fewer racks than replicas, go round them again,
    // one host further in each time
    const r = racks.length >= n ? Math.floor((i * racks.length) / n) : i % racks.length;
    const lap = racks.length >= n ? 0 : Math.floor(i / racks.length);
    const rack = racks[r]!;
    hosts.push(rack.firstHost + Math.max(0, rack.hostCount - 1 - lap));
  }
  return hosts;
}
