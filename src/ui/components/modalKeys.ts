/**
 * The keys of a modal dialog, shared by every dialog of the app: Escape closes it, Tab
 * and Shift+Tab wrap around its focusable elements so focus never leaves it.
 */

import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function handleModalKeys(e: KeyboardEvent<HTMLElement>, dialog: HTMLElement | null, onEscape: () => void): void {
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    onEscape();
    return;
  }
  if (e.key !== 'Tab' || !dialog) return;
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) {
    e.preventDefault();
    return;
  }
  const at = document.activeElement;
  const outside = !dialog.contains(at) || at === dialog;
  if (e.shiftKey && (at === first || outside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (at === last || outside)) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog's focus: the dialog takes it when it opens and gives it back to the
 * opener when it closes; focus that leaves it (a click outside, a screen reader's move)
 * comes back.
 */
export function useModalFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [ref]);
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      const el = ref.current;
      if (el && e.target instanceof Node && !el.contains(e.target)) el.focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [ref]);
}
