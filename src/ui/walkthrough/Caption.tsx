/**
 * The words of the stop shown now, in a live region named "Caption" that stays in the
 * page, so that each new stop is announced: before the first stop the lesson's
 * description, then the caption, the question, or the prompt ("Your turn: …").
 * Captions come from lesson files and are rendered as text, never as HTML.
 */

import { formatClock } from '../../sim/engine/time';
import type { LessonStop } from '../../sim/timeline/lesson';

export const YOUR_TURN = 'Your turn:';

export function Caption(props: { stop: LessonStop | undefined; description: string | undefined; textId: string }) {
  const { stop, description, textId } = props;
  return (
    <div role="status" aria-label="Caption" className={`wt-caption${stop ? ` wt-kind-${stop.kind}` : ''}`}>
      {stop ? (
        <>
          <p id={textId} className="wt-text">
            {stop.kind === 'prompt' ? <strong className="wt-your-turn">{YOUR_TURN} </strong> : null}
            {stop.text}
          </p>
          <p className="wt-at">
            At <time>{formatClock(stop.at)}</time> simulated time
          </p>
        </>
      ) : (
        <p id={textId} className="wt-text wt-description">
          {description ?? 'Press Start to begin.'}
        </p>
      )}
    </div>
  );
}
