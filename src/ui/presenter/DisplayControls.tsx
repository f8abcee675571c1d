/**
 * The top bar's display controls: "Presenter mode" (a toggle button: large type, the
 * high-contrast theme and the clicker keys; `?presenter=1` in the address), the
 * "Animations" switch (off for a wall screen; remembered), and "Keyboard shortcuts",
 * which opens the shortcut sheet (also `?`).
 */

import { openShortcutSheet } from '../a11y/ShortcutSheet';
import { selectAnimations, selectPresenter, setAnimations, togglePresenter, useDisplay } from './display';

export function DisplayControls() {
  const presenter = useDisplay(selectPresenter);
  const animations = useDisplay(selectAnimations);
  return (
    <div className="display-controls" role="group" aria-label="Display">
      <button type="button" className="presenter-toggle" aria-pressed={presenter} onClick={togglePresenter}>
        Presenter mode
      </button>
      <button
        type="button"
        role="switch"
        className="motion-switch"
        aria-checked={animations}
        onClick={() => setAnimations(!animations)}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Animations
        <span className="switch-state" aria-hidden="true">
          {animations ? 'on' : 'off'}
        </span>
      </button>
      <button type="button" onClick={openShortcutSheet} aria-keyshortcuts="?">
        Keyboard shortcuts
      </button>
    </div>
  );
}
