/**
 * The timeline bar under the top bar: the "Time" toolbar (back to the start, previous
 * and next fault, event and FC decision), the scrubber over simulated time from 0 to the
 * horizon (the furthest time reached) with the faults, repairs, detections, healing and
 * elections marked on it, the time shown and the horizon (or "replaying…" while a seek
 * replays history), the key to the markers, and the dialog that asks before an action
 * discards later actions of the person's own.
 *
 * After a seek the handle stays at the target until the worker's clock moves there, so
 * it does not jump back while the worker replays. The markers render only when they or
 * the track's span change (the span grows in steps, see scale.ts), never per frame.
 */

import './timeline.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatClock } from '../../sim/engine/time';
import type { StepKind } from '../../worker/protocol';
import { useActions, useFabric } from '../context';
import type { FabricState } from '../store/store';
import { ForkDialog } from './ForkDialog';
import { MarkerKey } from './MarkerKey';
import { MarkerLayer } from './MarkerLayer';
import { timelineMarkers } from './marker-kinds';
import { spanEnd } from './scale';
import { Scrubber } from './Scrubber';
import { SeekProgress } from './SeekProgress';
import { TimeToolbar } from './TimeToolbar';

const selectT = (s: FabricState) => s.t;
const selectHorizon = (s: FabricState) => s.horizon;
const selectReady = (s: FabricState) => s.connection === 'ready';
const selectSeekingTo = (s: FabricState) => s.seeking?.to;
const selectReplaying = (s: FabricState) => s.seeking !== undefined;
const selectMarkers = (s: FabricState) => s.markers;

/** A seek sent: its target, and the clock when it was sent (the seek has landed once the clock moves). */
interface Pending {
  readonly to: number;
  readonly from: number;
}

export function Timeline() {
  const t = useFabric(selectT);
  const seekingTo = useFabric(selectSeekingTo);
  // a step forward may go past the horizon: the scrubber covers where it goes
  const horizon = Math.max(useFabric(selectHorizon), t, seekingTo ?? 0);
  const ready = useFabric(selectReady);
  const replaying = useFabric(selectReplaying);
  const allMarkers = useFabric(selectMarkers);
  const actions = useActions();

  const items = useMemo(() => timelineMarkers(allMarkers), [allMarkers]);
  const span = spanEnd(horizon);

  const [pending, setPending] = useState<Pending | null>(null);
  if (pending && t !== pending.from && seekingTo === undefined) setPending(null);
  const value = seekingTo ?? (pending && t === pending.from ? pending.to : t);

  const valueRef = useRef(value);
  useEffect(() => {
    valueRef.current = value;
  }, [value]);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);

  const seek = useCallback(
    (to: number) => {
      actions.seek(to);
      setPending({ to, from: tRef.current });
    },
    [actions],
  );
  const currentTime = useCallback(() => valueRef.current, []);
  const step = useCallback(
    (direction: 'prev' | 'next', kind: StepKind) => {
      setPending(null);
      actions.stepTo(direction, kind);
    },
    [actions],
  );

  return (
    <div className="timeline">
      <TimeToolbar ready={ready} atStart={value <= 0} onStart={() => seek(0)} onStep={step} />
      <Scrubber
        value={value}
        horizon={horizon}
        span={span}
        ready={ready}
        onSeek={seek}
        after={(shown) => (
          <div className="tl-side">
            {replaying ? null : (
              <p className="tl-readout">
                <span className="tl-now">{formatClock(shown)}</span>
                <span className="tl-of">of {formatClock(horizon)}</span>
              </p>
            )}
            <SeekProgress />
          </div>
        )}
      >
        <MarkerLayer items={items} span={span} onSeek={seek} currentTime={currentTime} />
      </Scrubber>
      <MarkerKey />
      <ForkDialog />
    </div>
  );
}
