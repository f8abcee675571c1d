/**
 * Asks before an action discards the future. After a seek back past actions of the
 * person's own, the worker refuses a new action with `futureActions` set (the store's
 * actionError); this modal dialog says how many later actions acting now would discard
 * and offers "Discard and act" (the same action again, allowing the fork) or "Cancel".
 *
 * Focus moves to Cancel (the choice that loses nothing), stays inside the dialog (Tab
 * wraps; the rest of the page is inert meanwhile) and returns where it was on close;
 * Escape cancels. Either choice dismisses the refusal, so the ActionError banner, which
 * leaves these refusals to this dialog, never shows it.
 */

import { handleModalKeys } from '../components/modalKeys';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { formatClock } from '../../sim/engine/time';
import { useActions, useFabric } from '../context';
import type { FabricState } from '../store/store';
import { ui, useUi, useUiStore, type UiState } from '../store/ui';

const selectActionError = (s: FabricState) => s.actionError;
const selectT = (s: FabricState) => s.t;
const selectDismissed = (s: UiState) => s.dismissedError;

export const forkQuestion = (n: number, t: number): string =>
  `Acting now discards ${n} later action${n === 1 ? '' : 's'} of yours after ${formatClock(t)}. Act anyway?`;

export function ForkDialog() {
  const error = useFabric(selectActionError);
  const t = useFabric(selectT);
  const dismissed = useUi(selectDismissed);
  const uiStore = useUiStore();
  const actions = useActions();
  if (!error || !error.futureActions || error.id === dismissed) return null;
  const { id } = error;
  return createPortal(
    <ForkDialogBox
      key={id}
      question={forkQuestion(error.futureActions, t)}
      onConfirm={() => {
        ui.dismissError(uiStore, id);
        actions.confirmFork(id);
      }}
      onCancel={() => ui.dismissError(uiStore, id)}
    />,
    document.body,
  );
}

/** Makes every child of body but `keep` inert; returns the undo. */
function inertOthers(keep: Element): () => void {
  const made: Element[] = [];
  for (const el of document.body.children) {
    if (el !== keep && !el.hasAttribute('inert')) {
      el.setAttribute('inert', '');
      made.push(el);
    }
  }
  return () => made.forEach((el) => el.removeAttribute('inert'));
}

function ForkDialogBox(props: { question: string; onConfirm: () => void; onCancel: () => void }) {
  const { question, onConfirm, onCancel } = props;
  const titleId = useId();
  const textId = useId();
  const backdrop = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement;
    const undo = backdrop.current ? inertOthers(backdrop.current) : () => undefined;
    cancel.current?.focus();
    return () => {
      undo();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => handleModalKeys(e, e.currentTarget, onCancel);

  return (
    // a click on the backdrop keeps focus in the dialog
    <div ref={backdrop} className="tl-modal-backdrop" onPointerDown={(e) => e.target === e.currentTarget && e.preventDefault()}>
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId} className="tl-modal" onKeyDown={onKeyDown}>
        <h2 id={titleId}>Discard your later actions?</h2>
        <p id={textId}>{question}</p>
        <div className="tl-modal-buttons">
          <button type="button" className="tl-danger" onClick={onConfirm}>
            Discard and act
          </button>
          <button type="button" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
