import type { Locator, Page } from '@playwright/test';

/** The clock and hash the top bar showed, each time either changed. */
export interface Shown {
  readonly clock: string;
  readonly hash: string;
}

/**
 * Recovery from a crashed or hung simulation worker as a person sees it: the Debug panel
 * of `?debug=1` (inject a crash or a hang) and the alert that says what happened and
 * what was done about it.
 */
export class RecoveryPage {
  readonly debug: Locator;
  readonly crash: Locator;
  readonly hang: Locator;
  readonly alert: Locator;
  readonly dismiss: Locator;

  constructor(readonly page: Page) {
    this.debug = page.getByRole('group', { name: 'Debug', exact: true });
    this.crash = this.debug.getByRole('button', { name: 'Crash the worker', exact: true });
    this.hang = this.debug.getByRole('button', { name: 'Hang the worker', exact: true });
    this.alert = page.getByRole('alert').filter({ hasText: 'The simulation worker' });
    this.dismiss = this.alert.getByRole('button', { name: 'Dismiss the recovery message', exact: true });
  }

  /**
   * Starts recording what the top bar shows (clock and hash), and what it showed last
   * before the recovery alert first appeared: "what the page showed just before".
   */
  async record(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __shown: { clock: string; hash: string }[]; __beforeAlert?: { clock: string; hash: string } };
      w.__shown = [];
      w.__beforeAlert = undefined;
      const text = (label: string) => document.querySelector(`output[aria-label="${label}"]`)?.textContent ?? '';
      const look = () => {
        const alert = [...document.querySelectorAll('[role="alert"]')].some((a) => a.textContent?.includes('The simulation worker'));
        if (alert) {
          w.__beforeAlert ??= w.__shown.at(-1);
          return;
        }
        const now = { clock: text('Simulated time'), hash: text('Event-log hash') };
        const last = w.__shown.at(-1);
        if (!last || last.clock !== now.clock || last.hash !== now.hash) w.__shown.push(now);
      };
      look();
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  /** What the top bar showed last before the alert appeared. */
  async shownBeforeAlert(): Promise<Shown | undefined> {
    return this.page.evaluate(() => (window as unknown as { __beforeAlert?: { clock: string; hash: string } }).__beforeAlert);
  }
}
