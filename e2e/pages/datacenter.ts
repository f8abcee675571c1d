import { expect, type Locator, type Page } from '@playwright/test';

/** The data center view as a person uses it: asset buttons over the canvas, their action menu, "Go to asset". */
export class DatacenterPage {
  readonly view: Locator;
  readonly menu: Locator;
  readonly goToInput: Locator;
  readonly goButton: Locator;
  readonly zoomIn: Locator;
  readonly zoomOut: Locator;
  readonly fit: Locator;
  readonly addContainer: Locator;
  readonly legend: Locator;
  readonly inspector: Locator;
  readonly driverLog: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByRole('group', { name: 'Data center assets' });
    this.menu = page.getByRole('menu');
    this.goToInput = page.getByRole('textbox', { name: 'Go to asset' });
    this.goButton = page.getByRole('button', { name: 'Go', exact: true });
    this.zoomIn = page.getByRole('button', { name: 'Zoom in' });
    this.zoomOut = page.getByRole('button', { name: 'Zoom out' });
    this.fit = page.getByRole('button', { name: 'Fit' });
    this.addContainer = page.getByRole('button', { name: 'Add container' });
    this.legend = page.getByRole('region', { name: 'Legend' });
    this.inspector = page.getByRole('region', { name: 'Inspector' });
    this.driverLog = page.getByRole('log', { name: 'Driver log' });
  }

  host(id: string): Locator {
    return this.page.getByRole('button', { name: `Host ${id}`, exact: true });
  }

  /** A ToR or aggregation switch. */
  switch(id: string): Locator {
    return this.page.getByRole('button', { name: `Switch ${id}`, exact: true });
  }

  pdu(id: string): Locator {
    return this.page.getByRole('button', { name: `PDU ${id}`, exact: true });
  }

  loadBalancer(id: string): Locator {
    return this.page.getByRole('button', { name: `Load balancer ${id}`, exact: true });
  }

  container(id: string): Locator {
    return this.page.getByRole('button', { name: `Container ${id}`, exact: true });
  }

  menuItem(name: string): Locator {
    return this.menu.getByRole('menuitem', { name, exact: true });
  }

  /** Opens the asset's menu with a click and chooses an item. */
  async act(asset: Locator, item: string): Promise<void> {
    await asset.click();
    await expect(this.menu).toBeVisible();
    await this.menuItem(item).click();
    await expect(this.menu).toBeHidden();
  }

  async goTo(id: string): Promise<void> {
    await this.goToInput.fill(id);
    await this.goButton.click();
  }

  /** The ids of a rack's hosts: `c0-r1-h00`..`c0-r1-hNN`. */
  static hostsOf(rack: string, count: number): string[] {
    return Array.from({ length: count }, (_, h) => `${rack}-h${String(h).padStart(2, '0')}`);
  }
}
