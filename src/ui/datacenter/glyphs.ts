/**
 * The glyph of every status, as data: a fill and border from the Okabe-Ito palette plus
 * marks (lines, dots, polygons) in a unit square, so that no status is told by colour
 * alone. One table, two renderers: glyph-canvas.ts paints them on the data center canvas
 * and Glyph.tsx draws them as inline SVG in the legend and the inspector.
 */

import { HOST_STATUSES, type HostStatus } from '../../sim/hardware/status';
import { DARK, GREY, INK, OKABE_ITO, PAPER } from './palette';

export type Mark =
  | { readonly kind: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly width: number }
  | { readonly kind: 'dot'; readonly cx: number; readonly cy: number; readonly r: number; readonly filled: boolean; readonly width: number }
  | { readonly kind: 'poly'; readonly points: readonly (readonly [number, number])[] };

export interface GlyphStyle {
  readonly fill: string;
  readonly border: string;
  /** Border width, in units of the glyph's size. */
  readonly borderWidth: number;
  /** Border dash pattern, in units of the glyph's size (dotted border for burn-in). */
  readonly dash?: readonly number[];
  /** Colour of the marks. */
  readonly ink: string;
  readonly marks: readonly Mark[];
}

const line = (x1: number, y1: number, x2: number, y2: number, width = 0.12): Mark => ({ kind: 'line', x1, y1, x2, y2, width });

export const STATUS_GLYPHS: { readonly [K in HostStatus]: GlyphStyle } = {
  // filled square
  Healthy: { fill: OKABE_ITO.green, border: '#00775a', borderWidth: 0.08, ink: PAPER, marks: [] },
  // hollow square with a slash
  Unreachable: { fill: PAPER, border: OKABE_ITO.orange, borderWidth: 0.18, ink: '#b87d00', marks: [line(0.22, 0.78, 0.78, 0.22, 0.16)] },
  // dark, with an unlit dot
  PoweredOff: {
    fill: DARK,
    border: INK,
    borderWidth: 0.08,
    ink: '#c9d1d9',
    marks: [{ kind: 'dot', cx: 0.5, cy: 0.5, r: 0.17, filled: false, width: 0.1 }],
  },
  // a cross
  Down: { fill: OKABE_ITO.vermillion, border: '#a84a00', borderWidth: 0.08, ink: PAPER, marks: [line(0.24, 0.24, 0.76, 0.76, 0.16), line(0.76, 0.24, 0.24, 0.76, 0.16)] },
  // diagonal hatch
  OutForRepair: {
    fill: '#f5dce9',
    border: OKABE_ITO.purple,
    borderWidth: 0.12,
    ink: '#a3457a',
    marks: [line(0, 0.5, 0.5, 0), line(0, 1, 1, 0), line(0.5, 1, 1, 0.5)],
  },
  // an exclamation mark
  HumanInvestigate: {
    fill: OKABE_ITO.yellow,
    border: INK,
    borderWidth: 0.08,
    ink: INK,
    marks: [line(0.5, 0.18, 0.5, 0.56, 0.16), { kind: 'dot', cx: 0.5, cy: 0.76, r: 0.09, filled: true, width: 0 }],
  },
  // a dotted border
  BurnIn: { fill: OKABE_ITO.sky, border: '#004f7c', borderWidth: 0.14, dash: [0.14, 0.1], ink: PAPER, marks: [] },
  // grey with horizontal hatch
  Offline: { fill: GREY, border: '#6e7781', borderWidth: 0.08, ink: PAPER, marks: [line(0.12, 0.32, 0.88, 0.32, 0.09), line(0.12, 0.5, 0.88, 0.5, 0.09), line(0.12, 0.68, 0.88, 0.68, 0.09)] },
};

/** Glyph per status code (index into HOST_STATUSES). */
export const GLYPH_BY_CODE: readonly GlyphStyle[] = HOST_STATUSES.map((s) => STATUS_GLYPHS[s]);

/** Overlay for a fault injected but not yet detected: a black corner notch. */
export const UNDETECTED_MARK: Mark = { kind: 'poly', points: [[0.42, 0], [1, 0], [1, 0.58]] };
export const UNDETECTED_INK = INK;

/** A switch, PDU or load balancer that works, and one that failed (a cross). */
export const DEVICE_UP: GlyphStyle = { fill: '#e6ecf2', border: '#6e7781', borderWidth: 0.08, ink: INK, marks: [] };
export const DEVICE_FAILED: GlyphStyle = {
  fill: OKABE_ITO.vermillion,
  border: '#a84a00',
  borderWidth: 0.08,
  ink: PAPER,
  marks: [line(0.28, 0.28, 0.72, 0.72, 0.14), line(0.72, 0.28, 0.28, 0.72, 0.14)],
};

/** Status codes of hosts that count as unhealthy in aggregates (everything but Healthy). */
export const HEALTHY_CODE = 0;
/** Ground-truth fault code 0 is "none". */
export const NO_FAULT = 0;
const HEALTHY = 0;
const BURN_IN = HOST_STATUSES.indexOf('BurnIn');

/** A fault is injected but the FC has not detected it yet. */
export function isUndetected(status: number, fault: number): boolean {
  return fault !== NO_FAULT && (status === HEALTHY || status === BURN_IN);
}
