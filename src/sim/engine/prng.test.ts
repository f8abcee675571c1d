import { describe, expect, it } from 'vitest';
import { Rng, RngStreams } from './prng';

describe('xoshiro128**', () => {
  it('produces the reference sequence from state {1, 2, 3, 4}', () => {
    // First outputs of the reference C code (prng.di.unimi.it/xoshiro128starstar.c) from s = {1, 2, 3, 4}.
    const r = new Rng([1, 2, 3, 4]);
    expect([r.nextU32(), r.nextU32(), r.nextU32(), r.nextU32()]).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('resumes exactly from a saved state', () => {
    const a = Rng.fromSeed(7);
    for (let i = 0; i < 10; i++) a.nextU32();
    const b = new Rng(a.state());
    expect(Array.from({ length: 20 }, () => b.nextU32())).toEqual(Array.from({ length: 20 }, () => a.nextU32()));
  });

  it('draws integers in range without bias a test could see', () => {
    const r = Rng.fromSeed(1);
    const counts = new Array<number>(6).fill(0);
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[r.int(1, 6) - 1]!++;
    // chi-square with 5 degrees of freedom: 20.5 is the 0.999 quantile
    const chi = counts.reduce((acc, c) => acc + (c - n / 6) ** 2 / (n / 6), 0);
    expect(chi).toBeLessThan(20.5);
    expect(() => r.int(3, 2)).toThrow(/bad range/);
  });

  it('keeps latencies within their bounds around the median', () => {
    const r = Rng.fromSeed(3);
    const xs = Array.from({ length: 2001 }, () => r.latency(100, 10, 1000));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1000);
    const sorted = [...xs].sort((a, b) => a - b);
    expect(sorted[1000]).toBeGreaterThan(90);
    expect(sorted[1000]).toBeLessThan(110);
  });
});

describe('named streams', () => {
  it('do not shift when another consumer is added', () => {
    const alone = new RngStreams(42);
    const a1 = Array.from({ length: 5 }, () => alone.get('faults').nextU32());
    const crowded = new RngStreams(42);
    crowded.get('latency').nextU32();
    crowded.get('names').nextU32();
    const a2 = Array.from({ length: 5 }, () => crowded.get('faults').nextU32());
    expect(a2).toEqual(a1);
  });

  it('differ between names and between seeds', () => {
    const s = new RngStreams(42);
    expect(s.get('a').nextU32()).not.toBe(s.get('b').nextU32());
    expect(new RngStreams(1).get('a').nextU32()).not.toBe(new RngStreams(2).get('a').nextU32());
  });

  it('save and restore every stream', () => {
    const s = new RngStreams(5);
    s.get('x').nextU32();
    const saved = s.save();
    const next = s.get('x').nextU32();
    const t = new RngStreams(5);
    t.restore(saved);
    expect(t.get('x').nextU32()).toBe(next);
  });
});
