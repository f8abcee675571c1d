/**
 * What the painter draws (the "view" of `paint(ctx, view, scales)`): the geometry, the
 * per-host arrays as the store holds them, the per-rack aggregates, container records
 * and the selection. Plain data; the painter never reads a store.
 */

import type { ContainerView } from '../../sim/hardware/view';
import type { Aggregates } from './aggregates';
import type { Asset } from './assets';
import type { Geometry } from './geometry';
import type { GlyphSprites } from './glyph-canvas';
import type { CanvasPalette } from './palette';

export interface Scene {
  readonly geo: Geometry;
  /** HostCode per host (index into HOST_STATUSES) and ground-truth fault code. */
  readonly status: Uint8Array;
  readonly fault: Uint8Array;
  readonly agg: Aggregates;
  readonly containers: ReadonlyMap<string, ContainerView>;
  readonly selected: Asset | undefined;
  /** Role instances per host (index order), drawn as a count on each host when zoomed in enough. */
  readonly instances?: Uint8Array;
  readonly sprites: GlyphSprites | undefined;
  /** The theme's colours (default: DEFAULT_CANVAS; presenter mode: PRESENTER_CANVAS). */
  readonly palette?: CanvasPalette;
}
