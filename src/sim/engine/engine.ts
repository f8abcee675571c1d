/**
 * The discrete-event engine: a virtual clock in whole milliseconds, the event queue,
 * the named random streams and the event log. Model code registers a handler per event
 * kind and schedules plain-data events; the engine runs them in (time, sequence) order.
 *
 * Events are plain data (kind, subject, fields), never closures, so that the queue can
 * be checkpointed and restored.
 */

import { EventLog, type EventLogState, type Fields, type LogRecord } from './log';
import { RngStreams, type Rng, type RngState } from './prng';
import { EventQueue } from './queue';
import type { SimTime } from './time';

export interface SimEvent {
  readonly kind: string;
  readonly subject: string;
  readonly data: Fields;
}

/**
 * Handles one event. What it returns is added to the event's own fields in the log
 * record (for outcomes only known when the event runs); `null` means the event found
 * nothing to do (a timer whose reason has gone) and writes no record.
 */
export type Handler = (ev: SimEvent, engine: Engine) => Fields | void | null;

export interface HandlerOptions {
  /** Quiet kinds are internal bookkeeping and write no log record. */
  readonly quiet?: boolean;
  /**
   * Log only what the handler returns, not the event's own data (for events whose data
   * is plumbing, such as a reply's command number and the generation it belongs to).
   */
  readonly logReturnedOnly?: boolean;
}

export interface EngineOptions {
  readonly seed: number;
  /** Newest log records kept in memory (the hash still covers all). */
  readonly logCapacity?: number;
  /** Events one `runUntil`/`stepLogged` call may process before it is stopped as a runaway. */
  readonly maxEventsPerCall?: number;
  /** Events at one instant before the run is stopped as a zero-delay loop. */
  readonly maxEventsPerInstant?: number;
}

export class RunawayError extends Error {
  override name = 'RunawayError';
}

export interface StepResult {
  readonly t: SimTime;
  readonly event: SimEvent;
  /** The record written, or undefined for a quiet event. */
  readonly record: LogRecord | undefined;
}

interface Registered {
  readonly fn: Handler;
  readonly quiet: boolean;
  readonly returnedOnly: boolean;
}

export interface EngineState {
  readonly seed: number;
  readonly now: SimTime;
  readonly nextSeq: number;
  readonly queue: readonly (readonly [number, number, SimEvent])[];
  readonly cancelled: readonly number[];
  readonly rng: Record<string, RngState>;
  readonly log: EventLogState;
  readonly processed: number;
  readonly lastAt: number;
  readonly lastSeq: number;
}

/** Names a scheduled event so that it can be cancelled. */
export interface EventId {
  readonly at: SimTime;
  readonly seq: number;
}

const EMPTY: Fields = Object.freeze({});

export class Engine {
  readonly seed: number;
  readonly log: EventLog;
  private readonly streams: RngStreams;
  private readonly queue = new EventQueue<SimEvent>();
  private readonly handlers = new Map<string, Registered>();
  private readonly cancelled = new Set<number>();
  private clock: SimTime = 0;
  private nextSeq = 0;
  private processedCount = 0;
  private instantTime = -1;
  /** Keys of the last event taken from the queue (run or dropped as cancelled). */
  private lastAt = -1;
  private lastSeq = -1;
  private instantCount = 0;
  private readonly maxEventsPerCall: number;
  private readonly maxEventsPerInstant: number;

  constructor(opts: EngineOptions) {
    if (!Number.isSafeInteger(opts.seed)) throw new RangeError(`seed must be a whole number, got ${opts.seed}`);
    this.seed = opts.seed;
    this.streams = new RngStreams(opts.seed);
    this.log = new EventLog(opts.logCapacity ?? 4096);
    this.maxEventsPerCall = opts.maxEventsPerCall ?? 50_000_000;
    this.maxEventsPerInstant = opts.maxEventsPerInstant ?? 1_000_000;
  }

  /** Current simulated time in ms. */
  get now(): SimTime {
    return this.clock;
  }

  /** Events waiting (cancelled ones excluded). */
  get pending(): number {
    return this.queue.size - this.cancelled.size;
  }

  /** Events run so far, quiet ones included. */
  get processed(): number {
    return this.processedCount;
  }

  /** The named random stream for one concern. */
  rng(name: string): Rng {
    return this.streams.get(name);
  }

  on(kind: string, fn: Handler, opts: HandlerOptions = {}): void {
    if (this.handlers.has(kind)) throw new Error(`a handler for event kind "${kind}" is already registered`);
    this.handlers.set(kind, { fn, quiet: opts.quiet ?? false, returnedOnly: opts.logReturnedOnly ?? false });
  }

  /** Schedules an event at absolute time `at` (not before now). */
  schedule(at: SimTime, kind: string, subject: string, data: Fields = EMPTY): EventId {
    if (!Number.isSafeInteger(at)) throw new RangeError(`event time must be a whole number of ms, got ${at} (${kind})`);
    if (at < this.clock) throw new RangeError(`cannot schedule ${kind} at ${at}: the clock is already at ${this.clock}`);
    if (!this.handlers.has(kind)) throw new Error(`no handler for event kind "${kind}"`);
    const seq = this.nextSeq++;
    this.queue.push(at, seq, { kind, subject, data });
    return { at, seq };
  }

  /** Schedules an event `delay` ms from now. */
  after(delay: SimTime, kind: string, subject: string, data: Fields = EMPTY): EventId {
    return this.schedule(this.clock + delay, kind, subject, data);
  }

  /** Cancels a scheduled event; returns false if it has already run or was cancelled. */
  cancel(id: EventId): boolean {
    if (this.hasRun(id) || this.cancelled.has(id.seq)) return false;
    this.cancelled.add(id.seq);
    return true;
  }

  /**
   * Events leave the queue in strictly increasing (time, seq) order, because a new event
   * is never earlier than the clock and always has the largest seq so far. So an event
   * has run exactly when its keys are at or below those of the last event popped.
   */
  private hasRun(id: EventId): boolean {
    return id.at < this.lastAt || (id.at === this.lastAt && id.seq <= this.lastSeq);
  }

  /** Time of the next event that will run, if any. */
  nextTime(): SimTime | undefined {
    this.dropCancelledHead();
    return this.queue.peekTime();
  }

  /** The event that will run next, if any (not run). */
  peek(): SimEvent | undefined {
    this.dropCancelledHead();
    return this.queue.peek();
  }

  private dropCancelledHead(): void {
    while (this.cancelled.size > 0 && this.queue.size > 0 && this.cancelled.has(this.queue.peekSeq()!)) {
      this.queue.pop();
      this.cancelled.delete(this.queue.lastSeq);
      this.lastAt = this.queue.lastTime;
      this.lastSeq = this.queue.lastSeq;
    }
  }

  /** Runs the next event. Returns undefined when nothing is scheduled. */
  step(): StepResult | undefined {
    this.dropCancelledHead();
    const ev = this.queue.pop();
    if (ev === undefined) return undefined;
    return this.dispatch(ev, this.queue.lastTime);
  }

  private dispatch(ev: SimEvent, at: SimTime): StepResult {
    // Times come out of the queue's Float64Array as heap numbers; an int32 of the same
    // value is a small integer, so the times the model stores (history entries, log
    // records, disk ages: millions of fields at region scale) need no box of their own.
    const t = at <= 0x7fffffff ? at | 0 : at;
    this.lastAt = t;
    this.lastSeq = this.queue.lastSeq;
    if (t === this.instantTime) {
      if (++this.instantCount > this.maxEventsPerInstant) {
        throw new RunawayError(
          `more than ${this.maxEventsPerInstant} events at t=${t} ms (last: ${ev.kind} ${ev.subject}): a zero-delay loop?`,
        );
      }
    } else {
      this.instantTime = t;
      this.instantCount = 1;
    }
    this.clock = t;
    this.processedCount++;
    const h = this.handlers.get(ev.kind)!;
    const extra = h.fn(ev, this);
    if (h.quiet || extra === null) return { t, event: ev, record: undefined };
    const fields = h.returnedOnly ? (extra ?? EMPTY) : extra ? { ...ev.data, ...extra } : ev.data;
    return { t, event: ev, record: this.log.append(t, ev.kind, ev.subject, fields) };
  }

  /** Runs events until one writes a log record (or nothing is left). */
  stepLogged(): StepResult | undefined {
    for (let i = 0; i < this.maxEventsPerCall; i++) {
      const r = this.step();
      if (r === undefined || r.record !== undefined) return r;
    }
    throw new RunawayError(`no logged event within ${this.maxEventsPerCall} events`);
  }

  /** Runs every event due at or before `t`, then sets the clock to `t`. Returns events run. */
  runUntil(t: SimTime): number {
    if (!Number.isSafeInteger(t)) throw new RangeError(`runUntil: time must be a whole number of ms, got ${t}`);
    if (t < this.clock) throw new RangeError(`runUntil(${t}): the clock is already at ${this.clock}`);
    let n = 0;
    const queue = this.queue;
    for (;;) {
      if (this.cancelled.size > 0) this.dropCancelledHead();
      if (queue.size === 0 || queue.peekTime()! > t) break;
      if (++n > this.maxEventsPerCall) {
        throw new RunawayError(`more than ${this.maxEventsPerCall} events before t=${t} ms`);
      }
      const ev = queue.pop()!;
      this.dispatch(ev, queue.lastTime);
    }
    this.clock = t;
    return n;
  }

  /** Runs for `dt` ms of simulated time. */
  runFor(dt: SimTime): number {
    return this.runUntil(this.clock + dt);
  }

  /** Puts the engine back to a saved state; handlers stay registered. */
  restore(state: EngineState): void {
    if (state.seed !== this.seed) throw new Error(`checkpoint is for seed ${state.seed}, engine has ${this.seed}`);
    this.queue.clear();
    for (const [at, seq, ev] of state.queue) this.queue.push(at, seq, ev);
    this.cancelled.clear();
    for (const seq of state.cancelled) this.cancelled.add(seq);
    this.clock = state.now;
    this.nextSeq = state.nextSeq;
    this.processedCount = state.processed;
    this.lastAt = state.lastAt;
    this.lastSeq = state.lastSeq;
    this.instantTime = -1;
    this.instantCount = 0;
    this.streams.restore(state.rng);
    this.log.restore(state.log);
  }

  save(): EngineState {
    this.dropCancelledHead();
    return {
      seed: this.seed,
      now: this.clock,
      nextSeq: this.nextSeq,
      queue: this.queue.entries(),
      cancelled: [...this.cancelled],
      rng: this.streams.save(),
      log: this.log.save(),
      processed: this.processedCount,
      lastAt: this.lastAt,
      lastSeq: this.lastSeq,
    };
  }
}
