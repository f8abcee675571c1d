/**
 * The charts' data as plain values: the time span (its end moves in steps, so a chart
 * redraws when the series or markers change or the span grows by a step, not on every
 * frame), the markers that concern a deployment, the availability bands, and the
 * sentences that summarise each chart for screen readers.
 */

import { DAY, HOUR, MINUTE, formatClock, formatDuration } from '../../sim/engine/time';
import type { SeriesView } from '../../sim/fabric/view';
import type { Marker, MarkerKind } from '../../sim/markers';
import { plural } from './select';

const STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];
/** The span grows by about this fraction of itself at a time. */
const GROWTH = 1 / 40;
const MIN_SPAN = 10 * MINUTE;

/** Simulated time rounded down to a step of about 1/40 of it: what "now" is for the charts. */
export function chartClock(t: number): number {
  const want = Math.max(MINUTE, t * GROWTH);
  const step = STEPS.find((s) => s >= want) ?? Math.ceil(want / DAY) * DAY;
  return Math.floor(t / step) * step;
}

/** The markers a deployment's chart shows. */
export const CHART_MARKER_KINDS: readonly MarkerKind[] = ['fault', 'repair', 'detection', 'healing'];

export const MARKER_LETTER: Readonly<Record<string, string>> = { fault: 'F', repair: 'R', detection: 'D', healing: 'H' };
export const MARKER_TEXT: Readonly<Record<string, string>> = { fault: 'fault', repair: 'repair', detection: 'detection', healing: 'healing' };

/** Most markers one chart draws (the newest). */
export const MAX_CHART_MARKERS = 60;

/**
 * Markers of the chart's kinds from `from` on: hardware faults, repairs and detections
 * anywhere; instance faults and repairs of this service only; healing of this deployment.
 */
export function markersFor(all: readonly Marker[], service: string, depId: string, from: number): Marker[] {
  const mine = all.filter((m) => {
    if (m.t < from || !CHART_MARKER_KINDS.includes(m.kind)) return false;
    if (m.kind === 'healing') return m.subject === depId || !m.subject.includes('/');
    return !m.subject.includes('/') || m.subject.startsWith(`${service}/`);
  });
  return mine.slice(-MAX_CHART_MARKERS);
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** From the first point to the chart clock, stretched to cover the last point and marker. */
export function spanOf(series: SeriesView, markers: readonly Marker[], clock: number): Span {
  const start = series.ready[0]?.t ?? 0;
  const last = Math.max(clock, series.ready.at(-1)?.t ?? 0, series.availability.at(-1)?.t ?? 0, markers.at(-1)?.t ?? 0);
  return { start, end: Math.max(last, start + MIN_SPAN) };
}

export type BandState = 'up' | 'down' | 'none';

export interface Band {
  readonly t0: number;
  readonly t1: number;
  readonly state: BandState;
}

/** Up and down bands over the span; before the first change the service was not yet available. */
export function availabilityBands(changes: SeriesView['availability'], span: Span): Band[] {
  const bands: Band[] = [];
  let t = span.start;
  let state: BandState = 'none';
  for (const c of changes) {
    if (c.t > t) bands.push({ t0: t, t1: Math.min(c.t, span.end), state });
    t = Math.max(t, c.t);
    state = c.up ? 'up' : 'down';
  }
  if (span.end > t) bands.push({ t0: t, t1: span.end, state });
  return bands.filter((b) => b.t1 > b.t0);
}

/** Tick times at a round step (1, 2, 5, 10, 15, 30 minutes, hours, days), about `count` of them. */
export function timeTicks(span: Span, count = 6): number[] {
  const want = (span.end - span.start) / count;
  const step = STEPS.find((s) => s >= want) ?? Math.ceil(want / DAY) * DAY;
  const out: number[] = [];
  for (let t = Math.ceil(span.start / step) * step; t <= span.end; t += step) out.push(t);
  return out;
}

/** `0+00:40:00`, or `2+03:00` once the span is days long: the axis' tick labels. */
export function tickText(ms: number, span: Span): string {
  const c = formatClock(ms);
  return span.end - span.start >= 2 * DAY ? c.slice(0, -3) : c.slice(2, -3);
}

const between = (span: Span) => `from ${formatClock(span.start)} to ${formatClock(span.end)}`;

/** For each role: how many are ready at the end, the most ever, and the lowest after first reaching the most. */
export function roleStats(series: SeriesView): { name: string; now: number; most: number; lowest: number }[] {
  return series.roles.map((name, r) => {
    const values = series.ready.map((p) => p.ready[r] ?? 0);
    const most = Math.max(0, ...values);
    const first = values.indexOf(most);
    const lowest = Math.min(most, ...values.slice(first));
    return { name, now: values.at(-1) ?? 0, most, lowest };
  });
}

export function readySummary(label: string, series: SeriesView, markers: readonly Marker[], span: Span): string {
  const roles = roleStats(series).map((s) => {
    const dip = s.lowest < s.most ? `dipped to ${s.lowest}` : 'never dipped';
    return `${s.name} ${s.now} ready now, at most ${s.most}, ${dip}`;
  });
  const marks = markers.length > 0 ? `${plural(markers.length, 'fault, repair, detection or healing event', 'fault, repair, detection or healing events')} marked.` : 'No fault marked.';
  return `Ready instances per role of ${label}, ${between(span)}: ${roles.join('; ')}. ${marks}`;
}

export function availabilitySummary(label: string, bands: readonly Band[], downMs: number, outages: number, span: Span): string {
  const now = bands.at(-1)?.state ?? 'none';
  const state = now === 'up' ? 'available now' : now === 'down' ? 'unavailable now' : 'not yet available';
  const down = downMs > 0 ? `downtime ${formatDuration(Math.round(downMs / 1000) * 1000)}` : 'no downtime';
  return `Availability of ${label}, ${between(span)}: ${state}; ${plural(outages, 'outage')}, ${down}.`;
}
