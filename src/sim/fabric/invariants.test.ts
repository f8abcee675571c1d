import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../actions';
import { MINUTE, SECOND } from '../engine/time';
import { serviceFiles } from '../servicemodel/synthetic';
import { Simulation } from '../simulation';
import { stepChecked } from '../fuzz/run';

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
          const step = (until: number) => stepChecked(sim, until);
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

  // Repairs interleaved with the faults, at any delay: a crashed host repaired during its
  // reboot wait (fast profile: detected after 10 s, given up 30 s after its power cycle),
  // a ToR switch repaired seconds after it failed, a host repaired while it boots; with
  // three racks a lost fault domain has nowhere to go and waits. A Human Investigate
  // threshold of 0 (in half the runs) makes a host's third fault stop healing until it is
  // repaired. Whatever the schedule, once the last repair is in and things have settled,
  // every instance is ReadyRole (design.md: "goal state is eventually reached after the
  // last fault is repaired").
  const DC = (racks: number) => Array.from({ length: racks }, (_, r) => [0, 1, 2, 3].map((h) => `c0-r${r}-h0${h}`)).flat();
  const REPAIR_TARGETS = (racks: number) => [...DC(racks), ...Array.from({ length: racks }, (_, r) => [`c0-r${r}-tor`, `c0-r${r}-pdu`]).flat()];
  const FAULT_TARGETS = ['c0-r0-h00', 'c0-r0-h01', 'c0-r1-h00', 'c0-r1-h01', 'c0-r2-h00', 'c0-r2-h02', 'c0-r1-tor', 'c0-r2-tor', 'c0-r0-pdu', 'c0-r2'];

  const GOAL_RUNS = Number(process.env.FUZZ_RUNS ?? 100);

  it('reach the goal state after the last repair, whatever the repairs interleaved with the faults', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(3, 4),
        fc.boolean(),
        fc.array(
          fc.record({
            at: fc.integer({ min: 1, max: 120 }),
            target: fc.constantFrom(...FAULT_TARGETS),
            mode: fc.constantFrom('crash', 'crash', 'hang', 'hardware'),
            // seconds until a technician repairs it: during detection, the reboot wait, the host's boot, or later
            repairAfter: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined, freq: 4 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        (seed, racks, hiStops, faults) => {
          const sim = new Simulation({
            seed,
            datacenter: { containers: 1, racksPerContainer: racks, hostsPerRack: 4, burnInFailureRate: 0, ...(hiStops ? { humanInvestigateThreshold: 0 } : {}) },
            timing: 'fast',
          });
          applyAction(sim, { do: 'deploy', service: 'a', files: serviceFiles('a', [{ name: 'Web', instances: 3, port: 80 }, { name: 'Work', instances: 3 }]) });
          applyAction(sim, { do: 'deploy', service: 'b', files: serviceFiles('b', [{ name: 'Api', vmsize: 'Medium', instances: 3, port: 443 }], 2) });
          const step = (until: number) => stepChecked(sim, until);
          step(MINUTE);
          const actions = faults
            .flatMap((f, k) => {
              const at = MINUTE + f.at * 5 * SECOND;
              const fail = { at, k, run: () => applyAction(sim, { do: 'fail', target: f.target, ...(/-h\d\d$/.test(f.target) ? { mode: f.mode } : {}) }) };
              if (f.repairAfter === undefined) return [fail];
              return [fail, { at: at + f.repairAfter * SECOND, k, run: () => applyAction(sim, { do: 'repair', target: f.target }) }];
            })
            .sort((x, y) => x.at - y.at || x.k - y.k);
          for (const a of actions) {
            step(Math.max(sim.engine.now, a.at));
            try {
              a.run();
            } catch {
              // already failed, or nothing to repair: fine
            }
          }
          step(sim.engine.now + 2 * MINUTE);
          // repair whatever is still broken, again until nothing is (a host repaired while it
          // boots may fail its burn-in and need another visit)
          for (let sweep = 0; sweep < 10; sweep++) {
            let repaired = 0;
            for (const t of REPAIR_TARGETS(racks)) {
              try {
                applyAction(sim, { do: 'repair', target: t });
                repaired++;
              } catch {
                // nothing to repair
              }
            }
            if (repaired === 0) break;
            step(sim.engine.now + 3 * MINUTE);
          }
          step(sim.engine.now + 20 * MINUTE);
          expect(sim.hardware.health.healingStopped).toBe(false);
          for (const dep of sim.fabric.deployments.values()) {
            for (const list of dep.roles.values()) for (const i of list) expect(i.status, `${i.id} (${i.waitReason || i.phase})`).toBe('ReadyRole');
            expect(sim.fabric.available(dep)).toBe(true);
          }
          expect(sim.fabric.waitingCount()).toBe(0);
        },
      ),
      { numRuns: GOAL_RUNS },
    );
  }, 60_000 + GOAL_RUNS * 2_000);

  // Small containers (6 hosts): two failed hosts pass the 25% threshold, so containers
  // are evacuated, serviced and returned; a third container may be added on the way.
  const CONTAINER_TARGETS = ['c0-r0-h00', 'c0-r1-h01', 'c0-r2-h00', 'c1-r0-h00', 'c1-r1-h01', 'c1-r2-h00', 'c1-r2-h01', 'c2-r0-h00', 'c2-r1-h01', 'c1', 'c1-r0-pdu'];

  it('hold through container additions, evacuations and servicing, and the goal state is reached afterwards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        fc.array(fc.record({ at: fc.integer({ min: 1, max: 40 }), target: fc.constantFrom(...CONTAINER_TARGETS), mode: fc.constantFrom('crash', 'hardware') }), { maxLength: 6 }),
        (seed, addAt, faults) => {
          const sim = new Simulation({ seed, datacenter: { containers: 2, racksPerContainer: 3, hostsPerRack: 2, burnInFailureRate: 0 }, timing: 'fast' });
          applyAction(sim, { do: 'deploy', service: 'a', files: serviceFiles('a', [{ name: 'Web', instances: 4, port: 80 }, { name: 'Work', instances: 3 }]) });
          applyAction(sim, { do: 'deploy', service: 'b', files: serviceFiles('b', [{ name: 'Api', vmsize: 'Medium', instances: 3, port: 443 }], 2) });
          const step = (until: number) => stepChecked(sim, until);
          const actions = [
            ...faults.map((f) => ({ at: f.at * 10 * SECOND, run: () => applyAction(sim, { do: 'fail', target: f.target, ...(/-h\d\d$/.test(f.target) ? { mode: f.mode } : {}) }) })),
            ...(addAt === undefined ? [] : [{ at: addAt * 10 * SECOND, run: () => applyAction(sim, { do: 'addContainer', racks: 2, hostsPerRack: 2 }) }]),
          ].sort((x, y) => x.at - y.at);
          for (const a of actions) {
            step(Math.max(sim.engine.now, a.at));
            try {
              a.run();
            } catch {
              // already failed, or not there (yet): fine
            }
          }
          step(sim.engine.now + 5 * MINUTE);
          for (const t of CONTAINER_TARGETS) {
            try {
              applyAction(sim, { do: 'repair', target: t });
            } catch {
              // nothing to repair
            }
          }
          // servicing (5 minutes) and burn-in included
          step(sim.engine.now + 30 * MINUTE);
          for (const dep of sim.fabric.deployments.values()) {
            for (const list of dep.roles.values()) for (const i of list) expect(i.status, i.id).toBe('ReadyRole');
            expect(sim.fabric.available(dep)).toBe(true);
          }
          // every container evacuated on the way has been serviced and returned
          for (const c of sim.hardware.dc.containers) expect(c.state).toBe('InService');
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 12) },
    );
  }, 180_000);
});
