/**
 * The drawing behind the replica buttons (decorative, hidden from assistive technology:
 * the buttons and the cluster line say it all): the ring, the primary's links to the
 * replicas it reaches, messages in flight (MessageDots), and the term in the middle.
 */

import { memo, useMemo } from 'react';
import type { FcClusterView, FcReplicaView } from '../../sim/fabric/fcreplicas';
import { roleOf } from './describe';
import { messageRoutes, replicaPoint, RING, STAGE_HEIGHT, STAGE_WIDTH } from './geometry';
import { MessageDots } from './MessageDots';

interface Props {
  readonly replicas: readonly FcReplicaView[];
  readonly cluster: FcClusterView | undefined;
  readonly reducedMotion: boolean;
}

export const RingLines = memo(function RingLines({ replicas, cluster, reducedMotion }: Props) {
  const n = replicas.length;
  const at = new Map(replicas.map((r, i) => [r.id, replicaPoint(i, n)]));
  const primary = replicas.find((r) => roleOf(r) === 'primary');
  const pp = primary ? at.get(primary.id) : undefined;
  const routes = useMemo(() => messageRoutes(replicas), [replicas]);
  const ids = useMemo(() => replicas.map((r) => r.id), [replicas]);
  const frozen = cluster !== undefined && !cluster.quorum;
  return (
    <svg className="fc-lines" viewBox={`0 0 ${STAGE_WIDTH} ${STAGE_HEIGHT}`} aria-hidden="true" focusable="false">
      <ellipse className="fc-orbit" cx={RING.cx} cy={RING.cy} rx={RING.rx} ry={RING.ry} />
      {pp
        ? replicas.map((r) => {
            const p = at.get(r.id);
            if (!p || r.id === primary?.id || !r.up) return null;
            return <line key={r.id} className="fc-link" x1={pp.x} y1={pp.y} x2={p.x} y2={p.y} />;
          })
        : null}
      <MessageDots ids={ids} routes={routes} reducedMotion={reducedMotion} />
      {cluster ? (
        <g className={frozen ? 'fc-centre is-frozen' : 'fc-centre'}>
          <text x={RING.cx} y={RING.cy - 18} textAnchor="middle" className="fc-centre-sub">
            term
          </text>
          <text x={RING.cx} y={RING.cy + 2} textAnchor="middle" className="fc-centre-term">
            {cluster.term}
          </text>
          <text x={RING.cx} y={RING.cy + 18} textAnchor="middle" className="fc-centre-sub is-state">
            {frozen ? 'no quorum' : cluster.primary ? `${cluster.primary} leads` : 'electing…'}
          </text>
        </g>
      ) : null}
    </svg>
  );
});
