import { expect, type Locator, type Page } from '@playwright/test';

/** The app shell as a person sees it: controls in the top bar, the event log beside. */
export class AppPage {
  readonly clock: Locator;
  readonly hash: Locator;
  readonly seed: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly step: Locator;
  readonly speed: Locator;
  readonly log: Locator;
  readonly logCount: Locator;

  constructor(readonly page: Page) {
    this.clock = page.getByRole('status', { name: 'Simulated time' });
    this.hash = page.getByRole('status', { name: 'Event-log hash' });
    this.seed = page.getByRole('status', { name: 'Seed' });
    this.play = page.getByRole('button', { name: 'Play' });
    this.pause = page.getByRole('button', { name: 'Pause' });
    this.step = page.getByRole('button', { name: 'Step' });
    this.speed = page.getByRole('combobox', { name: 'Speed' });
    this.log = page.getByRole('log', { name: 'Event log' });
    this.logCount = page.getByLabel('Events logged');
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.seed).not.toHaveText('…');
  }

  async clockText(): Promise<string> {
    return (await this.clock.textContent()) ?? '';
  }

  async count(): Promise<number> {
    return Number(await this.logCount.textContent());
  }
}
