import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';
import { DatacenterPage } from './pages/datacenter';

const RACK1 = DatacenterPage.hostsOf('c0-r1', 4);

test('a failed ToR switch cuts its rack off; repairing it brings the hosts back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?dc=classroom&speed=600');
  const dc = new DatacenterPage(page);
  const tor = dc.switch('c0-r1-tor');

  await expect(tor).toHaveAccessibleDescription('Up: working');
  await dc.act(tor, 'Fail');
  await expect(tor).toHaveAccessibleDescription(/^Failed: the rack is cut off/);

  // after the detection timeout (2 simulated minutes) the FC sees the rack as unreachable
  for (const id of RACK1) {
    await expect(dc.host(id)).toHaveAccessibleDescription(/^Unreachable: alive, but the FC cannot reach it/);
  }
  await expect(dc.host('c0-r0-h00')).toHaveAccessibleDescription(/^Healthy/);
  await expect(dc.host('c0-r2-h03')).toHaveAccessibleDescription(/^Healthy/);
  await expect(dc.legend.getByRole('listitem').filter({ hasText: 'Unreachable' })).toContainText('4');

  // the switch was selected: the inspector shows it
  await expect(dc.inspector.getByRole('heading', { name: 'c0-r1-tor' })).toBeVisible();
  await expect(dc.inspector).toContainText('Failed: the rack is cut off');

  await dc.act(tor, 'Repair');
  await expect(tor).toHaveAccessibleDescription('Up: working');
  for (const id of RACK1) {
    await expect(dc.host(id)).toHaveAccessibleDescription(/^Healthy/);
  }
});

test('keyboard only: tab into the grid, move with arrows, open the menu, choose an action', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?dc=classroom&speed=600');
  const dc = new DatacenterPage(page);
  const kb = page.keyboard;

  // one tab stop into the grid, after the toolbar
  await dc.addContainer.focus();
  await kb.press('Tab');
  await expect(dc.host('c0-r0-h00')).toBeFocused();
  await kb.press('ArrowDown');
  await expect(dc.host('c0-r0-h01')).toBeFocused();
  await kb.press('ArrowRight');
  await expect(dc.host('c0-r1-h01')).toBeFocused();
  await kb.press('End');
  await expect(dc.host('c0-r1-h03')).toBeFocused();

  // Enter opens the menu on the first action; Escape closes it and returns focus
  await kb.press('Enter');
  await expect(dc.menu).toBeVisible();
  await expect(dc.menuItem('Fail (crash)')).toBeFocused();
  await expect(dc.menuItem('Repair')).toHaveAttribute('aria-disabled', 'true');
  await kb.press('Escape');
  await expect(dc.menu).toBeHidden();
  await expect(dc.host('c0-r1-h03')).toBeFocused();

  // up through the rack to its switch, then fail it from the menu
  for (let i = 0; i < 5; i++) await kb.press('ArrowUp');
  await expect(dc.switch('c0-r1-tor')).toBeFocused();
  await kb.press('Enter');
  await expect(dc.menuItem('Fail')).toBeFocused();
  await kb.press('ArrowDown');
  await expect(dc.menuItem('Repair')).toBeFocused();
  await kb.press('ArrowDown');
  await expect(dc.menuItem('Fail')).toBeFocused();
  await kb.press('Enter');
  await expect(dc.menu).toBeHidden();
  await expect(dc.switch('c0-r1-tor')).toBeFocused();
  await expect(dc.switch('c0-r1-tor')).toHaveAccessibleDescription(/^Failed/);
  for (const id of RACK1) await expect(dc.host(id)).toHaveAccessibleDescription(/^Unreachable/);

  // Tab leaves the grid in one step
  await kb.press('Tab');
  await expect(page.getByRole('button', { name: /^(Switch|Host|PDU) / }).and(page.locator(':focus'))).toHaveCount(0);
});

test('Go to asset focuses and selects any id, and says what is wrong with a bad one', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?dc=demo&speed=60');
  const dc = new DatacenterPage(page);

  await dc.goTo('c1-r2-h05');
  await expect(dc.host('c1-r2-h05')).toBeFocused();
  await expect(dc.inspector.getByRole('heading', { name: 'c1-r2-h05' })).toBeVisible();

  await dc.goTo('c7-r0');
  await expect(page.getByRole('alert').filter({ hasText: 'There is no container c7' })).toBeVisible();
  await expect(dc.goToInput).toHaveAttribute('aria-invalid', 'true');

  await dc.goTo('c0-agg1');
  await expect(dc.switch('c0-agg1')).toBeFocused();
});
