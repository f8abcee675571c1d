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
