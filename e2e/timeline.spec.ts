import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';
import { DatacenterPage } from './pages/datacenter';
import { TimelinePage } from './pages/timeline';

/**
 * Time travel and sharing as a person uses them: scrub back and forward, step to faults,
 * act in the past (confirming the fork), copy a link to the moment and open it, save a
 * run file and open it again. Every reopened run must reach the same event-log hash.
 */

/** Opens the default run paused at 1h, fails c0-r1-tor through its menu and runs on to 1h30m. */
async function runWithAFault(app: AppPage, dc: DatacenterPage, timeline: TimelinePage): Promise<{ clock: string; hash: string }> {
  await app.open('?seed=42&t=1h');
  await expect(app.clock).toHaveText('0+01:00:00');
  await dc.goTo('c0-r1-tor');
  await dc.act(dc.switch('c0-r1-tor'), 'Fail');
  await app.speed.selectOption('3600');
  await app.play.click();
  await expect.poll(async () => (await app.clockText()) >= '0+01:30:00', { timeout: 30_000 }).toBe(true);
  await app.pause.click();
  await timeline.settled();
  return { clock: await app.clockText(), hash: (await app.hash.textContent()) ?? '' };
}

test('seeking back then forward reaches the state of the straight run', async ({ page }) => {
  const app = new AppPage(page);
  const dc = new DatacenterPage(page);
  const timeline = new TimelinePage(page);
  const end = await runWithAFault(app, dc, timeline);
  await timeline.press('Home');
  await timeline.expectAt('0+00:00:00');
  await expect(app.clock).toHaveText('0+00:00:00');
  await expect(timeline.markersOf('Fault')).not.toHaveCount(0); // the fault ahead is still shown
  await timeline.press('End');
  await timeline.expectAt(end.clock);
  await expect(app.clock).toHaveText(end.clock);
  await expect(app.hash).toHaveText(end.hash);
});

test('steps to the previous and next fault', async ({ page }) => {
  const app = new AppPage(page);
  const dc = new DatacenterPage(page);
  const timeline = new TimelinePage(page);
  await runWithAFault(app, dc, timeline);
  await timeline.previousFault.click();
  await expect(app.clock).toHaveText('0+01:00:00');
  await timeline.backToStart.click();
  await expect(app.clock).toHaveText('0+00:00:00');
  await timeline.nextFault.click();
  await expect(app.clock).toHaveText('0+01:00:00');
  await expect(page.getByRole('status').filter({ hasText: 'No earlier fault' })).toHaveCount(0);
  await timeline.previousFault.click();
  await timeline.previousFault.click();
  await expect(page.getByText('No earlier fault is recorded.')).toBeVisible();
});

test('acting in the past asks first, then forks the timeline', async ({ page }) => {
  const app = new AppPage(page);
  const dc = new DatacenterPage(page);
  const timeline = new TimelinePage(page);
  const end = await runWithAFault(app, dc, timeline);
  await timeline.backToStart.click();
  await expect(app.clock).toHaveText('0+00:00:00');
  await dc.goTo('c0-r2-tor');
  await dc.act(dc.switch('c0-r2-tor'), 'Fail');
  expect(await timeline.forkCount()).toBe(1);
  await timeline.fork('cancel');
  // nothing changed: forward again is the same run
  await timeline.press('End');
  await expect(app.hash).toHaveText(end.hash);
  await timeline.backToStart.click();
  await dc.act(dc.switch('c0-r2-tor'), 'Fail');
  await timeline.fork('discard');
  await expect.poll(() => timeline.horizon()).toBe(0);
  await expect(dc.switch('c0-r2-tor')).toHaveAccessibleDescription(/failed|Fault/i);
});

test('a copied link reopens the same moment with the same hash', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  const dc = new DatacenterPage(page);
  const timeline = new TimelinePage(page);
  const end = await runWithAFault(app, dc, timeline);
  await page.getByRole('button', { name: 'Copy link to this moment' }).click();
  await expect(page.getByRole('group', { name: 'Share' }).getByRole('status')).toContainText(`Link to ${end.clock} copied`);
  const url = page.url();
  expect(url).toMatch(/#run=1\./);
  const other = await browser.newPage();
  const reopened = new AppPage(other);
  await other.goto(url);
  await expect(reopened.clock).toHaveText(end.clock);
  await expect(reopened.hash).toHaveText(end.hash);
  await expect(other.getByText('different run')).toHaveCount(0);
  // the link carries the user's action: forward from 0 replays it
  await new TimelinePage(other).press('Home');
  await new TimelinePage(other).press('End');
  await expect(reopened.hash).toHaveText(end.hash);
  await other.close();
});

test('a saved run file opens again at the same moment', async ({ page }) => {
  const app = new AppPage(page);
  const dc = new DatacenterPage(page);
  const timeline = new TimelinePage(page);
  const end = await runWithAFault(app, dc, timeline);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Run file (JSON)' }).click();
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ fabricLab: 'run', version: 1, hash: end.hash });
  await app.open('?seed=7');
  await app.pause.click();
  page.once('dialog', (d) => void d.accept());
  await page.getByLabel('Run file to open').setInputFiles(file);
  await expect(app.clock).toHaveText(end.clock);
  await expect(app.hash).toHaveText(end.hash);
});

test('the event log exports as JSON Lines with every record', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?seed=42&t=20m');
  const count = await app.count();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Event log (JSON Lines)' }).click();
  const lines = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
  expect(lines).toHaveLength(count);
  expect(JSON.parse(lines[0]!)).toMatchObject({ seq: 0 });
});

for (const [hash, message] of [
  ['#run=1.%%%', 'the link is damaged'],
  ['#run=9.abc', 'the link was made by a newer Fabric Lab (link format 9)'],
  ['#run=1.AAAA', 'the link is damaged'],
]) {
  test(`a broken link (${hash}) says why and the default run starts`, async ({ page }) => {
    const app = new AppPage(page);
    await page.goto(`/${hash}`);
    await expect(page.getByText(`This link could not be opened: ${message}`, { exact: false })).toBeVisible();
    await expect(app.seed).toHaveText('42');
  });
}
