import { useEffect, useState } from 'react';
import { formatClock } from '../../sim/engine/time';
import { SPEEDS, type Speed } from '../../worker/protocol';
import { useActions, useFabric } from '../context';
import type { FabricState } from '../store/store';
import { LessonPicker } from '../walkthrough/LessonPicker';
import { DisplayControls } from '../presenter/DisplayControls';
import { ShareMenu } from '../run/ShareMenu';
import { ExportMenu } from '../export/ExportMenu';
import { ResumeNotice } from '../persist/ResumeNotice';
import { SavedDataButton } from '../persist/SavedData';

const selectT = (s: FabricState) => s.t;
const selectRunning = (s: FabricState) => s.running;
const selectSpeed = (s: FabricState) => s.speed;
const selectSeed = (s: FabricState) => s.seed;
const selectHash = (s: FabricState) => s.hash;
const selectLagging = (s: FabricState) => s.lagging;
const selectReady = (s: FabricState) => s.connection === 'ready';

const speedLabel = (s: Speed): string => (s === 'max' ? 'As fast as possible' : `${s}x`);

/** Lagging for this long (ms) before it is shown, and not lagging for this long before it is hidden. */
const LAG_SHOW_MS = 500;
const LAG_HIDE_MS = 2000;

/**
 * Whether to show "behind the chosen speed": a busy run flips between lagging and not
 * many times a second; the note follows only what lasts, so it does not flicker.
 */
function useSteadyLag(lagging: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (lagging === shown) return;
    const timer = setTimeout(() => setShown(lagging), lagging ? LAG_SHOW_MS : LAG_HIDE_MS);
    return () => clearTimeout(timer);
  }, [lagging, shown]);
  return shown;
}

/**
 * Play/pause, speed, step, the menus (Lessons, Share, Export, display, Saved data), the
 * simulated clock, the seed and the event-log hash; a resumed run's notice below them.
 */
export function TopBar() {
  const t = useFabric(selectT);
  const running = useFabric(selectRunning);
  const speed = useFabric(selectSpeed);
  const seed = useFabric(selectSeed);
  const hash = useFabric(selectHash);
  const lagging = useSteadyLag(useFabric(selectLagging));
  const ready = useFabric(selectReady);
  const actions = useActions();

  return (
    <header className="topbar">
      <h1 className="brand">Fabric Lab</h1>
      <div className="controls" role="toolbar" aria-label="Simulation controls">
        <button
          type="button"
          onClick={running ? actions.pause : actions.play}
          disabled={!ready}
          aria-keyshortcuts="Space"
        >
          {running ? 'Pause' : 'Play'}
        </button>
        <label className="speed">
          Speed{' '}
          <select
            value={String(speed)}
            disabled={!ready}
            onChange={(e) => {
              const v = e.target.value;
              actions.setSpeed((v === 'max' ? 'max' : Number(v)) as Speed);
            }}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {speedLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={actions.step} disabled={!ready} title="Pause and run up to the next logged event">
          Step
        </button>
      </div>
      <LessonPicker />
      <ShareMenu />
      <ExportMenu />
      <DisplayControls />
      <SavedDataButton />
      <dl className="status">
        <div>
          <dt>Simulated time</dt>
          <dd>
            <output aria-label="Simulated time" className="clock">
              {formatClock(t)}
            </output>
            {/* always in the layout (hidden when not lagging), so that it never moves the page */}
            <span className={`lag${lagging ? '' : ' is-off'}`} title="The simulation is behind the chosen speed">
              {' '}
              <span aria-hidden="true">⚠ behind</span>
              <span className="visually-hidden">(behind the chosen speed)</span>
            </span>
          </dd>
        </div>
        <div>
          <dt>Seed</dt>
          <dd>
            <output aria-label="Seed">{seed ?? '…'}</output>
          </dd>
        </div>
        <div>
          <dt>Log hash</dt>
          <dd>
            <output aria-label="Event-log hash" className="hash">
              {hash || '…'}
            </output>
          </dd>
        </div>
      </dl>
      <ResumeNotice />
    </header>
  );
}
