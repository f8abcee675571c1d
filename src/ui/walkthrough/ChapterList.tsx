/**
 * The lesson's chapters (stops that open one), a button each that moves the walkthrough
 * there; the chapter the learner is in is marked aria-current="step" (and in words).
 */

import { useMemo } from 'react';
import type { LessonStop } from '../../sim/timeline/lesson';
import { useActions } from '../context';
import { chaptersOf, currentChapter } from './describe';

export function ChapterList({ stops, current }: { stops: readonly LessonStop[]; current: number }) {
  const actions = useActions();
  const chapters = useMemo(() => chaptersOf(stops), [stops]);
  if (chapters.length === 0) return null;
  const here = currentChapter(chapters, current);
  return (
    <nav aria-label="Chapters" className="wt-chapters">
      <h3>Chapters</h3>
      <ol>
        {chapters.map((c) => (
          <li key={c.index}>
            <button
              type="button"
              className="wt-chapter"
              aria-current={c.index === here ? 'step' : undefined}
              onClick={() => actions.lesson('goto', c.index)}
            >
              {c.title}
            </button>
            {c.index === here ? <span className="wt-here"> (you are here)</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
