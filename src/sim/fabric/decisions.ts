/**
 * FC decisions go through the replicated log (fidelity.md: the FC is replicated, its
 * state held on every replica). A decision is an event the FC wants to happen (deploy,
 * heal a host's instances, delete, scale, reboot, upgrade, swap...). It is proposed to
 * the primary and takes effect, as that event, only once a majority has it. While there
 * is no quorum the FC is frozen: decisions wait, running instances keep running. A
 * decision proposed to a primary that died before committing it is proposed again by
 * the next one; a decision is applied once, so nothing committed is lost and nothing is
 * done twice.
 */

import type { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import type { ReplicatedFc } from '../replicas';
import { isNoop } from '../replicas';

interface Decision {
  readonly id: number;
  readonly kind: string;
  readonly subject: string;
  readonly data: Fields;
}

const PUMP = 'fc.decide.pump';

/** How a part of the FC makes a decision: the event happens once the decision is committed. */
export type Decide = (kind: string, subject: string, data?: Fields) => void;

export class DecisionLog {
  private nextId = 1;
  /** Decided but not yet committed, in order. */
  private readonly pending = new Map<number, Decision>();
  /** Decisions already proposed in the current primary's term. */
  private proposedInTerm = new Set<number>();
  private proposalTerm = -1;
  private readonly applied = new Set<number>();
  private pumpScheduled = false;
  /** Committed decisions, for views. */
  committedCount = 0;

  constructor(
    private readonly engine: Engine,
    private readonly raft: ReplicatedFc,
  ) {
    engine.on(PUMP, () => this.pump(), { quiet: true });
    raft.onCommit((_index, command) => this.committed(command));
    raft.onPrimaryChange(() => this.schedulePump());
  }

  /** Decides that event `kind` should happen; it happens once committed. */
  decide(kind: string, subject: string, data: Fields = {}): void {
    const d: Decision = { id: this.nextId++, kind, subject, data };
    this.pending.set(d.id, d);
    this.schedulePump();
  }

  get waiting(): number {
    return this.pending.size;
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    this.engine.after(0, PUMP, 'fc');
  }

  private pump(): null {
    this.pumpScheduled = false;
    const primary = this.raft.primary();
    if (primary === null || !this.raft.hasQuorum()) return null; // frozen: a primary change pumps again
    const term = this.raft.term();
    if (term !== this.proposalTerm) {
      this.proposalTerm = term;
      this.proposedInTerm = new Set();
    }
    for (const d of this.pending.values()) {
      if (this.proposedInTerm.has(d.id)) continue;
      const r = this.raft.propose({ ...d.data, decision: d.id, kind: d.kind, subject: d.subject });
      if (!r.accepted) break;
      this.proposedInTerm.add(d.id);
    }
    return null;
  }

  private committed(command: Fields): void {
    if (isNoop(command)) return;
    const id = command.decision as number;
    if (this.applied.has(id)) return;
    this.applied.add(id);
    const d = this.pending.get(id);
    this.pending.delete(id);
    if (!d) return;
    this.committedCount++;
    this.engine.after(0, d.kind, d.subject, d.data);
  }
}
