import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../engine/time';
import { serviceFiles, type TestRole } from '../servicemodel/synthetic';
import { Simulation } from '../simulation';
import type { Instance } from './model';

// Regressions: instances the FC left stuck for ever (design.md: "goal state is eventually
// reached after the last fault is repaired").

const SHOP: TestRole[] = [
  { name: 'Web', instances: 3, port: 80 },
  { name: 'Worker', instances: 3 },
];

function deployShop(datacenter: unknown = { preset: 'classroom' }, timing: 'realistic' | 'fast' = 'realistic', seed = 1) {
  const sim = new Simulation({ seed, datacenter, timing });
  const f = sim.fabric;
  const topo = sim.hardware.dc.topology;
  sim.deploy('shop', 'production', serviceFiles('shop', SHOP, 3));
  sim.engine.runFor(timing === 'fast' ? MINUTE : 10 * MINUTE);
  const all = (): Instance[] => [...f.production('shop')!.roles.values()].flat();
  const get = (id: string) => f.instance(id)!;
  const hostOf = (id: string) => topo.hostId(get(id).host);
  const status = (host: string) => sim.hardware.dc.statusOf(topo.hostIndex(host));
  const run = (ms: number) => sim.engine.runFor(ms);
  const stuck = () => all().filter((i) => i.status !== 'ReadyRole').map((i) => `${i.id} ${i.status}`);
  expect(stuck()).toEqual([]);
  return { sim, fc: f, topo, all, get, hostOf, status, run, stuck };
}

describe('healing an instance lost while its deployment has instances waiting for room', () => {
  it('a ToR repaired shortly after it failed: every instance of the rack is placed again', () => {
    const { sim, fc: f, run, stuck, all, topo } = deployShop();
    const dep = f.production('shop')!;
    const rack = topo.racks[dep.fdRacks[1]![0]!]!;
    const lost = all().filter((i) => i.fd === 1).map((i) => i.id).sort();
    expect(lost).toHaveLength(2);
    sim.hardware.fail(`${rack.id}-tor`);
    // the rack's hosts are given up one by one; no spare rack, so both instances wait
    run(5 * MINUTE);
    expect(lost.map((id) => f.instance(id)!.status)).toEqual(['RoleStateUnknown', 'RoleStateUnknown']);
    expect(f.waitingCount()).toBe(2);
    sim.hardware.repair(`${rack.id}-tor`);
    run(20 * MINUTE);
    expect(stuck()).toEqual([]);
    expect(f.waitingCount()).toBe(0);
  });

  it('a deployment whose waiting instances were placed later heals the next instance it loses', () => {
    const { sim, fc: f, run, stuck, hostOf, topo } = deployShop();
    const dep = f.production('shop')!;
    const rack = topo.racks[dep.fdRacks[2]![0]!]!;
    sim.hardware.fail(`${rack.id}-pdu`);
    run(20 * MINUTE);
    expect(f.waitingCount()).toBeGreaterThan(0);
    sim.hardware.repair(`${rack.id}-pdu`);
    run(20 * MINUTE);
    expect(stuck()).toEqual([]);
    // a new loss in another fault domain starts a new healing round
    const host = hostOf('shop/Web_IN_0');
    sim.hardware.fail(host, 'hardware');
    run(30 * MINUTE);
    expect(stuck()).toEqual([]);
    expect(hostOf('shop/Web_IN_0')).not.toBe(host);
  });
});

describe('a host that leaves service (burn-in) with instances on it', () => {
  it('a crashed host repaired by hand during its reboot wait: its instances are re-created elsewhere', () => {
    const { sim, run, get, hostOf, status, stuck } = deployShop({ preset: 'classroom', burnInFailureRate: 0 });
    const host = hostOf('shop/Web_IN_0');
    sim.hardware.fail(host, 'crash');
    // detected after 2 minutes and power-cycled; the FC waits 10 minutes for it to come back
    run(8 * MINUTE);
    expect(status(host)).toBe('Down');
    expect(get('shop/Web_IN_0').status).toBe('UnresponsiveRole');
    sim.hardware.repair(host);
    run(SECOND);
    expect(status(host)).toBe('BurnIn');
    run(15 * MINUTE);
    expect(stuck()).toEqual([]);
    expect(hostOf('shop/Web_IN_0')).not.toBe(host);
    expect(get('shop/Web_IN_0').lastDiskOp).toMatchObject({ op: 'host lost (host in burn-in)', diffKept: false });
    run(2 * 60 * MINUTE);
    expect(status(host)).toBe('Healthy');
    expect(stuck()).toEqual([]);
  });

  // threshold 0: one host in Human Investigate stops healing
  const stopHealing = (sim: Simulation, run: (ms: number) => void, host: string) => {
    for (let k = 0; k < 3; k++) {
      sim.hardware.fail(host, 'hardware');
      run(20 * SECOND);
      if (k < 2) {
        sim.hardware.repair(host);
        run(MINUTE);
      }
    }
    expect(sim.hardware.dc.statusOf(sim.hardware.dc.topology.hostIndex(host))).toBe('HumanInvestigate');
    expect(sim.hardware.health.healingStopped).toBe(true);
  };

  for (const when of ['still in burn-in', 'back in service'] as const) {
    it(`while healing is stopped the instances wait; when it resumes (host ${when}) they are healed`, () => {
      const { sim, run, get, hostOf, status, stuck, all } = deployShop({ preset: 'classroom', humanInvestigateThreshold: 0 }, 'fast', 19);
      const host = hostOf('shop/Web_IN_0');
      const hi = all().map((i) => hostOf(i.id)).includes('c0-r2-h03') ? 'c0-r1-h03' : 'c0-r2-h03';
      stopHealing(sim, run, hi);
      expect(stuck()).toEqual([]);
      sim.hardware.fail(host, 'crash');
      run(15 * SECOND);
      expect(status(host)).toBe('Down');
      sim.hardware.repair(host);
      run(when === 'back in service' ? 2 * MINUTE : SECOND);
      expect(status(host)).toBe(when === 'back in service' ? 'Healthy' : 'BurnIn');
      // nothing is moved while healing is stopped
      expect(hostOf('shop/Web_IN_0')).toBe(host);
      expect(get('shop/Web_IN_0').status).toBe('UnresponsiveRole');
      sim.hardware.repair(hi);
      run(5 * MINUTE);
      expect(sim.hardware.health.healingStopped).toBe(false);
      expect(stuck()).toEqual([]);
      expect(get('shop/Web_IN_0').lastDiskOp).toMatchObject({ op: 'host lost (healing resumed)', diffKept: false });
    });
  }
});
