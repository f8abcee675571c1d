/**
 * A bounded buffer of the newest items: pushing past the capacity drops the oldest, in
 * O(1). The run report keeps its lists in these, never full histories.
 */

export class Ring<T> {
  /** Grows up to the capacity (an empty ring costs nothing to checkpoint), then wraps. */
  private readonly items: T[] = [];
  /** Index of the oldest item once full. */
  private start = 0;
  /** Items ever pushed, the dropped ones included. */
  total = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('Ring capacity must be >= 1');
  }

  /** Adds an item; returns the one it pushed out, if any. */
  push(item: T): T | undefined {
    this.total++;
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return undefined;
    }
    const dropped = this.items[this.start];
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    return dropped;
  }

  get length(): number {
    return this.items.length;
  }

  /** Items kept, oldest first. */
  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }
}

/** Count, maximum and a bounded sample (the newest values) of durations, for medians. */
export class DurationStats {
  count = 0;
  max = 0;
  private readonly recent: Ring<number>;

  constructor(sample = 4096) {
    this.recent = new Ring<number>(sample);
  }

  add(ms: number): void {
    this.count++;
    if (ms > this.max) this.max = ms;
    this.recent.push(ms);
  }

  /** Median of the sample (the newest values when there were more than it holds); null when empty. */
  median(): number | null {
    return median(this.recent.toArray());
  }

  /** The median is over a sample only: older values were dropped. */
  get sampled(): boolean {
    return this.count > this.recent.length;
  }
}

/** Median of a list of numbers (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
