/**
 * The two Raft RPCs and their replies (Ongaro and Ousterhout 2014, Figure 2), and the
 * network between replicas. A message is held here while on the wire; the engine event
 * that delivers it carries only its number, so events stay plain flat data.
 *
 * A message is dropped when sent across a cut link or to a replica that is down, and
 * again on arrival if the link was cut or the receiver went down meanwhile. Delays come
 * from their own seeded stream, so the heartbeat traffic never shifts the latencies that
 * other parts of the simulation draw. Messages may arrive out of order: the rules in
 * replica.ts tolerate that, as Raft requires.
 */

import type { Engine } from '../engine/engine';
import type { RaftTiming } from './timing';
import type { LogEntry, ReplicaNo } from './types';

interface Envelope {
  readonly from: ReplicaNo;
  readonly to: ReplicaNo;
  /** The sender's currentTerm when it sent the message. */
  readonly term: number;
}

export interface RequestVote extends Envelope {
  readonly type: 'requestVote';
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}

export interface VoteReply extends Envelope {
  readonly type: 'voteReply';
  readonly granted: boolean;
}

export interface AppendEntries extends Envelope {
  readonly type: 'appendEntries';
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly LogEntry[];
  readonly leaderCommit: number;
}

export interface AppendReply extends Envelope {
  readonly type: 'appendReply';
  readonly success: boolean;
  /** On success: the last index the receiver now shares with the primary. */
  readonly matchIndex: number;
  /** On a log mismatch: where to retry from; 0 when refused for a stale term. */
  readonly conflictIndex: number;
}

export type Message = RequestVote | VoteReply | AppendEntries | AppendReply;

export const DELIVER = 'fc.raft.deliver';

export interface NetworkState {
  readonly nextId: number;
  readonly inFlight: readonly (readonly [number, Message])[];
  /** Cut links, each as `a|b` with a < b. */
  readonly cut: readonly string[];
}

const linkKey = (a: ReplicaNo, b: ReplicaNo): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export class Network {
  private inFlight = new Map<number, Message>();
  private cut = new Set<string>();
  private nextId = 1;

  constructor(
    private readonly engine: Engine,
    private readonly timing: RaftTiming,
    /** Name of the seeded stream the delays come from (looked up each time: a restore replaces streams). */
    private readonly stream: string,
    private readonly names: readonly string[],
  ) {}

  linked(a: ReplicaNo, b: ReplicaNo): boolean {
    return a === b || !this.cut.has(linkKey(a, b));
  }

  /** Puts a message on the wire, unless it cannot get through. */
  send(msg: Message, receiverUp: boolean): void {
    if (!receiverUp || !this.linked(msg.from, msg.to)) return;
    const t = this.timing;
    const delay = this.engine.rng(this.stream).latency(t.latencyMedianMs, t.latencyMinMs, t.latencyMaxMs);
    const id = this.nextId++;
    this.inFlight.set(id, msg);
    this.engine.after(delay, DELIVER, this.names[msg.to]!, { msg: id });
  }

  /** Takes a message off the wire when it arrives; undefined if the link was cut meanwhile. */
  arrive(id: number): Message | undefined {
    const msg = this.inFlight.get(id);
    if (msg === undefined) return undefined;
    this.inFlight.delete(id);
    return this.linked(msg.from, msg.to) ? msg : undefined;
  }

  /** Cuts every link between a replica of `a` and one of `b`. */
  partition(a: readonly ReplicaNo[], b: readonly ReplicaNo[]): void {
    for (const x of a) for (const y of b) if (x !== y) this.cut.add(linkKey(x, y));
  }

  heal(): void {
    this.cut.clear();
  }

  /** Messages on the wire, or only those sent by `from`. */
  count(from?: ReplicaNo): number {
    if (from === undefined) return this.inFlight.size;
    let n = 0;
    for (const m of this.inFlight.values()) if (m.from === from) n++;
    return n;
  }

  save(): NetworkState {
    return { nextId: this.nextId, inFlight: [...this.inFlight], cut: [...this.cut].sort() };
  }

  restore(s: NetworkState): void {
    this.nextId = s.nextId;
    this.inFlight = new Map(s.inFlight);
    this.cut = new Set(s.cut);
  }
}
