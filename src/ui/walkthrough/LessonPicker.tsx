/**
 * "Lessons" in the top bar: a button that opens a menu of the lessons of the catalog,
 * each with its title and summary. Choosing one loads it as a walkthrough by a full
 * page navigation to `?lesson=<id>` (the page's entry reads it). Arrow keys, Home and
 * End move within the menu; Escape or Tab closes it and returns focus to the button; a
 * click outside closes it.
 */

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { focusFirstItem, handleMenuKeys } from '../components/menuKeys';
import { LESSONS } from '../lessons/catalog';
import './walkthrough.css';

/** What the picker needs of a catalog entry. */
export interface PickerLesson {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
}

/** The address that opens a lesson (relative: same page, only this parameter). */
export function lessonHref(id: string): string {
  return `?lesson=${encodeURIComponent(id)}`;
}

/** The lesson the page was opened with, if any. */
function openLessonId(): string | null {
  return typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('lesson');
}

export function LessonPicker(props: { lessons?: readonly PickerLesson[]; navigate?: (href: string) => void }) {
  const lessons: readonly PickerLesson[] = props.lessons ?? LESSONS;
  const navigate = props.navigate ?? ((href: string) => window.location.assign(href));
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const base = useId();
  const here = openLessonId();

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    focusFirstItem(popupRef.current);
    const onDown = (e: PointerEvent) => {
      const t = e.target;
      if (t instanceof Node && (popupRef.current?.contains(t) || buttonRef.current?.contains(t))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' && !open) {
      e.preventDefault();
      setOpen(true);
    }
  };

  const onPopupKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && lessons.length === 0) {
      e.preventDefault();
      close(true);
      return;
    }
    handleMenuKeys(e, popupRef.current, () => close(true));
  };

  const choose = (id: string) => {
    setOpen(false);
    navigate(lessonHref(id));
  };

  return (
    <div className="lesson-picker">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={onButtonKey}
      >
        Lessons
      </button>
      {open ? (
        <div ref={popupRef} className="action-menu lesson-menu" onKeyDown={onPopupKey}>
          {lessons.length === 0 ? (
            <p id={menuId} className="lesson-menu-empty" tabIndex={-1}>
              No lessons yet.
            </p>
          ) : (
            <div id={menuId} role="menu" aria-label="Lessons">
              {lessons.map((l, i) => (
                <button
                  key={l.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="action-menu-item lesson-item"
                  aria-labelledby={`${base}-${i}-t`}
                  aria-describedby={`${base}-${i}-s`}
                  aria-current={l.id === here ? 'page' : undefined}
                  onClick={() => choose(l.id)}
                >
                  <span id={`${base}-${i}-t`} className="lesson-title">
                    {l.title}
                  </span>
                  {l.id === here ? <span className="lesson-open"> (open now)</span> : null}
                  <span id={`${base}-${i}-s`} className="lesson-summary">
                    {l.summary}
                  </span>
                </button>
              ))}
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
