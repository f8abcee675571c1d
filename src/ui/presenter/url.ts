/**
 * The display settings of the page address: `?presenter=1` opens in presenter mode
 * (large type, the high-contrast theme, the clicker keys) and `?animations=0` with
 * animations off (a wall screen). A bad value is reported and replaced by the default,
 * like the run's settings (src/ui/url.ts).
 */

export interface DisplayParams {
  /** Presenter mode asked for (undefined: not in the address). */
  readonly presenter: boolean | undefined;
  /** Animations asked for (undefined: not in the address). */
  readonly animations: boolean | undefined;
  readonly problems: readonly string[];
}

const ON = new Set(['1', 'true', 'on', 'yes']);
const OFF = new Set(['0', 'false', 'off', 'no']);

function flag(params: URLSearchParams, name: string, fallback: string, problems: string[]): boolean | undefined {
  const text = params.get(name);
  if (text === null) return undefined;
  const v = text.trim().toLowerCase();
  if (ON.has(v) || v === '') return true;
  if (OFF.has(v)) return false;
  problems.push(`URL parameter ${name}: "${text}" is not 1 or 0; ${fallback}.`);
  return undefined;
}

export function readDisplayParams(search: string): DisplayParams {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const presenter = flag(params, 'presenter', 'presenter mode stays off', problems);
  const animations = flag(params, 'animations', 'animations follow the saved setting', problems);
  return { presenter, animations, problems };
}

/** The address with `?presenter=1` set or removed, every other parameter kept. */
export function withPresenterParam(href: string, on: boolean): string {
  const url = new URL(href);
  if (on) url.searchParams.set('presenter', '1');
  else url.searchParams.delete('presenter');
  return url.toString();
}
