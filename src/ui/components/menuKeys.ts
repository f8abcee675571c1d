/**
 * Keyboard handling shared by every action menu (data center assets, role instances,
 * FC replicas): arrow keys move between the menu items round the list, Home and End
 * jump to the ends, Escape and Tab close the menu (returning focus is the caller's job).
 */

import type { KeyboardEvent } from 'react';

export function handleMenuKeys(e: KeyboardEvent<HTMLElement>, menu: HTMLElement | null, close: () => void): void {
  const all = [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const i = all.findIndex((b) => b === document.activeElement);
  const move = (j: number) => all[(j + all.length) % all.length]?.focus({ preventScroll: true });
  switch (e.key) {
    case 'ArrowDown':
      move(i + 1);
      break;
    case 'ArrowUp':
      move(i < 0 ? -1 : i - 1);
      break;
    case 'Home':
      move(0);
      break;
    case 'End':
      move(-1);
      break;
    case 'Escape':
    case 'Tab':
      close();
      break;
    default:
      return;
  }
  e.preventDefault();
  e.stopPropagation();
}

/** Focuses a menu's first item that applies (or its first item) when it opens. */
export function focusFirstItem(menu: HTMLElement | null): void {
  const first =
    menu?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? menu?.querySelector<HTMLElement>('[role="menuitem"]');
  first?.focus({ preventScroll: true });
}
