/**
 * The last action the worker refused, and why (for example failing a switch that has
 * already failed), until the person dismisses it or an action succeeds.
 */

import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import { ui, useUi, useUiStore, type UiState } from '../store/ui';

const selectActionError = (s: FabricState) => s.actionError;
const selectDismissed = (s: UiState) => s.dismissedError;
const selectHint = (s: FabricState) => s.lesson?.hint;

export function ActionError() {
  const error = useFabric(selectActionError);
  const dismissed = useUi(selectDismissed);
  const store = useUiStore();
  const hint = useFabric(selectHint);
  // a refused deploy is shown by the Service model panel, next to its Deploy buttons;
  // a refusal that would discard later actions asks in the timeline's fork dialog;
  // the wrong action at a walkthrough's prompt is explained by the walkthrough's hint
  if (!error || error.id === dismissed || error.action === 'deploy' || error.futureActions || (hint && error.message === hint)) return null;
  return (
    <div className="action-error" role="alert">
      <span>
        <strong>Action refused:</strong> {error.message}
      </span>
      <button type="button" onClick={() => ui.dismissError(store, error.id)}>
        Dismiss
      </button>
    </div>
  );
}
