/**
 * The FC and containers (fidelity.md: new containers are burned in before they enter
 * inventory; a container is serviced as a whole once too many of its servers have
 * failed): an added container is used once burned in, an evacuating one takes no new
 * instances, and instances that had nowhere to go are placed when it returns.
 */
import { describe, expect, it } from 'vitest';
import { applyAction } from '../actions';
import { MINUTE } from '../engine/time';
import { serviceFiles } from '../servicemodel/synthetic';
import { Simulation } from '../simulation';
import { checkInvariants } from './invariants';

function setup(datacenter: Record<string, unknown>, seed = 3) {
  const sim = new Simulation({ seed, datacenter: { burnInFailureRate: 0, ...datacenter }, timing: 'fast' });
  const dc = sim.hardware.dc;
  const topo = dc.topology;
  const instances = (service: string) => [...sim.fabric.production(service)!.roles.values()].flat();
  const containerOf = (h: number) => topo.rackOf(h).container;
  const inContainer = (service: string, c: number) => instances(service).filter((i) => i.host >= 0 && containerOf(i.host) === c).length;
  const hostsOf = (c: number) => [...dc.hostsOfContainer(c)];
  return { sim, dc, topo, instances, inContainer, hostsOf, run: (ms: number) => sim.engine.runFor(ms) };
}

describe('containers and placement', () => {
  it('places instances on the hosts of a container added at run time once it has been burned in', () => {
    const { sim, dc, inContainer, hostsOf, run } = setup({ preset: 'classroom' });
    applyAction(sim, { do: 'addContainer', racks: 2, hostsPerRack: 4 });
    run(10_000);
    // the capacity index took the new hosts in; they are not eligible while they burn in
    expect(sim.fabric.capacity.usedCores).toHaveLength(dc.hostCount);
    for (const h of hostsOf(1)) expect(sim.fabric.capacity.indexedEligible(h)).toBe(false);
    run(3 * MINUTE);
    expect(dc.containers[1]!.state).toBe('InService');
    for (const h of hostsOf(1)) expect(sim.fabric.capacity.indexedEligible(h)).toBe(true);
    // 13 ExtraLarge instances need 13 whole hosts: the classroom's 12 are not enough alone
    sim.deploy('big', 'production', serviceFiles('big', [{ name: 'Crunch', vmsize: 'ExtraLarge', instances: 13 }]));
    run(5 * MINUTE);
    expect(sim.fabric.refusals.get('big')).toBeUndefined();
    expect(sim.fabric.production('big')!.status).toBe('Running');
    expect(inContainer('big', 1)).toBeGreaterThan(0);
    checkInvariants(sim);
  });

  it('evacuates an added container that passes its failure threshold, and services it', () => {
    const { sim, dc, topo, inContainer, run } = setup({ preset: 'classroom' });
    applyAction(sim, { do: 'addContainer', racks: 2, hostsPerRack: 4 });
    run(3 * MINUTE);
    // a service that fills the classroom's container, so that another lands in c1
    sim.deploy('fill', 'production', serviceFiles('fill', [{ name: 'R', vmsize: 'ExtraLarge', instances: 12 }]));
    sim.deploy('web', 'production', serviceFiles('web', [{ name: 'Web', instances: 2, port: 80 }]));
    run(5 * MINUTE);
    expect(inContainer('web', 1)).toBe(2);
    sim.hardware.fail('c1-r0-h01', 'hardware');
    sim.hardware.fail('c1-r1-h01', 'hardware');
    sim.hardware.fail('c1-r1-h02', 'hardware');
    run(MINUTE);
    // 3 of 8 hosts (37%) passed the 25% threshold: evacuated, then offline for servicing
    expect(dc.containers[1]!.state).toBe('Servicing');
    expect(dc.statusOf(topo.hostIndex('c1-r0-h00'))).toBe('Offline');
    expect(sim.fabric.instancesOnRack(topo.rack(1, 0)!.index) + sim.fabric.instancesOnRack(topo.rack(1, 1)!.index)).toBe(0);
    checkInvariants(sim);
  });

  it('takes no new instance into a container being evacuated: its instances go elsewhere and serve', () => {
    const { sim, dc, inContainer, hostsOf, instances, run } = setup({ containers: 2, racksPerContainer: 3, hostsPerRack: 4 });
    sim.deploy('first', 'production', serviceFiles('first', [{ name: 'A', instances: 3 }]));
    sim.deploy('web', 'production', serviceFiles('web', [{ name: 'Web', instances: 3, port: 80 }]));
    run(2 * MINUTE);
    expect(inContainer('web', 1)).toBeGreaterThan(0);
    for (const t of ['c1-r0-h03', 'c1-r1-h03', 'c1-r2-h03', 'c1-r2-h02']) sim.hardware.fail(t, 'hardware');
    run(20_000);
    expect(dc.containers[1]!.state).toBe('Servicing');
    for (const h of hostsOf(1)) expect(sim.fabric.capacity.indexedEligible(h)).toBe(false);
    expect(inContainer('web', 1)).toBe(0);
    // moved once, straight out of the container: none was re-placed in it and lost again
    const log = sim.engine.log.recent();
    expect(log.filter((r) => r.kind === 'fc.hostLost' && r.fields.reason === 'container out of service')).toEqual([]);
    for (const r of log.filter((r) => r.kind === 'fc.vmCreated' && r.t > 2 * MINUTE)) expect(String(r.fields.host)).toMatch(/^c0-/);
    run(2 * MINUTE);
    expect(instances('web').map((i) => i.status)).toEqual(['ReadyRole', 'ReadyRole', 'ReadyRole']);
    expect(sim.fabric.available(sim.fabric.production('web')!)).toBe(true);
  });

  it('instances evacuated with nowhere to go wait, and are placed when the container returns to service', () => {
    const { sim, dc, instances, inContainer, run } = setup({ containers: 2, racksPerContainer: 3, hostsPerRack: 2 });
    // fill c0 with whole-host instances, then put b in c1
    sim.deploy('a', 'production', serviceFiles('a', [{ name: 'R', vmsize: 'ExtraLarge', instances: 6 }]));
    sim.deploy('b', 'production', serviceFiles('b', [{ name: 'R', vmsize: 'ExtraLarge', instances: 3 }]));
    run(2 * MINUTE);
    expect(inContainer('b', 1)).toBe(3);
    sim.hardware.fail('c1-r0-h01', 'hardware');
    sim.hardware.fail('c1-r1-h01', 'hardware');
    run(MINUTE);
    expect(dc.containers[1]!.state).toBe('Servicing');
    for (const i of instances('b')) {
      expect(i.host).toBe(-1);
      expect(i.waitReason).toMatch(/no healthy host with 8 free cores/);
    }
    expect(sim.fabric.waitingCount()).toBe(3);
    // servicing (5 minutes), burn-in, back in service: the waiting instances are placed there
    run(10 * MINUTE);
    expect(dc.containers[1]!.state).toBe('InService');
    expect(instances('b').map((i) => i.status)).toEqual(['ReadyRole', 'ReadyRole', 'ReadyRole']);
    expect(inContainer('b', 1)).toBe(3);
    expect(sim.fabric.waitingCount()).toBe(0);
    checkInvariants(sim);
  });

  it('an instance still on a host whose container is taken out of service is re-created elsewhere', () => {
    const { sim, dc, topo, instances, inContainer, run } = setup({ containers: 2, racksPerContainer: 3, hostsPerRack: 4 });
    sim.deploy('first', 'production', serviceFiles('first', [{ name: 'A', instances: 3 }]));
    sim.deploy('web', 'production', serviceFiles('web', [{ name: 'Web', instances: 3, port: 80 }]));
    run(2 * MINUTE);
    const before = inContainer('web', 1);
    expect(before).toBeGreaterThan(0);
    // servicing begins without the FC having emptied the container (as if it placed there late)
    dc.setContainerState(1, 'Evacuating');
    sim.engine.after(0, 'container.evacuated', 'c1');
    run(1000);
    expect(dc.statusOf(topo.hostIndex('c1-r0-h00'))).toBe('Offline');
    run(2 * MINUTE);
    expect(inContainer('web', 1)).toBe(0);
    expect(instances('web').map((i) => i.status)).toEqual(['ReadyRole', 'ReadyRole', 'ReadyRole']);
    expect(sim.engine.log.recent().filter((r) => r.kind === 'fc.hostLost' && r.fields.reason === 'container out of service').length).toBe(before);
  });
});
