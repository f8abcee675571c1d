/**
 * The last few elections, newest first, from the timeline markers of kind `election`
 * (one per change of primary, logged by the replicas as `fc.raft.primary`), each with
 * its simulated time.
 */

import { useId, useMemo } from 'react';
import { formatClock } from '../../sim/engine/time';
import type { Marker } from '../../sim/markers';
import { useFabric } from '../context';
import { electionText } from './describe';
import { selectMarkers } from './select';

/** How many elections the list shows. */
export const ELECTIONS_SHOWN = 3;

export function lastElections(markers: readonly Marker[], count = ELECTIONS_SHOWN): Marker[] {
  const out: Marker[] = [];
  for (let i = markers.length - 1; i >= 0 && out.length < count; i--) {
    const m = markers[i]!;
    if (m.kind === 'election') out.push(m);
  }
  return out;
}

export function ElectionList() {
  const markers = useFabric(selectMarkers);
  const elections = useMemo(() => lastElections(markers), [markers]);
  const titleId = useId();
  return (
    <div className="fc-elections">
      <h3 id={titleId}>Elections</h3>
      {elections.length === 0 ? (
        <p className="empty">No primary elected yet.</p>
      ) : (
        <ol aria-labelledby={titleId}>
          {elections.map((m) => (
            <li key={m.seq}>
              <time className="fc-time">{formatClock(m.t)}</time> {electionText(m.subject)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
