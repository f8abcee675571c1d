/**
 * The browser benchmark: the `region` preset (100,000 hosts) with many services and
 * faults all along (region-load.ts), running at 600x, while a script zooms with the
 * wheel, pans by dragging and clicks assets (select, the action menu, the inspector,
 * sometimes a fault injected through the menu) for 30 s. It measures in the page: the
 * time between animation frames, long tasks, the bytes of what the worker posts per
 * frame (`?perf=1`, src/ui/perf.ts) and the time until the view first takes input.
 * Nothing here asserts a figure: the results go to a JSON file that
 * scripts/bench-ui.mjs prints.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_LOAD, regionLoadScenario, rng, type RegionLoadOptions } from './region-load';

const SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 30);
const SPEED = process.env.BENCH_UI_SPEED ?? '600';
const OUT = process.env.BENCH_UI_OUT ?? 'node_modules/.cache/bench-ui/result.json';
const LOAD: RegionLoadOptions = {
  ...DEFAULT_LOAD,
  ...(process.env.BENCH_UI_SERVICES ? { services: Number(process.env.BENCH_UI_SERVICES) } : {}),
};

interface PageWindow {
  __fabricPerf?: {
    frames: number;
    bytes: number;
    frameBytes: number[];
    snapshotBytes: number;
    firstSnapshotMs?: number;
    interactiveMs?: number;
    t: number;
    parts: Record<string, number>;
    paints: number[];
    reset(): void;
  };
  __bench?: { deltas: number[]; long: { start: number; duration: number }[]; frames: LongFrame[]; on: boolean; from: number };
}

/** A long animation frame (over 50 ms): when, how long, and the scripts that ran in it. */
interface LongFrame {
  readonly start: number;
  readonly duration: number;
  readonly scripts: string;
}

/** Installed before the app: observers of long tasks and long animation frames from the start, and an animation-frame clock. */
function benchInit(): void {
  const w = window as unknown as PageWindow;
  const b = { deltas: [] as number[], long: [] as { start: number; duration: number }[], frames: [] as LongFrame[], on: false, from: 0 };
  w.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task timing in this browser
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e as unknown as { scripts: { invoker: string; sourceFunctionName: string; duration: number }[] }).scripts ?? [];
        b.frames.push({
          start: e.startTime,
          duration: e.duration,
          scripts: scripts.map((x) => `${x.invoker}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''} ${Math.round(x.duration)} ms`).join(', '),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no long animation frame timing in this browser
  }
  let last: number | undefined;
  const tick = (t: number) => {
    if (b.on && last !== undefined) b.deltas.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const percentile = (xs: readonly number[], p: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

/** An asset button of the layer whose centre is in the view, by kind (`host`, `tile`, ...), picked with `u` in [0, 1). */
async function assetInView(page: Page, kinds: readonly string[], u: number): Promise<{ id: string; x: number; y: number } | null> {
  return page.evaluate(
    ({ kinds, u }) => {
      const view = document.querySelector('.dc-view')!.getBoundingClientRect();
      const found: { id: string; x: number; y: number }[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.dc-layer [data-asset]')) {
        if (!kinds.some((k) => el.classList.contains(`asset-${k}`))) continue;
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (x > view.left + 20 && x < view.right - 20 && y > view.top + 20 && y < view.bottom - 20) found.push({ id: el.dataset.asset!, x, y });
      }
      return found.length === 0 ? null : found[Math.floor(u * found.length)]!;
    },
    { kinds, u },
  );
}

test('region: zoom, pan and select while the simulation runs with faults', async ({ page }) => {
  const scenario = JSON.stringify(regionLoadScenario(LOAD));
  await page.route('**/bench/region-load.json', (route) => route.fulfill({ contentType: 'application/json', body: scenario }));
  await page.addInitScript(benchInit);
  await page.goto(`/?scenario=bench/region-load.json&speed=${SPEED}&perf=1`);
  await page.waitForFunction(() => (window as unknown as PageWindow).__fabricPerf?.interactiveMs !== undefined, null, { timeout: 300_000 });
  const start = await page.evaluate(() => {
    const p = (window as unknown as PageWindow).__fabricPerf!;
    return { interactiveMs: p.interactiveMs!, firstSnapshotMs: p.firstSnapshotMs!, snapshotBytes: p.snapshotBytes, isolated: window.crossOriginIsolated };
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await expect(page.getByRole('button', { name: 'Container c49', exact: true })).toBeAttached();

  const view = (await page.locator('.dc-view').boundingBox())!;
  const menu = page.getByRole('menu');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const rand = rng(1);
  const point = () => ({ x: view.x + view.width * (0.2 + 0.6 * rand()), y: view.y + view.height * (0.2 + 0.6 * rand()) });
  const stats = { wheels: 0, drags: 0, selections: 0, faults: 0, maxButtons: 0 };
  const countButtons = async () => {
    const n = await page.locator('.dc-layer [data-asset]').count();
    stats.maxButtons = Math.max(stats.maxButtons, n);
  };
  const wheel = async (dy: number, times: number) => {
    const p = point();
    await page.mouse.move(p.x, p.y);
    for (let i = 0; i < times; i++) {
      await page.mouse.wheel(0, dy);
      stats.wheels++;
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(150);
  };
  const drag = async () => {
    const p = point();
    const dx = (rand() - 0.5) * view.width * 0.6;
    const dy = (rand() - 0.5) * view.height * 0.6;
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(p.x + (dx * i) / 12, p.y + (dy * i) / 12);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    stats.drags++;
    await page.waitForTimeout(150);
  };
  const selectAsset = async (kinds: readonly string[], fault: boolean) => {
    const a = await assetInView(page, kinds, rand());
    if (!a) return;
    await page.mouse.click(a.x, a.y);
    await expect(menu).toBeVisible();
    await expect(inspector.getByRole('heading', { name: a.id, exact: true })).toBeVisible();
    stats.selections++;
    if (fault) {
      const item = menu.getByRole('menuitem', { name: 'Fail (crash)', exact: true });
      if (await item.isEnabled()) {
        await item.click();
        stats.faults++;
      } else await page.keyboard.press('Escape');
    } else await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await page.waitForTimeout(100);
  };

  // settle for a moment, then measure
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as PageWindow;
    w.__fabricPerf!.reset();
    w.__bench!.deltas.length = 0;
    w.__bench!.from = performance.now();
    w.__bench!.on = true;
  });
  const t0 = Date.now();
  let round = 0;
  while (Date.now() - t0 < SECONDS * 1000) {
    // from the overview to host level, about a random point
    await wheel(-100, 20);
    await countButtons();
    await drag();
    await countButtons();
    await selectAsset(['host'], round % 3 === 2);
    await drag();
    await selectAsset(['host', 'tor', 'pdu', 'rack'], false);
    // back out to the overview
    await wheel(100, 20);
    await drag();
    // a container tile zooms in onto it (an animated move)
    await selectAssetTile();
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.waitForTimeout(400);
    round++;
  }
  async function selectAssetTile() {
    const a = await assetInView(page, ['tile'], rand());
    if (!a) return;
    await page.mouse.click(a.x, a.y);
    stats.selections++;
    await page.waitForTimeout(500);
    await countButtons();
  }
  const result = await page.evaluate(() => {
    const w = window as unknown as PageWindow;
    const b = w.__bench!;
    b.on = false;
    const p = w.__fabricPerf!;
    return {
      deltas: [...b.deltas],
      long: b.long.filter((l) => l.start >= b.from),
      longFrames: b.frames.filter((l) => l.start >= b.from),
      startupLong: b.long.filter((l) => l.start < b.from),
      frames: p.frames,
      bytes: p.bytes,
      frameBytes: [...p.frameBytes],
      simT: p.t,
      parts: { ...p.parts },
      paints: [...p.paints],
      elapsedMs: performance.now() - b.from,
    };
  });
  expect(errors).toEqual([]);

  const deltas = result.deltas;
  const out = {
    preset: 'region',
    hosts: 100_000,
    services: LOAD.services,
    instances: LOAD.services * LOAD.instancesPerRole * 2,
    speed: SPEED,
    seconds: r1(result.elapsedMs / 1000),
    rounds: round,
    ...stats,
    frameP50Ms: r1(percentile(deltas, 50)),
    frameP95Ms: r1(percentile(deltas, 95)),
    frameMaxMs: r1(Math.max(0, ...deltas)),
    animationFrames: deltas.length,
    framesOver20Ms: deltas.filter((d) => d > 20).length,
    // a missed frame: more than one and a half 60 Hz intervals between two animation frames
    missedFramesPct: r1((100 * deltas.filter((d) => d > 25).length) / Math.max(1, deltas.length)),
    clockPrecise: start.isolated,
    longTasksOver50ms: result.long.length,
    longestTaskMs: r1(Math.max(0, ...result.long.map((l) => l.duration))),
    // the longest animation frames (over 50 ms) and the scripts in them, for a first look at why
    longAnimationFrames: result.longFrames.length,
    longestFrames: [...result.longFrames]
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 5)
      .map((f) => `${Math.round(f.duration)} ms: ${f.scripts || 'no script (style, layout, paint or another thread)'}`),
    canvasPaints: result.paints.length,
    paintP50Ms: r1(percentile(result.paints, 50)),
    paintP95Ms: r1(percentile(result.paints, 95)),
    paintMaxMs: r1(Math.max(0, ...result.paints)),
    workerFrames: result.frames,
    bytesPerFrame: Math.round(result.frames === 0 ? 0 : result.bytes / result.frames),
    bytesPerFrameP95: percentile(result.frameBytes, 95),
    bytesPerFrameMax: Math.max(0, ...result.frameBytes),
    snapshotBytes: start.snapshotBytes,
    firstSnapshotMs: Math.round(start.firstSnapshotMs),
    interactiveMs: Math.round(start.interactiveMs),
    startupLongTasks: result.startupLong.length,
    startupLongestTaskMs: r1(Math.max(0, ...result.startupLong.map((l) => l.duration))),
    simulatedMinutes: r1(result.simT / 60_000),
    bytesByPart: Object.fromEntries(Object.entries(result.parts).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v / Math.max(1, result.frames))])),
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(out, null, 2));
  console.log(JSON.stringify(out));
});
