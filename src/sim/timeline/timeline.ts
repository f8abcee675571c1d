/**
 * A run with a past: the Simulation, the script it follows (a scenario's steps and the
 * user's timed actions), checkpoints along the way, and the walkthrough's place in the
 * script. Seeking back restores the last checkpoint before the target and replays the
 * script from there; because the run is deterministic, the state reached is the one the
 * straight run had. Acting in the past forks: the user's later actions are discarded.
 *
 * The headless scenario runner, the worker and the tests all play scripts through this
 * class, so a lesson clicked through in the browser and the same file run from the
 * command line reach the same event-log hash.
 */

import { applyAction, ActionError, type Action } from '../actions';
import type { LogRecord } from '../engine/log';
import type { Marker } from '../markers';
import { check } from '../scenario/check';
import type { Simulation } from '../simulation';
import { cloneSimulation } from './checkpoint';
import type { LessonAnswer, LessonExpectation, LessonState, LessonStop } from './lesson';
import { describeAction, isStop, isUserAction, sameAction, type Entry } from './script';
import type { TimedAction } from './record';

export type StepKind = 'event' | 'fault' | 'decision' | 'marker';

export interface TimelineOptions {
  /** Stop at each caption, question and prompt of the script (a guided walkthrough). */
  readonly walkthrough?: boolean;
  /** The scenario's name and description, for the walkthrough panel. */
  readonly name?: string;
  readonly description?: string;
  /** Take checkpoints at all (off for the headless runner, which never seeks). */
  readonly checkpoints?: boolean;
}

interface Checkpoint {
  readonly t: number;
  /** Script entries applied when it was taken. */
  readonly cursor: number;
  readonly processed: number;
  /** Its estimated size (checkpointPolicy). */
  readonly bytes: number;
  readonly sim: Simulation;
  readonly expectations: number;
  readonly stop: number;
  readonly error: LessonState['error'];
}

/** Simulated time between checkpoints when little happens (a quiet run seeks fast anyway). */
const CHECKPOINT_EVERY_MS = 30 * 60_000;
/** Events between checkpoints: what a seek may have to replay at most. */
const CHECKPOINT_EVERY_EVENTS = 20_000;
/** Checkpoints kept; when full, every other one is dropped (the first and the newest always stay). */
const MAX_CHECKPOINTS = 48;
/**
 * A checkpoint is a copy of the whole simulation, so its cost follows the simulation's
 * size: about this many bytes per host and per role instance (calibrated with
 * `npm run bench`, checkpointMB at region scale, rounded up).
 */
export const CHECKPOINT_BYTES_PER_HOST = 100;
export const CHECKPOINT_BYTES_PER_INSTANCE = 1_600;
/** Up to this size a checkpoint is cheap: the intervals above hold as they are. */
const SMALL_CHECKPOINT_BYTES = 8 * 2 ** 20;
/** Memory all checkpoints together may take (a region run must stay within 1 GiB in all). */
export const CHECKPOINT_BUDGET_BYTES = 384 * 2 ** 20;
/** However large the run, a checkpoint at least this often in simulated time (when it fits the budget). */
const MAX_CHECKPOINT_EVERY_MS = 6 * 3_600_000;

export interface CheckpointPolicy {
  /** Estimated size of a checkpoint now, bytes. */
  readonly bytes: number;
  /** Events and simulated ms between checkpoints. */
  readonly everyEvents: number;
  readonly everyMs: number;
}

/**
 * When to take checkpoints of a simulation this size. A copy costs time in proportion to
 * its size, so a larger simulation takes them after proportionally more events (the copy
 * stays a small share of the run's time) and more simulated time; the budget then
 * bounds how many are kept. The demo and the cluster keep the plain intervals.
 */
export function checkpointPolicy(hosts: number, instances: number): CheckpointPolicy {
  const bytes = hosts * CHECKPOINT_BYTES_PER_HOST + instances * CHECKPOINT_BYTES_PER_INSTANCE;
  const scale = Math.max(1, bytes / SMALL_CHECKPOINT_BYTES);
  return {
    bytes,
    everyEvents: Math.round(CHECKPOINT_EVERY_EVENTS * scale),
    everyMs: Math.min(Math.max(CHECKPOINT_EVERY_MS, MAX_CHECKPOINT_EVERY_MS), Math.round(CHECKPOINT_EVERY_MS * scale)),
  };
}

/** How far "next fault" looks past the end of the timeline before it gives up. */
const SEARCH_AHEAD_MS = 24 * 3_600_000;
/** Budget checks happen every so many events. */
const CHECK_EVERY = 256;

export type AdvanceResult = 'reached' | 'budget' | 'stop';

/** Whether an action would discard later actions of the user, and how many. */
export class ForkNeeded extends Error {
  override name = 'ForkNeeded';
  constructor(readonly futureActions: number) {
    super(`acting now discards ${futureActions} later action${futureActions === 1 ? '' : 's'} of yours`);
  }
}

export class Timeline {
  sim: Simulation;
  private readonly script: Entry[];
  /** Entries applied so far. */
  private cursor = 0;
  /** The furthest time the run has reached. */
  horizon = 0;
  private checkpoints: Checkpoint[] = [];
  private readonly takeCheckpoints: boolean;
  /** Where the last checkpoint was taken or passed up (over the budget). */
  private lastConsidered = { t: 0, processed: 0 };
  readonly walkthrough: boolean;
  private readonly stops: LessonStop[];
  /** Script index of each stop. */
  private readonly stopEntry: number[];
  /** The last stop reached (-1: none yet). */
  private stop = -1;
  /** The walkthrough is held at stop `stop`, waiting for Next, an answer or the learner's action. */
  private held = false;
  private readonly answers: Record<number, LessonAnswer> = {};
  private expectations: LessonExpectation[] = [];
  private error: LessonState['error'];
  private hint: string | undefined;
  /** Markers of the furthest run, kept when seeking back (see markers()). */
  private knownMarkers: Marker[] | undefined;
  /** The walkthrough has paused once at its end (playing on from there runs freely). */
  private ended = false;
  /** Bumped when the walkthrough state changes, so the worker sends it only then. */
  version = 0;

  constructor(
    sim: Simulation,
    script: readonly Entry[] = [],
    private readonly options: TimelineOptions = {},
  ) {
    this.sim = sim;
    this.script = [...script];
    this.walkthrough = options.walkthrough ?? false;
    this.takeCheckpoints = options.checkpoints ?? true;
    this.stops = [];
    this.stopEntry = [];
    this.script.forEach((e, i) => {
      if (!isStop(e)) return;
      this.stopEntry.push(i);
      this.stops.push(stopOf(e));
    });
    if (this.takeCheckpoints) this.checkpoint();
  }

  get now(): number {
    return this.sim.engine.now;
  }

  /** The user's actions so far, in run order (for a link or a run file). */
  userActions(): TimedAction[] {
    const out: TimedAction[] = [];
    const hasScript = this.script.some((e) => !isUserAction(e));
    let scripted = 0;
    for (const e of this.script) {
      if (!isUserAction(e)) scripted++;
      else out.push({ at: e.at, action: (e as Extract<Entry, { kind: 'do' }>).action, ...(hasScript ? { after: scripted } : {}) });
    }
    return out;
  }

  /** The user's actions that lie after now (acting now would discard them). */
  futureActions(): number {
    let n = 0;
    for (let i = this.cursor; i < this.script.length; i++) if (isUserAction(this.script[i]!)) n++;
    return n;
  }

  /** Time of the last scripted entry: a scenario has run through when the clock passes it. */
  get scriptEnd(): number {
    return this.script.length === 0 ? 0 : this.script[this.script.length - 1]!.at;
  }

  /** Every entry has been applied (or the scenario stopped on an error). */
  get done(): boolean {
    return this.cursor >= this.script.length || (this.error !== undefined && !this.script.slice(this.cursor).some(isUserAction));
  }

  /** Is the walkthrough holding the run at a stop? */
  get holding(): boolean {
    return this.held;
  }

  /**
   * Runs events and script entries up to time `limit` (inclusive). `budget` is asked
   * every few hundred events and stops the run early when it returns false. In a
   * walkthrough the run halts at a stop it has not passed yet.
   */
  advance(limit: number, budget?: () => boolean): AdvanceResult {
    if (this.held) return 'stop';
    const engine = this.sim.engine;
    for (;;) {
      const e = this.nextEntry();
      const until = e && e.at <= limit ? e.at : limit;
      if (!this.runEvents(until, budget)) return 'budget';
      if (!e || e.at > limit) break;
      if (this.walkthrough && isStop(e)) {
        this.stop = this.stopEntry.indexOf(this.cursor);
        this.held = true;
        this.hint = undefined;
        this.version++;
        this.afterMove();
        return 'stop';
      }
      this.apply(e);
      if (this.walkthrough && !this.ended && this.nextEntry() === undefined) {
        // The lesson is over: it pauses where its last step left the fabric.
        this.ended = true;
        engine.runUntil(engine.now);
        this.version++;
        this.afterMove();
        return 'stop';
      }
    }
    if (engine.now < limit) engine.runUntil(limit);
    this.afterMove();
    return 'reached';
  }

  /** The next entry to apply; scenario entries are skipped once the scenario stopped on an error. */
  private nextEntry(): Entry | undefined {
    while (this.cursor < this.script.length) {
      const e = this.script[this.cursor]!;
      if (this.error === undefined || isUserAction(e)) return e;
      this.cursor++;
    }
    return undefined;
  }

  private runEvents(until: number, budget?: () => boolean): boolean {
    const engine = this.sim.engine;
    if (budget) {
      let n = 0;
      for (;;) {
        const next = engine.nextTime();
        if (next === undefined || next > until) break;
        engine.step();
        if (++n % CHECK_EVERY === 0 && !budget()) return false;
      }
    }
    engine.runUntil(until);
    return true;
  }

  /** Applies the entry at the cursor (the clock is at its time). */
  private apply(e: Entry): void {
    this.cursor++;
    switch (e.kind) {
      case 'do':
        try {
          applyAction(this.sim, e.action);
        } catch (err) {
          if (e.step === undefined) throw err; // a replayed user action that once worked: the run has drifted
          this.error = { step: e.step, at: e.at, message: (err as Error).message };
          this.version++;
        }
        return;
      case 'expect': {
        const r = check(this.sim, e.expect);
        this.expectations.push({ step: e.step, at: e.at, text: e.text, ...r });
        this.version++;
        return;
      }
      case 'say':
      case 'ask':
        return;
    }
  }

  private afterMove(): void {
    if (this.now > this.horizon) this.horizon = this.now;
    if (!this.takeCheckpoints) return;
    const engine = this.sim.engine;
    const last = this.lastConsidered;
    if (this.checkpoints.length > 0 && engine.processed - last.processed < CHECKPOINT_EVERY_EVENTS && this.now - last.t < CHECKPOINT_EVERY_MS) return;
    const policy = this.policy();
    if (this.checkpoints.length === 0 || engine.processed - last.processed >= policy.everyEvents || (this.now - last.t >= policy.everyMs && engine.processed > last.processed)) {
      this.checkpoint(policy);
    }
  }

  /** The checkpoint policy for the simulation as it is now. */
  policy(): CheckpointPolicy {
    let instances = 0;
    for (const d of this.sim.fabric.deployments.values()) for (const l of d.roles.values()) instances += l.length;
    return checkpointPolicy(this.sim.hardware.dc.hostCount, instances);
  }

  private checkpoint(policy = this.policy()): void {
    const last = this.checkpoints[this.checkpoints.length - 1];
    this.lastConsidered = { t: this.now, processed: this.sim.engine.processed };
    if (last && last.t === this.now && last.cursor === this.cursor) return;
    // The first checkpoint always stays (seeks fall back to it); another one is taken
    // only when it fits the budget beside it, or seeks replay from the first.
    const first = this.checkpoints[0];
    if (first && first.bytes + policy.bytes > CHECKPOINT_BUDGET_BYTES) return;
    this.checkpoints.push({
      t: this.now,
      cursor: this.cursor,
      processed: this.sim.engine.processed,
      bytes: policy.bytes,
      sim: cloneSimulation(this.sim),
      expectations: this.expectations.length,
      stop: this.stop,
      error: this.error,
    });
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      // drop every other one, keeping the first and the newest
      const n = this.checkpoints.length;
      this.checkpoints = this.checkpoints.filter((_, i) => i === 0 || i === n - 1 || i % 2 === 1);
    }
    // over the budget: the oldest after the first go
    while (this.checkpoints.length > 2 && this.checkpoints.reduce((n, c) => n + c.bytes, 0) > CHECKPOINT_BUDGET_BYTES) this.checkpoints.splice(1, 1);
  }

  get checkpointCount(): number {
    return this.checkpoints.length;
  }

  /**
   * Markers of the run as far as it has gone (the horizon), so the scrubber keeps
   * showing what lies ahead after a seek back: the current run's own, then the known
   * ones after now. They come back with the same sequence numbers when replayed.
   */
  markers(): Marker[] {
    const own = this.sim.markers.all();
    if (!this.knownMarkers || this.now >= this.horizon) return [...own];
    const last = own.length > 0 ? own[own.length - 1]!.seq : -1;
    return [...own, ...this.knownMarkers.filter((m) => m.seq > last)];
  }

  /** Goes back to the latest checkpoint that `fits`, as a fresh copy. */
  private restore(fits: (c: Checkpoint) => boolean): void {
    if (this.now >= this.horizon) this.knownMarkers = [...this.sim.markers.all()];
    let cp = this.checkpoints[0]!;
    for (const c of this.checkpoints) if (fits(c)) cp = c;
    this.sim = cloneSimulation(cp.sim);
    this.cursor = cp.cursor;
    this.expectations = this.expectations.slice(0, cp.expectations);
    this.stop = cp.stop;
    this.error = cp.error;
    this.held = false;
    this.hint = undefined;
    this.ended = false;
    this.version++;
  }

  /**
   * Moves the run to time t: forward by running (through any stops), back by restoring a
   * checkpoint and replaying. The walkthrough's place follows.
   */
  seek(t: number, budget?: () => boolean): AdvanceResult {
    if (!Number.isSafeInteger(t) || t < 0) throw new RangeError(`seek: time must be a whole number of ms from 0, got ${t}`);
    if (t < this.now || (t === this.now && this.held)) this.restore((c) => c.t <= t);
    this.held = false;
    const wasWalkthrough = this.walkthrough;
    (this as { walkthrough: boolean }).walkthrough = false;
    try {
      const r = this.advance(t, budget);
      this.version++;
      return r;
    } finally {
      (this as { walkthrough: boolean }).walkthrough = wasWalkthrough;
      this.syncStop();
    }
  }

  /** After a seek, the walkthrough's place is the last stop the cursor has passed. */
  private syncStop(): void {
    let n = -1;
    for (let i = 0; i < this.stopEntry.length; i++) if (this.stopEntry[i]! < this.cursor) n = i;
    if (n !== this.stop) {
      this.stop = n;
      this.version++;
    }
    this.held = false;
  }

  /** Puts the run at stop n, held there, as the walkthrough first reached it. */
  goToStop(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n >= this.stops.length) throw new RangeError(`there is no step ${n + 1} in this walkthrough (it has ${this.stops.length})`);
    const entry = this.stopEntry[n]!;
    const at = this.script[entry]!.at;
    if (this.cursor > entry || this.now > at) this.restore((c) => c.t <= at && c.cursor <= entry);
    const wasWalkthrough = this.walkthrough;
    (this as { walkthrough: boolean }).walkthrough = false;
    try {
      // Apply everything before the stop's entry, then hold there.
      while (this.cursor < entry) {
        const e = this.nextEntry();
        if (!e || this.cursor >= entry) break;
        this.runEvents(e.at);
        this.apply(e);
      }
      this.runEvents(at);
    } finally {
      (this as { walkthrough: boolean }).walkthrough = wasWalkthrough;
    }
    this.cursor = Math.max(this.cursor, 0);
    this.stop = n;
    this.held = true;
    this.hint = undefined;
    this.version++;
    this.afterMove();
  }

  /** Walkthrough: past the current stop (a prompt is performed as scripted, "do it for me"). */
  next(): void {
    if (!this.held) return;
    const e = this.script[this.cursor]!;
    if (e.kind === 'ask' && !this.answers[this.stop]) throw new ActionError('answer the question first (or choose an answer and check it)');
    this.held = false;
    this.hint = undefined;
    this.apply(e);
    this.version++;
    this.advance(this.now);
  }

  /** Walkthrough: back to the stop before the current one. */
  back(): void {
    const target = this.held ? this.stop - 1 : this.stop;
    if (target < 0) throw new RangeError('this is the first step');
    this.goToStop(target);
  }

  answer(stop: number, choice: number): LessonAnswer {
    const entry = this.script[this.stopEntry[stop] ?? -1];
    if (!entry || entry.kind !== 'ask') throw new RangeError(`step ${stop + 1} is not a question`);
    const q = entry.question;
    if (!Number.isInteger(choice) || choice < 0 || choice >= q.choices.length) throw new RangeError(`choose one of the ${q.choices.length} answers`);
    const a: LessonAnswer = { choice, correct: choice === q.answer, answer: q.answer, explain: q.explain };
    this.answers[stop] = a;
    this.version++;
    return a;
  }

  /**
   * The user acts now. At a prompt of the walkthrough, the action must be the one asked
   * for. Elsewhere it is recorded at the current time; if the user had seeked back past
   * later actions of their own, those are discarded, but only when `fork` is set.
   */
  act(action: Action, fork = false): void {
    if (this.held) {
      const e = this.script[this.cursor]!;
      if (e.kind === 'do' && e.prompt !== undefined) {
        if (!sameAction(e.action, action)) {
          this.hint = `This step asks you to ${describeAction(e.action)}; you chose to ${describeAction(action)}.`;
          this.version++;
          throw new ActionError(this.hint);
        }
        this.next();
        return;
      }
      if (e.kind === 'ask' && !this.answers[this.stop]) throw new ActionError('answer the question first');
    }
    const future = this.futureActions();
    if (future > 0 && !fork) throw new ForkNeeded(future);
    // Everything due at this instant happens first, as it will when the run is replayed.
    if (!this.held) this.advance(this.now);
    applyAction(this.sim, action);
    if (future > 0) this.dropFuture();
    this.script.splice(this.cursor, 0, { kind: 'do', at: this.now, action });
    this.cursor++;
    this.shiftStops(this.cursor - 1);
    // What the action set off at this instant happens now, as it does in a replay.
    if (this.held) this.sim.engine.runUntil(this.now);
    else this.advance(this.now);
    this.afterMove();
  }

  /** Forgets the user's actions after now, and the checkpoints and horizon that knew them. */
  private dropFuture(): void {
    for (let i = this.script.length - 1; i >= this.cursor; i--) {
      if (isUserAction(this.script[i]!)) {
        this.script.splice(i, 1);
        this.shiftStops(i, -1);
      }
    }
    this.checkpoints = this.checkpoints.filter((c) => c.t <= this.now);
    const newest = this.checkpoints[this.checkpoints.length - 1];
    if (newest) this.lastConsidered = { t: newest.t, processed: newest.processed };
    this.horizon = this.now;
    this.knownMarkers = undefined;
    this.version++;
  }

  /** Stops after script index `from` move by `by` when an entry is inserted or removed there. */
  private shiftStops(at: number, by = 1): void {
    for (let i = 0; i < this.stopEntry.length; i++) {
      const idx = this.stopEntry[i]!;
      if (by > 0 ? idx >= at : idx > at) this.stopEntry[i] = idx + by;
    }
  }

  /**
   * Moves to the next moment of a kind: the next logged event, fault or FC decision
   * (a committed decision of the replicated FC), landing after everything of that
   * instant. Returns false when there is none within reach; the run is then untouched
   * (the search runs on a copy).
   */
  stepNext(kind: StepKind): boolean {
    const at = this.searchNext(kind);
    if (at === undefined) return false;
    this.seek(at);
    return true;
  }

  /** The time of the next moment of a kind, found by running a copy of the run. */
  private searchNext(kind: StepKind): number | undefined {
    const saved = {
      sim: this.sim,
      cursor: this.cursor,
      expectations: this.expectations,
      error: this.error,
      stop: this.stop,
      held: this.held,
      ended: this.ended,
      hint: this.hint,
      version: this.version,
      horizon: this.horizon,
      walkthrough: this.walkthrough,
    };
    const limit = this.now < this.horizon ? this.horizon : this.now + SEARCH_AHEAD_MS;
    const match = matcher(kind);
    this.sim = cloneSimulation(saved.sim);
    this.expectations = [...saved.expectations];
    (this as { walkthrough: boolean }).walkthrough = false;
    const engine = this.sim.engine;
    const log = engine.log;
    const tap = log.onAppend;
    let found = false;
    log.onAppend = (r) => {
      tap?.(r);
      if (!found && match(r)) found = true;
    };
    try {
      // A stop the learner is held at counts as passed.
      if (this.held) {
        this.held = false;
        this.apply(this.script[this.cursor]!);
      }
      while (!found) {
        const e = this.nextEntry();
        const next = engine.nextTime();
        const t = Math.min(next ?? Infinity, e ? e.at : Infinity);
        if (t === Infinity || t > limit) break;
        if (e && e.at <= (next ?? Infinity)) {
          engine.runUntil(e.at);
          if (!found) this.apply(e);
        } else {
          engine.step();
        }
      }
      return found ? engine.now : undefined;
    } finally {
      Object.assign(this, saved);
    }
  }

  /** Moves back to the previous moment of a kind before now. Returns false when none is known. */
  stepPrev(kind: StepKind): boolean {
    const t = this.previousTime(kind);
    if (t === undefined) return false;
    this.seek(t);
    return true;
  }

  private previousTime(kind: StepKind): number | undefined {
    const now = this.now;
    if (kind === 'fault' || kind === 'marker') {
      const markers = this.sim.markers.all();
      for (let i = markers.length - 1; i >= 0; i--) {
        const m = markers[i]!;
        if (m.t < now && (kind === 'marker' || m.kind === 'fault')) return m.t;
      }
      return undefined;
    }
    const match = matcher(kind);
    const recent = this.sim.engine.log.recent();
    for (let i = recent.length - 1; i >= 0; i--) {
      const r = recent[i]!;
      if (r.t < now && match(r)) return r.t;
    }
    return undefined;
  }

  /** The walkthrough as the panel shows it. */
  lessonState(): LessonState {
    const e = this.held ? this.script[this.cursor] : undefined;
    const waiting: LessonState['waiting'] = !this.held || !e ? null : e.kind === 'ask' ? (this.answers[this.stop] ? 'next' : 'answer') : e.kind === 'do' ? 'action' : 'next';
    return {
      name: this.options.name ?? '',
      ...(this.options.description ? { description: this.options.description } : {}),
      walkthrough: this.walkthrough,
      stops: this.stops,
      current: this.stop,
      waiting,
      answers: { ...this.answers },
      expectations: [...this.expectations],
      ...(this.error ? { error: this.error } : {}),
      ...(this.hint ? { hint: this.hint } : {}),
      done: !this.held && this.done,
    };
  }

  /** Expectations checked so far (for the headless runner). */
  get results(): readonly LessonExpectation[] {
    return this.expectations;
  }

  get scriptError(): LessonState['error'] {
    return this.error;
  }
}

function stopOf(e: Entry): LessonStop {
  switch (e.kind) {
    case 'say':
      return { step: e.step, at: e.at, kind: 'say', text: e.say, ...(e.chapter ? { chapter: e.chapter } : {}) };
    case 'ask':
      return { step: e.step, at: e.at, kind: 'ask', text: e.question.ask, choices: e.question.choices, ...(e.chapter ? { chapter: e.chapter } : {}) };
    case 'do':
      return { step: e.step ?? -1, at: e.at, kind: 'prompt', text: e.prompt ?? '', expected: describeAction(e.action) };
    case 'expect':
      throw new Error('an expectation is not a stop');
  }
}

const FAULT_KINDS = new Set(['fault.inject', 'instance.fail', 'fc.replicaFail']);

function matcher(kind: StepKind): (r: LogRecord) => boolean {
  switch (kind) {
    case 'event':
      return () => true;
    case 'fault':
      return (r) => FAULT_KINDS.has(r.kind);
    case 'decision':
      return (r) => r.kind === 'fc.raft.commit';
    case 'marker':
      return (r) => FAULT_KINDS.has(r.kind) || r.kind === 'fault.repair' || r.kind === 'fc.heal' || r.kind === 'fc.raft.primary';
  }
}
