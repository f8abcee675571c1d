/**
 * The event queue: a binary min-heap ordered by time, then by insertion sequence, so
 * that events at the same instant run in the order they were scheduled. Times and
 * sequence numbers live in typed arrays beside the payloads (struct of arrays): no
 * per-event wrapper object and no comparator closure on the hot path.
 */

export class EventQueue<T> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private items: (T | undefined)[] = new Array<T | undefined>(1024);
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** Time of the earliest entry, or undefined when empty. */
  peekTime(): number | undefined {
    return this.n > 0 ? this.times[0] : undefined;
  }

  /** Payload of the earliest entry, or undefined when empty. */
  peek(): T | undefined {
    return this.n > 0 ? this.items[0] : undefined;
  }

  peekSeq(): number | undefined {
    return this.n > 0 ? this.seqs[0] : undefined;
  }

  push(time: number, seq: number, item: T): void {
    if (this.n === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      items[i] = items[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Removes the earliest entry and returns its payload; `lastTime`/`lastSeq` tell its keys. */
  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const top = items[0];
    this.lastTime = times[0]!;
    this.lastSeq = seqs[0]!;
    const last = --this.n;
    const t = times[last]!;
    const s = seqs[last]!;
    const it = items[last];
    items[last] = undefined;
    if (last > 0) {
      let i = 0;
      const half = last >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < last && (times[r]! < times[c]! || (times[r] === times[c] && seqs[r]! < seqs[c]!))) c = r;
        const ct = times[c]!;
        if (t < ct || (t === ct && s < seqs[c]!)) break;
        times[i] = ct;
        seqs[i] = seqs[c]!;
        items[i] = items[c];
        i = c;
      }
      times[i] = t;
      seqs[i] = s;
      items[i] = it;
    }
    return top;
  }

  lastTime = 0;
  lastSeq = 0;

  /** Every entry as [time, seq, item], in no particular order (for checkpoints). */
  entries(): [number, number, T][] {
    const out: [number, number, T][] = [];
    for (let i = 0; i < this.n; i++) out.push([this.times[i]!, this.seqs[i]!, this.items[i]!]);
    return out;
  }

  clear(): void {
    this.items.fill(undefined, 0, this.n);
    this.n = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const seqs = new Float64Array(cap);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.items.length = cap;
  }
}
