/**
 * What the page says after the simulation worker crashed or stopped answering: what
 * happened, then what was done (restarted from the run's record at a moment, with how
 * many of the user's actions; what was left out, if anything). Assertive, since the run
 * the person was looking at stopped under them. After a failed recovery it offers
 * "Start afresh".
 */

import { useState } from 'react';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import './recovery.css';

const selectRecovery = (s: FabricState) => s.recovery;

export function RecoveryAlert({ onStartAfresh }: { onStartAfresh?: () => void }) {
  const recovery = useFabric(selectRecovery);
  const [dismissed, setDismissed] = useState(0);
  if (!recovery || recovery.n === dismissed) return null;
  return (
    <div className={`recovery is-${recovery.phase}`} role="alert">
      <p>
        <strong>{recovery.reason}</strong> {recovery.outcome}
      </p>
      {recovery.phase === 'gave-up' && onStartAfresh ? (
        <button type="button" onClick={onStartAfresh}>
          Start afresh
        </button>
      ) : null}
      {recovery.phase === 'recovered' ? (
        <button type="button" aria-label="Dismiss the recovery message" onClick={() => setDismissed(recovery.n)}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
