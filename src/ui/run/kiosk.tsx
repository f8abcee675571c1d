/**
 * Kiosk mode (`?lesson=ID&kiosk=1`): the lesson plays itself in a loop for a wall screen.
 * Each caption stays up for a reading time; a question shows the right answer; a prompt
 * is performed as written ("do it for me"); at the end the lesson starts again.
 */

import { useEffect } from 'react';
import type { InitOptions } from '../../worker/protocol';
import { useActions, useFabric } from '../context';
import type { FabricState } from '../store/store';

const selectLesson = (s: FabricState) => s.lesson;

/** Reading time for a caption: a base plus a little per word. */
export function dwellMs(text: string): number {
  return Math.min(20_000, 4_000 + 250 * text.split(/\s+/).length);
}

/** Renders nothing; drives the lesson while mounted. */
export function Kiosk({ options }: { options: InitOptions }): null {
  useKiosk(true, options);
  return null;
}

export function useKiosk(enabled: boolean, options: InitOptions | undefined): void {
  const lesson = useFabric(selectLesson);
  const actions = useActions();
  useEffect(() => {
    if (!enabled || !lesson) return;
    const stop = lesson.stops[lesson.current];
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (lesson.done) {
      timer = setTimeout(() => options && actions.restart(options), 10_000);
    } else if (lesson.current < 0 && lesson.waiting === null) {
      timer = setTimeout(() => actions.lesson('next'), 3_000);
    } else if (stop && lesson.waiting === 'answer') {
      // The reveal shows the right answer and why, whatever was chosen.
      timer = setTimeout(() => actions.answer(lesson.current, 0), dwellMs(stop.text));
    } else if (stop && (lesson.waiting === 'next' || lesson.waiting === 'action')) {
      const answer = lesson.answers[lesson.current];
      timer = setTimeout(() => actions.lesson('next'), dwellMs(stop.text + (answer ? ` ${answer.explain}` : '')));
    }
    return () => clearTimeout(timer);
  }, [enabled, lesson, actions, options]);
}
