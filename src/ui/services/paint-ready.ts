/**
 * Painter of the ready-instances chart: `paintReadyChart(svg, input)` draws, with d3
 * scales and axes, one step line per role (colour and dash pattern), extended to the end
 * of the span, and a labelled tick per marker (a letter in a box: F fault, R repair,
 * D detection, H healing). It keeps no state but the SVG it updates; new marker ticks
 * fade in and lines glide only when `animate` (never under prefers-reduced-motion).
 */

import { axisBottom, axisLeft, curveStepAfter, line, scaleLinear, select, type Selection } from 'd3';
import { formatClock } from '../../sim/engine/time';
import type { SeriesView } from '../../sim/fabric/view';
import type { Marker } from '../../sim/markers';
import { MARKER_LETTER, tickText, timeTicks, type Span } from './chart-data';
import { CHART, DEFAULT_CHART, MARGIN, TRANSITION_MS, themeRole, type ChartTheme } from './chart-theme';

export interface ReadyChartInput {
  readonly series: SeriesView;
  readonly markers: readonly Marker[];
  readonly span: Span;
  readonly animate: boolean;
  /** The theme's colours (default: DEFAULT_CHART). */
  readonly theme?: ChartTheme;
}

type Point = readonly [number, number];

interface RoleLine {
  readonly name: string;
  readonly index: number;
  readonly points: readonly Point[];
}

/** The `g.name` layers of an SVG, created once in this order (later ones on top). */
export function layers(svg: SVGSVGElement, names: readonly string[]): Record<string, Selection<SVGGElement, unknown, null, undefined>> {
  const root = select(svg);
  const out: Record<string, Selection<SVGGElement, unknown, null, undefined>> = {};
  for (const name of names) {
    const found = root.select<SVGGElement>(`:scope > g.${name}`);
    out[name] = found.empty() ? root.append('g').attr('class', name) : found;
  }
  return out;
}

const LETTER_BOX = 13;
/** Pixels between the lines of two roles at the same value. */
const LINE_GAP = 3;

export function paintReadyChart(svg: SVGSVGElement, input: ReadyChartInput): void {
  const { series, markers, span, animate } = input;
  const theme = input.theme ?? DEFAULT_CHART;
  const axisInk = theme.axisInk;
  const markerColours = theme.markerColours;
  const W = CHART.width;
  const H = CHART.readyHeight;
  select(svg).attr('viewBox', `0 0 ${W} ${H}`);
  const g = layers(svg, ['grid', 'markers', 'lines', 'x-axis', 'y-axis']);

  const x = scaleLinear().domain([span.start, span.end]).range([MARGIN.left, W - MARGIN.right]);
  const most = Math.max(1, ...series.ready.flatMap((p) => p.ready));
  const y = scaleLinear().domain([0, most]).nice().range([H - MARGIN.bottom, MARGIN.top]);
  const yTicks = y.ticks(Math.min(5, most)).filter(Number.isInteger);

  g['x-axis']!
    .attr('transform', `translate(0,${H - MARGIN.bottom})`)
    .call(axisBottom<number>(x).tickValues(timeTicks(span)).tickFormat((v) => tickText(v, span)))
    .attr('color', axisInk);
  g['y-axis']!
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(axisLeft<number>(y).tickValues(yTicks).tickFormat((v) => String(v)))
    .attr('color', axisInk);
  g.grid!
    .selectAll<SVGLineElement, number>('line')
    .data(yTicks)
    .join('line')
    .attr('x1', MARGIN.left)
    .attr('x2', W - MARGIN.right)
    .attr('y1', (v) => y(v))
    .attr('y2', (v) => y(v))
    .attr('stroke', theme.gridLine);

  const lines: RoleLine[] = series.roles.map((name, index) => {
    const points: Point[] = series.ready.map((p) => [p.t, p.ready[index] ?? 0]);
    const last = points.at(-1);
    if (last && last[0] < span.end) points.push([span.end, last[1]]);
    return { name, index, points };
  });
  // lines at the same value would hide each other: each role sits a little apart
  const offset = (i: number) => (i - (lines.length - 1) / 2) * LINE_GAP;
  const pathOf = (d: RoleLine) =>
    line<Point>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]) + offset(d.index))
      .curve(curveStepAfter)(d.points) ?? '';
  const paths = g.lines!
    .selectAll<SVGPathElement, RoleLine>('path')
    .data(lines, (d) => d.name)
    .join('path')
    .attr('fill', 'none')
    .attr('stroke', (d) => themeRole(theme, d.index).colour)
    .attr('stroke-width', theme.lineWidth)
    .attr('stroke-dasharray', (d) => themeRole(theme, d.index).dash || null);
  paths.each(function (d) {
    const el = select(this);
    const next = pathOf(d);
    // glide only between shapes of the same points (the span grew); otherwise redraw at once
    const same = el.attr('data-points') === String(d.points.length);
    el.attr('data-points', String(d.points.length));
    if (animate && same) el.transition().duration(TRANSITION_MS).attr('d', next);
    else el.interrupt().attr('d', next);
  });

  // a letter per marker in the first of two rows where it does not overlap the previous
  // one; skipped when both rows are taken there (the table lists them all)
  const lastX = [-Infinity, -Infinity];
  const rowOf = new Map<number, number>();
  for (const m of markers) {
    const px = x(m.t);
    const r = lastX.findIndex((lx) => px - lx >= LETTER_BOX + 1);
    if (r >= 0) lastX[r] = px;
    rowOf.set(m.seq, r);
  }
  const labelled = (m: Marker) => (rowOf.get(m.seq) ?? -1) >= 0;
  const rowY = (m: Marker) => 2 + Math.max(0, rowOf.get(m.seq) ?? 0) * (LETTER_BOX + 2);

  const ticks = g.markers!
    .selectAll<SVGGElement, Marker>('g.marker')
    .data(markers, (m) => String(m.seq))
    .join((enter) => {
      const e = enter.append('g').attr('class', 'marker');
      e.append('line');
      e.append('rect');
      e.append('text');
      e.append('title');
      if (animate) e.attr('opacity', 0).transition().duration(TRANSITION_MS).attr('opacity', 1);
      return e;
    })
    .attr('transform', (m) => `translate(${x(m.t)},0)`);
  ticks
    .select('line')
    .attr('y1', (m) => (labelled(m) ? rowY(m) + LETTER_BOX : MARGIN.top))
    .attr('y2', H - MARGIN.bottom)
    .attr('stroke', (m) => markerColours[m.kind] ?? axisInk)
    .attr('stroke-dasharray', '3 3');
  ticks
    .select('rect')
    .attr('x', -LETTER_BOX / 2)
    .attr('y', rowY)
    .attr('width', LETTER_BOX)
    .attr('height', LETTER_BOX)
    .attr('rx', 2)
    .attr('fill', (m) => markerColours[m.kind] ?? axisInk)
    .attr('display', (m) => (labelled(m) ? null : 'none'));
  ticks
    .select('text')
    .attr('y', (m) => rowY(m) + LETTER_BOX / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .attr('font-size', 10)
    .attr('font-weight', 700)
    .attr('fill', (m) => theme.markerInk[m.kind] ?? '#ffffff')
    .attr('display', (m) => (labelled(m) ? null : 'none'))
    .text((m) => MARKER_LETTER[m.kind] ?? '?');
  ticks.select('title').text((m) => `${formatClock(m.t)} ${m.label}`);
}
