import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';
import { FcRingPage } from './pages/fc';

const IDS = ['fc0', 'fc1', 'fc2', 'fc3', 'fc4'];
const FROZEN = 'FC frozen: no quorum — decisions wait, running instances keep running';

test('the primary fails, another is elected in a higher term; quorum lost and regained', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?seed=31&dc=classroom&speed=600');
  const fc = new FcRingPage(page);
  await expect(fc.region.getByRole('heading', { name: 'Fabric Controller' })).toBeVisible();
  for (const id of IDS) await expect(fc.replica(id)).toBeVisible();

  // the ring shows who leads
  const first = await fc.waitForPrimary();
  await expect(fc.replica(first.primary)).toHaveAccessibleDescription(new RegExp(`^Primary, term ${first.term}; `));
  await expect(fc.elections.getByRole('listitem').first()).toHaveText(new RegExp(`^\\d\\+\\d\\d:\\d\\d:\\d\\d ${first.primary} became primary$`));

  // fail it by clicking: it goes down, another replica becomes primary in a higher term
  await fc.act(first.primary, 'Fail replica');
  await expect(fc.replica(first.primary)).toHaveAccessibleDescription(/^Down \(failed by hand\)/);
  const second = await fc.waitForPrimary({ aboveTerm: first.term, not: first.primary });
  await expect(fc.replica(second.primary)).toHaveAccessibleDescription(/^Primary, term \d+; /);
  await expect(fc.elections).toContainText(`${second.primary} became primary`);
  await expect(fc.status).toBeEmpty();

  // two more down: three of five, no quorum, the FC is frozen
  const others = IDS.filter((id) => id !== first.primary && id !== second.primary).slice(0, 2);
  for (const id of others) {
    await fc.act(id, 'Fail replica');
    await expect(fc.replica(id)).toHaveAccessibleDescription(/^Down \(failed by hand\)/);
  }
  await expect(fc.status).toHaveText(FROZEN);
  await expect(fc.clusterLine).toContainText('quorum: no');

  // a failed replica offers only its restart; restarting one brings the quorum and a primary back
  await fc.replica(first.primary).click();
  await expect(fc.menuItem('Fail replica')).toHaveAttribute('aria-disabled', 'true');
  await fc.menuItem('Restart replica').click();
  await expect(fc.menu).toBeHidden();
  await expect(fc.status).toBeEmpty();
  await fc.waitForPrimary();
  await expect(fc.replica(first.primary)).toHaveAccessibleDescription(/^(Primary|Secondary|Candidate), term \d+; /);
});

test('keyboard only: one tab stop on the ring, arrows round it, Enter opens the menu, Escape closes it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?seed=31&dc=classroom&speed=600');
  const fc = new FcRingPage(page);
  const kb = page.keyboard;

  await fc.replica('fc0').focus();
  await kb.press('ArrowRight');
  await expect(fc.replica('fc1')).toBeFocused();
  await kb.press('ArrowLeft');
  await kb.press('ArrowLeft');
  await expect(fc.replica('fc4')).toBeFocused();
  await expect(fc.region.locator('[data-replica][tabindex="0"]')).toHaveCount(1);

  await kb.press('Enter');
  await expect(fc.menu).toBeVisible();
  await expect(fc.menu).toHaveAccessibleName('Actions for fc4');
  await expect(fc.menuItem('Fail replica')).toBeFocused();
  await expect(fc.menuItem('Restart replica')).toHaveAttribute('aria-disabled', 'true');
  await kb.press('Escape');
  await expect(fc.menu).toBeHidden();
  await expect(fc.replica('fc4')).toBeFocused();

  // the menu's Fail sends the action: the replica goes down
  await kb.press('Space');
  await expect(fc.menuItem('Fail replica')).toBeFocused();
  await kb.press('Enter');
  await expect(fc.replica('fc4')).toBeFocused();
  await expect(fc.replica('fc4')).toHaveAccessibleDescription(/^Down \(failed by hand\)/);
});
