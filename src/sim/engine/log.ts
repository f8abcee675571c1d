/**
 * The event log: one structured record per logged event, a running hash over the
 * canonical encoding of every record, and a ring buffer of the newest records.
 * The full history is never kept (CloudSim Plus #287: history collection made large
 * runs slow); the hash still covers every record ever written.
 */

import { Fnv64 } from './hash';
import type { SimTime } from './time';

export type FieldValue = string | number | boolean | null;
export type Fields = Readonly<Record<string, FieldValue>>;

export interface LogRecord {
  /** Zero-based position in the log. */
  readonly seq: number;
  readonly t: SimTime;
  readonly kind: string;
  readonly subject: string;
  readonly fields: Fields;
}

/**
 * The canonical encoding of a record: a JSON array `[t, kind, subject, fields]` with
 * the field names sorted, followed by a newline. `seq` is implied by the order.
 * JSON number formatting is fixed by ECMAScript, so this is byte-identical everywhere.
 */
export function canonicalRecord(r: Pick<LogRecord, 't' | 'kind' | 'subject' | 'fields'>): string {
  let out = `[${r.t},${quoted(r.kind)},${JSON.stringify(r.subject)},{`;
  const keys = Object.keys(r.fields);
  if (keys.length > 1) keys.sort();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = r.fields[k];
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new RangeError(`log field ${k} of ${r.kind} is not a finite number`);
    }
    out += `${i ? ',' : ''}${quoted(k)}:${JSON.stringify(v ?? null)}`;
  }
  return `${out}}]\n`;
}

/** JSON strings of event kinds and field names: a few hundred names, quoted once each. */
const QUOTED = new Map<string, string>();
function quoted(name: string): string {
  let q = QUOTED.get(name);
  if (q === undefined) {
    q = JSON.stringify(name);
    if (QUOTED.size < 4096) QUOTED.set(name, q);
  }
  return q;
}

export interface EventLogState {
  readonly count: number;
  readonly hash: readonly [number, number];
  readonly recent: readonly LogRecord[];
}

export class EventLog {
  private readonly ring: (LogRecord | undefined)[];
  private readonly hasher = new Fnv64();
  private total = 0;
  /** Called with every record appended (a tap for summaries such as timeline markers). */
  onAppend: ((r: LogRecord) => void) | undefined;

  constructor(readonly capacity = 4096) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('EventLog capacity must be >= 1');
    this.ring = new Array<LogRecord | undefined>(capacity);
  }

  append(t: SimTime, kind: string, subject: string, fields: Fields): LogRecord {
    const rec: LogRecord = { seq: this.total, t, kind, subject, fields };
    this.hasher.update(canonicalRecord(rec));
    this.ring[this.total % this.capacity] = rec;
    this.total++;
    this.onAppend?.(rec);
    return rec;
  }

  /** Number of records ever written. */
  get count(): number {
    return this.total;
  }

  /** Hash of every record written so far: 16 hex digits. */
  hash(): string {
    return this.hasher.hex();
  }

  /** The newest records, oldest first, at most `n`. */
  recent(n = this.capacity): LogRecord[] {
    const k = Math.min(n, this.total, this.capacity);
    const out: LogRecord[] = [];
    for (let s = this.total - k; s < this.total; s++) out.push(this.ring[s % this.capacity]!);
    return out;
  }

  /** Records with seq >= `from` still held in the ring (older ones are gone), at most `max` newest. */
  since(from: number, max = this.capacity): LogRecord[] {
    const first = Math.max(from, this.total - Math.min(this.capacity, max));
    const out: LogRecord[] = [];
    for (let s = first; s < this.total; s++) out.push(this.ring[s % this.capacity]!);
    return out;
  }

  save(): EventLogState {
    return { count: this.total, hash: this.hasher.save(), recent: this.recent() };
  }

  restore(state: EventLogState): void {
    this.total = state.count;
    this.hasher.restore(state.hash);
    this.ring.fill(undefined);
    for (const r of state.recent) this.ring[r.seq % this.capacity] = r;
  }
}
