import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app';
import { DatacenterPage } from './pages/datacenter';
import { RecoveryPage } from './pages/recovery';
import { parseClock } from './pages/timeline';

/**
 * The simulation worker crashes or stops answering (injected from the Debug panel of
 * `?debug=1`): the page says what happened, restarts the run from its record at the last
 * moment it showed, with every action of the user and the same event-log hash, and the
 * run goes on. `hangMs=3000` shortens the watchdog's threshold (15 s in normal use).
 */

/** The default run with a host failed and a switch failed by the user, running at 600x. */
async function runWithTwoActions(page: Page, query: string): Promise<{ app: AppPage; recovery: RecoveryPage }> {
  const app = new AppPage(page);
  const dc = new DatacenterPage(page);
  const recovery = new RecoveryPage(page);
  await app.open(query);
  await expect(recovery.debug).toBeVisible();
  await dc.goTo('c0-r0-h01');
  await dc.act(dc.host('c0-r0-h01'), 'Fail (crash)');
  await dc.goTo('c0-r1-tor');
  await dc.act(dc.switch('c0-r1-tor'), 'Fail');
  await app.speed.selectOption('600');
  await expect.poll(async () => parseClock(await app.clockText()), { timeout: 30_000 }).toBeGreaterThan(10 * 60_000);
  return { app, recovery };
}

/** The alert's moment and hash: "Restarted … at 0+00:12:34 … matches (0123456789abcdef)". */
async function restartedAt(recovery: RecoveryPage): Promise<{ clock: string; hash: string }> {
  const text = (await recovery.alert.textContent()) ?? '';
  const m = /Restarted from your run record at (\d+\+\d\d:\d\d:\d\d) with your 2 actions; nothing was lost\. The event-log hash there matches \(([0-9a-f]{16})\)\./.exec(text);
  if (!m) throw new Error(`unexpected recovery message: ${text}`);
  return { clock: m[1]!, hash: m[2]! };
}

/** After a recovery: the run keeps going from where it was. */
async function keepsRunning(app: AppPage, from: string): Promise<void> {
  await expect.poll(async () => parseClock(await app.clockText()), { timeout: 20_000 }).toBeGreaterThan(parseClock(from) + 60_000);
  await expect(app.pause).toBeVisible();
}

test('a crashed worker is restarted from the run record where the page last was', async ({ page }) => {
  const { app, recovery } = await runWithTwoActions(page, '?debug=1');
  await recovery.record();
  await recovery.crash.click();
  await expect(recovery.alert).toContainText('The simulation worker crashed: ');
  await expect(recovery.alert).toContainText('Restarted from your run record at ', { timeout: 20_000 });
  const at = await restartedAt(recovery);
  // the moment it restarted at is the one the page showed just before the crash
  expect(await recovery.shownBeforeAlert()).toEqual(at);
  await keepsRunning(app, at.clock);
  await recovery.dismiss.click();
  await expect(recovery.alert).toBeHidden();
});

test('a hung worker is noticed and restarted; paused, the run comes back exactly as it was', async ({ page }) => {
  const { app, recovery } = await runWithTwoActions(page, '?debug=1&hangMs=3000');
  await recovery.record();
  await recovery.hang.click();
  await expect(recovery.alert).toContainText(/The simulation worker stopped answering for [34] s\./, { timeout: 15_000 });
  await expect(recovery.alert).toContainText('Restarted from your run record at ', { timeout: 20_000 });
  const at = await restartedAt(recovery);
  expect(await recovery.shownBeforeAlert()).toEqual(at);
  await keepsRunning(app, at.clock);

  // paused, a crash brings back the very clock and hash on the screen
  await app.pause.click();
  await expect(app.play).toBeVisible();
  const before = { clock: await app.clockText(), hash: (await app.hash.textContent()) ?? '' };
  await recovery.crash.click();
  await expect(recovery.alert).toContainText(`Restarted from your run record at ${before.clock} with your 2 actions; nothing was lost. The event-log hash there matches (${before.hash}).`, {
    timeout: 20_000,
  });
  await expect(app.clock).toHaveText(before.clock);
  await expect(app.hash).toHaveText(before.hash);
  await expect(app.play).toBeVisible();
  await app.play.click();
  await keepsRunning(app, before.clock);
});

test('the Debug panel is there only with ?debug=1, and works from the keyboard', async ({ page }) => {
  const app = new AppPage(page);
  const recovery = new RecoveryPage(page);
  await app.open();
  await expect(recovery.debug).toHaveCount(0);
  await app.open('?debug=1');
  await recovery.crash.focus();
  await page.keyboard.press('Enter');
  await expect(recovery.alert).toContainText('Restarted from your run record at ', { timeout: 20_000 });
  await page.keyboard.press('Tab');
  await expect(recovery.hang).toBeFocused();
});
