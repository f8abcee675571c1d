/**
 * Simulated time. The clock counts whole milliseconds from the start of a run;
 * durations in files and on the command line are written like `90s`, `10m`, `1h30m`, `2d`.
 */

export type SimTime = number;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY };
const PART = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/y;

/** Largest duration accepted anywhere: 10 years of simulated time. */
export const MAX_DURATION_MS = 10 * 365 * DAY;

export class DurationError extends Error {
  override name = 'DurationError';
}

/**
 * Parses `90s`, `10m`, `1h30m`, `2d`, `250ms` or a bare number of milliseconds into
 * whole milliseconds. Units must appear largest first and at most once each.
 */
export function parseDuration(text: string): SimTime {
  const s = text.trim();
  if (s === '') throw new DurationError('empty duration');
  if (/^\d+$/.test(s)) return checked(Number(s), text);
  let total = 0;
  let pos = 0;
  let lastUnitMs = Infinity;
  while (pos < s.length) {
    PART.lastIndex = pos;
    const m = PART.exec(s);
    if (!m) {
      throw new DurationError(
        `cannot read duration "${text}" at character ${pos + 1}: expected a number followed by d, h, m, s or ms`,
      );
    }
    const unitMs = UNIT_MS[m[2]!]!;
    if (unitMs >= lastUnitMs) {
      throw new DurationError(`duration "${text}": units must go from largest to smallest, each once`);
    }
    lastUnitMs = unitMs;
    total += Number(m[1]) * unitMs;
    pos = PART.lastIndex;
  }
  return checked(Math.round(total), text);
}

function checked(ms: number, text: string): SimTime {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_DURATION_MS) {
    throw new DurationError(`duration "${text}" is out of range (0 to 10 years)`);
  }
  return ms;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Formats simulated time as `d+hh:mm:ss`, e.g. `0+02:05:09`. */
export function formatClock(ms: SimTime): string {
  const totalSeconds = Math.floor(ms / SECOND);
  const d = Math.floor(totalSeconds / 86400);
  const h = Math.floor((totalSeconds % 86400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const sec = totalSeconds % 60;
  return `${d}+${pad2(h)}:${pad2(m)}:${pad2(sec)}`;
}

/** Formats a duration compactly the way files write it: `1h30m`, `45s`, `0s`. */
export function formatDuration(ms: SimTime): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of [['d', DAY], ['h', HOUR], ['m', MINUTE], ['s', SECOND], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
