import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app';
import { DatacenterPage } from './pages/datacenter';
import { waitForKeptFiles } from './pages/persistence';
import { ServicesPage } from './pages/services';

/**
 * More stories of public/scenarios/upgrades, clicked: an automatic upgrade, a
 * crash-looping version rolled back, a configuration change applied at run time, and a
 * host failure in the middle of a manual upgrade. New versions come from the scenario
 * files, opened in the Service model panel with its file picker.
 */

const FILES = 'public/scenarios/upgrades/files';
const WEB = ['shop/WebRole_IN_0', 'shop/WebRole_IN_1', 'shop/WebRole_IN_2'];

async function start(page: Page, speed: number) {
  await new AppPage(page).open(`?dc=demo&speed=${speed}`);
  const svc = new ServicesPage(page);
  await svc.open();
  await svc.waitRunning();
  return svc;
}

/** Opens a .csdef and a .cscfg in the Service model panel and waits until they are saved. */
async function openFiles(page: Page, csdef: string, cscfg: string, marker: string): Promise<void> {
  await page.getByLabel('Open files').setInputFiles([`${FILES}/${csdef}`, `${FILES}/${cscfg}`]);
  await waitForKeptFiles(page, marker);
}

test('an automatic upgrade walks every update domain by itself and the service stays up', async ({ page }) => {
  const svc = await start(page, 600);
  await openFiles(page, 'shop-v2.csdef', 'shop.cscfg', 'warmup.cmd');
  await svc.upgradeMode.selectOption('auto');
  await svc.startUpgrade.click();
  await expect(svc.fact('Version')).toHaveText('v2');
  await expect(svc.tiles).toHaveText(['UD 0completed', 'UD 1completed', 'UD 2completed']);
  await expect(svc.fact('Status')).toHaveText('Running');
  for (const id of WEB) await expect(svc.instance(id)).toHaveAccessibleDescription(/^ReadyRole; .*version v2$/);
  await expect(svc.fact('Availability')).toHaveText('Available');
  await expect(svc.fact('Outages')).toHaveText('0');
});

test('a crash-looping version gets stuck and is rolled back', async ({ page }) => {
  const svc = await start(page, 3600);
  await openFiles(page, 'shop-broken.csdef', 'shop.cscfg', 'exit /b 1');
  await svc.upgradeMode.selectOption('auto');
  await svc.startUpgrade.click();
  // the first update domain never comes back: after the 30-minute start wait the upgrade stops
  await expect(svc.tiles.first()).toHaveText('UD 0failed');
  await expect(svc.instance('shop/WebRole_IN_0')).toHaveAccessibleDescription(/^CyclingRole; /);
  await expect(svc.fact('Status')).toHaveText('RunningTransitioning');
  await expect(svc.fact('Availability')).toHaveText('Available');
  await svc.rollBack.click();
  await expect(svc.fact('Status')).toHaveText('Running');
  for (const id of WEB) await expect(svc.instance(id)).toHaveAccessibleDescription(/^ReadyRole; .*version v1$/);
});

test('a configuration change applies at run time, rolling across update domains', async ({ page }) => {
  const svc = await start(page, 600);
  await openFiles(page, 'shop-v2.csdef', 'shop-scaled.cscfg', 'count=\\"5\\"');
  await svc.upgrade.getByRole('button', { name: 'Apply .cscfg at run time' }).click();
  // five web role instances now, the new ones placed by fault and update domain
  await expect(svc.instance('shop/WebRole_IN_4')).toHaveAccessibleDescription(/^ReadyRole; /);
  await expect(svc.cell(1, 1).getByRole('button', { name: 'shop/WebRole_IN_4', exact: true })).toBeVisible();
  await expect(svc.fact('Availability')).toHaveText('Available');
});

test('a host failure during an upgrade costs at most one fault domain plus the update domain walked', async ({ page }) => {
  const svc = await start(page, 600);
  await openFiles(page, 'shop-v2.csdef', 'shop.cscfg', 'warmup.cmd');
  await expect(svc.upgradeMode).toHaveValue('manual');
  await svc.startUpgrade.click();
  await expect(svc.walk).toBeEnabled();
  const host = await svc.hostOf('shop/WebRole_IN_1');
  await svc.walk.click();

  // while update domain 0 is walked, fault domain 1 loses a host
  const dc = new DatacenterPage(page);
  await svc.dataCenterTab.click();
  await dc.goTo(host);
  await dc.act(dc.host(host), 'Fail (crash)');
  await svc.open();
  await expect(svc.fact('Availability')).toHaveText('Available');
  await expect(svc.tiles.first()).toHaveText('UD 0completed');
  await expect(svc.instance('shop/WebRole_IN_1')).toHaveAccessibleDescription(/^ReadyRole; host c\d+-r\d+-h\d\d; version v1$/);
  expect(await svc.hostOf('shop/WebRole_IN_1')).not.toBe(host);
  await expect(svc.fact('Outages')).toHaveText('0');
});
