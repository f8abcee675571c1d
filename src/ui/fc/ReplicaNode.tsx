/**
 * One replica on the ring: a button named `FC replica fc2`, described by its role, term,
 * commit index, log length, host and messages in flight, showing the same in short
 * (glyph and role word, `term 4` and `12/12`, the host, a ✉ count badge). Activating it
 * opens its menu; the ring moves focus between replicas with the arrow keys.
 */

import { memo, useId, type KeyboardEvent } from 'react';
import type { FcReplicaView } from '../../sim/fabric/fcreplicas';
import { describeReplica, roleLabel, roleOf } from './describe';
import { percentOf, replicaPoint } from './geometry';
import { RoleGlyph } from './RoleGlyph';

interface Props {
  readonly replica: FcReplicaView;
  /** Its place on the ring: `index` of `count`, clockwise from the top. */
  readonly index: number;
  readonly count: number;
  readonly tabStop: boolean;
  readonly menuOpen: boolean;
  readonly onOpen: (id: string) => void;
  readonly onFocus: (id: string) => void;
  readonly onKeyDown: (e: KeyboardEvent<HTMLButtonElement>, id: string) => void;
}

export const ReplicaNode = memo(function ReplicaNode(p: Props) {
  const r = p.replica;
  const role = roleOf(r);
  const descId = useId();
  return (
    <button
      type="button"
      className={`fc-node role-${role}`}
      data-replica={r.id}
      aria-label={`FC replica ${r.id}`}
      aria-describedby={descId}
      aria-haspopup="menu"
      aria-expanded={p.menuOpen}
      tabIndex={p.tabStop ? 0 : -1}
      style={percentOf(replicaPoint(p.index, p.count))}
      onClick={() => p.onOpen(r.id)}
      onFocus={() => p.onFocus(r.id)}
      onKeyDown={(e) => p.onKeyDown(e, r.id)}
    >
      <span className="fc-node-head">
        <RoleGlyph role={role} />
        <span className="fc-node-id">{r.id}</span>
        {r.inFlight > 0 ? (
          <span className="fc-node-flight" title="messages in flight">
            ✉{r.inFlight}
          </span>
        ) : null}
      </span>
      <span className="fc-node-role">{roleLabel(r)}</span>
      <span className="fc-node-nums">
        <span>term {r.term}</span>
        <span>
          {r.commitIndex}/{r.logLength}
        </span>
      </span>
      <span className="fc-node-host">{r.host}</span>
      <span id={descId} className="visually-hidden">
        {describeReplica(r)}
      </span>
    </button>
  );
});
