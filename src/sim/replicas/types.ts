/**
 * The data of the replicated FC: roles, log entries, one replica's state and the views
 * the layer above reads. Everything here is plain data (no closures, no class
 * instances), so that a checkpoint is a copy and a restore is a copy back.
 *
 * Field names follow Figure 2 of Ongaro and Ousterhout, "In Search of an Understandable
 * Consensus Algorithm", USENIX ATC 2014; the paper's "leader" is the FC's "primary" and a
 * "follower" is a "secondary".
 */

import type { Fields } from '../engine/log';

/** `down` is not a Raft role: it marks a crashed replica, whose volatile state is gone. */
export type Role = 'primary' | 'candidate' | 'secondary' | 'down';

/** Position of a replica in the cluster: replica `n` is named `fc<n>`. */
export type ReplicaNo = number;

export interface LogEntry {
  readonly term: number;
  /** A decision of the FC, as plain data. Never mutated once in a log. */
  readonly command: Fields;
}

export interface ReplicaState {
  readonly no: ReplicaNo;
  readonly id: string;

  // ---- persistent: kept across a crash (Raft assumes stable storage) ---------------
  currentTerm: number;
  /** Candidate voted for in `currentTerm`, or null. */
  votedFor: ReplicaNo | null;
  /** The log; entry `i` (1-based, as in the paper) is `log[i - 1]`. */
  log: LogEntry[];

  // ---- volatile: lost in a crash ---------------------------------------------------
  up: boolean;
  role: Role;
  /** Highest log index known to be committed. */
  commitIndex: number;
  /** Highest log index applied to this replica's state machine. */
  lastApplied: number;
  /** The primary this replica last heard from in `currentTerm` (for redirects). */
  leader: ReplicaNo | null;
  /** Candidate only: who granted a vote in `currentTerm`, by replica number. */
  votes: boolean[];
  /** Primary only: next log index to send to each replica, and the highest known replicated there. */
  nextIndex: number[];
  matchIndex: number[];
  /** Primary only: when each replica last answered in this term (for the quorum check). */
  lastAck: number[];
  /** Primary only: when it took office (the quorum check waits one election timeout). */
  primarySince: number;

  /** The randomized election timeout in force, drawn afresh at each change of role. */
  electionTimeoutMs: number;

  // ---- simulator bookkeeping (not Raft state) --------------------------------------
  /** When the election timeout expires, or, on a primary, when the next heartbeat is due. */
  deadline: number;
  /** Token of the one timer event that counts; older timer events are stale. */
  timerToken: number;
  /** Time of the pending timer event, or null when none is scheduled. */
  timerAt: number | null;
  /** Primary only: a send of new entries is already scheduled at this instant. */
  flushPending: boolean;
}

/** What `replicaStatus()` reports per replica, for the FC ring in the UI. */
export interface ReplicaStatus {
  readonly id: string;
  readonly role: Role;
  readonly term: number;
  readonly commitIndex: number;
  readonly lastApplied: number;
  readonly logLength: number;
  readonly up: boolean;
  /** The primary this replica believes in, if any. */
  readonly primary: string | null;
  /** Messages this replica has sent that are still on the wire. */
  readonly inFlight: number;
}

export interface ProposeResult {
  readonly accepted: boolean;
  readonly reason?: string;
  /** Log index the command was appended at (not yet committed). */
  readonly index?: number;
  /** Term of the primary that took it: with `index`, names the entry uniquely. */
  readonly term?: number;
}
