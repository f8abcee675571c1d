/**
 * "What the fabric did": the expectations checked so far, behind a disclosure button,
 * each with ✓ or ✗ and the word Held or Failed (never colour alone), its simulated time,
 * what it expected (in words; the file's JSON as a tooltip) and what the run showed.
 */

import { useId, useState } from 'react';
import { formatClock } from '../../sim/engine/time';
import type { LessonExpectation } from '../../sim/timeline/lesson';
import { describeExpectation, heldSummary } from './describe';

export const EXPECTATIONS_TITLE = 'What the fabric did';

export function ExpectationList({ expectations }: { expectations: readonly LessonExpectation[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className="wt-expectations">
      <h3>
        <button type="button" className="wt-disclosure" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
          <span className="wt-disclosure-mark" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {EXPECTATIONS_TITLE}
        </button>{' '}
        <span className="wt-held">{expectations.length === 0 ? 'none checked yet' : heldSummary(expectations)}</span>
      </h3>
      <div id={listId} hidden={!open}>
        {open ? (
          expectations.length === 0 ? (
            <p className="empty">No expectation has been checked yet.</p>
          ) : (
            <ol className="wt-expectation-list" aria-label={EXPECTATIONS_TITLE}>
              {expectations.map((e, i) => (
                <li key={`${e.step}-${i}`} className={e.pass ? 'is-pass' : 'is-fail'}>
                  <span className="wt-mark" aria-hidden="true">
                    {e.pass ? '✓' : '✗'}
                  </span>{' '}
                  <strong className="wt-verdict">{e.pass ? 'Held' : 'Failed'}</strong> <time className="wt-time">{formatClock(e.at)}</time>{' '}
                  <span className="wt-expect-text" title={e.text}>
                    {describeExpectation(e.text)}
                  </span>
                  <span className="wt-observed">Observed: {e.observed}</span>
                </li>
              ))}
            </ol>
          )
        ) : null}
      </div>
    </div>
  );
}
