/**
 * The replicated FC: fc0..fc4 (fidelity.md, "The FC itself": 5 replicas, one primary,
 * working while a quorum of 3 stands), agreeing on a log of FC decisions. The real FC
 * elected its primary with Paxos over a replicated state library; this model runs Raft
 * (Ongaro and Ousterhout 2014), a protocol of the Paxos family with the same safety
 * guarantees, chosen because its roles map cleanly onto primary and secondaries.
 *
 * The layer above proposes commands to the primary and sees each committed index exactly
 * once, in order, through `onCommit`: that is where FC decisions take effect. Messages
 * and timers are quiet engine events; the log gets a record when the primary changes,
 * when the quorum is lost or regained, and when new indices commit.
 */

import type { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import type { ProfileName } from '../hardware/timing';
import { SafetyError } from './log';
import { DELIVER, Network, type Message, type NetworkState } from './messages';
import * as raft from './replica';
import { checkTiming, RAFT_TIMING, type RaftTiming } from './timing';
import type { LogEntry, ProposeResult, ReplicaState, ReplicaStatus } from './types';

const TIMER = 'fc.raft.timer';
const FLUSH = 'fc.raft.flush';
/** Logged notices. */
export const PRIMARY_EVENT = 'fc.raft.primary';
export const COMMIT_EVENT = 'fc.raft.commit';
export const QUORUM_EVENT = 'fc.raft.quorum';

export const MAX_REPLICAS = 9;

/**
 * The replicas' own random streams. They are not the shared `latency` stream: heartbeats
 * draw a delay every few milliseconds, and sharing would shift every driver's latencies
 * whenever a replica timing changes (design.md, one stream per concern).
 */
export const LATENCY_STREAM = 'fc.raft.latency';
export const ELECTION_STREAM = 'fc.raft.elections';

export interface ReplicatedFcOptions {
  /** Number of replicas, 1 to 9; fidelity.md: 5. */
  readonly replicas?: number;
  readonly profile?: ProfileName;
  /** Overrides of the profile's timing. */
  readonly timing?: Partial<RaftTiming>;
  /**
   * A new primary appends a no-op entry of its term (Raft section 8; default true), so
   * that what earlier primaries left uncommitted commits at once. `onCommit` reports the
   * no-ops too (their command satisfies `isNoop`), keeping its indices gap-free.
   */
  readonly noop?: boolean;
}

/** Hooks for checkers and views; they must only read. */
export interface RaftObserver {
  elected?(id: string, term: number): void;
  /** A replica applied an entry to its own state machine (again from 1 after a restart). */
  applied?(id: string, index: number, command: Fields): void;
  crashed?(id: string): void;
}

/** A replica's state, read-only, for checkers and views. */
export type ReplicaView = {
  readonly [K in keyof ReplicaState]: ReplicaState[K] extends (infer U)[] ? readonly U[] : ReplicaState[K];
};

export interface ReplicatedFcState {
  readonly replicas: readonly ReplicaState[];
  readonly network: NetworkState;
  readonly delivered: number;
  readonly noticed: number;
  readonly reported: { readonly primary: string | null; readonly term: number };
  readonly quorum: boolean;
}

type CommitFn = (index: number, command: Fields) => void;
type PrimaryFn = (primary: string | null, term: number) => void;

function copyReplica(r: ReplicaState): ReplicaState {
  return {
    ...r,
    log: r.log.slice(),
    votes: r.votes.slice(),
    nextIndex: r.nextIndex.slice(),
    matchIndex: r.matchIndex.slice(),
    lastAck: r.lastAck.slice(),
  };
}

export class ReplicatedFc {
  readonly ids: readonly string[];
  readonly timing: RaftTiming;
  readonly majority: number;
  private replicas: ReplicaState[];
  private readonly net: Network;
  private readonly ctx: raft.RaftContext;
  /** Highest index handed to `onCommit`; every replica's commitIndex is at most this. */
  private delivered = 0;
  /** Highest index mentioned in a commit record of the event log. */
  private noticed = 0;
  private reported: { primary: string | null; term: number } = { primary: null, term: 0 };
  private quorum = true;
  /** Commits to hand to `onCommit` once the current step's Raft work is done. */
  private pending: [number, Fields][] = [];
  private settling = false;
  private readonly commitFns: CommitFn[] = [];
  private readonly primaryFns: PrimaryFn[] = [];
  private readonly observers: RaftObserver[] = [];

  constructor(
    private readonly engine: Engine,
    opts: ReplicatedFcOptions = {},
  ) {
    const n = opts.replicas ?? 5;
    if (!Number.isInteger(n) || n < 1 || n > MAX_REPLICAS) {
      throw new RangeError(`the FC needs 1 to ${MAX_REPLICAS} replicas, got ${n}`);
    }
    this.timing = { ...RAFT_TIMING[opts.profile ?? 'realistic'], ...opts.timing };
    checkTiming(this.timing);
    this.majority = Math.floor(n / 2) + 1;
    this.ids = Array.from({ length: n }, (_, i) => `fc${i}`);
    this.replicas = this.ids.map((id, i) => raft.newReplica(i, id, n));
    this.net = new Network(engine, this.timing, LATENCY_STREAM, this.ids);
    this.ctx = this.context(opts.noop ?? true);

    engine.on(DELIVER, (ev) => this.deliver(ev.data.msg as number), { quiet: true });
    engine.on(TIMER, (ev) => this.timer(ev.subject, ev.data.token as number), { quiet: true });
    engine.on(FLUSH, (ev) => this.flushNow(ev.subject), { quiet: true });
    for (const kind of [PRIMARY_EVENT, COMMIT_EVENT, QUORUM_EVENT]) engine.on(kind, () => undefined);

    for (const r of this.replicas) raft.restart(this.ctx, r);
    this.quorum = this.computeQuorum();
  }

  private context(noop: boolean): raft.RaftContext {
    const engine = this.engine;
    const timing = this.timing;
    return {
      get now() {
        return engine.now;
      },
      size: this.ids.length,
      majority: this.majority,
      timing,
      noop,
      send: (msg: Message) => this.net.send(msg, this.replicas[msg.to]!.up),
      electionTimeout: () => engine.rng(ELECTION_STREAM).int(timing.electionMinMs, timing.electionMaxMs),
      arm: (r) => {
        if (r.timerAt !== null && r.timerAt <= r.deadline) return;
        r.timerToken++;
        r.timerAt = r.deadline;
        engine.schedule(r.deadline, TIMER, r.id, { token: r.timerToken });
      },
      scheduleFlush: (r) => {
        if (r.flushPending) return;
        r.flushPending = true;
        engine.after(0, FLUSH, r.id);
      },
      elected: (r) => {
        for (const o of this.observers) o.elected?.(r.id, r.currentTerm);
      },
      applied: (r, index, entry) => this.applied(r, index, entry),
    };
  }

  // ---- events ------------------------------------------------------------------------

  private deliver(id: number): null {
    const msg = this.net.arrive(id);
    const r = msg && this.replicas[msg.to];
    if (msg && r?.up) {
      raft.receive(this.ctx, r, msg);
      this.settle();
    }
    return null;
  }

  private timer(subject: string, token: number): null {
    const r = this.replica(subject);
    if (!r.up || token !== r.timerToken) return null; // superseded, or from before a crash
    r.timerAt = null;
    if (this.engine.now < r.deadline) this.ctx.arm(r);
    else raft.timerExpired(this.ctx, r);
    this.settle();
    return null;
  }

  private flushNow(subject: string): null {
    const r = this.replica(subject);
    if (r.up && r.flushPending) {
      raft.flush(this.ctx, r);
      this.settle();
    }
    return null;
  }

  private applied(r: ReplicaState, index: number, entry: LogEntry): void {
    for (const o of this.observers) o.applied?.(r.id, index, entry.command);
    if (r.role !== 'primary' || index <= this.delivered) return;
    // Commits start at a primary, which applies them at once: no replica is ever ahead.
    if (index !== this.delivered + 1) throw new SafetyError(`${r.id} applied ${index} but only ${this.delivered} were handed on`);
    this.delivered = index;
    this.pending.push([index, entry.command]);
  }

  /** Runs callbacks once the Raft step is complete, so that they may call back in. */
  private settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      for (;;) {
        const p = this.primaryReplica();
        const id = p?.id ?? null;
        const term = p ? p.currentTerm : this.reported.term;
        if (id !== this.reported.primary || term !== this.reported.term) {
          this.reported = { primary: id, term };
          this.engine.after(0, PRIMARY_EVENT, id ?? 'none', { primary: id, term });
          for (const fn of this.primaryFns) fn(id, term);
          continue;
        }
        const c = this.pending.shift();
        if (c === undefined) break;
        for (const fn of this.commitFns) fn(c[0], c[1]);
      }
      if (this.delivered > this.noticed) {
        const subject = this.reported.primary ?? 'none';
        this.engine.after(0, COMMIT_EVENT, subject, { from: this.noticed + 1, to: this.delivered, term: this.reported.term });
        this.noticed = this.delivered;
      }
    } finally {
      this.settling = false;
    }
  }

  // ---- lookups -------------------------------------------------------------------------

  private replica(id: string): ReplicaState {
    const i = this.ids.indexOf(id);
    if (i < 0) throw new RangeError(`no FC replica named ${id}; the replicas are ${this.ids.join(', ')}`);
    return this.replicas[i]!;
  }

  /** The up replica in the primary role with the latest term (a cut-off one may still think it leads). */
  private primaryReplica(): ReplicaState | undefined {
    let best: ReplicaState | undefined;
    for (const r of this.replicas) {
      if (r.up && r.role === 'primary' && (!best || r.currentTerm > best.currentTerm)) best = r;
    }
    return best;
  }

  primary(): string | null {
    return this.primaryReplica()?.id ?? null;
  }

  /** The latest term any up replica has reached. */
  term(): number {
    let t = 0;
    for (const r of this.replicas) if (r.up) t = Math.max(t, r.currentTerm);
    return t;
  }

  /**
   * True while some up replica can reach a majority of the replicas (itself included):
   * what a primary needs to commit. While false the FC is frozen and `propose` refuses.
   */
  hasQuorum(): boolean {
    return this.quorum;
  }

  /** Highest index handed to `onCommit`. */
  committed(): number {
    return this.delivered;
  }

  isUp(id: string): boolean {
    return this.replica(id).up;
  }

  replicaStatus(): ReplicaStatus[] {
    return this.replicas.map((r) => ({
      id: r.id,
      role: r.role,
      term: r.currentTerm,
      commitIndex: r.commitIndex,
      lastApplied: r.lastApplied,
      logLength: r.log.length,
      up: r.up,
      primary: r.leader === null ? null : this.ids[r.leader]!,
      inFlight: this.net.count(r.no),
    }));
  }

  /** Messages on the wire, or only those sent by one replica. */
  messagesInFlight(from?: string): number {
    return this.net.count(from === undefined ? undefined : this.replica(from).no);
  }

  /** Every replica's full state, read-only: for invariant checks and inspectors. */
  inspect(): readonly ReplicaView[] {
    return this.replicas;
  }

  // ---- the layer above -------------------------------------------------------------------

  /**
   * Offers a command. Without `via`, it goes to the current primary, and is refused while
   * the quorum is lost. With `via`, it is offered to that replica as a client would, and
   * only a primary takes it (a primary cut off in a minority takes it too, and will lose
   * it). Accepted is not committed: the command takes effect when `onCommit` reports it.
   */
  propose(command: Fields, via?: string): ProposeResult {
    let r: ReplicaState | undefined;
    if (via === undefined) {
      if (!this.quorum) return { accepted: false, reason: 'no quorum: the FC is frozen' };
      r = this.primaryReplica();
      if (!r) return { accepted: false, reason: `no primary: an election is under way (term ${this.term()})` };
    } else {
      r = this.replica(via);
      if (!r.up) return { accepted: false, reason: `${via} is down` };
      if (r.role !== 'primary') {
        const known = r.leader === null ? 'no primary is known' : `the primary is ${this.ids[r.leader]!}`;
        return { accepted: false, reason: `${via} is not the primary; ${known}` };
      }
    }
    const index = raft.propose(this.ctx, r, command);
    this.settle();
    return { accepted: true, index, term: r.currentTerm };
  }

  /** Called once per committed index, in order, starting at 1. Returns an unsubscribe function. */
  onCommit(fn: CommitFn): () => void {
    return subscribe(this.commitFns, fn);
  }

  onPrimaryChange(fn: PrimaryFn): () => void {
    return subscribe(this.primaryFns, fn);
  }

  observe(o: RaftObserver): () => void {
    return subscribe(this.observers, o);
  }

  // ---- faults -----------------------------------------------------------------------------

  /** Crashes a replica; returns false if it was already down. */
  fail(id: string): boolean {
    const r = this.replica(id);
    if (!r.up) return false;
    raft.crash(r);
    for (const o of this.observers) o.crashed?.(id);
    this.topologyChanged();
    return true;
  }

  /** Restarts a crashed replica; returns false if it was up. */
  restart(id: string): boolean {
    const r = this.replica(id);
    if (r.up) return false;
    raft.restart(this.ctx, r);
    this.topologyChanged();
    return true;
  }

  /** Cuts every link between a replica of `a` and one of `b` (by default, all the others). */
  partition(a: readonly string[], b?: readonly string[]): void {
    const side = a.map((id) => this.replica(id).no);
    const other = b ? b.map((id) => this.replica(id).no) : this.replicas.map((r) => r.no).filter((n) => !side.includes(n));
    this.net.partition(side, other);
    this.topologyChanged();
  }

  /** Restores every link. */
  heal(): void {
    this.net.heal();
    this.topologyChanged();
  }

  private topologyChanged(): void {
    const q = this.computeQuorum();
    if (q !== this.quorum) {
      this.quorum = q;
      this.engine.after(0, QUORUM_EVENT, 'fc', { quorum: q, up: this.replicas.filter((r) => r.up).length });
    }
    this.settle();
  }

  /** Can some up replica reach a majority of the replicas, itself included? */
  private computeQuorum(): boolean {
    const up = this.replicas.filter((r) => r.up);
    return up.some((r) => up.filter((p) => this.net.linked(r.no, p.no)).length >= this.majority);
  }

  // ---- checkpoints --------------------------------------------------------------------------

  save(): ReplicatedFcState {
    return {
      replicas: this.replicas.map(copyReplica),
      network: this.net.save(),
      delivered: this.delivered,
      noticed: this.noticed,
      reported: { ...this.reported },
      quorum: this.quorum,
    };
  }

  /** Restores a checkpoint taken together with the engine's; callbacks stay registered. */
  restore(s: ReplicatedFcState): void {
    if (s.replicas.length !== this.ids.length) {
      throw new Error(`checkpoint has ${s.replicas.length} FC replicas, this cluster has ${this.ids.length}`);
    }
    this.replicas = s.replicas.map(copyReplica);
    this.net.restore(s.network);
    this.delivered = s.delivered;
    this.noticed = s.noticed;
    this.reported = { ...s.reported };
    this.quorum = s.quorum;
    this.pending = [];
  }
}

function subscribe<T>(list: T[], item: T): () => void {
  list.push(item);
  return () => {
    const i = list.indexOf(item);
    if (i >= 0) list.splice(i, 1);
  };
}
