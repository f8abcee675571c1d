import { expect, test } from '@playwright/test';

/**
 * Opening a run on a smaller data center while the view shows the racks of a larger one
 * (it used to throw in the accessible layer, which still held the old racks).
 */
test('a run file on a smaller data center replaces a zoomed-in larger one, with no page error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e.stack ?? e)));
  await page.goto('/?dc=cluster&speed=600');
  const hosts = page.locator('.dc-layer .asset-host');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(hosts.first()).toBeAttached();
  await hosts.last().focus();
  const run = { fabricLab: 'run', version: 1, base: { kind: 'setup', seed: 1, datacenter: { preset: 'demo' }, timing: 'fast', deploy: [] }, actions: [], t: 60_000, hash: '', events: 0 };
  await page.getByLabel('Run file to open').setInputFiles({ name: 'demo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });
  await expect(page.getByRole('button', { name: 'Host c1-r3-h07' })).toBeAttached({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: /^Host c0-r19-/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});
