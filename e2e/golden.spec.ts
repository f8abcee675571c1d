import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { formatDuration } from '../src/sim/engine/time';
import { AppPage } from './pages/app';

/**
 * The browser worker reaches every shipped scenario's golden hash: each file opened with
 * `?scenario=PATH&t=END` (played to its last step, paused there) shows the hash pinned
 * in src/sim/scenario/golden.json, which the Node test checks too.
 */

const golden = JSON.parse(readFileSync(new URL('../src/sim/scenario/golden.json', import.meta.url), 'utf8')) as Record<string, { t: number; hash: string }>;

test('every shipped scenario reaches its golden hash in the browser worker', async ({ page }) => {
  test.setTimeout(60_000 + Object.keys(golden).length * 15_000);
  const app = new AppPage(page);
  for (const [file, g] of Object.entries(golden)) {
    await page.goto(`/?scenario=${encodeURIComponent(file)}&t=${formatDuration(g.t)}`);
    await expect(app.hash, file).toHaveText(g.hash, { timeout: 30_000 });
  }
});
