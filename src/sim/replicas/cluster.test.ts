import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import { ReplicatedFc, type ReplicatedFcOptions } from './cluster';
import { RaftMonitor, runChecked } from './invariants';
import { isNoop } from './replica';

function setup(seed = 1, opts: ReplicatedFcOptions = {}) {
  const engine = new Engine({ seed });
  const fc = new ReplicatedFc(engine, opts);
  const mon = new RaftMonitor(fc);
  const run = (ms: number): void => runChecked(engine, mon, engine.now + ms);
  /** Runs in 5 ms steps until `cond` holds; returns the time it took. */
  const until = (cond: () => boolean, limit = 5000): number => {
    const start = engine.now;
    while (!cond()) {
      if (engine.now - start > limit) throw new Error(`condition not met within ${limit} ms`);
      run(5);
    }
    return engine.now - start;
  };
  /** Commands handed to onCommit, without the primaries' no-ops. */
  const decisions = (): Fields[] => mon.delivered.filter((c) => !isNoop(c));
  return { engine, fc, mon, run, until, decisions };
}

const ops = (cs: readonly Fields[]): unknown[] => cs.map((c) => c.op);

describe('ReplicatedFc: elections', () => {
  it('elects a primary within a second, for every one of 50 seeds', () => {
    let worst = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const { fc, until, run } = setup(seed);
      worst = Math.max(worst, until(() => fc.primary() !== null, 1000));
      run(100);
      const p = fc.primary();
      for (const s of fc.replicaStatus()) expect(s.primary).toBe(p);
    }
    expect(worst).toBeGreaterThanOrEqual(150); // no one stands before the shortest timeout
  });

  it('keeps one primary through a quiet minute: heartbeats hold off elections', () => {
    const { fc, mon, until, run } = setup(2);
    until(() => fc.primary() !== null);
    run(60_000);
    expect(mon.primaries.size).toBe(1);
  });

  it('never shows two primaries in one term, polled after every event through a minute of churn', () => {
    const { engine, fc } = setup(14);
    const seen = new Map<number, string>();
    let victim: string | null = null;
    for (let round = 0; round < 30; round++) {
      const end = engine.now + 2000;
      for (let t = engine.nextTime(); t !== undefined && t <= end; t = engine.nextTime()) {
        engine.step();
        for (const s of fc.replicaStatus()) {
          if (s.role !== 'primary') continue;
          expect(seen.get(s.term) ?? s.id, `term ${s.term}`).toBe(s.id);
          seen.set(s.term, s.id);
        }
      }
      engine.runUntil(end);
      if (victim) fc.restart(victim);
      victim = fc.primary();
      if (victim) fc.fail(victim);
    }
    expect(seen.size).toBeGreaterThanOrEqual(25);
  });

  it('writes a few log records per election, none per heartbeat', () => {
    const { engine, fc, until, run } = setup(3);
    until(() => fc.primary() !== null);
    run(10_000);
    expect(engine.processed).toBeGreaterThan(1000);
    expect(engine.log.recent().map((r) => r.kind)).toEqual(['fc.raft.primary', 'fc.raft.commit']);
  });

  it('works with 1 and 3 replicas and refuses 0 or 10', () => {
    for (const replicas of [1, 3]) {
      const { fc, until, decisions } = setup(4, { replicas });
      until(() => fc.primary() !== null);
      expect(fc.propose({ op: 'x' }).accepted).toBe(true);
      until(() => decisions().length === 1);
    }
    expect(() => setup(1, { replicas: 0 })).toThrow(/1 to 9 replicas/);
    expect(() => setup(1, { replicas: 10 })).toThrow(/1 to 9 replicas/);
    expect(() => setup(1, { timing: { electionMinMs: 40 } })).toThrow(/electionMinMs/);
  });
});

describe('ReplicatedFc: proposals', () => {
  it('commits a proposal on the primary and hands it on once, in order', () => {
    const { fc, until, decisions } = setup(5);
    until(() => fc.primary() !== null);
    const indices = ['a', 'b', 'c'].map((op) => fc.propose({ op }).index);
    expect(indices).toEqual([2, 3, 4]); // entry 1 is the primary's no-op
    until(() => decisions().length === 3);
    expect(ops(decisions())).toEqual(['a', 'b', 'c']);
  });

  it('refuses at a secondary, naming the primary', () => {
    const { fc, until, run } = setup(6);
    until(() => fc.primary() !== null);
    run(100);
    const p = fc.primary()!;
    const other = fc.ids.find((id) => id !== p)!;
    expect(fc.propose({ op: 'x' }, other)).toEqual({ accepted: false, reason: `${other} is not the primary; the primary is ${p}` });
    fc.fail(other);
    expect(fc.propose({ op: 'x' }, other)).toEqual({ accepted: false, reason: `${other} is down` });
    expect(() => fc.fail('fc7')).toThrow(/no FC replica named fc7/);
  });

  it('lets commit callbacks propose again without losing order', () => {
    const { fc, until, decisions } = setup(7);
    fc.onCommit((_i, c) => {
      if (typeof c.n === 'number' && c.n < 5) fc.propose({ op: 'chain', n: c.n + 1 });
    });
    until(() => fc.primary() !== null);
    fc.propose({ op: 'chain', n: 0 });
    until(() => decisions().length === 6);
    expect(decisions().map((c) => c.n)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('ReplicatedFc: failures', () => {
  it('elects a new primary when the primary dies; committed entries survive, uncommitted ones may not', () => {
    const { fc, until, run, decisions, mon } = setup(8);
    const changes: (string | null)[] = [];
    fc.onPrimaryChange((p) => changes.push(p));
    until(() => fc.primary() !== null);
    fc.propose({ op: 'committed' });
    until(() => decisions().length === 1);
    const old = fc.primary()!;
    expect(fc.propose({ op: 'doomed' }).accepted).toBe(true); // appended, not yet sent
    fc.fail(old);
    expect(fc.primary()).toBeNull();
    const took = until(() => fc.primary() !== null);
    expect(took).toBeLessThan(1000);
    expect(fc.primary()).not.toBe(old);
    fc.propose({ op: 'after' });
    until(() => decisions().length === 2);
    fc.restart(old);
    run(1000);
    mon.checkConverged();
    expect(ops(decisions())).toEqual(['committed', 'after']);
    expect(changes).toEqual([old, null, fc.primary()]);
  });

  it('keeps term, vote and log across a crash; loses only volatile state; replays on restart', () => {
    const { fc, until, run, mon } = setup(9);
    until(() => fc.primary() !== null);
    for (let i = 0; i < 5; i++) fc.propose({ op: i });
    run(500);
    const victim = fc.ids.find((id) => id !== fc.primary())!;
    const before = fc.inspect().find((r) => r.id === victim)!;
    const saved = { term: before.currentTerm, vote: before.votedFor, log: before.log.length };
    fc.fail(victim);
    const down = fc.inspect().find((r) => r.id === victim)!;
    expect({ term: down.currentTerm, vote: down.votedFor, log: down.log.length }).toEqual(saved);
    expect([down.commitIndex, down.lastApplied, down.role]).toEqual([0, 0, 'down']);
    const reapplied: number[] = [];
    fc.observe({ applied: (id, i) => id === victim && reapplied.push(i) });
    fc.restart(victim);
    run(500);
    expect(reapplied).toEqual([1, 2, 3, 4, 5, 6]);
    mon.checkConverged();
  });

  it('freezes without a quorum and resumes when it returns', () => {
    const { fc, until, run, decisions, engine } = setup(10);
    until(() => fc.primary() !== null);
    fc.propose({ op: 'before' });
    until(() => decisions().length === 1);
    const p = fc.primary()!;
    const others = fc.ids.filter((id) => id !== p);
    for (const id of others.slice(0, 3)) fc.fail(id);
    expect(fc.hasQuorum()).toBe(false);
    expect(fc.propose({ op: 'refused' })).toEqual({ accepted: false, reason: 'no quorum: the FC is frozen' });
    expect(fc.propose({ op: 'stranded' }, p).accepted).toBe(true); // the primary cannot know yet
    const committed = fc.committed();
    run(2000);
    expect(fc.committed()).toBe(committed);
    expect(fc.primary()).toBeNull(); // it stepped down: it no longer hears from a majority
    expect(engine.log.recent().some((r) => r.kind === 'fc.raft.quorum' && r.fields.quorum === false)).toBe(true);
    fc.restart(others[0]!);
    expect(fc.hasQuorum()).toBe(true);
    until(() => fc.primary() !== null);
    const r = fc.propose({ op: 'after' });
    expect(r.accepted).toBe(true);
    until(() => ops(decisions()).includes('after'));
    expect(ops(decisions())[0]).toBe('before');
  });

  it('a primary cut off in a minority cannot commit; after healing its entries are overwritten', () => {
    const { fc, until, run, decisions, mon } = setup(11);
    until(() => fc.primary() !== null);
    fc.propose({ op: 'base' });
    until(() => decisions().length === 1);
    const old = fc.primary()!;
    const buddy = fc.ids.find((id) => id !== old)!;
    const majority = fc.ids.filter((id) => id !== old && id !== buddy);
    fc.partition([old, buddy], majority);
    expect(fc.hasQuorum()).toBe(true);
    expect(fc.propose({ op: 'minority' }, old).accepted).toBe(true);
    until(() => fc.primary() !== old && fc.primary() !== null);
    const fresh = fc.primary()!;
    expect(majority).toContain(fresh);
    expect(fc.propose({ op: 'majority' }).accepted).toBe(true);
    until(() => ops(decisions()).includes('majority'));
    const oldState = fc.inspect().find((r) => r.id === old)!;
    expect(oldState.log.some((e) => e.command.op === 'minority')).toBe(true);
    expect(oldState.commitIndex).toBeLessThan(oldState.log.length);
    fc.heal();
    run(2000);
    mon.checkConverged();
    for (const r of fc.inspect()) expect(r.log.some((e) => e.command.op === 'minority')).toBe(false);
    expect(ops(decisions())).toEqual(['base', 'majority']);
  });

  it('a partitioned replica that comes back with a higher term cannot win without the log', () => {
    const { fc, until, run, mon } = setup(12);
    until(() => fc.primary() !== null);
    const loner = fc.ids.find((id) => id !== fc.primary())!;
    fc.partition([loner]);
    fc.propose({ op: 'while-away' });
    run(2000);
    const away = fc.inspect().find((r) => r.id === loner)!;
    expect(away.role).toBe('candidate');
    expect(away.currentTerm).toBeGreaterThan(3);
    fc.heal();
    run(2000);
    expect(fc.primary()).not.toBe(loner);
    mon.checkConverged();
  });
});

describe('ReplicatedFc: Figure 8 of the Raft paper, replayed', () => {
  it('does not commit an earlier term\'s entry stored on a majority, which a later primary then rightly overwrites', () => {
    // The paper's core algorithm: no election no-op, and one entry per message so that
    // the old entry travels alone.
    const { engine, fc, mon, run, until, decisions } = setup(21, { noop: false, timing: { maxEntriesPerMessage: 1 } });
    const state = (id: string) => fc.inspect().find((r) => r.id === id)!;
    const no = (id: string): number => fc.ids.indexOf(id);
    const stepUntil = (cond: () => boolean): void => {
      for (let i = 0; !cond(); i++) {
        if (i > 200_000 || engine.step() === undefined) throw new Error('condition never met');
        mon.check();
      }
    };
    until(() => fc.primary() !== null);
    fc.propose({ op: 'first' });
    until(() => decisions().length === 1);
    run(200);

    // (a) S1 is primary and replicates X at index 2 to S2 only, then crashes.
    const s1 = fc.primary()!;
    const s2 = fc.ids.find((id) => id !== s1)!;
    fc.partition([s1, s2]);
    fc.propose({ op: 'X' }, s1);
    stepUntil(() => state(s2).log.length === 2);
    fc.fail(s1);

    // (b) S5 is elected by the other three and takes Y at index 2, but is cut off and
    // crashes before anyone hears of it.
    stepUntil(() => fc.primary() !== null);
    const s5 = fc.primary()!;
    fc.propose({ op: 'Y' }, s5);
    fc.partition([s5]);
    fc.fail(s5);

    // (c) S1 restarts; S1 or S2 (both hold X) is elected and sends X on: X is now on a
    // majority, yet of an earlier term, so it is not committed.
    fc.heal();
    fc.restart(s1);
    stepUntil(() => fc.primary() !== null);
    const leader = fc.primary()!;
    const [third] = fc.ids.filter((id) => ![s1, s2, s5].includes(id));
    const other = leader === s1 ? s2 : s1;
    stepUntil(() => state(leader).matchIndex[no(third!)]! >= 2 && state(leader).matchIndex[no(other)]! >= 2);
    expect(state(leader).log[1]!.command.op).toBe('X');
    expect(state(leader).commitIndex).toBe(0); // nothing of an earlier term commits by counting

    // (d) The primary crashes; S5 comes back and is elected by the others (links among
    // them cut, so that only S5 can gather a majority); it overwrites X with Y.
    fc.fail(leader);
    fc.heal();
    const rest = fc.ids.filter((id) => id !== leader && id !== s5);
    for (let i = 0; i < rest.length; i++) fc.partition([rest[i]!], rest.slice(i + 1));
    fc.restart(s5);
    stepUntil(() => fc.primary() === s5);
    fc.propose({ op: 'Z' });
    until(() => decisions().length === 3);
    expect(ops(decisions())).toEqual(['first', 'Y', 'Z']);
    fc.heal();
    fc.restart(leader);
    run(2000);
    mon.checkConverged();
    for (const r of fc.inspect()) expect(r.log.some((e) => e.command.op === 'X')).toBe(false);
  });
});

describe('ReplicatedFc: determinism and checkpoints', () => {
  function scenario(seed: number): string {
    const { engine, fc, run } = setup(seed);
    run(500);
    for (let i = 0; i < 10; i++) fc.propose({ op: i });
    run(300);
    fc.fail(fc.primary()!);
    run(1000);
    fc.partition(['fc0', 'fc1']);
    fc.propose({ op: 'p' });
    run(1000);
    fc.heal();
    fc.restart(fc.ids.find((id) => !fc.isUp(id))!);
    run(2000);
    return engine.log.hash();
  }

  it('gives the same event-log hash for the same seed, another for another seed', () => {
    expect(scenario(42)).toBe(scenario(42));
    expect(scenario(42)).not.toBe(scenario(43));
  });

  it('continues from a checkpoint exactly as it would have', () => {
    const engine = new Engine({ seed: 13 });
    const fc = new ReplicatedFc(engine);
    const run = (ms: number): number => engine.runFor(ms);
    run(700);
    fc.propose({ op: 'x' });
    fc.fail('fc2');
    run(50);
    const e0 = engine.save();
    const f0 = structuredClone(fc.save()); // plain data: survives a structured clone
    fc.restart('fc2');
    fc.propose({ op: 'y' });
    run(3000);
    const hash = engine.log.hash();
    const status = fc.replicaStatus();
    engine.restore(e0);
    fc.restore(f0);
    fc.restart('fc2');
    fc.propose({ op: 'y' });
    run(3000);
    expect(engine.log.hash()).toBe(hash);
    expect(fc.replicaStatus()).toEqual(status);
  });
});
