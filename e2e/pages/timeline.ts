import { expect, type Locator, type Page } from '@playwright/test';

export type MarkerKindName = 'Fault' | 'Repair' | 'Detection' | 'Healing' | 'Election';

/** Reads `d+hh:mm:ss` (the app's clock) as simulated milliseconds. */
export function parseClock(text: string): number {
  const m = /^(\d+)\+(\d\d):(\d\d):(\d\d)$/.exec(text.trim());
  if (!m) throw new Error(`not a clock: ${JSON.stringify(text)}`);
  return (((Number(m[1]) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000;
}

/**
 * The timeline bar under the top bar as a person uses it: the "Time" toolbar, the
 * scrubber (a slider named "Timeline" from 0 to the horizon, its value text the clock),
 * the marker buttons over it, the replay status, the marker key and the fork dialog.
 */
export class TimelinePage {
  readonly slider: Locator;
  readonly toolbar: Locator;
  readonly backToStart: Locator;
  readonly previousFault: Locator;
  readonly previousEvent: Locator;
  readonly nextEvent: Locator;
  readonly nextFault: Locator;
  readonly nextDecision: Locator;
  /** The marker buttons' list (one tab stop; arrow keys move between markers). */
  readonly markerList: Locator;
  readonly markers: Locator;
  /** Says "replaying…" while a seek replays history, nothing otherwise. */
  readonly replay: Locator;
  readonly replayProgress: Locator;
  readonly keyToggle: Locator;
  readonly key: Locator;
  readonly forkDialog: Locator;
  readonly discardAndAct: Locator;
  readonly cancelFork: Locator;

  constructor(readonly page: Page) {
    this.slider = page.getByRole('slider', { name: 'Timeline', exact: true });
    this.toolbar = page.getByRole('toolbar', { name: 'Time', exact: true });
    this.backToStart = this.toolbar.getByRole('button', { name: 'Back to start', exact: true });
    this.previousFault = this.toolbar.getByRole('button', { name: 'Previous fault', exact: true });
    this.previousEvent = this.toolbar.getByRole('button', { name: 'Previous event', exact: true });
    this.nextEvent = this.toolbar.getByRole('button', { name: 'Next event', exact: true });
    this.nextFault = this.toolbar.getByRole('button', { name: 'Next fault', exact: true });
    this.nextDecision = this.toolbar.getByRole('button', { name: 'Next FC decision', exact: true });
    this.markerList = page.getByRole('list', { name: 'Markers', exact: true });
    this.markers = this.markerList.getByRole('button');
    this.replay = page.getByRole('status', { name: 'Replay', exact: true });
    this.replayProgress = page.getByRole('progressbar', { name: 'Replay progress', exact: true });
    this.keyToggle = page.getByRole('button', { name: 'Key', exact: true });
    this.key = page.getByRole('list', { name: 'Marker key', exact: true });
    this.forkDialog = page.getByRole('dialog', { name: 'Discard your later actions?', exact: true });
    this.discardAndAct = this.forkDialog.getByRole('button', { name: 'Discard and act', exact: true });
    this.cancelFork = this.forkDialog.getByRole('button', { name: 'Cancel', exact: true });
  }

  /** Markers of a kind (their names read `Fault at 0+00:12:00: fault.inject c0-r1-h02`). */
  markersOf(kind: MarkerKindName): Locator {
    return this.markerList.getByRole('button', { name: new RegExp(`^${kind} at `) });
  }

  /** The marker whose name starts `Kind at <clock>` and, if given, whose label contains `text`. */
  marker(kind: MarkerKindName, opts: { at?: string; text?: string } = {}): Locator {
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = opts.at ? esc(opts.at) : '\\d+\\+\\d\\d:\\d\\d:\\d\\d';
    return this.markerList.getByRole('button', { name: new RegExp(`^${kind} at ${at}: .*${opts.text ? esc(opts.text) : ''}`) });
  }

  /** The time the handle shows, in simulated ms (aria-valuenow). */
  async value(): Promise<number> {
    return Number(await this.slider.getAttribute('aria-valuenow'));
  }

  /** The time the handle shows as the app writes it (aria-valuetext, `d+hh:mm:ss`). */
  async valueText(): Promise<string> {
    return (await this.slider.getAttribute('aria-valuetext')) ?? '';
  }

  /** The end of the scrubber: the furthest simulated time reached (aria-valuemax, ms). */
  async horizon(): Promise<number> {
    return Number(await this.slider.getAttribute('aria-valuemax'));
  }

  /** Focuses the scrubber and presses keys on it (each press and release seeks once). */
  async press(...keys: string[]): Promise<void> {
    await this.slider.focus();
    for (const k of keys) await this.slider.press(k);
  }

  /** Where on the scrubber a fraction of its span lies (the track spans a little past the horizon). */
  private async point(fraction: number): Promise<{ x: number; y: number }> {
    const box = await this.slider.boundingBox();
    if (!box) throw new Error('the timeline is not visible');
    return { x: box.x + box.width * Math.min(1, Math.max(0, fraction)), y: box.y + box.height * 0.75 };
  }

  /** Clicks the track at a fraction of its width: one seek there (clamped to the horizon). */
  async clickAt(fraction: number): Promise<void> {
    const p = await this.point(fraction);
    await this.page.mouse.click(p.x, p.y);
  }

  /** Drags the handle from one fraction of the track to another; one seek on release. */
  async drag(from: number, to: number): Promise<void> {
    const a = await this.point(from);
    const b = await this.point(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Waits until no replay is under way. */
  async settled(): Promise<void> {
    await expect(this.replay).toHaveText('');
  }

  /** Waits until the handle shows `clock` (`d+hh:mm:ss`) and no replay is under way. */
  async expectAt(clock: string): Promise<void> {
    await this.settled();
    await expect(this.slider).toHaveAttribute('aria-valuetext', clock);
  }

  /** Answers the fork dialog. */
  async fork(choice: 'discard' | 'cancel'): Promise<void> {
    await expect(this.forkDialog).toBeVisible();
    await (choice === 'discard' ? this.discardAndAct : this.cancelFork).click();
    await expect(this.forkDialog).toBeHidden();
  }

  /** How many later actions the fork dialog says acting would discard. */
  async forkCount(): Promise<number> {
    const m = /discards (\d+) later action/.exec((await this.forkDialog.textContent()) ?? '');
    if (!m) throw new Error('the fork dialog does not say how many actions');
    return Number(m[1]);
  }
}
