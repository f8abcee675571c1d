/**
 * The Fabric Controller panel: the five replicas on a ring (role, term, commit index,
 * log length, host, messages in flight; click one to fail or restart it), the cluster
 * line, a prominent notice while the FC is frozen without a quorum, and the last
 * elections. Read from the `fcReplicas` and `fcCluster` view records.
 */

import { useId, useMemo } from 'react';
import { useFabric } from '../context';
import { ClusterLine } from './ClusterLine';
import { ElectionList } from './ElectionList';
import { ReplicaRing } from './ReplicaRing';
import { selectCluster, selectReplicas, sortReplicas } from './select';

/** What the short numbers on a replica mean (its description spells them out). */
function Key() {
  return (
    <p className="fc-key" aria-hidden="true">
      <span>term N · committed/logged</span>
      <span>✉ messages in flight</span>
    </p>
  );
}

export function FcRing() {
  const records = useFabric(selectReplicas);
  const cluster = useFabric(selectCluster);
  const replicas = useMemo(() => sortReplicas(records), [records]);
  const titleId = useId();
  return (
    <section className="panel fc-ring" aria-labelledby={titleId}>
      <h2 id={titleId}>Fabric Controller</h2>
      {replicas.length === 0 ? (
        <p className="empty">Waiting for the simulation…</p>
      ) : (
        <>
          {cluster ? <ClusterLine cluster={cluster} /> : null}
          <ReplicaRing replicas={replicas} cluster={cluster} />
          <Key />
          <ElectionList />
        </>
      )}
    </section>
  );
}
