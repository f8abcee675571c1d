/**
 * Painter of the availability timeline: `paintAvailability(svg, input)` draws the span
 * as bands with d3 scales and an axis: up (light, plain), down (hatched) and not yet
 * available (grey, dotted), each band also labelled in words when it is wide enough.
 */

import { axisBottom, scaleLinear, select } from 'd3';
import { formatClock } from '../../sim/engine/time';
import { tickText, timeTicks, type Band, type Span } from './chart-data';
import { AVAIL_TOP, CHART, DEFAULT_CHART, MARGIN, type ChartTheme } from './chart-theme';
import { layers } from './paint-ready';

export interface AvailabilityInput {
  readonly bands: readonly Band[];
  readonly span: Span;
  /** Prefix for the ids of the hatch patterns (unique in the page). */
  readonly idPrefix: string;
  /** The theme's colours (default: DEFAULT_CHART). */
  readonly theme?: ChartTheme;
}

const BAND_TEXT = { up: 'up', down: 'down', none: 'not yet' } as const;

export function paintAvailability(svg: SVGSVGElement, input: AvailabilityInput): void {
  const { bands, span, idPrefix } = input;
  const theme = input.theme ?? DEFAULT_CHART;
  const axisInk = theme.axisInk;
  const bandFill = theme.bandFill;
  const W = CHART.width;
  const H = CHART.availHeight;
  const root = select(svg).attr('viewBox', `0 0 ${W} ${H}`);
  const g = layers(svg, ['defs', 'bands', 'labels', 'x-axis']);
  const down = `${idPrefix}-down`;
  const none = `${idPrefix}-none`;

  // hatch patterns, made once per theme
  if (root.select(`pattern`).empty() || g.defs!.attr('data-theme') !== theme.name) {
    g.defs!.selectAll('*').remove();
    g.defs!.attr('data-theme', theme.name);
    const defs = g.defs!.append('defs');
    const hatch = defs.append('pattern').attr('id', down).attr('width', 8).attr('height', 8).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
    hatch.append('rect').attr('width', 8).attr('height', 8).attr('fill', bandFill.down);
    hatch.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 8).attr('stroke', '#ffffff').attr('stroke-width', 3);
    const dots = defs.append('pattern').attr('id', none).attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse');
    dots.append('rect').attr('width', 6).attr('height', 6).attr('fill', bandFill.none);
    dots.append('circle').attr('cx', 3).attr('cy', 3).attr('r', 1).attr('fill', axisInk);
  }

  const x = scaleLinear().domain([span.start, span.end]).range([MARGIN.left, W - MARGIN.right]);
  const bottom = H - MARGIN.bottom;
  const fill = (b: Band) => (b.state === 'up' ? bandFill.up : b.state === 'down' ? `url(#${down})` : `url(#${none})`);

  g.bands!
    .selectAll<SVGRectElement, Band>('rect')
    .data(bands)
    .join((enter) => {
      const r = enter.append('rect');
      r.append('title');
      return r;
    })
    .attr('x', (b) => x(b.t0))
    .attr('y', AVAIL_TOP)
    .attr('width', (b) => Math.max(1, x(b.t1) - x(b.t0)))
    .attr('height', bottom - AVAIL_TOP)
    .attr('fill', fill)
    .attr('stroke', (b) => (b.state === 'down' ? theme.bandEdge : 'none'))
    .select('title')
    .text((b) => `${BAND_TEXT[b.state]} from ${formatClock(b.t0)} to ${formatClock(b.t1)}`);

  const wide = bands.filter((b) => x(b.t1) - x(b.t0) >= 44);
  g.labels!
    .selectAll<SVGTextElement, Band>('text')
    .data(wide)
    .join('text')
    .attr('x', (b) => (x(b.t0) + x(b.t1)) / 2)
    .attr('y', (AVAIL_TOP + bottom) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .attr('font-size', 12)
    .attr('font-weight', 600)
    .attr('paint-order', 'stroke')
    .attr('stroke', theme.labelHalo)
    .attr('stroke-width', 3)
    .attr('fill', theme.labelInk)
    .text((b) => BAND_TEXT[b.state]);

  g['x-axis']!
    .attr('transform', `translate(0,${bottom})`)
    .call(axisBottom<number>(x).tickValues(timeTicks(span)).tickFormat((v) => tickText(v, span)))
    .attr('color', axisInk);
}
