import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app';
import { ServiceModelPage } from './pages/servicemodel';
import { waitForKeptFiles } from './pages/persistence';
import { ServicesPage } from './pages/services';

/**
 * The stories of public/scenarios/upgrades, clicked: a settings change made in the
 * Service model panel rolled out by a manual upgrade, one update domain at a time; and
 * the same change deployed to staging, then swapped into production.
 */

const INSTANCES = ['shop/WebRole_IN_0', 'shop/WebRole_IN_1', 'shop/WebRole_IN_2', 'shop/WorkerRole_IN_0', 'shop/WorkerRole_IN_1', 'shop/WorkerRole_IN_2'];

/** Line 8 of the shop sample's .cscfg is `<Setting name="OrdersQueueName" value="orders" />`: make it "orders-v2". */
async function editQueueName(page: Page, panel: ServiceModelPage): Promise<void> {
  const cscfg = await (await page.request.get('/samples/shop/ServiceConfiguration.cscfg')).text();
  expect(cscfg.split('\n')[7]?.trim()).toBe('<Setting name="OrdersQueueName" value="orders" />');
  await expect(panel.counts).toHaveText('0 errors, 0 warnings');
  await panel.endOfLine('cscfg', 8);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('-v2');
  await expect(panel.counts).toHaveText('0 errors, 0 warnings');
  // the panel saves its files shortly after the last keystroke; the Services view reads them from there
  await waitForKeptFiles(page, 'value=\\"orders-v2\\"');
}

test('a manual upgrade walked by clicking: update domain by update domain, the instances move to v2', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?dc=demo&speed=600');
  const panel = new ServiceModelPage(page);
  await editQueueName(page, panel);

  const svc = new ServicesPage(page);
  await svc.open();
  await svc.waitRunning();
  await expect(svc.fact('Version')).toHaveText('v1');
  await expect(svc.upgradeMode).toHaveValue('manual');
  await svc.startUpgrade.click();

  await expect(svc.fact('Status')).toHaveText('RunningTransitioning');
  await expect(svc.fact('Version')).toHaveText('v2');
  await expect(svc.tiles).toHaveText(['UD 0pending', 'UD 1pending', 'UD 2pending']);
  await expect(svc.upgrade).toContainText('Upgrade from v1 to v2, manual mode: 0 of 3 update domains completed.');
  // manual: nothing moves until the operator starts an update domain
  for (const id of INSTANCES) await expect(svc.instance(id)).toHaveAccessibleDescription(/version v1$/);

  for (let ud = 0; ud < 3; ud++) {
    await expect(svc.walk).toBeEnabled();
    await svc.walk.click();
    await expect(svc.tiles.nth(ud)).toHaveText(`UD ${ud}completed`);
    for (const id of INSTANCES) {
      const n = Number(id.at(-1));
      await expect(svc.instance(id)).toHaveAccessibleDescription(new RegExp(`^ReadyRole; .*version ${n <= ud ? 'v2' : 'v1'}$`));
    }
  }

  await expect(svc.tiles).toHaveText(['UD 0completed', 'UD 1completed', 'UD 2completed']);
  await expect(svc.upgrade).toContainText('Upgrade from v1 to v2, manual mode: finished, every update domain completed.');
  await expect(svc.fact('Status')).toHaveText('Running');
  await expect(svc.fact('Availability')).toHaveText('Available');
  await expect(svc.fact('Outages')).toHaveText('0');
  await expect(svc.walk).toHaveCount(0);
  await expect(svc.startUpgrade).toBeEnabled();
});

test('a VIP swap: the new version deployed to staging becomes production', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?dc=demo&speed=600');
  const svc = new ServicesPage(page);
  await svc.open();
  await svc.waitRunning();
  await expect(svc.swap).toBeDisabled();
  await expect(svc.swap).toHaveAccessibleDescription('A VIP swap needs shop deployed to both production and staging.');

  const panel = new ServiceModelPage(page);
  await editQueueName(page, panel);
  await panel.deployStaging.click();
  await expect(svc.picker.getByRole('option')).toHaveText(['shop (production)', 'shop (staging)']);
  await svc.pick('shop (staging)');
  await svc.waitRunning();
  const stagingDns = (await svc.fact('DNS name').textContent()) ?? '';
  const stagingVip = (await svc.fact('VIP').textContent()) ?? '';
  expect(stagingDns).toMatch(/^[0-9a-f]{32}\.cloudapp\.net$/);

  await expect(svc.fact('Version')).toHaveText('v2');
  await svc.pick('shop (production)');
  await expect(svc.fact('DNS name')).toHaveText('shop.cloudapp.net');
  await expect(svc.fact('Version')).toHaveText('v1');
  const productionVip = (await svc.fact('VIP').textContent()) ?? '';
  await expect(svc.swap).toBeEnabled();
  await svc.swap.click();
  await expect(svc.view.getByRole('status').filter({ hasText: 'Sent: VIP swap of shop' })).toBeVisible();

  // each slot keeps its VIP and DNS name: shop.cloudapp.net now reaches what was staging
  await expect(svc.fact('DNS name')).toHaveText('shop.cloudapp.net');
  await expect(svc.fact('VIP')).toHaveText(productionVip);
  await expect(svc.fact('Version')).toHaveText('v2');
  await svc.waitRunning();
  await expect(svc.fact('Availability')).toHaveText('Available');
  await svc.pick('shop (staging)');
  await expect(svc.fact('DNS name')).toHaveText(stagingDns);
  await expect(svc.fact('VIP')).toHaveText(stagingVip);
  await expect(svc.fact('Version')).toHaveText('v1');
  await svc.waitRunning();
});
