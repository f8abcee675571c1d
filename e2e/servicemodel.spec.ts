import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';
import { ServiceModelPage } from './pages/servicemodel';

test('a role renamed in the .cscfg only is an error at its line, and Deploy comes back once it is fixed', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?paused=1');
  const panel = new ServiceModelPage(page);
  await expect(panel.region).toBeVisible();

  await panel.pickSample('shop');
  await expect(panel.counts).toHaveText('0 errors, 0 warnings');
  await expect(panel.deployProduction).toBeEnabled();

  // rename the role in the configuration only: line 3 is `  <Role name="WebRole">`; delete its last "e"
  const cscfg = await (await page.request.get('/samples/shop/ServiceConfiguration.cscfg')).text();
  expect(cscfg.split('\n')[2]?.trim()).toBe('<Role name="WebRole">');
  await panel.endOfLine('cscfg', 3);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');

  const error = panel.diagnostic(/^Error ServiceConfiguration\.cscfg:3:9 Role 'WebRol' in the service configuration file is not defined/);
  await expect(error).toBeVisible();
  await expect(panel.counts).toHaveText(/^2 errors, 0 warnings/);
  await expect(panel.errorMarkers('cscfg')).toHaveText(['name="WebRol"']);
  await expect(panel.deployProduction).toBeDisabled();
  await expect(panel.deployProduction).toHaveAccessibleDescription('Fix 2 errors before deploying.');

  // the row jumps to the name; fix it from the keyboard: past `name="WebRol`, then the missing "e"
  await panel.tab('csdef').click();
  await error.click();
  await expect(panel.tab('cscfg')).toHaveAttribute('aria-selected', 'true');
  await expect(panel.editor('cscfg')).toBeFocused();
  for (let i = 0; i < 'name="WebRol'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('e');

  await expect(panel.counts).toHaveText('0 errors, 0 warnings');
  await expect(panel.diagnostics).toHaveCount(0);
  await expect(panel.errorMarkers('cscfg')).toHaveCount(0);
  await expect(panel.deployProduction).toBeEnabled();
  await expect(panel.deployStaging).toBeEnabled();
});
