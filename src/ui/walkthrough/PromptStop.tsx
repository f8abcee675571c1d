/**
 * A stop where the learner acts: what the lab expects, in words, and where to do it
 * (the normal menus: nothing is done for the learner here). When the learner did
 * something else, the worker's hint says why, in a live region that stays in the page.
 */

import type { LessonStop } from '../../sim/timeline/lesson';

export function PromptStop(props: { stop: LessonStop; waiting: boolean; hint: string | undefined }) {
  const { stop, waiting, hint } = props;
  return (
    <div className="wt-prompt">
      {stop.expected ? (
        <p className="wt-expected">
          Expected action: <code>{stop.expected}</code>
        </p>
      ) : null}
      <p className="wt-how">
        {waiting
          ? 'Do it yourself with the menus of the data center, the Fabric Controller ring or the Services view.'
          : 'Done: the run goes on from here.'}
      </p>
      <div role="status" aria-label="Hint" className="wt-hint">
        {waiting && hint ? (
          <p>
            <strong>Not that one.</strong> {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
