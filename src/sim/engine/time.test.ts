import { describe, expect, it } from 'vitest';
import { DurationError, formatClock, formatDuration, parseDuration } from './time';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['250ms', 250],
    ['1m30s500ms', 90_500],
    ['0s', 0],
    ['1500', 1500],
    [' 5m ', 300_000],
    ['1.5h', 5_400_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['', /empty/],
    ['10', null],
    ['5x', /character 1/],
    ['1h2x', /character 3/],
    ['30m1h', /largest to smallest/],
    ['1m1m', /largest to smallest/],
    ['-5s', /character 1/],
    ['99999d', /out of range/],
  ])('refuses %j with a clear message', (text, msg) => {
    if (msg === null) {
      expect(parseDuration(text)).toBe(10);
      return;
    }
    expect(() => parseDuration(text)).toThrow(DurationError);
    expect(() => parseDuration(text)).toThrow(msg);
  });
});

describe('formatClock', () => {
  it('writes d+hh:mm:ss', () => {
    expect(formatClock(0)).toBe('0+00:00:00');
    expect(formatClock(3_723_999)).toBe('0+01:02:03');
    expect(formatClock(90_061_000)).toBe('1+01:01:01');
  });
});

describe('formatDuration', () => {
  it('round-trips through parseDuration', () => {
    for (const ms of [0, 1, 999, 60_000, 5_400_000, 90_061_001]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });
});
