/**
 * The debug switches of the address: `?debug=1` shows the Debug panel (inject a crash or
 * a hang into the worker), and with it `hangMs=3000` shortens the watchdog's threshold
 * (HANG_MS) for tests and demonstrations. See docs/reliability.md.
 */

export interface DebugSettings {
  readonly debug: boolean;
  /** The watchdog's threshold, when the address sets one. */
  readonly hangMs?: number;
  readonly problems: readonly string[];
}

export const MIN_HANG_MS = 1_000;
export const MAX_HANG_MS = 600_000;

export function readDebugSettings(search: string): DebugSettings {
  const params = new URLSearchParams(search);
  const debug = params.get('debug') === '1';
  const text = params.get('hangMs');
  if (text === null) return { debug, problems: [] };
  if (!debug) return { debug, problems: ['URL parameter hangMs is read only with debug=1; ignored.'] };
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < MIN_HANG_MS || n > MAX_HANG_MS) {
    return { debug, problems: [`URL parameter hangMs: "${text}" is not a whole number of ms from ${MIN_HANG_MS} to ${MAX_HANG_MS}; using the default.`] };
  }
  return { debug, hangMs: n, problems: [] };
}

/** The address of a fresh start: the page with only its debug switches. */
export function afreshSearch(search: string): string {
  const params = new URLSearchParams(search);
  const keep = new URLSearchParams();
  for (const k of ['debug', 'hangMs']) {
    const v = params.get(k);
    if (v !== null) keep.set(k, v);
  }
  const s = keep.toString();
  return s ? `?${s}` : '';
}
