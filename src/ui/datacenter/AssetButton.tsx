/**
 * One asset of the accessible layer: a transparent button over its place on the canvas,
 * named `Host c0-r3-h07` and described by its status (aria-describedby to a hidden span:
 * a description may come from hidden text). Memoised: a frame re-renders only the assets
 * whose status or place changed.
 */

import { memo } from 'react';

export interface AssetButtonProps {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly description: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly tabStop: boolean;
  readonly selected: boolean;
  readonly menuOpen: boolean;
  /** Activating it opens the action menu (false: it zooms in instead). */
  readonly hasMenu: boolean;
}

export const AssetButton = memo(function AssetButton(p: AssetButtonProps) {
  const descId = `asset-desc-${p.id}`;
  return (
    <button
      type="button"
      className={`asset asset-${p.kind}${p.selected ? ' is-selected' : ''}`}
      data-asset={p.id}
      aria-label={p.name}
      aria-describedby={descId}
      aria-haspopup={p.hasMenu ? 'menu' : undefined}
      aria-expanded={p.hasMenu ? p.menuOpen : undefined}
      tabIndex={p.tabStop ? 0 : -1}
      style={{ left: p.x, top: p.y, width: p.w, height: p.h }}
    >
      {/* no box: a positioned one per button made each hit test over the layer twice as dear */}
      <span id={descId} hidden>
        {p.description}
      </span>
    </button>
  );
});
