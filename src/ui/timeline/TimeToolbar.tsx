/**
 * The "Time" toolbar beside the scrubber: back to the start, and the previous or next
 * fault, logged event or FC decision (the worker pauses and moves there). Every button
 * is in the tab order; the arrow keys also move between them. A button with nothing
 * before it (at time 0) says so with aria-disabled and keeps its focus.
 */

import type { KeyboardEvent } from 'react';
import type { StepKind } from '../../worker/protocol';

interface StepButton {
  readonly label: string;
  readonly direction: 'prev' | 'next';
  readonly kind: StepKind;
  /** The word shown beside the arrow (hidden on narrow screens); the label is the button's name. */
  readonly word: string;
  readonly fault?: boolean;
  /** Shown even on narrow screens. */
  readonly short?: string;
}

export const STEP_BUTTONS: readonly StepButton[] = [
  { label: 'Previous fault', direction: 'prev', kind: 'fault', word: 'Fault', fault: true },
  { label: 'Previous event', direction: 'prev', kind: 'event', word: 'Event' },
  { label: 'Next event', direction: 'next', kind: 'event', word: 'Event' },
  { label: 'Next fault', direction: 'next', kind: 'fault', word: 'Fault', fault: true },
  { label: 'Next FC decision', direction: 'next', kind: 'decision', word: 'decision', short: 'FC' },
];

export interface TimeToolbarProps {
  readonly ready: boolean;
  /** The time shown is 0: nothing lies before it. */
  readonly atStart: boolean;
  readonly onStart: () => void;
  readonly onStep: (direction: 'prev' | 'next', kind: StepKind) => void;
}

function onArrows(e: KeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const i = buttons.findIndex((b) => b === e.target);
  if (i < 0) return;
  const j = (i + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  buttons[j]?.focus();
  e.preventDefault();
}

export function TimeToolbar({ ready, atStart, onStart, onStep }: TimeToolbarProps) {
  const unavailable = (backwards: boolean) => !ready || (backwards && atStart);
  return (
    <div className="tl-toolbar" role="toolbar" aria-label="Time" onKeyDown={onArrows}>
      <button
        type="button"
        aria-label="Back to start"
        title="Back to start"
        aria-disabled={unavailable(true) || undefined}
        onClick={() => !unavailable(true) && onStart()}
      >
        <span className="tl-arrow" aria-hidden="true">
          ⇤
        </span>
        <span className="tl-word">Start</span>
      </button>
      {STEP_BUTTONS.map((b) => {
        const off = unavailable(b.direction === 'prev');
        const icon = b.fault ? <span className="tl-shape tl-shape-triangle tl-icon" data-kind="fault" aria-hidden="true" /> : null;
        const arrow = (
          <span className="tl-arrow" aria-hidden="true">
            {b.direction === 'prev' ? '‹' : '›'}
          </span>
        );
        return (
          <button
            key={b.label}
            type="button"
            aria-label={b.label}
            title={b.label}
            aria-disabled={off || undefined}
            onClick={() => !off && onStep(b.direction, b.kind)}
          >
            {b.direction === 'prev' ? arrow : null}
            {icon}
            {b.short ? <span className="tl-short">{b.short}</span> : null}
            <span className="tl-word">{b.word}</span>
            {b.direction === 'next' ? arrow : null}
          </button>
        );
      })}
    </div>
  );
}
