/**
 * A checker of Raft's safety properties (Ongaro and Ousterhout 2014, Figure 3) on a
 * running ReplicatedFc, for property tests here and in the layers above. It watches
 * elections and applied entries through the cluster's hooks and, on `check()`, reads
 * every replica's state. A broken property throws a SafetyError saying which.
 *
 * - Election safety: at most one primary per term.
 * - Log matching: two logs with an entry of the same index and term agree up to there.
 * - Leader completeness: an entry committed in a term is in the log of every primary of
 *   a later term. An entry counts as committed once some replica's commitIndex covers
 *   it; the term it was committed in is taken as that replica's term then (an upper
 *   bound, so the check never fires wrongly).
 * - State machine safety: no two replicas apply different commands at one index; each
 *   replica applies 1, 2, 3, ... in order (from 1 again after a restart).
 * - The commit callback: indices 1, 2, 3, ... each once, each with the command applied.
 */

import type { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import type { ReplicatedFc, ReplicaView } from './cluster';
import { SafetyError } from './log';
import type { LogEntry } from './types';

function sameCommand(a: Fields, b: Fields): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

function sameEntry(a: LogEntry, b: LogEntry): boolean {
  return a === b || (a.term === b.term && sameCommand(a.command, b.command));
}

export class RaftMonitor {
  /** Term -> the replica elected primary in it. */
  readonly primaries = new Map<number, string>();
  /** Entries known committed, index i at [i - 1], with the latest term they may have been committed in. */
  private readonly committed: { entry: LogEntry; term: number }[] = [];
  /** Command applied at each index by the first replica to apply it. */
  private readonly applied: Fields[] = [];
  private readonly lastApplied = new Map<string, number>();
  /** What `onCommit` handed on, in order. */
  readonly delivered: Fields[] = [];

  constructor(private readonly fc: ReplicatedFc) {
    fc.observe({
      elected: (id, term) => {
        const other = this.primaries.get(term);
        if (other !== undefined) this.fail(`election safety: ${other} and ${id} were both elected in term ${term}`);
        this.primaries.set(term, id);
      },
      applied: (id, index, command) => {
        const prev = this.lastApplied.get(id) ?? 0;
        if (index !== prev + 1) this.fail(`${id} applied index ${index} after ${prev}`);
        this.lastApplied.set(id, index);
        const known = this.applied[index - 1];
        if (known === undefined) this.applied[index - 1] = command;
        else if (!sameCommand(known, command)) {
          this.fail(`state machine safety: ${id} applied ${JSON.stringify(command)} at ${index}, another replica ${JSON.stringify(known)}`);
        }
      },
      crashed: (id) => this.lastApplied.set(id, 0),
    });
    fc.onCommit((index, command) => {
      if (index !== this.delivered.length + 1) this.fail(`onCommit gave index ${index} after ${this.delivered.length}`);
      const known = this.applied[index - 1];
      if (known === undefined || !sameCommand(known, command)) this.fail(`onCommit gave ${index} before any replica applied it`);
      this.delivered.push(command);
    });
  }

  private fail(what: string): never {
    throw new SafetyError(what);
  }

  /** Checks every property on the cluster's current state. */
  check(): void {
    const rs = this.fc.inspect();
    for (const r of rs) {
      if (r.commitIndex > r.log.length) this.fail(`${r.id} commitIndex ${r.commitIndex} is past its log (${r.log.length})`);
      if (r.lastApplied > r.commitIndex) this.fail(`${r.id} applied ${r.lastApplied}, past its commitIndex ${r.commitIndex}`);
      this.recordCommitted(r);
    }
    for (let a = 0; a < rs.length; a++) for (let b = a + 1; b < rs.length; b++) this.logMatching(rs[a]!, rs[b]!);
    for (const r of rs) if (r.up && r.role === 'primary') this.leaderComplete(r);
    if (this.delivered.length > this.committed.length) this.fail(`onCommit ran ahead of every commitIndex`);
  }

  private recordCommitted(r: ReplicaView): void {
    for (let i = 1; i <= r.commitIndex; i++) {
      const entry = r.log[i - 1]!;
      const known = this.committed[i - 1];
      if (known === undefined) this.committed.push({ entry, term: r.currentTerm });
      else if (!sameEntry(known.entry, entry)) {
        this.fail(`${r.id} holds term ${entry.term} at committed index ${i}, which was committed with term ${known.entry.term}`);
      }
    }
  }

  private logMatching(a: ReplicaView, b: ReplicaView): void {
    const n = Math.min(a.log.length, b.log.length);
    let prefixSame = true;
    for (let i = 0; i < n; i++) {
      const x = a.log[i]!;
      const y = b.log[i]!;
      const same = sameEntry(x, y);
      if (x.term === y.term && !(same && prefixSame)) {
        this.fail(`log matching: ${a.id} and ${b.id} both hold term ${x.term} at ${i + 1} but differ at or before it`);
      }
      prefixSame &&= same;
    }
  }

  private leaderComplete(r: ReplicaView): void {
    for (let i = 0; i < this.committed.length; i++) {
      const c = this.committed[i]!;
      if (c.term >= r.currentTerm) continue;
      const mine = r.log[i];
      if (mine === undefined || !sameEntry(mine, c.entry)) {
        this.fail(`leader completeness: primary ${r.id} of term ${r.currentTerm} lacks entry ${i + 1} committed by term ${c.term}`);
      }
    }
  }

  /**
   * After everything is up and healed and the cluster has settled: every replica holds
   * the same log, all of it committed and applied, and `onCommit` gave exactly that log.
   */
  checkConverged(): void {
    this.check();
    const rs = this.fc.inspect();
    const ref = rs[0]!;
    for (const r of rs) {
      if (!r.up) this.fail(`${r.id} is down`);
      if (r.log.length !== ref.log.length || r.log.some((e, i) => !sameEntry(e, ref.log[i]!))) {
        this.fail(`${r.id} and ${ref.id} hold different logs (${r.log.length} and ${ref.log.length} entries)`);
      }
      if (r.commitIndex !== r.log.length || r.lastApplied !== r.log.length) {
        this.fail(`${r.id} has committed ${r.commitIndex} and applied ${r.lastApplied} of ${r.log.length}`);
      }
    }
    if (this.delivered.length !== ref.log.length || this.delivered.some((c, i) => !sameCommand(c, ref.log[i]!.command))) {
      this.fail(`onCommit gave ${this.delivered.length} commands, the log holds ${ref.log.length}`);
    }
  }
}

/** Runs the engine up to time `until`, checking every property after each event. */
export function runChecked(engine: Engine, monitor: RaftMonitor, until: number): void {
  for (let t = engine.nextTime(); t !== undefined && t <= until; t = engine.nextTime()) {
    engine.step();
    monitor.check();
  }
  engine.runUntil(until);
}
