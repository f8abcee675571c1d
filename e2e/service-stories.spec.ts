import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';
import { DatacenterPage } from './pages/datacenter';
import { ServicesPage } from './pages/services';

/**
 * The remaining stories of public/scenarios/services, clicked in the page: a PDU
 * failure, a partition that heals after the instances moved (fencing), and a deployment
 * that does not fit.
 */

async function start(page: import('@playwright/test').Page, query = '?dc=demo&speed=3600') {
  await new AppPage(page).open(query);
  const svc = new ServicesPage(page);
  await svc.open();
  await svc.waitRunning();
  return { svc, dc: new DatacenterPage(page) };
}

test('a PDU fails: its fault domain loses power, the service stays up and the instances move', async ({ page }) => {
  const { svc, dc } = await start(page);
  const rack = (await svc.hostOf('shop/WebRole_IN_2')).replace(/-h\d\d$/, '');
  await svc.dataCenterTab.click();
  await dc.goTo(`${rack}-pdu`);
  await dc.act(dc.pdu(`${rack}-pdu`), 'Fail');
  await expect(dc.host(`${rack}-h00`)).toHaveAccessibleDescription(/^PoweredOff/);
  await svc.open();
  const moved = svc.cell(2, 2).getByRole('button', { name: 'shop/WebRole_IN_2', exact: true });
  await expect(moved).toHaveAccessibleDescription(/^ReadyRole; host c\d+-r\d+-h\d\d; version v1$/);
  expect((await svc.hostOf('shop/WebRole_IN_2')).startsWith(`${rack}-`)).toBe(false);
  await expect(svc.fact('Availability')).toHaveText('Available');
});

test('a partition heals after the instances moved: the stale copies are fenced, the hosts come back empty', async ({ page }) => {
  const { svc, dc } = await start(page);
  const host = await svc.hostOf('shop/WebRole_IN_1');
  const rack = host.replace(/-h\d\d$/, '');
  await svc.dataCenterTab.click();
  await dc.goTo(`${rack}-tor`);
  await dc.act(dc.switch(`${rack}-tor`), 'Fail');
  await expect(dc.host(host)).toHaveAccessibleDescription(/^Unreachable/);
  await svc.open();
  await expect(svc.instance('shop/WebRole_IN_1')).toHaveAccessibleDescription(/^ReadyRole; host c\d+-r\d+-h\d\d; version v1$/);
  expect((await svc.hostOf('shop/WebRole_IN_1')).startsWith(`${rack}-`)).toBe(false);

  await svc.dataCenterTab.click();
  await dc.goTo(`${rack}-tor`);
  await dc.act(dc.switch(`${rack}-tor`), 'Repair');
  await expect(dc.host(host)).toHaveAccessibleDescription(/^Healthy/);
  // the driver log shows the stale VM destroyed on the returning host
  await expect(dc.driverLog).toContainText('destroyVm');
  await svc.open();
  expect((await svc.hostOf('shop/WebRole_IN_1')).startsWith(`${rack}-`)).toBe(false);
  await expect(svc.fact('Availability')).toHaveText('Available');
});

test('a deployment that does not fit is refused, naming the role, and reserves nothing', async ({ page }) => {
  await new AppPage(page).open('?dc=classroom&speed=600&sample=none');
  const dir = mkdtempSync(join(tmpdir(), 'fabric-lab-'));
  writeFileSync(
    join(dir, 'ServiceDefinition.csdef'),
    '<ServiceDefinition name="bigdata" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition"><WorkerRole name="Crunch" vmsize="ExtraLarge" /></ServiceDefinition>',
  );
  writeFileSync(
    join(dir, 'ServiceConfiguration.cscfg'),
    '<ServiceConfiguration serviceName="bigdata" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration"><Role name="Crunch"><Instances count="13" /></Role></ServiceConfiguration>',
  );
  await page.getByLabel('Open files').setInputFiles([join(dir, 'ServiceDefinition.csdef'), join(dir, 'ServiceConfiguration.cscfg')]);
  const panel = page.getByRole('region', { name: 'Service model' });
  const deploy = panel.getByRole('button', { name: 'Deploy to production' });
  await expect(deploy).toBeEnabled();
  await deploy.click();
  await expect(panel.getByRole('alert')).toContainText(/does not fit: .*role Crunch.*ExtraLarge.*nothing was reserved/);
  // no host holds anything
  const dc = new DatacenterPage(page);
  await expect(dc.host('c0-r0-h00')).toHaveAccessibleDescription(/^Healthy/);
  await new ServicesPage(page).open();
  await expect(page.getByRole('tabpanel', { name: 'Services' })).not.toContainText('bigdata (production)');
});
