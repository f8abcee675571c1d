import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../../sim/engine/time';
import type { Marker } from '../../sim/markers';
import { CHUNK, chunkMarkers, indexAtOrBefore, sameChunk, timelineMarkers, type TimelineMarker } from './marker-kinds';
import { anchorAt, bigStep, keyTarget, MIN_SPAN, percentOf, spanEnd, timeAtFraction } from './scale';
import { replayProgress } from './SeekProgress';

describe('the span of the track', () => {
  it('covers the horizon with a little room, at least the minimum', () => {
    expect(spanEnd(0)).toBe(MIN_SPAN);
    for (const h of [1, 59 * SECOND, 17 * MINUTE, HOUR, 3 * HOUR + 7, 2 * DAY, 40 * DAY + 3]) {
      const s = spanEnd(h);
      expect(s).toBeGreaterThan(h);
      expect(s).toBeGreaterThanOrEqual(MIN_SPAN);
      expect(s - h).toBeLessThanOrEqual(Math.max(MIN_SPAN, h / 10));
    }
  });

  it('stays put while the horizon grows through a step, so markers are not redrawn per frame', () => {
    const spans = new Set<number>();
    for (let h = HOUR; h <= 2 * HOUR; h += 100) spans.add(spanEnd(h));
    expect(spans.size).toBeLessThanOrEqual(40);
    // and only grows
    let last = 0;
    for (let h = 0; h <= 3 * DAY; h += 7 * MINUTE) {
      expect(spanEnd(h)).toBeGreaterThanOrEqual(last);
      last = spanEnd(h);
    }
  });
});

describe('the time at a point of the track', () => {
  it('rounds to whole seconds and keeps within 0 and the horizon', () => {
    expect(timeAtFraction(0.5, 2 * HOUR, HOUR + 1234)).toBe(HOUR);
    expect(timeAtFraction(0.25, 10 * MINUTE + 10, HOUR)).toBe(150 * SECOND);
    expect(timeAtFraction(-1, HOUR, HOUR)).toBe(0);
    expect(timeAtFraction(0.9, HOUR, 20 * MINUTE)).toBe(20 * MINUTE);
    expect(percentOf(15 * MINUTE, HOUR)).toBe('25.000%');
    expect(percentOf(2 * HOUR, HOUR)).toBe('100.000%');
  });

  it('anchors labels inside the track', () => {
    expect(anchorAt(0.2)).toEqual({ left: '20.000%' });
    expect(anchorAt(0.75)).toEqual({ right: '25.000%' });
  });
});

describe('keys', () => {
  it('move by a minute, a tenth with Shift, to the ends with Home and End, and leave PageUp/PageDown', () => {
    expect(keyTarget('ArrowRight', false, 10 * MINUTE, HOUR)).toBe(11 * MINUTE);
    expect(keyTarget('ArrowUp', false, 10 * MINUTE, HOUR)).toBe(11 * MINUTE);
    expect(keyTarget('ArrowLeft', false, 10 * MINUTE, HOUR)).toBe(9 * MINUTE);
    expect(keyTarget('ArrowDown', true, 10 * MINUTE, HOUR)).toBe(4 * MINUTE);
    expect(keyTarget('ArrowLeft', false, 30 * SECOND, HOUR)).toBe(0);
    expect(keyTarget('ArrowRight', false, HOUR - 1, HOUR)).toBe(HOUR);
    expect(keyTarget('Home', false, 10, HOUR)).toBe(0);
    expect(keyTarget('End', false, 10, HOUR)).toBe(HOUR);
    expect(keyTarget('PageUp', false, 10, HOUR)).toBeUndefined();
    expect(keyTarget('PageDown', false, 10, HOUR)).toBeUndefined();
    expect(keyTarget('a', false, 10, HOUR)).toBeUndefined();
    expect(bigStep(10 * SECOND)).toBe(MINUTE);
  });
});

describe('markers', () => {
  const m = (seq: number, t: number, kind: Marker['kind'] = 'fault'): Marker => ({ seq, t, kind, subject: 's', label: `${kind} s` });

  it('keep the timeline kinds and cut chunks by sequence number', () => {
    const all = [m(0, 0, 'deployment'), ...Array.from({ length: 200 }, (_, i) => m(i + 1, i * 10, i % 2 ? 'repair' : 'election')), m(201, 5000, 'inventory')];
    const items = timelineMarkers(all);
    expect(items).toHaveLength(200);
    const chunks = chunkMarkers(items);
    expect(chunks.map((c) => c.key)).toEqual([0, 1, 2, 3]);
    expect(chunks.flatMap((c) => c.items)).toEqual(items);
    expect(chunks.every((c) => c.items.every((x) => Math.floor(x.seq / CHUNK) === c.key))).toBe(true);
    // a new marker changes only the last chunk
    const more = chunkMarkers([...items, m(202, 6000) as TimelineMarker]);
    expect(more.slice(0, 3).every((c, i) => sameChunk(c.items, chunks[i]!.items))).toBe(true);
    expect(sameChunk(more[3]!.items, chunks[3]!.items)).toBe(false);
  });

  it('are found by time', () => {
    const items = [m(0, 10), m(1, 20), m(2, 20), m(3, 40)] as TimelineMarker[];
    expect(indexAtOrBefore(items, 5)).toBe(0);
    expect(indexAtOrBefore(items, 20)).toBe(2);
    expect(indexAtOrBefore(items, 39)).toBe(2);
    expect(indexAtOrBefore(items, 1000)).toBe(3);
    expect(indexAtOrBefore([], 10)).toBe(0);
  });
});

describe('replay progress', () => {
  it('comes from a later from or a clock inside the replay', () => {
    expect(replayProgress(0, 100, 0, 500)).toBeUndefined();
    expect(replayProgress(0, 100, 25, 500)).toBe(0.25);
    expect(replayProgress(0, 100, 25, 60)).toBe(0.6);
    expect(replayProgress(100, 100, 100, 100)).toBeUndefined();
  });
});
