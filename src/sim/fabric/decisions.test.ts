import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../actions';
import { MINUTE, SECOND } from '../engine/time';
import { serviceFiles } from '../servicemodel/synthetic';
import { Simulation } from '../simulation';

const FILES = serviceFiles('app', [{ name: 'Web', instances: 3, port: 80 }]);

describe('FC decisions through the replicated log', () => {
  it('take effect only once committed, once each, whatever happens to the primaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 60 }), replica: fc.integer({ min: 0, max: 4 }), down: fc.boolean() }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        (churn, seed) => {
          const sim = new Simulation({ seed, datacenter: { containers: 1, racksPerContainer: 5, hostsPerRack: 4 }, timing: 'fast' });
          applyAction(sim, { do: 'deploy', service: 'app', files: FILES });
          for (const c of [...churn].sort((a, b) => a.at - b.at)) {
            sim.engine.runUntil(Math.max(sim.engine.now, c.at * SECOND));
            const id = `fc${c.replica}`;
            if (c.down && !sim.fcReplicas.isFailed(id) && sim.replicas.isUp(id)) sim.fcReplicas.fail(id);
            if (!c.down && sim.fcReplicas.isFailed(id)) sim.fcReplicas.repair(id);
          }
          for (let i = 0; i < 5; i++) if (sim.fcReplicas.isFailed(`fc${i}`)) sim.fcReplicas.repair(`fc${i}`);
          sim.engine.runFor(10 * MINUTE);
          const log = sim.engine.log.recent();
          expect(log.filter((r) => r.kind === 'deploy.request')).toHaveLength(1);
          expect(sim.fabric.production('app')?.status).toBe('Running');
          expect(sim.decisions.waiting).toBe(0);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    );
  });

  it('wait while the quorum is lost, and go through when it returns', () => {
    const sim = new Simulation({ seed: 3, datacenter: { containers: 1, racksPerContainer: 5, hostsPerRack: 4 }, timing: 'fast' });
    sim.engine.runFor(5 * SECOND);
    for (const id of ['fc0', 'fc1', 'fc2']) sim.fcReplicas.fail(id);
    sim.engine.runFor(5 * SECOND);
    expect(sim.replicas.hasQuorum()).toBe(false);
    applyAction(sim, { do: 'deploy', service: 'app', files: FILES });
    sim.engine.runFor(5 * MINUTE);
    expect(sim.fabric.deployments.size).toBe(0);
    expect(sim.decisions.waiting).toBe(1);
    sim.fcReplicas.repair('fc2');
    sim.engine.runFor(5 * MINUTE);
    expect(sim.fabric.production('app')?.status).toBe('Running');
  });
});
