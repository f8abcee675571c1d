import { expect, test } from '@playwright/test';
import { BUILT_PORT } from '../playwright.config';

/**
 * The built app runs under its Content-Security-Policy (no inline script, no eval):
 * it starts, its worker runs, the editor styles itself, a fault can be injected, and
 * the browser reports no violation.
 */
test('the built app works under its Content-Security-Policy, with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to: CSP ${e.violatedDirective} ${e.blockedURI}`));
  });
  const res = await page.goto(`http://127.0.0.1:${BUILT_PORT}/?seed=42&t=30m`);
  expect(res?.ok()).toBe(true);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await expect(page.getByRole('status', { name: 'Simulated time' })).toHaveText('0+00:30:00');
  await expect(page.getByRole('status', { name: 'Event-log hash' })).toHaveText(/^[0-9a-f]{16}$/);
  await page.getByRole('textbox', { name: 'Go to asset' }).fill('c0-r1-tor');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await page.getByRole('button', { name: 'Switch c0-r1-tor', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Fail', exact: true }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('log', { name: 'Event log' })).toContainText('c0-r1-tor');
  expect(violations).toEqual([]);
});
