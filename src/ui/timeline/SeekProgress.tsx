/**
 * "replaying…" while a seek or step replays history (the store's `seeking`), with a
 * progress bar. The worker reports `{from, to}` as each slice of a long replay ends,
 * `from` being where the replay is; the first `from` at or before `to` is where it
 * started (a seek back first reports the time it left). Progress is how far the latest
 * `from`, or a frame's clock inside the replay, has come since; until it moves the bar
 * is indeterminate.
 *
 * The live region holds only the words, so a screen reader hears "replaying…" once, not
 * every percentage.
 */

import { useState } from 'react';
import { formatClock } from '../../sim/engine/time';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';

const selectSeeking = (s: FabricState) => s.seeking;
const selectT = (s: FabricState) => s.t;

/** How far a replay from `start` to `to` has come (undefined: cannot tell yet). */
export function replayProgress(start: number, to: number, from: number, t: number): number | undefined {
  if (to <= start) return undefined;
  const at = Math.max(from, t >= start && t <= to ? t : start);
  return at > start ? Math.min(1, (at - start) / (to - start)) : undefined;
}

export function SeekProgress() {
  const seeking = useFabric(selectSeeking);
  const t = useFabric(selectT);
  // where this replay started: the first `from` at or before its target (a seek back
  // first reports the time it left, after the target; its next report is on the way)
  const [first, setFirst] = useState<{ readonly to: number; readonly from: number | undefined } | null>(null);
  const fromHere = seeking && seeking.from <= seeking.to ? seeking.from : undefined;
  const sameReplay = seeking !== undefined && first !== null && first.to === seeking.to;
  if (seeking && (!sameReplay || (first.from === undefined && fromHere !== undefined))) setFirst({ to: seeking.to, from: fromHere });
  if (!seeking && first) setFirst(null);

  const start = sameReplay && first.from !== undefined ? first.from : fromHere;
  const progress = seeking && start !== undefined ? replayProgress(start, seeking.to, seeking.from, t) : undefined;
  return (
    <div className={`tl-replay${seeking ? ' is-replaying' : ''}`}>
      <span role="status" aria-label="Replay" className="tl-replay-words">
        {seeking ? 'replaying…' : ''}
      </span>
      {seeking ? (
        <>
          {progress === undefined ? (
            <progress aria-label="Replay progress" aria-valuetext={`to ${formatClock(seeking.to)}`} />
          ) : (
            <progress aria-label="Replay progress" max={1} value={progress} aria-valuetext={`${Math.round(progress * 100)}% of the way to ${formatClock(seeking.to)}`} />
          )}
          <span className="tl-replay-pct" aria-hidden="true">
            {progress === undefined ? formatClock(seeking.to) : `${Math.round(progress * 100)}%`}
          </span>
        </>
      ) : null}
    </div>
  );
}
