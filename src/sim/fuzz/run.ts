/**
 * Plays a fuzz case on a Simulation with the design's invariants checked after every
 * fabric event, then repairs everything and checks that the goal state is reached.
 * Throws an InvariantError (or a GoalError) saying what broke and when; otherwise
 * returns what was exercised, for the fuzz runner's report.
 */

import { applyAction } from '../actions';
import { MINUTE, SECOND } from '../engine/time';
import { checkInvariants } from '../fabric/invariants';
import { Simulation } from '../simulation';
import { actionOf, filesOf, type FuzzCase } from './model';

export class GoalError extends Error {
  override name = 'GoalError';
}

export interface CaseStats {
  /** Events run, and those after which the invariants were checked (all but the replicas' own messages). */
  readonly events: number;
  readonly checked: number;
  /** Operations applied, and refused by the model (a fault on a failed asset, a walk with no upgrade...). */
  readonly applied: number;
  readonly refused: number;
}

/** Runs events up to `until`, checking the invariants after each one that can change the fabric. */
export function stepChecked(sim: Simulation, until: number, count?: { events: number; checked: number }): void {
  const engine = sim.engine;
  for (;;) {
    const next = engine.nextTime();
    if (next === undefined || next > until) break;
    const r = engine.step()!;
    if (count) count.events++;
    // the replicas' own heartbeats and timers change no fabric state
    if (!r.event.kind.startsWith('fc.raft.')) {
      try {
        checkInvariants(sim);
      } catch (e) {
        (e as Error).message = `at ${engine.now} ms, after ${r.event.kind} ${r.event.subject}: ${(e as Error).message}`;
        throw e;
      }
      if (count) count.checked++;
    }
  }
  engine.runUntil(until);
}

/** Every asset a repair could apply to in a one-container data center. */
export function repairTargets(racks: number, hostsPerRack: number): string[] {
  const out: string[] = ['c0-agg0', 'c0-agg1', 'lb0', 'lb1', 'fc0', 'fc1', 'fc2', 'fc3', 'fc4'];
  for (let r = 0; r < racks; r++) {
    out.push(`c0-r${r}-tor`, `c0-r${r}-pdu`);
    for (let h = 0; h < hostsPerRack; h++) out.push(`c0-r${r}-h${String(h).padStart(2, '0')}`);
  }
  return out;
}

/**
 * Repairs whatever is broken, again until nothing is (a host repaired while it boots may
 * fail its burn-in and need another visit), then lets the fabric settle.
 */
export function repairAll(sim: Simulation, targets: readonly string[], count?: { events: number; checked: number }): void {
  for (let sweep = 0; sweep < 10; sweep++) {
    let repaired = 0;
    for (const t of targets) {
      try {
        applyAction(sim, { do: 'repair', target: t });
        repaired++;
      } catch {
        // nothing to repair
      }
    }
    if (repaired === 0) break;
    stepChecked(sim, sim.engine.now + 3 * MINUTE, count);
  }
  stepChecked(sim, sim.engine.now + 30 * MINUTE, count);
}

/** What keeps the fabric from its goal state once nothing is broken (empty: none). */
export function goalProblems(sim: Simulation): string[] {
  const problems: string[] = [];
  if (sim.hardware.health.healingStopped) problems.push('healing is still stopped');
  if (sim.replicas.primary() === null) problems.push('the FC has no primary');
  for (const dep of sim.fabric.deployments.values()) {
    for (const list of dep.roles.values()) {
      for (const i of list) {
        if (i.status === 'ReadyRole') continue;
        // an instance may wait for room (a scale-out past capacity), but only on the waiting list, saying why
        if (i.host < 0 && i.waitReason !== '' && sim.fabric.isWaiting(i)) continue;
        problems.push(`${dep.id}: ${i.id} is ${i.status} (${i.waitReason || i.phase})`);
      }
    }
  }
  return problems;
}

export function runCase(c: FuzzCase): CaseStats {
  const sim = new Simulation({
    seed: c.seed,
    datacenter: { containers: 1, racksPerContainer: c.racks, hostsPerRack: c.hostsPerRack, burnInFailureRate: 0 },
    timing: 'fast',
  });
  const count = { events: 0, checked: 0 };
  let applied = 0;
  let refused = 0;
  const act = (fn: () => void) => {
    try {
      fn();
      applied++;
    } catch {
      refused++;
    }
  };
  for (const s of c.services) act(() => applyAction(sim, { do: 'deploy', service: s.name, files: filesOf(s) }));
  for (const { at, op } of c.ops) {
    stepChecked(sim, Math.max(sim.engine.now, at * SECOND), count);
    const action = actionOf(c, op);
    if (action) act(() => applyAction(sim, action));
    else refused++;
  }
  stepChecked(sim, sim.engine.now + 5 * MINUTE, count);
  repairAll(sim, repairTargets(c.racks, c.hostsPerRack), count);
  const problems = goalProblems(sim);
  if (problems.length > 0) throw new GoalError(`the goal state is not reached after every repair: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  return { ...count, applied, refused };
}
