import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chartSize, chartSvgText } from './chart';
import { downloadBlob, fileStem, REVOKE_AFTER_MS, safeFileName } from './download';
import { exportFile, EXPORT_ITEMS } from './files';

const SVG_NS = 'http://www.w3.org/2000/svg';

describe('file names', () => {
  it('names files after the seed and the simulated time', () => {
    expect(fileStem(42, 40 * 60_000)).toBe('fabric-lab-seed42-0d0h40m');
    expect(fileStem(7, 2 * 86_400_000 + 3 * 3_600_000 + 5 * 60_000 + 59_999)).toBe('fabric-lab-seed7-2d3h5m');
    expect(fileStem(undefined, 0)).toBe('fabric-lab-seedunknown-0d0h0m');
  });

  it('keeps only safe characters', () => {
    expect(safeFileName('fabric-lab-seed1-0d0h1m-ready-shop/production.svg')).toBe('fabric-lab-seed1-0d0h1m-ready-shop-production.svg');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('<>:"|?*')).toBe('fabric-lab');
  });
});

describe('downloadBlob', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    URL.createObjectURL = vi.fn(() => 'blob:fake/1');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('clicks a temporary link with the file name, then revokes the URL', () => {
    const clicked: { href: string; download: string; inPage: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inPage: document.body.contains(this) });
    });
    const blob = new Blob(['hi'], { type: 'text/plain' });
    downloadBlob(blob, 'a b.txt');
    expect(URL.createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([{ href: 'blob:fake/1', download: 'a-b.txt', inPage: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:fake/1');
  });
});

describe('chartSvgText', () => {
  afterEach(() => {
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  function chart(): SVGSVGElement {
    const style = document.createElement('style');
    style.textContent = '.panel { background-color: rgb(250, 251, 252); } .svc-chart-svg { font-family: Georgia; } .bar { fill: rgb(1, 2, 3); }';
    document.head.append(style);
    const panel = document.createElement('div');
    panel.className = 'panel';
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('class', 'svc-chart-svg');
    svg.setAttribute('viewBox', '0 0 720 70');
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('class', 'bar');
    rect.setAttribute('width', '10');
    const text = document.createElementNS(SVG_NS, 'text');
    text.textContent = 'a < b & "c"';
    svg.append(rect, text);
    panel.append(svg);
    document.body.append(panel);
    return svg;
  }

  it('writes a standalone SVG: namespace, size, the page styles inline, the panel background behind', () => {
    const svg = chart();
    expect(chartSize(svg)).toEqual({ width: 720, height: 70 });
    const text = chartSvgText(svg);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('width')).toBe('720');
    expect(root.getAttribute('height')).toBe('70');
    expect(root.getAttribute('class')).toBeNull();
    expect(root.getAttribute('style')).toMatch(/font-family: Georgia/);
    const [bg, bar, label] = [...root.children];
    expect(bg!.tagName).toBe('rect');
    expect(bg!.getAttribute('fill')).toBe('rgb(250, 251, 252)');
    expect(bar!.getAttribute('style')).toMatch(/fill: rgb\(1, 2, 3\)/);
    // what it inherits unchanged is not repeated
    expect(bar!.getAttribute('style')).not.toMatch(/font-family/);
    // text stays text
    expect(label!.textContent).toBe('a < b & "c"');
    expect(text).toContain('a &lt; b &amp; "c"');
    // the chart on screen is left as it was
    expect(svg.getAttribute('class')).toBe('svc-chart-svg');
    expect(svg.children).toHaveLength(2);
  });
});

describe('export files', () => {
  it('offers the five files in order', () => {
    expect(EXPORT_ITEMS.map((i) => i.label)).toEqual(['Event log (JSON Lines)', 'Event log (CSV)', 'Run report (Markdown)', 'Run report (HTML)', 'Run file (JSON)']);
  });

  it('refuses a reply of the wrong kind', () => {
    expect(() => exportFile('md', { what: 'log', records: [], total: 0, truncated: false }, 1, 0)).toThrow(/log export for a md file/);
  });
});
