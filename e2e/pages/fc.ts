import { expect, type Locator, type Page } from '@playwright/test';

/** What the cluster line says: `Primary: fc3 (term 4) · quorum: yes · …`. */
export interface ClusterSummary {
  readonly primary: string | null;
  readonly term: number;
  readonly quorum: boolean;
}

const CLUSTER_LINE = /^Primary: (fc\d|none) \(term (\d+)\) · quorum: (yes|no) · committed decisions: \d+ · waiting: \d+$/;

/** The FC ring as a person uses it: the replicas, their menu, the cluster line, the frozen notice, the elections. */
export class FcRingPage {
  readonly region: Locator;
  readonly clusterLine: Locator;
  readonly status: Locator;
  readonly menu: Locator;
  readonly elections: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Fabric Controller' });
    this.clusterLine = this.region.getByText(/^Primary: /).locator('xpath=ancestor-or-self::p[1]');
    this.status = this.region.getByRole('status');
    this.menu = this.region.getByRole('menu');
    this.elections = this.region.getByRole('list', { name: 'Elections' });
  }

  replica(id: string): Locator {
    return this.page.getByRole('button', { name: `FC replica ${id}`, exact: true });
  }

  menuItem(name: string): Locator {
    return this.menu.getByRole('menuitem', { name, exact: true });
  }

  /** Reads the cluster line (null if it does not read as one). */
  async cluster(): Promise<ClusterSummary | null> {
    const m = CLUSTER_LINE.exec(((await this.clusterLine.textContent()) ?? '').trim());
    if (!m) return null;
    return { primary: m[1] === 'none' ? null : m[1]!, term: Number(m[2]), quorum: m[3] === 'yes' };
  }

  /** Waits for a primary with a quorum (in a term above `aboveTerm`, and other than `not`) and returns it. */
  async waitForPrimary(opts: { aboveTerm?: number; not?: string } = {}): Promise<{ primary: string; term: number }> {
    let found: { primary: string; term: number } | undefined;
    await expect
      .poll(async () => {
        const c = await this.cluster();
        const ok = c !== null && c.quorum && c.primary !== null && c.term > (opts.aboveTerm ?? 0) && c.primary !== opts.not;
        if (ok) found = { primary: c.primary!, term: c.term };
        return ok;
      })
      .toBe(true);
    return found!;
  }

  /** Opens a replica's menu with a click and chooses an item. */
  async act(id: string, item: 'Fail replica' | 'Restart replica'): Promise<void> {
    await this.replica(id).click();
    await expect(this.menu).toBeVisible();
    await this.menuItem(item).click();
    await expect(this.menu).toBeHidden();
  }
}
