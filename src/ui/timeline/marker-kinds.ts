/**
 * The markers the scrubber draws: which kinds (faults, repairs, detections, healing and
 * elections), their names and shapes (kinds differ by shape as well as by colour, see
 * timeline.css), and the helpers that keep the marker layer cheap: a filtered list, its
 * chunks (a chunk re-renders only when its own markers change) and a binary search by
 * time.
 */

import { formatClock } from '../../sim/engine/time';
import type { Marker, MarkerKind } from '../../sim/markers';

export const TIMELINE_KINDS = ['fault', 'repair', 'detection', 'healing', 'election'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** How each kind is named and drawn (the shape is a CSS class, the legend says it in words). */
export const KIND_STYLE: Readonly<Record<TimelineKind, { readonly name: string; readonly shape: string }>> = {
  fault: { name: 'Fault', shape: 'triangle' },
  repair: { name: 'Repair', shape: 'circle' },
  detection: { name: 'Detection', shape: 'diamond' },
  healing: { name: 'Healing', shape: 'square' },
  election: { name: 'Election', shape: 'star' },
};

export const isTimelineKind = (k: MarkerKind): k is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(k);

export type TimelineMarker = Marker & { readonly kind: TimelineKind };

/** The markers of the timeline's kinds, oldest first. */
export const timelineMarkers = (all: readonly Marker[]): TimelineMarker[] => all.filter((m): m is TimelineMarker => isTimelineKind(m.kind));

/** The accessible name of a marker's button: `Fault at 0+00:12:00: fault.inject c0-r1-h02`. */
export const markerName = (m: TimelineMarker): string => `${KIND_STYLE[m.kind].name} at ${formatClock(m.t)}: ${m.label}`;

/** Markers a chunk holds at most (chunks are cut by sequence number, so they stay put as markers arrive). */
export const CHUNK = 64;

export interface MarkerChunk {
  readonly key: number;
  readonly items: readonly TimelineMarker[];
}

/** Splits markers (oldest first) into chunks by seq / CHUNK. */
export function chunkMarkers(items: readonly TimelineMarker[]): MarkerChunk[] {
  const chunks: MarkerChunk[] = [];
  let current: TimelineMarker[] = [];
  let key = -1;
  for (const m of items) {
    const k = Math.floor(m.seq / CHUNK);
    if (k !== key) {
      if (current.length > 0) chunks.push({ key, items: current });
      current = [];
      key = k;
    }
    current.push(m);
  }
  if (current.length > 0) chunks.push({ key, items: current });
  return chunks;
}

/** Whether two chunks hold the same markers (markers never change once made: seq says which). */
export const sameChunk = (a: readonly TimelineMarker[], b: readonly TimelineMarker[]): boolean =>
  a.length === b.length && a[0]?.seq === b[0]?.seq && a.at(-1)?.seq === b.at(-1)?.seq;

/** The index of the last marker at or before t (markers oldest first), or of the first marker when none is. */
export function indexAtOrBefore(items: readonly TimelineMarker[], t: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.t <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return Math.max(0, found);
}
