import { describe, expect, it } from 'vitest';
import { HostCode } from '../../sim/hardware/status';
import { Aggregates } from './aggregates';
import { buildGeometry } from './geometry';
import { GlyphSprites } from './glyph-canvas';
import { presetLayout } from './layout-fixture';
import { paint } from './paint';
import type { Scene } from './scene';
import { fitTransform, lodFor, type Viewport } from './viewport';

/** A 2D context that records the calls made on it. */
function recordingContext(): { ctx: CanvasRenderingContext2D; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const props: Record<string, unknown> = {};
  const ctx = new Proxy(props, {
    get(target, name: string) {
      if (name in target) return target[name];
      return (...args: unknown[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        if (name === 'measureText') return { width: String(args[0]).length * 6 };
        if (name === 'createPattern') return {};
        return undefined;
      };
    },
    set(target, name: string, value) {
      target[name] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

function sceneOf(preset: string, sprites: boolean): Scene {
  const geo = buildGeometry(presetLayout(preset));
  const n = geo.layout.hostCount;
  const status = new Uint8Array(n);
  status[3] = HostCode.Down;
  const fault = new Uint8Array(n);
  const agg = new Aggregates(geo);
  agg.refreshHosts(status, fault);
  const spriteCanvas = () => ({ width: 0, height: 0, getContext: () => recordingContext().ctx }) as unknown as HTMLCanvasElement;
  return { geo, status, fault, agg, containers: new Map(), selected: undefined, sprites: sprites ? new GlyphSprites(spriteCanvas) : new GlyphSprites(() => null) };
}

function fitViewport(scene: Scene, width = 1000, height = 700): Viewport {
  const t = fitTransform({ x: 0, y: 0, w: scene.geo.width, h: scene.geo.height }, width, height, 2.4);
  return { ...t, width, height, dpr: 2 };
}

describe('the painter', () => {
  it('does nothing without a context (jsdom has none)', () => {
    const scene = sceneOf('demo', true);
    expect(() => paint(null, scene, fitViewport(scene))).not.toThrow();
  });

  it('draws every host of a small data center with one sprite each', () => {
    const scene = sceneOf('demo', true);
    const vp = fitViewport(scene);
    expect(lodFor(vp.k)).toBe('hosts');
    const { ctx, calls } = recordingContext();
    paint(ctx, scene, vp);
    expect(calls.get('drawImage')).toBe(64);
    expect(calls.get('setTransform')).toBe(1);
  });

  it('draws glyphs by hand when sprites are unavailable', () => {
    const scene = sceneOf('classroom', false);
    const { ctx, calls } = recordingContext();
    paint(ctx, scene, fitViewport(scene));
    expect(calls.get('drawImage')).toBeUndefined();
    expect(calls.get('fillRect')!).toBeGreaterThanOrEqual(12);
  });

  it('draws only the hosts in view when zoomed in', () => {
    const scene = sceneOf('cluster', true);
    const k0 = scene.geo.containers[0]!;
    const vp: Viewport = { k: 2, x: -k0.x * 2, y: -k0.y * 2, width: 300, height: 400, dpr: 1 };
    const { ctx, calls } = recordingContext();
    paint(ctx, scene, vp);
    const drawn = calls.get('drawImage') ?? 0;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(60);
  });

  it('draws 100,000 hosts as container tiles, with work per container, not per host', () => {
    const scene = sceneOf('region', true);
    const vp = fitViewport(scene);
    expect(lodFor(vp.k)).toBe('containers');
    const { ctx, calls } = recordingContext();
    paint(ctx, scene, vp);
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    expect(calls.get('drawImage')).toBeUndefined();
    expect(total).toBeLessThan(50 * 40);
  });

  it('draws racks as bars in between, with work per rack', () => {
    const scene = sceneOf('region', true);
    const vp: Viewport = { k: 0.2, x: 0, y: 0, width: 1000, height: 700, dpr: 1 };
    expect(lodFor(vp.k)).toBe('racks');
    const { ctx, calls } = recordingContext();
    paint(ctx, scene, vp);
    expect(calls.get('drawImage')).toBeUndefined();
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(2000 * 12);
  });
});
