/**
 * One replica's rules: Raft as in Figure 2 of Ongaro and Ousterhout, "In Search of an
 * Understandable Consensus Algorithm" (USENIX ATC 2014), written as functions over plain
 * state in the style of RaftScope's raft.js. Section numbers are the paper's.
 *
 * The functions never touch the engine: the cluster passes a context that sends
 * messages, arms timers and hears about elections and applied entries.
 *
 * Two additions beyond the paper's core, both from its authors and both optional: a new
 * primary appends a no-op entry of its own term (section 8), so that entries of earlier
 * terms get committed without waiting for a client command; and, with `checkQuorum`, a
 * primary that has not heard from a majority for a maximal election timeout steps down
 * (Ongaro's dissertation, 2014, section 6.2).
 */

import type { Fields } from '../engine/log';
import {
  appendEntries,
  atLeastAsUpToDate,
  entriesFrom,
  lastIndex,
  lastTerm,
  SafetyError,
  termAt,
} from './log';
import type { AppendEntries, AppendReply, Message, RequestVote, VoteReply } from './messages';
import type { RaftTiming } from './timing';
import type { LogEntry, ReplicaNo, ReplicaState } from './types';

/** The command of the no-op entry a new primary appends (section 8). */
export const NOOP: Fields = Object.freeze({ raft: 'noop' });

export function isNoop(command: Fields): boolean {
  return command.raft === 'noop';
}

/** What the rules need from the world around a replica. */
export interface RaftContext {
  readonly now: number;
  readonly size: number;
  readonly majority: number;
  readonly timing: RaftTiming;
  /** Whether a new primary appends a no-op entry of its term (section 8). */
  readonly noop: boolean;
  send(msg: Message): void;
  /** A fresh randomized election timeout (section 5.2). */
  electionTimeout(): number;
  /** Makes sure the replica's timer fires no later than its `deadline`. */
  arm(r: ReplicaState): void;
  /** Asks for the primary's new entries to be sent once the current instant's work is done. */
  scheduleFlush(r: ReplicaState): void;
  elected(r: ReplicaState): void;
  applied(r: ReplicaState, index: number, entry: LogEntry): void;
}

export function newReplica(no: ReplicaNo, id: string, size: number): ReplicaState {
  return {
    no,
    id,
    currentTerm: 0,
    votedFor: null,
    log: [],
    up: false,
    role: 'down',
    commitIndex: 0,
    lastApplied: 0,
    leader: null,
    votes: new Array<boolean>(size).fill(false),
    nextIndex: new Array<number>(size).fill(1),
    matchIndex: new Array<number>(size).fill(0),
    lastAck: new Array<number>(size).fill(0),
    primarySince: 0,
    electionTimeoutMs: 0,
    deadline: 0,
    timerToken: 0,
    timerAt: null,
    flushPending: false,
  };
}

// ---- crash and restart ---------------------------------------------------------------

/** A crash: volatile state is lost; term, vote and log are on stable storage and stay. */
export function crash(r: ReplicaState): void {
  r.up = false;
  r.role = 'down';
  r.commitIndex = 0;
  r.lastApplied = 0;
  r.leader = null;
  r.votes.fill(false);
  r.nextIndex.fill(1);
  r.matchIndex.fill(0);
  r.lastAck.fill(0);
  r.timerToken++; // any timer event still queued is now stale
  r.timerAt = null;
  r.flushPending = false;
}

/** A replica comes up as a secondary; it replays its log once it learns the commit index. */
export function restart(ctx: RaftContext, r: ReplicaState): void {
  r.up = true;
  r.role = 'secondary';
  resetElectionTimer(ctx, r, true);
}

// ---- timers and elections (section 5.2) ------------------------------------------------

/**
 * Restarts the election timeout. A new random timeout is drawn when the replica changes
 * role; a heartbeat or a granted vote only pushes the deadline back by the same amount.
 */
function resetElectionTimer(ctx: RaftContext, r: ReplicaState, redraw: boolean): void {
  if (redraw) r.electionTimeoutMs = ctx.electionTimeout();
  r.deadline = ctx.now + r.electionTimeoutMs;
  ctx.arm(r);
}

/** The replica's deadline has passed: a primary sends heartbeats, anyone else stands for election. */
export function timerExpired(ctx: RaftContext, r: ReplicaState): void {
  if (r.role === 'primary') {
    if (ctx.timing.checkQuorum && !heardFromMajority(ctx, r)) {
      r.leader = null;
      becomeSecondary(ctx, r, r.currentTerm);
      return;
    }
    broadcast(ctx, r);
    r.deadline = ctx.now + ctx.timing.heartbeatMs;
    ctx.arm(r);
  } else {
    startElection(ctx, r);
  }
}

function heardFromMajority(ctx: RaftContext, r: ReplicaState): boolean {
  const window = ctx.timing.electionMaxMs;
  if (ctx.now - r.primarySince < window) return true;
  let n = 1;
  for (let p = 0; p < ctx.size; p++) if (p !== r.no && ctx.now - r.lastAck[p]! <= window) n++;
  return n >= ctx.majority;
}

export function startElection(ctx: RaftContext, r: ReplicaState): void {
  r.currentTerm++;
  r.role = 'candidate';
  r.votedFor = r.no;
  r.leader = null;
  r.votes.fill(false);
  r.votes[r.no] = true;
  resetElectionTimer(ctx, r, true);
  if (ctx.majority <= 1) {
    becomePrimary(ctx, r);
    return;
  }
  for (let p = 0; p < ctx.size; p++) {
    if (p === r.no) continue;
    const msg: RequestVote = {
      type: 'requestVote',
      from: r.no,
      to: p,
      term: r.currentTerm,
      lastLogIndex: lastIndex(r.log),
      lastLogTerm: lastTerm(r.log),
    };
    ctx.send(msg);
  }
}

function becomePrimary(ctx: RaftContext, r: ReplicaState): void {
  r.role = 'primary';
  r.leader = r.no;
  r.primarySince = ctx.now;
  r.nextIndex.fill(lastIndex(r.log) + 1);
  r.matchIndex.fill(0);
  r.lastAck.fill(ctx.now);
  if (ctx.noop) r.log.push({ term: r.currentTerm, command: NOOP });
  r.flushPending = false;
  ctx.elected(r);
  broadcast(ctx, r);
  r.deadline = ctx.now + ctx.timing.heartbeatMs;
  ctx.arm(r);
  advanceCommit(ctx, r);
}

/** Any RPC carrying a later term turns the receiver into a secondary of that term. */
function becomeSecondary(ctx: RaftContext, r: ReplicaState, term: number): void {
  if (term > r.currentTerm) {
    r.currentTerm = term;
    r.votedFor = null;
    r.leader = null;
  }
  const was = r.role;
  r.role = 'secondary';
  r.flushPending = false;
  if (was !== 'secondary') resetElectionTimer(ctx, r, true);
}

// ---- receiving -------------------------------------------------------------------------

export function receive(ctx: RaftContext, r: ReplicaState, m: Message): void {
  if (m.term > r.currentTerm) becomeSecondary(ctx, r, m.term);
  switch (m.type) {
    case 'requestVote':
      return onRequestVote(ctx, r, m);
    case 'voteReply':
      return onVoteReply(ctx, r, m);
    case 'appendEntries':
      return onAppendEntries(ctx, r, m);
    case 'appendReply':
      return onAppendReply(ctx, r, m);
    default: {
      const never: never = m;
      throw new Error(`unknown message ${JSON.stringify(never)}`);
    }
  }
}

/** RequestVote receiver: one vote per term, only for a log at least as up-to-date (5.2, 5.4.1). */
function onRequestVote(ctx: RaftContext, r: ReplicaState, m: RequestVote): void {
  const granted =
    m.term === r.currentTerm &&
    (r.votedFor === null || r.votedFor === m.from) &&
    atLeastAsUpToDate(m.lastLogTerm, m.lastLogIndex, r.log);
  if (granted) {
    r.votedFor = m.from;
    resetElectionTimer(ctx, r, false);
  }
  const reply: VoteReply = { type: 'voteReply', from: r.no, to: m.from, term: r.currentTerm, granted };
  ctx.send(reply);
}

function onVoteReply(ctx: RaftContext, r: ReplicaState, m: VoteReply): void {
  if (r.role !== 'candidate' || m.term !== r.currentTerm || !m.granted) return;
  r.votes[m.from] = true;
  let n = 0;
  for (const v of r.votes) if (v) n++;
  if (n >= ctx.majority) becomePrimary(ctx, r);
}

/** AppendEntries receiver (Figure 2), also the heartbeat. */
function onAppendEntries(ctx: RaftContext, r: ReplicaState, m: AppendEntries): void {
  const reply = (success: boolean, matchIndex: number, conflictIndex: number): void => {
    const msg: AppendReply = { type: 'appendReply', from: r.no, to: m.from, term: r.currentTerm, success, matchIndex, conflictIndex };
    ctx.send(msg);
  };
  if (m.term < r.currentTerm) {
    reply(false, 0, 0);
    return;
  }
  if (r.role === 'primary') throw new SafetyError(`${r.id} and replica ${m.from} are both primary in term ${m.term}`);
  if (r.role === 'candidate') becomeSecondary(ctx, r, m.term);
  r.leader = m.from;
  resetElectionTimer(ctx, r, false);
  const out = appendEntries(r.log, m.prevLogIndex, m.prevLogTerm, m.entries, r.commitIndex);
  if (!out.ok) {
    reply(false, 0, out.conflictIndex);
    return;
  }
  // Only the prefix this message vouched for is known to match the primary's log.
  const commit = Math.min(m.leaderCommit, out.lastNew);
  if (commit > r.commitIndex) {
    r.commitIndex = commit;
    applyCommitted(ctx, r);
  }
  reply(true, out.lastNew, 0);
}

function onAppendReply(ctx: RaftContext, r: ReplicaState, m: AppendReply): void {
  if (r.role !== 'primary' || m.term !== r.currentTerm) return; // a reply to an earlier term
  const p = m.from;
  r.lastAck[p] = ctx.now;
  if (m.success) {
    // Replies may arrive out of order: progress only ever moves forward.
    r.matchIndex[p] = Math.max(r.matchIndex[p]!, m.matchIndex);
    r.nextIndex[p] = Math.max(r.nextIndex[p]!, m.matchIndex + 1);
    advanceCommit(ctx, r);
    if (r.nextIndex[p]! <= lastIndex(r.log)) sendAppend(ctx, r, p);
  } else {
    r.nextIndex[p] = Math.max(r.matchIndex[p]! + 1, Math.min(r.nextIndex[p]!, m.conflictIndex));
    sendAppend(ctx, r, p);
  }
}

// ---- the primary's side ------------------------------------------------------------------

/** Appends a command to the primary's log; it is sent to the others at the end of the instant. */
export function propose(ctx: RaftContext, r: ReplicaState, command: Fields): number {
  if (r.role !== 'primary') throw new Error(`${r.id} is not the primary`);
  r.log.push({ term: r.currentTerm, command });
  ctx.scheduleFlush(r);
  return lastIndex(r.log);
}

/** Sends new entries to every replica that does not have them yet. */
export function flush(ctx: RaftContext, r: ReplicaState): void {
  r.flushPending = false;
  if (r.role !== 'primary') return;
  for (let p = 0; p < ctx.size; p++) {
    if (p !== r.no && r.matchIndex[p]! < lastIndex(r.log)) sendAppend(ctx, r, p);
  }
  advanceCommit(ctx, r);
}

function broadcast(ctx: RaftContext, r: ReplicaState): void {
  for (let p = 0; p < ctx.size; p++) if (p !== r.no) sendAppend(ctx, r, p);
}

function sendAppend(ctx: RaftContext, r: ReplicaState, p: ReplicaNo): void {
  const next = r.nextIndex[p]!;
  const prevLogTerm = termAt(r.log, next - 1);
  if (prevLogTerm === undefined) throw new Error(`${r.id}: nextIndex ${next} for replica ${p} is past its log`);
  const msg: AppendEntries = {
    type: 'appendEntries',
    from: r.no,
    to: p,
    term: r.currentTerm,
    prevLogIndex: next - 1,
    prevLogTerm,
    entries: entriesFrom(r.log, next, ctx.timing.maxEntriesPerMessage),
    leaderCommit: r.commitIndex,
  };
  ctx.send(msg);
}

/**
 * Commits the highest index stored on a majority, but only if that entry is of the
 * primary's own term (5.4.2, Figure 8): an entry of an earlier term on a majority can
 * still be overwritten, and becomes committed only with a later entry of this term.
 */
function advanceCommit(ctx: RaftContext, r: ReplicaState): void {
  const match = r.matchIndex.map((m, p) => (p === r.no ? lastIndex(r.log) : m));
  match.sort((a, b) => b - a);
  const n = match[ctx.majority - 1]!;
  if (n > r.commitIndex && termAt(r.log, n) === r.currentTerm) {
    r.commitIndex = n;
    applyCommitted(ctx, r);
  }
}

/** Applies committed entries to the replica's state machine, in log order. */
function applyCommitted(ctx: RaftContext, r: ReplicaState): void {
  while (r.lastApplied < r.commitIndex) {
    const i = ++r.lastApplied;
    ctx.applied(r, i, r.log[i - 1]!);
  }
}
