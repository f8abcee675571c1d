/**
 * The notice of a resumed run, in the top bar: what was resumed, "Start afresh" (the run
 * the address names, the kept one forgotten) and "Dismiss".
 */

import { useState } from 'react';
import { useActions } from '../context';
import { dismissResumed, useResumed } from './resume';
import './persist.css';

export function ResumeNotice() {
  const resumed = useResumed();
  const actions = useActions();
  const [busy, setBusy] = useState(false);
  if (!resumed) return null;
  const afresh = async () => {
    setBusy(true);
    try {
      actions.restart(await resumed.fresh());
      dismissResumed();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="resume-notice" role="status">
      <span>{resumed.message}</span>{' '}
      <button type="button" onClick={() => void afresh()} disabled={busy}>
        Start afresh
      </button>{' '}
      <button type="button" onClick={dismissResumed} aria-label="Dismiss the resume notice">
        Dismiss
      </button>
    </div>
  );
}
