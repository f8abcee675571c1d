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

/**
 * Everything the chart painters colour, per theme. Presenter mode's high-contrast
 * variant keeps the Okabe-Ito hues but darkens the light ones (orange, vermillion,
 * green, purple) so that each line and marker reaches 3:1 against white, draws the lines thicker, and
 * puts the axes and the grid in black and dark grey.
 */
export interface ChartTheme {
  readonly name: 'default' | 'presenter';
  readonly roles: readonly { readonly colour: string; readonly dash: string }[];
  readonly lineWidth: number;
  readonly markerColours: Readonly<Record<string, string>>;
  readonly markerInk: Readonly<Record<string, string>>;
  readonly bandFill: { readonly up: string; readonly down: string; readonly none: string };
  readonly bandEdge: string;
  readonly axisInk: string;
  readonly gridLine: string;
  readonly labelInk: string;
  readonly labelHalo: string;
}

export const DEFAULT_CHART: ChartTheme = {
  name: 'default',
  roles: ROLE_STYLES,
  lineWidth: 2.5,
  markerColours: MARKER_COLOURS,
  markerInk: MARKER_INK,
  bandFill: BAND_FILL,
  bandEdge: '#a84a00',
  axisInk: AXIS_INK,
  gridLine: GRID_LINE,
  labelInk: INK,
  labelHalo: '#ffffff',
};

export const PRESENTER_CHART: ChartTheme = {
  name: 'presenter',
  roles: [
    { colour: OKABE_ITO.blue, dash: '' },
    { colour: '#b34f00', dash: '7 4' },
    { colour: '#00805d', dash: '2 3' },
    { colour: '#a3457a', dash: '10 3 2 3' },
    { colour: '#8f6200', dash: '4 2' },
    { colour: '#000000', dash: '1 5' },
  ],
  lineWidth: 3.5,
  markerColours: { fault: '#b34f00', repair: '#00805d', detection: '#8f6200', healing: OKABE_ITO.blue },
  markerInk: { fault: '#ffffff', repair: '#ffffff', detection: '#ffffff', healing: '#ffffff' },
  bandFill: { up: '#bfe6d7', down: '#b34f00', none: '#dde1e6' },
  bandEdge: '#6b2700',
  axisInk: '#000000',
  gridLine: '#8c959f',
  labelInk: '#000000',
  labelHalo: '#ffffff',
};

/** The style of role line `i` in a theme. */
export const themeRole = (theme: ChartTheme, i: number) => theme.roles[i % theme.roles.length]!;
