/**
 * The worker's refusal of the last action sent from the ring (for example failing a
 * replica that went down meanwhile), beside the ring. The store keeps only the refused
 * action's id, so the ring keeps the id act() returned and shows the refusal when they
 * match. Not a live region: the data center view's ActionError already announces it.
 */

import { useFabric } from '../context';
import { selectActionError } from './select';

export function RefusalNotice({ sentId, onDismiss }: { sentId: number | undefined; onDismiss: () => void }) {
  const error = useFabric(selectActionError);
  if (sentId === undefined || !error || error.id !== sentId) return null;
  return (
    <p className="fc-refusal">
      <span>
        <strong>Refused:</strong> {error.message}
      </span>
      <button type="button" className="link" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
}
