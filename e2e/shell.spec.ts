import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';

test('the clock runs, pauses, and a step adds exactly one log entry', async ({ page }) => {
  const app = new AppPage(page);
  // opens paused at 0 with the sample deployment about to start
  await app.open('?seed=42&paused=1');
  await expect(app.clock).toHaveText('0+00:00:00');
  await app.play.click();

  // running: the clock advances
  await expect.poll(() => app.clockText()).not.toBe('0+00:00:00');

  // paused: the clock stands still
  await app.pause.click();
  await expect(app.play).toBeVisible();
  const stopped = await app.clockText();
  const countPaused = await app.count();
  await page.waitForTimeout(500);
  expect(await app.clockText()).toBe(stopped);
  expect(await app.count()).toBe(countPaused);

  // one step, one entry
  await app.step.click();
  await expect(app.logCount).toHaveText(String(countPaused + 1));
  await expect(app.log.getByRole('listitem').first()).toHaveAttribute('data-seq', String(countPaused));
  await page.waitForTimeout(300);
  expect(await app.count()).toBe(countPaused + 1);
});

test('a bad address value is reported, and the app still runs', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?seed=banana');
  await expect(page.getByText('URL parameter seed: "banana"')).toBeVisible();
  await expect(app.seed).toHaveText('42');
});
