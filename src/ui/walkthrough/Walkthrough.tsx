/**
 * The guided walkthrough: shown while a scenario is played as a lesson (the store's
 * `lesson`, sent by the worker). A caption panel, the region "Walkthrough": the lesson's
 * name, "Step n of N", the stop's words (a caption, a question with its choices, or a
 * prompt for the learner to act), Back / Next, the chapters, and what the fabric did so
 * far. The worker decides everything; this panel only shows its state and sends
 * `lesson` and `answer` commands. When the scenario plays straight through (not a
 * walkthrough), the captions and expectations are shown without the controls.
 */

import { useId } from 'react';
import { formatClock } from '../../sim/engine/time';
import type { LessonState } from '../../sim/timeline/lesson';
import { useFabric } from '../context';
import { Caption } from './Caption';
import { ChapterList } from './ChapterList';
import { Controls } from './Controls';
import { completeText, currentAnswer, PLAYING_TEXT, stepCounter } from './describe';
import { ExpectationList } from './ExpectationList';
import { PromptStop } from './PromptStop';
import { QuestionStop } from './QuestionStop';
import { selectLesson, selectRunning } from './select';
import './walkthrough.css';

/**
 * What the run is doing between stops (when it runs: the learner may have paused it),
 * and the closing line, in a live region that stays in the page.
 */
function Progress({ lesson }: { lesson: LessonState }) {
  const running = useFabric(selectRunning);
  const playing = running && lesson.waiting === null && !lesson.done && !lesson.error;
  return (
    <div role="status" aria-label="Progress" className={`wt-progress${lesson.done ? ' is-done' : ''}`}>
      {lesson.done ? <strong>{completeText(lesson.expectations)}</strong> : playing ? <span className="wt-playing">{PLAYING_TEXT}</span> : null}
    </div>
  );
}

function LessonPanel({ lesson }: { lesson: LessonState }) {
  const textId = useId();
  const started = lesson.current >= 0;
  const stop = started ? lesson.stops[lesson.current] : undefined;
  return (
    <section className="panel walkthrough" aria-label="Walkthrough">
      <header className="wt-head">
        <p className="wt-kicker" aria-hidden="true">
          Walkthrough
        </p>
        <h2>{lesson.name}</h2>
        {started ? (
          <h3 className="wt-counter">{stepCounter(lesson.current, lesson.stops.length)}</h3>
        ) : (
          <p className="wt-counter wt-count-only">
            {lesson.stops.length === 1 ? '1 step' : `${lesson.stops.length} steps`}
          </p>
        )}
      </header>
      {lesson.error ? (
        <div role="alert" className="wt-error">
          <strong>The lesson stopped at steps[{lesson.error.step}]</strong> (<time>{formatClock(lesson.error.at)}</time>):{' '}
          {lesson.error.message}
        </div>
      ) : null}
      <Caption stop={stop} description={lesson.description} textId={textId} />
      {stop?.kind === 'prompt' ? <PromptStop stop={stop} waiting={lesson.waiting === 'action'} hint={lesson.hint} /> : null}
      {stop?.kind === 'ask' ? (
        <QuestionStop key={lesson.current} stop={stop} index={lesson.current} answer={currentAnswer(lesson)} labelledBy={textId} />
      ) : null}
      <Progress lesson={lesson} />
      {lesson.walkthrough ? (
        <>
          <Controls lesson={lesson} />
          <ChapterList stops={lesson.stops} current={lesson.current} />
        </>
      ) : null}
      <ExpectationList expectations={lesson.expectations} />
    </section>
  );
}

export function Walkthrough() {
  const lesson = useFabric(selectLesson);
  return lesson ? <LessonPanel lesson={lesson} /> : null;
}
