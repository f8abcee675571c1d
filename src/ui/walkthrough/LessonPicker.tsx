/**
 * "Lessons" in the top bar: a button that opens a menu of the lessons of the catalog,
 * each with its title and summary. Choosing one loads it as a walkthrough by a full
 * page navigation to `?lesson=<id>` (the page's entry reads it). Below them, "Open
 * scenario file…" reads a scenario .json with the .csdef/.cscfg files it names from the
 * person's computer and keeps it in this browser (../persist/scenarios.ts); "Your
 * scenarios" lists those kept, each with Play, Play as walkthrough and Delete (which
 * restart the run in place: no navigation). Arrow keys, Home and End move within the
 * menu; Escape or Tab closes it and returns focus to the button; a click outside closes
 * it. What opening a file gave (or why it was refused) is shown under the button.
 */

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { focusFirstItem, handleMenuKeys } from '../components/menuKeys';
import { useActions, useFabric } from '../context';
import { LESSONS } from '../lessons/catalog';
import { useKeptScenarios } from '../lessons/useKeptScenarios';
import type { KeptDb } from '../persist/db';
import type { KeptScenario } from '../persist/scenarios';
import type { FabricState } from '../store/store';
import './walkthrough.css';
import '../persist/persist.css';

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

const selectUserActions = (s: FabricState) => s.userActions;

export interface LessonPickerProps {
  readonly lessons?: readonly PickerLesson[];
  readonly navigate?: (href: string) => void;
  /** Where the scenarios from the person's computer are kept (default: the page's IndexedDB). */
  readonly db?: Promise<KeptDb> | KeptDb;
  /** Asks before the current run and its actions are replaced (default: window.confirm). */
  readonly confirm?: (question: string) => boolean;
}

export function LessonPicker(props: LessonPickerProps) {
  const lessons: readonly PickerLesson[] = props.lessons ?? LESSONS;
  const navigate = props.navigate ?? ((href: string) => window.location.assign(href));
  const confirm = props.confirm ?? ((q: string) => window.confirm(q));
  const actions = useActions();
  const userActions = useFabric(selectUserActions);
  const scenarios = useKeptScenarios(props.db);
  const { refresh, dismiss } = scenarios;
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const menuId = useId();
  const base = useId();
  const here = openLessonId();

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    dismiss();
    void refresh();
    focusFirstItem(popupRef.current);
    const onDown = (e: PointerEvent) => {
      const t = e.target;
      if (t instanceof Node && (popupRef.current?.contains(t) || buttonRef.current?.contains(t))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open, refresh, dismiss]);

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' && !open) {
      e.preventDefault();
      setOpen(true);
    }
  };

  const onPopupKey = (e: KeyboardEvent<HTMLDivElement>) => handleMenuKeys(e, popupRef.current, () => close(true));

  const choose = (id: string) => {
    setOpen(false);
    navigate(lessonHref(id));
  };

  const openFile = () => {
    close(true);
    fileRef.current?.click();
  };

  const play = (s: KeptScenario, walkthrough: boolean) => {
    close(true);
    const options = scenarios.startOf(s, walkthrough);
    if (!options) return;
    if (userActions > 0 && !confirm(`Playing ${s.title} replaces the current run and its actions. Copy a link to it first if you want to keep it. Play ${s.title}?`)) return;
    actions.restart(options);
    scenarios.say(`Playing ${s.title}${walkthrough ? ' as a walkthrough' : ''}.`);
  };

  const remove = (s: KeptScenario) => {
    // the item goes away: focus stays in the menu, on "Open scenario file…"
    popupRef.current?.querySelector<HTMLElement>('[data-open-file]')?.focus();
    void scenarios.remove(s);
  };

  const message = open ? null : scenarios.message;

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
      <input
        ref={fileRef}
        type="file"
        multiple
        hidden
        accept=".json,.csdef,.cscfg,application/json"
        aria-label="Scenario files to open"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void scenarios.importFiles(files);
        }}
      />
      {open ? (
        <div
          ref={popupRef}
          className="action-menu lesson-menu"
          onKeyDown={onPopupKey}
          // the menu scrolls when the window is short: keep the focused item in view
          onFocus={(e) => (e.target as HTMLElement).scrollIntoView?.({ block: 'nearest' })}
        >
          {lessons.length === 0 ? <div className="lesson-menu-empty">No lessons yet.</div> : null}
          <div id={menuId} role="menu" aria-label="Lessons">
            {lessons.map((l, i) => (
              <button
                key={l.id}
                type="button"
                role="menuitem"
                // one item in the tab order, so that the menu scrolled in a short window is reachable (Tab closes it)
                tabIndex={i === 0 ? 0 : -1}
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
            <div role="separator" className="lesson-menu-separator" />
            <button
              type="button"
              role="menuitem"
              tabIndex={lessons.length === 0 ? 0 : -1}
              className="action-menu-item lesson-item"
              data-open-file=""
              aria-labelledby={`${base}-open-t`}
              aria-describedby={`${base}-open-hint`}
              onClick={openFile}
            >
              <span id={`${base}-open-t`} className="lesson-title">
                Open scenario file…
              </span>
              <span id={`${base}-open-hint`} className="lesson-summary">
                A scenario .json with the .csdef and .cscfg files it names, up to 4 MiB each; kept in this browser.
              </span>
            </button>
            {scenarios.kept.length > 0 ? (
              <div className="lesson-menu-section" aria-hidden="true">
                Your scenarios
              </div>
            ) : null}
            {scenarios.kept.map((s, i) => (
              <div key={s.file} role="group" className="kept-scenario" aria-labelledby={`${base}-k${i}`} aria-describedby={`${base}-k${i}-n`}>
                <span id={`${base}-k${i}`} className="kept-scenario-title">
                  {s.title}
                </span>
                <span id={`${base}-k${i}-n`} className="kept-scenario-name">
                  {s.name}
                </span>
                <span className="kept-scenario-actions">
                  <button type="button" role="menuitem" tabIndex={-1} className="action-menu-item" aria-label={`Play ${s.title}`} onClick={() => play(s, false)}>
                    Play
                  </button>
                  <button type="button" role="menuitem" tabIndex={-1} className="action-menu-item" aria-label={`Play ${s.title} as walkthrough`} onClick={() => play(s, true)}>
                    Play as walkthrough
                  </button>
                  <button type="button" role="menuitem" tabIndex={-1} className="action-menu-item" aria-label={`Delete ${s.title}`} onClick={() => remove(s)}>
                    Delete
                  </button>
                </span>
              </div>
            ))}
          </div>
        </div>
      ) : null}
      <div role="status" className="lesson-import">
        {message && !message.error ? (
          <div className="lesson-import-message">
            <p>{message.text}</p>
            <button type="button" onClick={dismiss}>
              Dismiss
            </button>
          </div>
        ) : null}
      </div>
      {message?.error ? (
        <div className="lesson-import-message is-error" role="alert">
          <p>{message.text}</p>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
