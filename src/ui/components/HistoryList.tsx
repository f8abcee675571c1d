/**
 * An asset's recent status changes, newest first, as the inspector shows them for hosts,
 * devices and role instances alike.
 */

import type { Inspection } from '../../sim/hardware/inspect';

export function HistoryList({ inspection }: { inspection: Inspection }) {
  const history = [...inspection.history].reverse();
  if (history.length === 0) return <p className="empty">No status changes yet.</p>;
  return (
    <ol className="history" aria-label={`History of ${inspection.id}`}>
      {history.map((h, n) => (
        <li key={`${h.t}-${n}`}>{h.text}</li>
      ))}
    </ol>
  );
}
