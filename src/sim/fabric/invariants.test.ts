import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../actions';
import { MINUTE, SECOND } from '../engine/time';
import { serviceFiles } from '../servicemodel/synthetic';
import { Simulation } from '../simulation';
import { checkInvariants } from './invariants';

const TARGETS = ['c0-r0-h00', 'c0-r1-h01', 'c0-r2-h02', 'c0-r3-h00', 'c0-r1-tor', 'c0-r2-pdu', 'c0-r4-tor', 'c0-agg0', 'lb0', 'fc1', 'fc3'];

describe('invariants under random faults', () => {
  it('hold after every event, and the goal state is reached once every fault is repaired', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.record({ at: fc.integer({ min: 1, max: 40 }), target: fc.constantFrom(...TARGETS), mode: fc.constantFrom('crash', 'hang', 'hardware') }), { maxLength: 6 }),
        (seed, faults) => {
          const sim = new Simulation({ seed, datacenter: { containers: 1, racksPerContainer: 6, hostsPerRack: 4 }, timing: 'fast' });
          applyAction(sim, { do: 'deploy', service: 'a', files: serviceFiles('a', [{ name: 'Web', instances: 4, port: 80 }, { name: 'Work', instances: 3 }]) });
          applyAction(sim, { do: 'deploy', service: 'b', files: serviceFiles('b', [{ name: 'Api', vmsize: 'Medium', instances: 3, port: 443 }], 2) });
          const step = (until: number) => {
            while (sim.engine.nextTime() !== undefined && sim.engine.nextTime()! <= until) {
              const r = sim.engine.step()!;
              // the replicas' own messages and timers change no fabric state
              if (!r.event.kind.startsWith('fc.raft.')) checkInvariants(sim);
            }
            sim.engine.runUntil(until);
          };
          for (const f of [...faults].sort((a, b) => a.at - b.at)) {
            step(Math.max(sim.engine.now, f.at * 10 * SECOND));
            const host = /-h\d\d$/.test(f.target);
            try {
              applyAction(sim, { do: 'fail', target: f.target, ...(host ? { mode: f.mode } : {}) });
            } catch {
              // already failed: fine
            }
          }
          step(sim.engine.now + 5 * MINUTE);
          // repair everything still broken
          for (const t of TARGETS) {
            try {
              applyAction(sim, { do: 'repair', target: t });
            } catch {
              // nothing to repair
            }
          }
          step(sim.engine.now + 30 * MINUTE);
          for (const dep of sim.fabric.deployments.values()) {
            for (const list of dep.roles.values()) for (const i of list) expect(i.status, i.id).toBe('ReadyRole');
            expect(sim.fabric.available(dep)).toBe(true);
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 12) },
    );
  }, 120_000);
});
