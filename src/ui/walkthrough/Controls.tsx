/**
 * Back, Next (Start before the first stop) and, at a prompt, "Do it for me". Buttons
 * that cannot be used now are aria-disabled rather than disabled, so that focus stays
 * on them when the state changes under the learner (a stop that waits for an action,
 * the first stop reached with Back); a line beside says why Next waits. The presenter
 * helper binds PageDown and PageUp globally; here they are only advertised.
 */

import { useId } from 'react';
import type { LessonState } from '../../sim/timeline/lesson';
import { useActions } from '../context';
import { backBlocked, BLOCKED_TEXT, nextBlocked } from './describe';

const off = (disabled: boolean) => (disabled ? 'true' : undefined);

export function Controls({ lesson }: { lesson: LessonState }) {
  const actions = useActions();
  const whyId = useId();
  const started = lesson.current >= 0;
  const stop = started ? lesson.stops[lesson.current] : undefined;
  const blocked = nextBlocked(lesson);
  const backOff = backBlocked(lesson);
  const prompt = stop?.kind === 'prompt';
  const doItOff = lesson.waiting !== 'action';

  return (
    <div className="wt-controls">
      <div role="group" aria-label="Walkthrough controls" className="wt-nav">
        <button type="button" aria-keyshortcuts="PageUp" aria-disabled={off(backOff)} onClick={() => !backOff && actions.lesson('back')}>
          Back
        </button>
        <button
          type="button"
          className="wt-next"
          aria-keyshortcuts="PageDown"
          aria-disabled={off(blocked !== null)}
          aria-describedby={blocked ? whyId : undefined}
          onClick={() => blocked === null && actions.lesson('next')}
        >
          {started ? 'Next' : 'Start'}
        </button>
        {prompt ? (
          <button
            type="button"
            className="wt-secondary"
            aria-disabled={off(doItOff)}
            title="The lab performs the expected action for you"
            onClick={() => !doItOff && actions.lesson('next')}
          >
            Do it for me
          </button>
        ) : null}
      </div>
      <p id={whyId} className="wt-why">
        {blocked ? BLOCKED_TEXT[blocked] : null}
      </p>
    </div>
  );
}
