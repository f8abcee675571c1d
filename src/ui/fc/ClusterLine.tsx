/**
 * The cluster in one line, `Primary: fc3 (term 4) · quorum: yes · committed decisions:
 * 12 · waiting: 0`, and a live status that says, prominently, when the FC is frozen for
 * want of a quorum (the region stays in the page so that the change is announced).
 */

import type { FcClusterView } from '../../sim/fabric/fcreplicas';
import { CLUSTER_SEPARATOR, clusterParts, FROZEN_TEXT } from './describe';

export function ClusterLine({ cluster }: { cluster: FcClusterView }) {
  const frozen = !cluster.quorum;
  return (
    <>
      <p className="fc-cluster">
        {clusterParts(cluster).map((part, i) => (
          <span key={i}>
            {i > 0 ? CLUSTER_SEPARATOR : null}
            <span className="fc-cluster-part">{part}</span>
          </span>
        ))}
      </p>
      <div role="status" className={frozen ? 'fc-frozen is-frozen' : 'fc-frozen'}>
        {frozen ? (
          <>
            <svg className="fc-frozen-icon" width={18} height={18} viewBox="0 0 1 1" aria-hidden="true" focusable="false">
              <polygon points="0.5,0.06 0.96,0.92 0.04,0.92" fill="#f0e442" stroke="#1b1f24" strokeWidth={0.07} strokeLinejoin="round" />
              <line x1={0.5} y1={0.36} x2={0.5} y2={0.64} stroke="#1b1f24" strokeWidth={0.1} />
              <circle cx={0.5} cy={0.78} r={0.055} fill="#1b1f24" />
            </svg>
            <strong>{FROZEN_TEXT}</strong>
          </>
        ) : null}
      </div>
    </>
  );
}
