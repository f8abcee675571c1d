/**
 * A predict-then-reveal question: its choices as a radio group (named by the question in
 * the caption) and "Check my answer", which sends the learner's choice. Once the worker
 * has the answer, the choices are locked and a live region reveals whether it was right,
 * the right answer and why. Mount it keyed by the stop, so that a new question starts
 * with nothing chosen.
 */

import { useId, useState } from 'react';
import type { LessonAnswer, LessonStop } from '../../sim/timeline/lesson';
import { useActions } from '../context';
import { verdictText } from './describe';

export const CHECK_LABEL = 'Check my answer';

export function QuestionStop(props: { stop: LessonStop; index: number; answer: LessonAnswer | undefined; labelledBy: string }) {
  const { stop, index, answer, labelledBy } = props;
  const actions = useActions();
  const [picked, setPicked] = useState<number | null>(null);
  const name = useId();
  const choices = stop.choices ?? [];
  const chosen = answer ? answer.choice : picked;
  const canCheck = !answer && picked !== null;

  return (
    <div className="wt-question">
      <div role="radiogroup" aria-labelledby={labelledBy} className="wt-choices">
        {choices.map((c, i) => (
          <label key={i} className={`wt-choice${answer && i === answer.answer ? ' is-answer' : ''}`}>
            <input
              type="radio"
              name={name}
              value={i}
              checked={chosen === i}
              disabled={answer !== undefined}
              onChange={() => setPicked(i)}
            />
            <span>{c}</span>
            {answer && i === answer.answer ? <span className="wt-choice-note"> (the answer)</span> : null}
          </label>
        ))}
      </div>
      <button
        type="button"
        className="wt-check"
        aria-disabled={canCheck ? undefined : 'true'}
        onClick={() => {
          if (canCheck) actions.answer(index, picked);
        }}
      >
        {CHECK_LABEL}
      </button>
      <div role="status" aria-label="Answer" className={`wt-reveal${answer ? (answer.correct ? ' is-correct' : ' is-wrong') : ''}`}>
        {answer ? (
          <>
            <p>
              <strong>{verdictText(answer)}</strong> The answer is: {choices[answer.answer] ?? `choice ${answer.answer + 1}`}.
            </p>
            <p className="wt-explain">{answer.explain}</p>
          </>
        ) : null}
      </div>
    </div>
  );
}
