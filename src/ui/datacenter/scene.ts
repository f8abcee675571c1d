/**
 * What the painter draws (the "view" of `paint(ctx, view, scales)`): the geometry, the
 * per-host arrays as the store holds them, the per-rack aggregates, container records
 * and the selection. Plain data; the painter never reads a store.
 */

import type { ContainerView } from '../../sim/hardware/view';
import type { ViewRecord } from '../../sim/view/records';
import type { HostChange } from '../store/store';
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
  /**
   * The store's hostVersion the arrays are at, and the hosts the latest frames changed:
   * a new scene whose only change is hosts out of view needs no repaint.
   */
  readonly hostVersion?: number;
  readonly changes?: readonly HostChange[];
  /** The device records the aggregates were read from: a new list means a device changed. */
  readonly devices?: readonly ViewRecord[];
}

/**
 * Whether `next` differs from `prev` only in hosts (same arrays, updated in place), and
 * `visible(rack)` holds for none of the racks of the hosts changed since prev. False
 * when it cannot tell (the changes kept do not reach back to prev).
 */
export function onlyHiddenHostsChanged(prev: Scene, next: Scene, rackOf: (h: number) => number, visible: (rack: number) => boolean): boolean {
  if (
    prev.geo !== next.geo ||
    prev.status !== next.status ||
    prev.fault !== next.fault ||
    prev.instances !== next.instances ||
    prev.agg !== next.agg ||
    prev.containers !== next.containers ||
    prev.selected !== next.selected ||
    prev.sprites !== next.sprites ||
    prev.palette !== next.palette ||
    prev.devices !== next.devices ||
    prev.hostVersion === undefined ||
    next.hostVersion === undefined ||
    !next.changes
  ) {
    return false;
  }
  const from = prev.hostVersion;
  if (next.hostVersion === from) return true;
  const first = next.changes.findIndex((c) => c.version > from);
  if (first < 0 || next.changes[first]!.version !== from + 1) return false;
  for (let i = first; i < next.changes.length; i++) {
    const idx = next.changes[i]!.index;
    let lastRack = -1;
    for (let j = 0; j < idx.length; j++) {
      const rack = rackOf(idx[j]!);
      if (rack === lastRack) continue;
      lastRack = rack;
      if (visible(rack)) return false;
    }
  }
  return true;
}
