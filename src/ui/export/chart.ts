/**
 * Saving a chart as it looks on screen. The charts are SVG drawn by d3 (services/paint-
 * *.ts), styled partly by the page's CSS (fonts, axis colours through currentColor), so
 * the SVG file is a copy of the chart with each element's computed presentation styles
 * written inline and the background of its panel painted behind it: it then looks the
 * same without the page. The PNG is that SVG drawn into a canvas at twice its size.
 */

import { downloadBlob } from './download';

/** Inherited presentation properties: written where they differ from the parent's. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
] as const;

/** Properties that do not inherit: written where they differ from their initial value. */
const OWN: Readonly<Record<string, string>> = { opacity: '1', display: 'inline' };

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's size: its viewBox, or its box on screen. */
export function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg.getAttribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (vb && vb.length === 4 && vb[2]! > 0 && vb[3]! > 0) return { width: vb[2]!, height: vb[3]! };
  const box = svg.getBoundingClientRect();
  return { width: Math.round(box.width) || 720, height: Math.round(box.height) || 220 };
}

const transparent = (c: string) => c === '' || c === 'transparent' || /^rgba\(\s*0,\s*0,\s*0,\s*0\s*\)$/.test(c);

/** The colour behind the chart: the first ancestor with a background, else white. */
function backgroundOf(el: Element): string {
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e && view; e = e.parentElement) {
    const bg = view.getComputedStyle(e).backgroundColor;
    if (!transparent(bg)) return bg;
  }
  return '#ffffff';
}

/** Copies the computed styles of `live` and its descendants onto `copy` and its descendants. */
function inline(live: Element, copy: Element, view: Window, parent: CSSStyleDeclaration | undefined): void {
  const cs = view.getComputedStyle(live);
  const style = (copy as SVGElement).style;
  for (const p of INHERITED) {
    const v = cs.getPropertyValue(p);
    // the same as inherited, and no attribute of its own to override: nothing to write
    if (!v || (parent && parent.getPropertyValue(p) === v && !live.hasAttribute(p))) continue;
    style.setProperty(p, v);
  }
  for (const [p, initial] of Object.entries(OWN)) {
    const v = cs.getPropertyValue(p);
    if (v && (v !== initial || live.hasAttribute(p))) style.setProperty(p, v);
  }
  const a = live.children;
  const b = copy.children;
  for (let i = 0; i < a.length && i < b.length; i++) inline(a[i]!, b[i]!, view, cs);
}

/** The chart as a standalone SVG document (text), with its styles inline and its background. */
export function chartSvgText(svg: SVGSVGElement): string {
  const view = svg.ownerDocument.defaultView;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  if (view) inline(svg, copy, view, undefined);
  const { width, height } = chartSize(svg);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.removeAttribute('class');
  copy.style.removeProperty('display');
  const bg = copy.ownerDocument.createElementNS(SVG_NS, 'rect');
  const vb = copy.getAttribute('viewBox')!.split(/[\s,]+/);
  bg.setAttribute('x', vb[0] ?? '0');
  bg.setAttribute('y', vb[1] ?? '0');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', backgroundOf(svg));
  copy.insertBefore(bg, copy.firstChild);
  let text = new XMLSerializer().serializeToString(copy);
  // an SVG element serializes with its namespace; one made some other way gets it here
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

export function saveChartSvg(svg: SVGSVGElement, name: string): void {
  downloadBlob(new Blob([chartSvgText(svg)], { type: 'image/svg+xml;charset=utf-8' }), name);
}

/** The chart drawn into a canvas at `scale` times its size, as a PNG. */
export async function chartPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = chartSize(svg);
  const url = URL.createObjectURL(new Blob([chartSvgText(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the browser could not draw the chart as an image'));
      img.src = url;
    });
    const canvas = svg.ownerDocument.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas here');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be saved as PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function saveChartPng(svg: SVGSVGElement, name: string): Promise<void> {
  downloadBlob(await chartPngBlob(svg), name);
}
