/**
 * Module-scope selectors of the FC ring: the replicas' and the cluster's view records,
 * the markers (elections are filtered from them in a memo) and the last refused action.
 */

import { FC_CLUSTER, FC_REPLICAS, type FcClusterView, type FcReplicaView } from '../../sim/fabric/fcreplicas';
import type { FabricState } from '../store/store';

const NONE: readonly FcReplicaView[] = [];

export const selectReplicas = (s: FabricState): readonly FcReplicaView[] => (s.view[FC_REPLICAS] as readonly FcReplicaView[] | undefined) ?? NONE;
export const selectCluster = (s: FabricState): FcClusterView | undefined => (s.view[FC_CLUSTER] as readonly FcClusterView[] | undefined)?.find((c) => c.id === 'fc');
export const selectMarkers = (s: FabricState) => s.markers;
export const selectActionError = (s: FabricState) => s.actionError;

/** Replicas in id order (fc0..fc4), whatever order the view diff left them in. */
export function sortReplicas(rs: readonly FcReplicaView[]): FcReplicaView[] {
  return [...rs].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}
