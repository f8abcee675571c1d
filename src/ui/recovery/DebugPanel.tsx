/**
 * `?debug=1`: buttons that inject a fault into the simulation worker, to see (and test)
 * how the page recovers from a crash or a hang (docs/reliability.md).
 */

import { useId } from 'react';
import type { DebugFault } from '../../worker/protocol';
import './recovery.css';

export function DebugPanel({ inject }: { inject: (fault: DebugFault) => void }) {
  const title = useId();
  return (
    <div className="debug-panel" role="group" aria-labelledby={title}>
      <span id={title} className="debug-panel-title">
        Debug
      </span>
      <button type="button" onClick={() => inject('crash')}>
        Crash the worker
      </button>
      <button type="button" onClick={() => inject('hang')}>
        Hang the worker
      </button>
    </div>
  );
}
