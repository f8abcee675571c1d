import { expect, type Locator, type Page } from '@playwright/test';

/** The Services view as a person uses it: the deployment picker, summary, actions, upgrade tiles and the FD x UD matrix. */
export class ServicesPage {
  readonly tab: Locator;
  readonly dataCenterTab: Locator;
  readonly view: Locator;
  readonly picker: Locator;
  readonly facts: Locator;
  readonly upgrade: Locator;
  readonly upgradeMode: Locator;
  readonly startUpgrade: Locator;
  readonly walk: Locator;
  readonly rollBack: Locator;
  readonly tiles: Locator;
  readonly swap: Locator;
  readonly menu: Locator;
  readonly inspector: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Services' });
    this.dataCenterTab = page.getByRole('tab', { name: 'Data center' });
    this.view = page.getByRole('tabpanel', { name: 'Services' });
    this.picker = this.view.getByRole('combobox', { name: 'Deployment' });
    this.facts = this.view.locator('dl.svc-facts');
    this.upgrade = this.view.getByRole('region', { name: 'Upgrade' });
    this.upgradeMode = this.upgrade.getByRole('combobox', { name: 'Upgrade mode' });
    this.startUpgrade = this.upgrade.getByRole('button', { name: 'Start upgrade' });
    this.walk = this.upgrade.getByRole('button', { name: 'Walk next update domain' });
    this.rollBack = this.upgrade.getByRole('button', { name: 'Roll back' });
    this.tiles = this.upgrade.getByRole('list', { name: 'Update domains' }).getByRole('listitem');
    this.swap = this.view.getByRole('button', { name: 'VIP swap' });
    this.menu = this.view.getByRole('menu');
    this.inspector = page.getByRole('region', { name: 'Inspector' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.view).toBeVisible();
  }

  /** Shows a deployment, e.g. `shop (staging)`. */
  async pick(label: string): Promise<void> {
    await this.picker.selectOption({ label });
  }

  /** The value of a summary fact ("Status", "DNS name", "Availability", ...). */
  fact(label: string): Locator {
    return this.facts.locator('div').filter({ has: this.page.getByText(label, { exact: true }) }).locator('dd');
  }

  matrix(deployment = 'shop (production)'): Locator {
    return this.view.getByRole('grid', { name: `Fault domain by update domain matrix of ${deployment}` });
  }

  /** An instance of the matrix by its id, `shop/WebRole_IN_1`. */
  instance(id: string, deployment = `${id.split('/')[0]} (production)`): Locator {
    return this.matrix(deployment).getByRole('button', { name: id, exact: true });
  }

  /** The cell of a fault domain and update domain. */
  cell(fd: number, ud: number): Locator {
    return this.matrix().getByRole('gridcell', { name: new RegExp(`^FD ${fd}, UD ${ud}(;|$)`) });
  }

  /** The host in an instance's description (`ReadyRole; host c0-r1-h00; version v1`). */
  async hostOf(id: string): Promise<string> {
    const descId = await this.instance(id).getAttribute('aria-describedby');
    const text = (await this.page.locator(`[id="${descId}"]`).textContent()) ?? '';
    const host = /; host (c\d+-r\d+-h\d\d);/.exec(text)?.[1];
    if (!host) throw new Error(`no host in "${text}"`);
    return host;
  }

  /** Opens an instance's menu with a click and chooses an item. */
  async act(id: string, item: string): Promise<void> {
    await this.instance(id).click();
    await expect(this.menu).toBeVisible();
    await this.menu.getByRole('menuitem', { name: item, exact: true }).click();
    await expect(this.menu).toBeHidden();
  }

  /** Waits until the deployment shown is Running. */
  async waitRunning(): Promise<void> {
    await expect(this.fact('Status')).toHaveText('Running');
  }
}
