/**
 * Accessibility checks: axe on the main views (the Data center tab with an action menu
 * open, its table view, the Services tab and its matrix table, the service model panel
 * showing an error, the shortcut sheet), in the default theme and in presenter mode;
 * any violation of impact serious or critical fails. And what presenting and touch need:
 * the theme and large type of `?presenter=1`, the clicker keys, a tap opening the menus,
 * the live region announcing a fault.
 */

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app';
import { DatacenterPage } from './pages/datacenter';
import { FcRingPage } from './pages/fc';
import { ServiceModelPage } from './pages/servicemodel';
import { ServicesPage } from './pages/services';

const BLOCKING = new Set(['serious', 'critical']);

/** Serious and critical violations on the page (or inside `within`), one line per element. */
async function violations(page: Page, within?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (within) builder = builder.include(within);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

async function expectClean(page: Page, what: string, within?: string): Promise<void> {
  expect(await violations(page, within), `axe: ${what}`).toEqual([]);
}

/** A paused run at 10 minutes, the shop sample Running. */
const START = '?seed=42&t=10m';

for (const theme of ['default', 'presenter'] as const) {
  const query = theme === 'presenter' ? `${START}&presenter=1` : START;

  test.describe(`axe, ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await new AppPage(page).open(query);
      if (theme === 'presenter') await expect(page.locator('html')).toHaveAttribute('data-theme', 'presenter');
      else await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'presenter');
    });

    test('the Data center tab, with a failed switch and an action menu, and its table view', async ({ page }) => {
      const dc = new DatacenterPage(page);
      await dc.act(dc.switch('c0-r1-tor'), 'Fail');
      await expect(dc.switch('c0-r1-tor')).toHaveAccessibleDescription(/^Failed/);
      await expectClean(page, 'Data center tab');
      await dc.host('c0-r2-h03').click();
      await expect(dc.menu).toBeVisible();
      await expectClean(page, 'action menu');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Table view' }).click();
      await expect(page.getByRole('table', { name: 'Containers' })).toBeVisible();
      await page.getByRole('button', { name: 'Show hosts of c0-r1' }).click();
      await expect(page.getByRole('table', { name: /^Hosts of rack c0-r1/ })).toBeVisible();
      await expectClean(page, 'Data center table view');
    });

    test('the Services tab and the matrix as a table', async ({ page }) => {
      const svc = new ServicesPage(page);
      await svc.open();
      await svc.waitRunning();
      await expect(svc.matrix()).toBeVisible();
      await expectClean(page, 'Services tab');
      await page.getByRole('button', { name: 'Table view' }).click();
      await expect(svc.view.getByRole('table', { name: /^Fault domains × update domains of shop \(production\)/ })).toBeVisible();
      await expectClean(page, 'Services matrix table');
    });

    test('the service model panel showing an error', async ({ page }) => {
      const sm = new ServiceModelPage(page);
      await sm.pickSample('shop');
      // rename the role in the configuration only (line 3: `  <Role name="WebRole">`)
      await sm.endOfLine('cscfg', 3);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Backspace');
      await expect(sm.counts).toHaveText(/^2 errors/);
      await expect(sm.errorMarkers('cscfg')).toHaveCount(1);
      await expectClean(page, 'service model panel', '.side');
    });

    test('the shortcut sheet', async ({ page }) => {
      await page.locator('body').press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(sheet).toBeVisible();
      await expectClean(page, 'shortcut sheet');
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
    });
  });
}

test.describe('presenting', () => {
  test('?presenter=1 opens with large type and the high-contrast theme; the toggle turns it off and keeps the address', async ({ page }) => {
    await new AppPage(page).open(`${START}&presenter=1`);
    const toggle = page.getByRole('button', { name: 'Presenter mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('20px');
    await toggle.click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'presenter');
    expect(await rootSize()).toBe('16px');
    expect(new URL(page.url()).searchParams.get('presenter')).toBeNull();
    expect(new URL(page.url()).searchParams.get('seed')).toBe('42');
  });

  test('the clicker keys: . plays and pauses, Page Up goes back to the previous fault in presenter mode only', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`${START}&speed=600`);
    const dc = new DatacenterPage(page);
    await dc.act(dc.host('c0-r1-h02'), 'Fail (crash)');
    const body = page.locator('body');
    await body.press('.');
    await expect(app.pause).toBeVisible();
    await expect.poll(() => app.clockText()).toMatch(/^0\+00:1[2-9]:/);
    await body.press('.');
    await expect(app.play).toBeVisible();
    const paused = await app.clockText();
    // not presenting: Page Up is left to the page
    await body.press('PageUp');
    await page.waitForTimeout(300);
    expect(await app.clockText()).toBe(paused);
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await body.press('PageUp');
    await expect(app.clock).toHaveText('0+00:10:00');
    // inside a text field the keys are text
    await page.getByRole('textbox', { name: 'Go to asset' }).press('.');
    await expect(page.getByRole('textbox', { name: 'Go to asset' })).toHaveValue('.');
    await expect(app.play).toBeVisible();
  });

  test('the keyboard gets the tooltip of the asset it focuses', async ({ page }) => {
    await new AppPage(page).open(START);
    const dc = new DatacenterPage(page);
    await page.getByRole('textbox', { name: 'Go to asset' }).fill('c0-r1-h03');
    await page.getByRole('textbox', { name: 'Go to asset' }).press('Enter');
    await expect(dc.host('c0-r1-h03')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(dc.host('c0-r1-h04')).toBeFocused();
    await expect(page.locator('.dc-tooltip')).toContainText('Host c0-r1-h04');
  });

  test('the Animations switch is remembered', async ({ page }) => {
    await new AppPage(page).open(START);
    const sw = page.getByRole('switch', { name: 'Animations' });
    await expect(sw).toHaveAttribute('aria-checked', 'true');
    await sw.click();
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'off');
    await page.reload();
    await expect(page.getByRole('switch', { name: 'Animations' })).toHaveAttribute('aria-checked', 'false');
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'off');
  });

  test('a fault is announced in the polite live region', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`${START}&speed=60`);
    const dc = new DatacenterPage(page);
    await dc.act(dc.host('c0-r1-h02'), 'Fail (crash)');
    await app.play.click();
    await expect(page.getByTestId('live-polite')).toContainText('c0-r1-h02 failed (crash)');
  });
});

test.describe('touch', () => {
  test.use({ hasTouch: true });

  test('a tap opens the action menu of a host, a switch, an instance and an FC replica', async ({ page }) => {
    await new AppPage(page).open(START);
    const dc = new DatacenterPage(page);
    await dc.host('c0-r1-h02').tap();
    await expect(dc.menu).toBeVisible();
    await expect(dc.menuItem('Hang')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dc.menu).toBeHidden();
    await dc.switch('c0-r2-tor').tap();
    await expect(dc.menu).toHaveAccessibleName('Actions for c0-r2-tor');
    await page.keyboard.press('Escape');

    const fc = new FcRingPage(page);
    await fc.replica('fc1').tap();
    await expect(page.getByRole('menu', { name: /fc1/ })).toBeVisible();
    await page.keyboard.press('Escape');

    const svc = new ServicesPage(page);
    await svc.tab.tap();
    await svc.waitRunning();
    await svc.instance('shop/WebRole_IN_1').tap();
    await expect(svc.menu).toBeVisible();
  });

  test('the legend says what each status means on a tap', async ({ page }) => {
    await new AppPage(page).open(START);
    await page.getByText('What the statuses mean').tap();
    await expect(page.getByRole('region', { name: 'Legend' })).toContainText('crashed or hung (detected)');
  });
});
