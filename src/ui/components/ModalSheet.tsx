/**
 * The app's modal sheet (the shortcut sheet, Saved data): a backdrop that closes it when
 * pressed, a dialog named by its heading with a Close button, the keys of modalKeys
 * (Escape, Tab kept inside) and its focus (taken on open, given back on close).
 */

import { useId, useRef, type ReactNode, type RefObject } from 'react';
import { handleModalKeys, useModalFocus } from './modalKeys';

export function ModalSheet(props: {
  readonly title: string;
  readonly onClose: () => void;
  /** What Escape does (default: close). */
  readonly onEscape?: () => void;
  /** More classes of the dialog element. */
  readonly className?: string;
  /** The dialog element, for a caller that moves focus back to it. */
  readonly sheetRef?: RefObject<HTMLDivElement | null>;
  readonly children: ReactNode;
}) {
  const { title, onClose, onEscape = onClose, className, children } = props;
  const own = useRef<HTMLDivElement>(null);
  const ref = props.sheetRef ?? own;
  const titleId = useId();
  useModalFocus(ref);
  return (
    <div
      className="modal-backdrop"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        className={className ? `modal-sheet ${className}` : 'modal-sheet'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(e) => handleModalKeys(e, ref.current, onEscape)}
      >
        <div className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
