import { describe, expect, it } from 'vitest';
import { appendEntries, atLeastAsUpToDate, SafetyError } from './log';
import type { AppendEntries, AppendReply, Message, RequestVote } from './messages';
import { crash, newReplica, propose, receive, restart, timerExpired, type RaftContext } from './replica';
import { RAFT_TIMING } from './timing';
import type { LogEntry, ReplicaState } from './types';

const e = (term: number, op = `t${term}`): LogEntry => ({ term, command: { op } });
const terms = (log: readonly LogEntry[]): number[] => log.map((x) => x.term);

function harness(size = 5) {
  const sent: Message[] = [];
  const applied: number[] = [];
  const elected: string[] = [];
  const ctx: RaftContext = {
    now: 1000,
    size,
    majority: Math.floor(size / 2) + 1,
    timing: RAFT_TIMING.realistic,
    noop: true,
    send: (m) => sent.push(m),
    electionTimeout: () => 200,
    arm: () => {},
    scheduleFlush: () => {},
    elected: (r) => elected.push(r.id),
    applied: (_r, i) => applied.push(i),
  };
  const replica = (no: number, patch: Partial<ReplicaState> = {}): ReplicaState => {
    const r = newReplica(no, `fc${no}`, size);
    Object.assign(r, { up: true, role: 'secondary' }, patch);
    return r;
  };
  return { ctx, sent, applied, elected, replica };
}

const ae = (p: Omit<AppendEntries, 'type' | 'from' | 'to'>): AppendEntries => ({ type: 'appendEntries', from: 0, to: 1, ...p });
const ok = (from: number, term: number, matchIndex: number): AppendReply => ({
  type: 'appendReply', from, to: 0, term, success: true, matchIndex, conflictIndex: 0,
});

describe('the log', () => {
  it('refuses an append whose previous entry does not match, with a hint', () => {
    const log = [e(1), e(1), e(2), e(2)];
    expect(appendEntries(log, 6, 2, [e(3)], 0)).toEqual({ ok: false, conflictIndex: 5 });
    expect(appendEntries(log, 4, 3, [e(3)], 0)).toEqual({ ok: false, conflictIndex: 3 });
    expect(terms(log)).toEqual([1, 1, 2, 2]);
  });

  it('truncates a conflicting suffix and appends the new entries', () => {
    const log = [e(1), e(2), e(2), e(2)];
    expect(appendEntries(log, 1, 1, [e(3), e(3)], 1)).toEqual({ ok: true, lastNew: 3 });
    expect(terms(log)).toEqual([1, 3, 3]);
  });

  it('never shortens the log for a delayed or repeated message', () => {
    const log = [e(1), e(1), e(1), e(1)];
    const copy = log.slice();
    expect(appendEntries(log, 1, 1, [copy[1]!], 0)).toEqual({ ok: true, lastNew: 2 });
    expect(appendEntries(log, 0, 0, [], 0)).toEqual({ ok: true, lastNew: 0 });
    expect(log).toEqual(copy);
  });

  it('throws rather than overwrite a committed entry', () => {
    expect(() => appendEntries([e(1), e(2)], 1, 1, [e(3)], 2)).toThrow(SafetyError);
  });

  it('compares logs by last term, then length (5.4.1)', () => {
    const log = [e(1), e(2), e(2)];
    expect(atLeastAsUpToDate(3, 1, log)).toBe(true);
    expect(atLeastAsUpToDate(2, 3, log)).toBe(true);
    expect(atLeastAsUpToDate(2, 2, log)).toBe(false);
    expect(atLeastAsUpToDate(1, 9, log)).toBe(false);
  });
});

describe('votes', () => {
  const rv = (from: number, term: number, lastLogIndex: number, lastLogTerm: number): RequestVote => ({
    type: 'requestVote', from, to: 1, term, lastLogIndex, lastLogTerm,
  });

  it('grants one vote per term, and only to a log at least as up-to-date', () => {
    const { ctx, sent, replica } = harness();
    const r = replica(1, { currentTerm: 2, log: [e(1), e(2)] });
    receive(ctx, r, rv(2, 3, 1, 1)); // stale log
    receive(ctx, r, rv(3, 3, 2, 2)); // good
    receive(ctx, r, rv(4, 3, 5, 3)); // better log, but the vote is taken
    receive(ctx, r, rv(3, 3, 2, 2)); // the same candidate again: granted again
    expect(sent.map((m) => m.type === 'voteReply' && m.granted)).toEqual([false, true, false, true]);
    expect([r.currentTerm, r.votedFor]).toEqual([3, 3]);
  });

  it('remembers its vote across a crash, so a restart cannot vote twice in one term', () => {
    const { ctx, sent, replica } = harness();
    const r = replica(1, { currentTerm: 2 });
    receive(ctx, r, rv(2, 3, 0, 0));
    crash(r);
    restart(ctx, r);
    receive(ctx, r, rv(3, 3, 0, 0));
    expect(sent.map((m) => m.type === 'voteReply' && m.granted)).toEqual([true, false]);
    expect([r.currentTerm, r.votedFor, r.role]).toEqual([3, 2, 'secondary']);
  });

  it('becomes primary on a majority and appends a no-op of its term', () => {
    const { ctx, sent, elected, replica } = harness();
    const r = replica(0, { currentTerm: 1, log: [e(1)] });
    timerExpired(ctx, r);
    expect([r.role, r.currentTerm, r.votedFor]).toEqual(['candidate', 2, 0]);
    expect(sent.filter((m) => m.type === 'requestVote')).toHaveLength(4);
    const vote = (from: number, granted: boolean): Message => ({ type: 'voteReply', from, to: 0, term: 2, granted });
    receive(ctx, r, vote(1, true));
    receive(ctx, r, vote(2, false));
    expect(r.role).toBe('candidate');
    receive(ctx, r, vote(3, true));
    expect(r.role).toBe('primary');
    expect(elected).toEqual(['fc0']);
    expect(terms(r.log)).toEqual([1, 2]);
  });

  it('steps down on any message of a later term', () => {
    const { ctx, replica } = harness();
    const r = replica(0, { role: 'primary', currentTerm: 4, votedFor: 0 });
    receive(ctx, r, { type: 'appendReply', from: 1, to: 0, term: 6, success: false, matchIndex: 0, conflictIndex: 0 });
    expect([r.role, r.currentTerm, r.votedFor]).toEqual(['secondary', 6, null]);
  });
});

describe('commitment', () => {
  it('does not commit an earlier term by counting replicas (Figure 8); commits it with an entry of its own term', () => {
    const { ctx, applied, replica } = harness();
    // fc0 is primary of term 4; entry 2 is from term 2 and already on fc1 and fc2 (a majority with fc0).
    const r = replica(0, {
      role: 'primary', currentTerm: 4, votedFor: 0, leader: 0, log: [e(1), e(2)],
      nextIndex: [3, 3, 3, 3, 3], matchIndex: [0, 0, 0, 0, 0],
    });
    receive(ctx, r, ok(1, 4, 2));
    receive(ctx, r, ok(2, 4, 2));
    expect(r.commitIndex).toBe(0);
    expect(propose(ctx, r, { op: 'now' })).toBe(3);
    receive(ctx, r, ok(1, 4, 3));
    expect(r.commitIndex).toBe(0);
    receive(ctx, r, ok(2, 4, 3));
    expect(r.commitIndex).toBe(3);
    expect(applied).toEqual([1, 2, 3]);
  });

  it('ignores a stale reply and never moves progress backwards', () => {
    const { ctx, replica } = harness();
    const r = replica(0, {
      role: 'primary', currentTerm: 4, log: [e(4), e(4), e(4)], nextIndex: [4, 4, 4, 4, 4], matchIndex: [0, 3, 0, 0, 0],
    });
    receive(ctx, r, ok(1, 4, 1)); // an older success, arriving late
    receive(ctx, r, ok(2, 3, 3)); // a reply to an earlier term
    expect(r.matchIndex).toEqual([0, 3, 0, 0, 0]);
    expect(r.nextIndex).toEqual([4, 4, 4, 4, 4]);
  });

  it('learns the commit index only up to what the message vouched for', () => {
    const { ctx, applied, replica } = harness();
    // fc1 holds a stale entry of term 1 at index 3 that the primary does not have.
    const r = replica(1, { currentTerm: 2, log: [e(1), e(2), e(1, 'stale')] });
    receive(ctx, r, ae({ term: 2, prevLogIndex: 2, prevLogTerm: 2, entries: [], leaderCommit: 5 }));
    expect(r.commitIndex).toBe(2);
    expect(applied).toEqual([1, 2]);
  });

  it('a follower backs the primary up by the conflict hint, one term at a time', () => {
    const { ctx, sent, replica } = harness();
    const r = replica(0, {
      role: 'primary', currentTerm: 5, log: [e(1), e(1), e(3), e(3), e(5)], nextIndex: [6, 6, 6, 6, 6],
    });
    receive(ctx, r, { type: 'appendReply', from: 1, to: 0, term: 5, success: false, matchIndex: 0, conflictIndex: 3 });
    expect(r.nextIndex[1]).toBe(3);
    const retry = sent.at(-1) as AppendEntries;
    expect([retry.prevLogIndex, retry.prevLogTerm, retry.entries.length]).toEqual([2, 1, 3]);
  });
});
