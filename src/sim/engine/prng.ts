/**
 * Seeded pseudo-random numbers: xoshiro128** 1.1 (Blackman and Vigna, 2018,
 * https://prng.di.unimi.it/xoshiro128starstar.c), seeded through SplitMix32.
 *
 * Every concern draws from its own named stream (`latency`, `faults`, `names`, ...).
 * A stream's seed is derived from the run's seed and the stream's name only, so adding
 * a new consumer never shifts the numbers another stream produces.
 */

import { fnv1a32 } from './hash';

/** SplitMix32 step (a 32-bit variant of Steele, Lea and Flood's SplitMix). */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

export type RngState = readonly [number, number, number, number];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: RngState) {
    [this.a, this.b, this.c, this.d] = state;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1; // the all-zero state is a fixed point
  }

  /** A stream seeded from a 32-bit seed. */
  static fromSeed(seed: number): Rng {
    const sm = { s: seed | 0 };
    return new Rng([splitmix32(sm), splitmix32(sm), splitmix32(sm), splitmix32(sm)]);
  }

  /** The state, for checkpoints; `new Rng(state)` resumes the stream exactly. */
  state(): RngState {
    return [this.a, this.b, this.c, this.d];
  }

  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive), without modulo bias. */
  int(lo: number, hi: number): number {
    const span = hi - lo + 1;
    if (!Number.isSafeInteger(span) || span <= 0 || span > 4294967296) {
      throw new RangeError(`Rng.int: bad range [${lo}, ${hi}]`);
    }
    const limit = 4294967296 - (4294967296 % span);
    let x = this.nextU32();
    while (x >= limit) x = this.nextU32();
    return lo + (x % span);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Exponentially distributed with the given mean (for failure arrivals). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /**
   * A latency drawn from a log-normal shape around `median`, clipped to [min, max].
   * Device commands and message delays use this: mostly near the median, a long tail.
   */
  latency(median: number, min: number, max: number, spread = 0.5): number {
    // Box-Muller on two uniforms; only one of the pair is used so that each draw
    // consumes a fixed two numbers and the stream stays easy to reason about.
    const u1 = 1 - this.next();
    const u2 = this.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    const v = Math.round(median * Math.exp(spread * z));
    return Math.min(max, Math.max(min, v));
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: empty array');
    return items[this.int(0, items.length - 1)]!;
  }
}

/** The named streams of one run. */
export class RngStreams {
  private readonly streams = new Map<string, Rng>();

  constructor(readonly seed: number) {}

  /** The stream for one concern; created on first use from (seed, name) alone. */
  get(name: string): Rng {
    let r = this.streams.get(name);
    if (!r) {
      r = Rng.fromSeed((this.seed ^ fnv1a32(name)) | 0);
      this.streams.set(name, r);
    }
    return r;
  }

  /** Every stream's state, by name, for checkpoints. */
  save(): Record<string, RngState> {
    const out: Record<string, RngState> = {};
    for (const [name, r] of this.streams) out[name] = r.state();
    return out;
  }

  restore(saved: Readonly<Record<string, RngState>>): void {
    this.streams.clear();
    for (const name of Object.keys(saved)) this.streams.set(name, new Rng(saved[name]!));
  }
}
