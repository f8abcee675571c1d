import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTimeline, SHOP_RUNNING_AT, wait } from '../../test/timeline';
import { Aggregates } from '../datacenter/aggregates';
import { buildGeometry } from '../datacenter/geometry';
import { GlyphSprites } from '../datacenter/glyph-canvas';
import { presetLayout } from '../datacenter/layout-fixture';
import { motionReduced } from '../datacenter/motion';
import { paint } from '../datacenter/paint';
import { DEFAULT_CANVAS, PRESENTER_CANVAS, type CanvasPalette } from '../datacenter/palette';
import type { Scene } from '../datacenter/scene';
import { installDomFakes, renderApp } from '../datacenter/test-setup';
import { DEFAULT_CHART, PRESENTER_CHART } from '../services/chart-theme';
import { ANIMATIONS_KEY, displayStore, resetDisplay, setAnimations, startDisplay } from './display';
import { readDisplayParams, withPresenterParam } from './url';

beforeEach(() => {
  installDomFakes();
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  resetDisplay();
  localStorage.clear();
  const html = document.documentElement;
  html.removeAttribute('data-theme');
  html.removeAttribute('data-motion');
});

const html = () => document.documentElement;

describe('the display settings of the address', () => {
  it('reads ?presenter and ?animations, and reports a bad value', () => {
    expect(readDisplayParams('')).toEqual({ presenter: undefined, animations: undefined, problems: [] });
    expect(readDisplayParams('?presenter=1&animations=0')).toEqual({ presenter: true, animations: false, problems: [] });
    expect(readDisplayParams('?presenter=true&seed=4')).toMatchObject({ presenter: true });
    const bad = readDisplayParams('?presenter=maybe');
    expect(bad.presenter).toBeUndefined();
    expect(bad.problems).toEqual(['URL parameter presenter: "maybe" is not 1 or 0; presenter mode stays off.']);
  });

  it('sets or removes ?presenter=1 and keeps the other parameters', () => {
    expect(withPresenterParam('http://x/?seed=4', true)).toBe('http://x/?seed=4&presenter=1');
    expect(withPresenterParam('http://x/?presenter=1&seed=4', false)).toBe('http://x/?seed=4');
  });

  it('applies them to <html> at startup', () => {
    startDisplay('?presenter=1&animations=0');
    expect(html()).toHaveAttribute('data-theme', 'presenter');
    expect(html()).toHaveAttribute('data-motion', 'off');
    expect(motionReduced()).toBe(true);
  });
});

describe('the top bar display controls', () => {
  it('Presenter mode is a toggle button: the theme on <html> and the address follow it', async () => {
    const user = userEvent.setup();
    renderApp();
    const toggle = screen.getByRole('button', { name: 'Presenter mode' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(html()).not.toHaveAttribute('data-theme');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(html()).toHaveAttribute('data-theme', 'presenter');
    expect(window.location.search).toBe('?presenter=1');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(html()).not.toHaveAttribute('data-theme');
    expect(window.location.search).toBe('');
  });

  it('Animations is a switch, remembered, and motion is reduced when it is off', async () => {
    const user = userEvent.setup();
    // jsdom's matchMedia fake of these tests says "reduce": take the system setting out
    Object.defineProperty(window, 'matchMedia', { configurable: true, value: undefined });
    renderApp();
    const sw = screen.getByRole('switch', { name: 'Animations' });
    expect(sw).toHaveAttribute('aria-checked', 'true');
    expect(motionReduced()).toBe(false);
    await user.click(sw);
    expect(sw).toHaveAttribute('aria-checked', 'false');
    expect(html()).toHaveAttribute('data-motion', 'off');
    expect(localStorage.getItem(ANIMATIONS_KEY)).toBe('off');
    expect(motionReduced()).toBe(true);
    // a new page starts with the saved choice
    act(() => resetDisplay());
    act(() => startDisplay(''));
    expect(displayStore.getState().animations).toBe(false);
    act(() => setAnimations(true));
    expect(html()).not.toHaveAttribute('data-motion');
  });

  it('redraws the charts with the high-contrast theme', async () => {
    const user = userEvent.setup();
    const app = renderApp();
    await user.click(screen.getByRole('tab', { name: 'Services' }));
    app.feed(recordTimeline({}, [wait(SHOP_RUNNING_AT)]));
    const chart = screen.getByRole('img', { name: /^Ready instances per role/ });
    const widths = () => [...chart.querySelectorAll('.lines path')].map((p) => p.getAttribute('stroke-width'));
    expect(widths()).toEqual(['2.5', '2.5']);
    await user.click(screen.getByRole('button', { name: 'Presenter mode' }));
    expect(widths()).toEqual(['3.5', '3.5']);
    expect(chart.querySelector('.lines path')).toHaveAttribute('stroke', PRESENTER_CHART.roles[0]!.colour);
  });
});

/** Relative luminance and contrast ratio (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('the high-contrast palettes', () => {
  it('give every chart line and marker at least 3:1 on white, and the canvas text at least 7:1', () => {
    for (const r of PRESENTER_CHART.roles) expect(contrast(r.colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    for (const c of Object.values(PRESENTER_CHART.markerColours)) expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(3);
    for (const [k, c] of Object.entries(PRESENTER_CHART.markerColours)) expect(contrast(PRESENTER_CHART.markerInk[k]!, c)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(PRESENTER_CHART.axisInk, '#ffffff')).toBeGreaterThanOrEqual(7);
    for (const bg of [PRESENTER_CANVAS.containerBg, PRESENTER_CANVAS.rackBg, PRESENTER_CANVAS.canvasBg]) {
      expect(contrast(PRESENTER_CANVAS.ink, bg)).toBeGreaterThanOrEqual(7);
      expect(contrast(PRESENTER_CANVAS.muted, bg)).toBeGreaterThanOrEqual(7);
    }
    expect(contrast(PRESENTER_CANVAS.line, PRESENTER_CANVAS.containerBg)).toBeGreaterThanOrEqual(3);
    // the default theme keeps its own colours
    expect(DEFAULT_CHART.lineWidth).toBeLessThan(PRESENTER_CHART.lineWidth);
  });

  it('is what the data center painter draws with', () => {
    const fills = (palette: CanvasPalette | undefined) => {
      const seen: string[] = [];
      const ctx = new Proxy({} as Record<string, unknown>, {
        get: (t, name: string) => (name in t ? t[name] : name === 'measureText' ? () => ({ width: 10 }) : () => undefined),
        set: (t, name: string, v) => {
          if (name === 'fillStyle' || name === 'strokeStyle') seen.push(String(v));
          t[name] = v;
          return true;
        },
      }) as unknown as CanvasRenderingContext2D;
      const geo = buildGeometry(presetLayout('demo'));
      const n = geo.layout.hostCount;
      const agg = new Aggregates(geo);
      const status = new Uint8Array(n);
      const fault = new Uint8Array(n);
      agg.refreshHosts(status, fault);
      const scene: Scene = { geo, status, fault, agg, containers: new Map(), selected: undefined, sprites: new GlyphSprites(() => null), ...(palette ? { palette } : {}) };
      paint(ctx, scene, { k: 2, x: 0, y: 0, width: 1000, height: 700, dpr: 1 });
      return seen;
    };
    const plain = fills(undefined);
    const presenting = fills(PRESENTER_CANVAS);
    expect(plain[0]).toBe(DEFAULT_CANVAS.canvasBg);
    expect(presenting[0]).toBe(PRESENTER_CANVAS.canvasBg);
    expect(presenting).toContain(PRESENTER_CANVAS.line);
    expect(presenting).not.toContain(DEFAULT_CANVAS.line);
  });
});
