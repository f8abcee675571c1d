/**
 * Colours of the data center view: the Okabe-Ito palette (safe for the common
 * colour-vision deficiencies), the same values as the custom properties in styles.css,
 * as literals because a canvas cannot read CSS variables cheaply.
 */

export const OKABE_ITO = {
  orange: '#e69f00',
  sky: '#56b4e9',
  green: '#009e73',
  yellow: '#f0e442',
  blue: '#0072b2',
  vermillion: '#d55e00',
  purple: '#cc79a7',
  black: '#000000',
} as const;

export const INK = '#1b1f24';
export const MUTED = '#57606a';
export const PAPER = '#ffffff';
export const PANEL = '#f6f8fa';
export const LINE = '#d0d7de';
export const CANVAS_BG = '#eef1f4';
export const CONTAINER_BG = '#ffffff';
export const RACK_BG = '#f3f5f7';
export const GREY = '#8c959f';
export const DARK = '#30363d';

/** Fill of a container tile by the share of its hosts that are not Healthy (with the share written on it too). */
export function shareFill(share: number): string {
  if (share <= 0) return '#d7f0e7';
  if (share < 0.05) return '#fbeacb';
  if (share < 0.25) return '#f6cfa0';
  return '#f2b79a';
}

/** Edge of a container tile, by the same bands. */
export function shareEdge(share: number): string {
  if (share <= 0) return OKABE_ITO.green;
  if (share < 0.25) return OKABE_ITO.orange;
  return OKABE_ITO.vermillion;
}

/**
 * The colours the data center painters read, per theme: the default one, and the
 * high-contrast one of presenter mode (pure black ink, dark frames drawn thicker, a
 * darker ground between the containers). The status glyphs keep their Okabe-Ito fills in
 * both: they are drawn on white paper either way.
 */
export interface CanvasPalette {
  readonly canvasBg: string;
  readonly containerBg: string;
  readonly rackBg: string;
  readonly ink: string;
  readonly muted: string;
  readonly paper: string;
  /** A container's frame, and its width in px. */
  readonly line: string;
  readonly lineWidth: number;
  /** The bars of a rack's ToR switch and PDU when zoomed out. */
  readonly deviceBar: string;
  /** The text of a failed container. */
  readonly failedText: string;
}

export const DEFAULT_CANVAS: CanvasPalette = {
  canvasBg: CANVAS_BG,
  containerBg: CONTAINER_BG,
  rackBg: RACK_BG,
  ink: INK,
  muted: MUTED,
  paper: PAPER,
  line: LINE,
  lineWidth: 1,
  deviceBar: '#aab4be',
  failedText: '#a33a00',
};

export const PRESENTER_CANVAS: CanvasPalette = {
  canvasBg: '#d3d9df',
  containerBg: '#ffffff',
  rackBg: '#eef1f4',
  ink: '#000000',
  muted: '#24292f',
  paper: '#ffffff',
  line: '#24292f',
  lineWidth: 2,
  deviceBar: '#6e7781',
  failedText: '#8a3100',
};
