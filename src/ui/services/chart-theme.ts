/**
 * How the charts draw: chart size (a viewBox the SVG scales to its box), margins, and per
 * role a colour from the Okabe-Ito palette together with a dash pattern, so that lines
 * differ by more than colour; per marker kind a colour and a letter.
 */

import { INK, LINE, MUTED, OKABE_ITO } from '../datacenter/palette';

export const CHART = { width: 720, readyHeight: 220, availHeight: 70 } as const;
export const MARGIN = { top: 36, right: 14, bottom: 24, left: 34 } as const;
/** The availability timeline has no marker rows above it. */
export const AVAIL_TOP = 6;

export const ROLE_STYLES: readonly { readonly colour: string; readonly dash: string }[] = [
  { colour: OKABE_ITO.blue, dash: '' },
  { colour: OKABE_ITO.vermillion, dash: '7 4' },
  { colour: OKABE_ITO.green, dash: '2 3' },
  { colour: OKABE_ITO.purple, dash: '10 3 2 3' },
  { colour: OKABE_ITO.orange, dash: '4 2' },
  { colour: INK, dash: '1 5' },
];

export const roleStyle = (i: number) => ROLE_STYLES[i % ROLE_STYLES.length]!;

export const MARKER_COLOURS: Readonly<Record<string, string>> = {
  fault: OKABE_ITO.vermillion,
  repair: OKABE_ITO.green,
  detection: OKABE_ITO.orange,
  healing: OKABE_ITO.blue,
};

/** Letter colour on each marker's box (dark on the light orange, white on the others). */
export const MARKER_INK: Readonly<Record<string, string>> = { fault: '#ffffff', repair: '#ffffff', detection: INK, healing: '#ffffff' };

export const BAND_FILL = { up: '#cfeee3', down: OKABE_ITO.vermillion, none: '#e6e9ed' } as const;
export const AXIS_INK = MUTED;
export const GRID_LINE = LINE;

/** Milliseconds of a redraw's transition (none when the person prefers reduced motion). */
export const TRANSITION_MS = 250;
