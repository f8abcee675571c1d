/**
 * The words of the FC ring: each replica's role as the UI names it, the description a
 * screen reader hears, the cluster line, the frozen notice and the menu of a replica.
 * Pure functions of the view records, so the tests can read them without a DOM.
 */

import type { Action } from '../../sim/actions';
import type { FcClusterView, FcReplicaView } from '../../sim/fabric/fcreplicas';

export const REPLICA_ROLES = ['primary', 'candidate', 'secondary', 'down'] as const;
export type ReplicaRole = (typeof REPLICA_ROLES)[number];

/** The notice shown while the FC has no quorum. */
export const FROZEN_TEXT = 'FC frozen: no quorum — decisions wait, running instances keep running';

const isRole = (r: string): r is ReplicaRole => (REPLICA_ROLES as readonly string[]).includes(r);

/** A replica's role; a replica that is not up is down whatever its last role was. */
export function roleOf(r: FcReplicaView): ReplicaRole {
  if (!r.up) return 'down';
  return isRole(r.role) ? r.role : 'secondary';
}

/** Why a down replica is down: failed by hand, or taken down with its host. */
export function downReason(r: FcReplicaView): string {
  return r.failed ? 'failed by hand' : 'its host is down or cut off';
}

/** The role as written on the ring: `primary`, `down · failed` (by hand), `down · host` (with its host). */
export function roleLabel(r: FcReplicaView): string {
  const role = roleOf(r);
  if (role !== 'down') return role;
  return r.failed ? 'down · failed' : 'down · host';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `Primary, term 4; committed 12 of 12 log entries; on host c1-r0-h07; 2 messages in flight`. */
export function describeReplica(r: FcReplicaView): string {
  const role = roleOf(r);
  const head = role === 'down' ? `Down (${downReason(r)})` : role[0]!.toUpperCase() + role.slice(1);
  return [
    `${head}, term ${r.term}`,
    `committed ${r.commitIndex} of ${plural(r.logLength, 'log entry', 'log entries')}`,
    `on host ${r.host}`,
    plural(r.inFlight, 'message in flight', 'messages in flight'),
  ].join('; ');
}

/** The parts of `Primary: fc3 (term 4) · quorum: yes · committed decisions: 12 · waiting: 0`. */
export function clusterParts(c: FcClusterView): string[] {
  return [
    `Primary: ${c.primary ?? 'none'} (term ${c.term})`,
    `quorum: ${c.quorum ? 'yes' : 'no'}`,
    `committed decisions: ${c.committed}`,
    `waiting: ${c.waitingDecisions}`,
  ];
}

export const CLUSTER_SEPARATOR = ' · ';

export interface ReplicaMenuItem {
  readonly label: string;
  readonly enabled: boolean;
  readonly action: Action;
}

/**
 * What can be done to a replica: fail it while it is up, restart it once it was failed
 * by hand (a replica taken down by its host comes back with the host). The worker
 * refuses the others, so they are shown disabled.
 */
export function replicaMenu(r: FcReplicaView): ReplicaMenuItem[] {
  return [
    { label: 'Fail replica', enabled: r.up && !r.failed, action: { do: 'fail', target: r.id } },
    { label: 'Restart replica', enabled: r.failed, action: { do: 'repair', target: r.id } },
  ];
}

/** An election marker as a line: who became primary (the marker's subject is `none` when nobody leads). */
export function electionText(subject: string): string {
  return subject === 'none' ? 'no primary' : `${subject} became primary`;
}
