import { describe, expect, it } from 'vitest';
import { applyAction } from '../actions';
import { MINUTE } from '../engine/time';
import { serviceFiles } from '../servicemodel/synthetic';
import { Simulation } from '../simulation';

describe('host OS update', () => {
  it('updates every host in waves, never two update domains of one role at once', () => {
    const sim = new Simulation({ seed: 8, datacenter: { containers: 1, racksPerContainer: 4, hostsPerRack: 4 } });
    sim.deploy('a', 'production', serviceFiles('a', [{ name: 'Web', instances: 6, port: 80 }, { name: 'Work', instances: 4 }], 3));
    sim.deploy('b', 'production', serviceFiles('b', [{ name: 'Api', instances: 5, port: 443 }], 5));
    sim.engine.runFor(15 * MINUTE);
    applyAction(sim, { do: 'updateHostOs' });
    expect(() => applyAction(sim, { do: 'updateHostOs' })).toThrow(/already rolling/);
    let rebootedHosts = 0;
    for (let t = 0; t < 12 * 60 * MINUTE && sim.hostOs.active; t += 10_000) {
      sim.engine.runFor(10_000);
      for (const dep of sim.fabric.deployments.values()) {
        for (const [role, list] of dep.roles) {
          const downUds = new Set(list.filter((i) => i.status !== 'ReadyRole').map((i) => i.ud));
          expect(downUds.size, `${dep.id} ${role}`).toBeLessThanOrEqual(1);
        }
        expect(sim.fabric.available(dep)).toBe(true);
      }
      rebootedHosts = Math.max(rebootedHosts, sim.hostOs.done);
    }
    expect(sim.hostOs.active).toBe(false);
    expect(sim.hostOs.done).toBe(16);
    expect(sim.engine.log.recent().some((r) => r.kind === 'hostos.completed')).toBe(true);
    for (const dep of sim.fabric.deployments.values()) for (const l of dep.roles.values()) for (const i of l) expect(i.status).toBe('ReadyRole');
  });
});
