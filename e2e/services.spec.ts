import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';
import { DatacenterPage } from './pages/datacenter';
import { ServicesPage } from './pages/services';

/**
 * The stories of public/scenarios/services, played in the page as a person would: the
 * app starts with the shop sample deploying on the demo data center; faults are clicked
 * in the data center view; the Services view's matrix shows where the instances went.
 * At speed 3600 (an hour a second) detection (2 minutes) and healing (about 10-20
 * minutes) take a fraction of a second.
 */

const HOST = /c\d+-r\d+-h\d\d/;

async function start(page: import('@playwright/test').Page) {
  const app = new AppPage(page);
  await app.open('?dc=demo&speed=3600');
  const svc = new ServicesPage(page);
  const dc = new DatacenterPage(page);
  await svc.open();
  await svc.waitRunning();
  await expect(svc.instance('shop/WebRole_IN_1')).toHaveAccessibleDescription(/^ReadyRole; host /);
  return { app, svc, dc };
}

test('a host fails: its instance comes back on another host, in the same fault and update domain', async ({ page }) => {
  const { svc, dc } = await start(page);
  const host = await svc.hostOf('shop/WebRole_IN_1');
  await expect(svc.cell(1, 1).getByRole('button', { name: 'shop/WebRole_IN_1', exact: true })).toBeVisible();

  // fail its host from the data center view's menu
  await svc.dataCenterTab.click();
  await dc.goTo(host);
  await dc.act(dc.host(host), 'Fail (crash)');
  await expect(dc.host(host)).toHaveAccessibleDescription(/^(Down|OutForRepair)/);

  await svc.open();
  const moved = svc.cell(1, 1).getByRole('button', { name: 'shop/WebRole_IN_1', exact: true });
  await expect(moved).toHaveAccessibleDescription(/^ReadyRole; host c\d+-r\d+-h\d\d; version v1$/);
  const now = await svc.hostOf('shop/WebRole_IN_1');
  expect(now).not.toBe(host);
  expect(now).toMatch(HOST);
  await expect(svc.fact('Availability')).toHaveText('Available');

  // the inspector tells the same story: a new host, a fresh differencing disk
  await moved.click();
  await page.keyboard.press('Escape');
  await expect(svc.inspector.getByRole('heading', { name: 'shop/WebRole_IN_1' })).toBeVisible();
  await expect(svc.inspector).toContainText(`Host${now}`);
  await expect(svc.inspector).toContainText('Fault domain1');
  await expect(svc.inspector).toContainText('Update domain1');
  await expect(svc.inspector).toContainText(/Differencing diskfresh after host lost/);
});

test('a ToR switch fails: one fault domain is lost, the service stays available and the instances move', async ({ page }) => {
  const { svc, dc } = await start(page);
  const rack = (await svc.hostOf('shop/WebRole_IN_1')).replace(/-h\d\d$/, '');
  const fd1 = ['shop/WebRole_IN_1', 'shop/WorkerRole_IN_0'];
  for (const id of fd1) expect((await svc.hostOf(id)).startsWith(`${rack}-`)).toBe(true);

  await svc.dataCenterTab.click();
  await dc.goTo(`${rack}-tor`);
  await dc.act(dc.switch(`${rack}-tor`), 'Fail');
  await expect(dc.switch(`${rack}-tor`)).toHaveAccessibleDescription(/^Failed/);

  await svc.open();
  for (const [id, fd, ud] of [
    ['shop/WebRole_IN_1', 1, 1],
    ['shop/WorkerRole_IN_0', 1, 0],
  ] as const) {
    const inst = svc.cell(fd, ud).getByRole('button', { name: id, exact: true });
    await expect(inst).toHaveAccessibleDescription(/^ReadyRole; host c\d+-r\d+-h\d\d; version v1$/);
    expect((await svc.hostOf(id)).startsWith(`${rack}-`)).toBe(false);
  }
  // the other fault domains never noticed: the load balancer kept the service up throughout
  await expect(svc.fact('Availability')).toHaveText('Available');
  await expect(svc.fact('Outages')).toHaveText('0');
  await expect(svc.fact('Downtime')).toHaveText('none');
  await expect(svc.instance('shop/WebRole_IN_0')).toHaveAccessibleDescription(/^ReadyRole/);
  await expect(svc.instance('shop/WebRole_IN_2')).toHaveAccessibleDescription(/^ReadyRole/);
});

test('reboot keeps the differencing disk, reimage gives a fresh one', async ({ page }) => {
  const { svc } = await start(page);
  const id = 'shop/WorkerRole_IN_2';
  const host = await svc.hostOf(id);
  const diffDisk = svc.inspector.locator('.facts div').filter({ has: page.getByText('Differencing disk', { exact: true }) }).locator('dd');
  const generation = svc.inspector.getByRole('row', { name: /^D:/ });

  await svc.act(id, 'Reboot');
  await expect(svc.inspector.getByRole('heading', { name: id })).toBeVisible();
  await expect(diffDisk).toHaveText(/^kept after reboot at /);
  await expect(svc.instance(id)).toHaveAccessibleDescription(`ReadyRole; host ${host}; version v1`);
  await expect(generation).toContainText('(generation 1)');

  await svc.act(id, 'Reimage');
  await expect(diffDisk).toHaveText(/^fresh after reimage at /);
  await expect(svc.instance(id)).toHaveAccessibleDescription(`ReadyRole; host ${host}; version v1`);
  await expect(generation).toContainText('(generation 2)');
  await expect(svc.inspector.getByRole('table', { name: /^Disk layers of shop\/WorkerRole_IN_2/ })).toContainText('Portal reimage');
});
