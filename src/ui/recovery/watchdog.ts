/**
 * The page's watchdog over the simulation worker. The worker owes the page an answer
 * whenever the page has asked something (a frame, an init, an action, an export); the
 * watchdog counts how long it has been silent meanwhile, in wall time the page itself saw
 * pass: only while the document is visible (animation frames, and with them frame
 * requests, stop in a background tab) and at most twice its own interval per tick (a
 * page that was itself blocked, or a throttled timer, does not blame the worker).
 *
 * See docs/reliability.md for the thresholds and why.
 */

/**
 * Silence (visible wall ms, with an answer owed) after which the worker is called hung.
 * The longest piece of work the worker does in one go without a word is a checkpoint:
 * a copy of the whole deployed region took 5.2 s on the 2-core machine of
 * docs/performance.md (the budget takes none quite that large); 15 s leaves room for a
 * machine three times slower. Longer replays report progress (`seeking`, `heartbeat`).
 */
export const HANG_MS = 15_000;
/**
 * Silence allowed while the worker has announced work it cannot slice (`busy`: looking
 * ahead for the next fault, replaying to a walkthrough stop), and while a new worker
 * loads its code. A region run's worst case, a search that replays its deployment of
 * 250,000 instances, is estimated at about 35 s.
 */
export const BUSY_HANG_MS = 120_000;
/** How often the watchdog looks (and the run's subscribers are caught up). */
export const WATCH_EVERY_MS = 1_000;

export interface WatchTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const browserTimers: WatchTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

export const documentVisible = (): boolean => typeof document === 'undefined' || document.visibilityState !== 'hidden';

export class Watchdog {
  private silent = 0;
  private lastTick: number;
  /** When the worker last spoke. */
  private heardAt: number;
  private wasVisible: boolean;
  /** A message arrived since the last tick. */
  private heardSince = false;

  constructor(
    private readonly clock: () => number,
    private readonly visible: () => boolean,
  ) {
    this.lastTick = clock();
    this.heardAt = this.lastTick;
    this.wasVisible = visible();
  }

  /** The worker said something: it is alive. */
  heard(): void {
    this.silent = 0;
    this.heardSince = true;
    this.heardAt = this.clock();
  }

  /**
   * One look, every WATCH_EVERY_MS. `owed`: the page is waiting for an answer. Returns
   * the silence so far and the visible wall ms since the last look (0 when hidden),
   * and whether the worker spoke meanwhile.
   */
  tick(owed: boolean): { silentMs: number; visibleMs: number; heard: boolean } {
    const now = this.clock();
    const cap = (ms: number) => Math.min(Math.max(0, ms), 2 * WATCH_EVERY_MS);
    const dt = cap(now - this.lastTick);
    // the silence began when the worker last spoke, if that was after the last look
    const quiet = cap(now - Math.max(this.lastTick, this.heardAt));
    this.lastTick = now;
    const visible = this.visible();
    // time counts only when the page was visible at both ends of it
    const seen = visible && this.wasVisible;
    const visibleMs = seen ? dt : 0;
    this.wasVisible = visible;
    if (owed && seen) this.silent += quiet;
    const heard = this.heardSince;
    this.heardSince = false;
    return { silentMs: this.silent, visibleMs, heard };
  }
}
