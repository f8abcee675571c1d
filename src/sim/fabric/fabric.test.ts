import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceFiles, type TestRole } from '../servicemodel/synthetic';
import { MINUTE } from '../engine/time';
import { Simulation } from '../simulation';
import { statusHistory, type Instance } from './model';

function setup(datacenter: unknown = { preset: 'classroom' }, timing: 'realistic' | 'fast' = 'realistic', seed = 1) {
  const sim = new Simulation({ seed, datacenter, timing });
  const fcx = sim.fabric;
  const topo = sim.hardware.dc.topology;
  const all = (): Instance[] => [...fcx.deployments.values()].flatMap((d) => [...d.roles.values()].flat());
  const get = (id: string) => fcx.instance(id)!;
  const hostOf = (id: string) => topo.hostId(get(id).host);
  return { sim, fc: fcx, topo, all, get, hostOf, run: (ms: number) => sim.engine.runFor(ms) };
}

const BOOK: TestRole[] = [
  { name: 'Web', instances: 3, port: 80 },
  { name: 'Worker', instances: 3 },
  { name: 'Cache', instances: 3 },
];

describe('allocation', () => {
  it("lays the book's 3 roles x 3 instances over 3 FDs and 3 UDs as a Latin square", () => {
    const { sim, all, run } = setup();
    sim.deploy('book', 'production', serviceFiles('book', BOOK, 3));
    run(10 * MINUTE);
    const cell = new Map<string, string[]>();
    for (const i of all()) {
      expect(i.status).toBe('ReadyRole');
      const k = `${i.fd},${i.ud}`;
      cell.set(k, [...(cell.get(k) ?? []), i.role]);
    }
    // every (FD, UD) cell holds exactly one instance; every FD and every UD holds each role once
    expect(cell.size).toBe(9);
    for (const roles of cell.values()) expect(roles).toHaveLength(1);
    for (let k = 0; k < 3; k++) {
      expect(all().filter((i) => i.fd === k).map((i) => i.role).sort()).toEqual(['Cache', 'Web', 'Worker']);
      expect(all().filter((i) => i.ud === k).map((i) => i.role).sort()).toEqual(['Cache', 'Web', 'Worker']);
    }
    // the three fault domains are three distinct racks
    const racks = new Set(all().map((i) => sim.hardware.dc.topology.rackOf(i.host).id));
    expect(racks.size).toBe(3);
  });

  it('refuses a deployment that does not fit, naming the role, and reserves nothing', () => {
    const { sim, fc: f, run, topo } = setup();
    sim.deploy('huge', 'production', serviceFiles('huge', [{ name: 'Big', vmsize: 'ExtraLarge', instances: 13 }]));
    run(MINUTE);
    expect(f.deployments.size).toBe(0);
    expect(f.refusals.get('huge')).toMatch(/does not fit: .*role Big, instance 12 of 13, ExtraLarge.*nothing was reserved/);
    for (let h = 0; h < topo.hostCount; h++) expect(f.capacity.usedCores[h]).toBe(0);
  });

  it('refuses a VM size larger than the host hardware before allocating', () => {
    const { sim } = setup({ preset: 'classroom', host: { cores: 4 } });
    expect(() => sim.deploy('xl', 'production', serviceFiles('xl', [{ name: 'R', vmsize: 'ExtraLarge', instances: 1 }]))).toThrow(/cannot be deployed/);
  });

  it('keeps every placement within capacity and balanced across FDs and UDs (property)', () => {
    const sizes = ['ExtraSmall', 'Small', 'Medium', 'Large', 'ExtraLarge'];
    fc.assert(
      fc.property(
        fc.record({
          containers: fc.integer({ min: 1, max: 2 }),
          racksPerContainer: fc.integer({ min: 3, max: 5 }),
          hostsPerRack: fc.integer({ min: 1, max: 5 }),
          udCount: fc.integer({ min: 1, max: 5 }),
          roles: fc.array(fc.record({ size: fc.constantFrom(...sizes), count: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 4 }),
        }),
        (p) => {
          const { sim, fc: f, all, topo } = setup({ containers: p.containers, racksPerContainer: p.racksPerContainer, hostsPerRack: p.hostsPerRack });
          const roles = p.roles.map((r, i) => ({ name: `R${i}`, vmsize: r.size, instances: r.count }));
          sim.deploy('svc', 'production', serviceFiles('svc', roles, p.udCount));
          sim.engine.runFor(10_000); // the FC replicas elect a primary and agree on the deploy first
          const host = sim.spec.host;
          for (let h = 0; h < topo.hostCount; h++) {
            expect(f.capacity.usedCores[h]).toBeLessThanOrEqual(host.cores);
            expect(f.capacity.usedMemory[h]).toBeLessThanOrEqual(host.memoryMiB);
          }
          const dep = f.deployments.get('svc/production');
          if (!dep) {
            for (let h = 0; h < topo.hostCount; h++) expect(f.capacity.usedCores[h]).toBe(0);
            expect(f.refusals.get('svc')).toMatch(/does not fit/);
            return;
          }
          const fdOfRack = new Map<number, number>();
          dep.fdRacks.forEach((racks, fd) => racks.forEach((r) => {
            expect(fdOfRack.has(r)).toBe(false); // FDs never share a rack
            fdOfRack.set(r, fd);
          }));
          for (const role of roles) {
            const list = all().filter((i) => i.role === role.name);
            expect(list).toHaveLength(role.instances);
            const perFd = [0, 0, 0];
            for (const i of list) {
              perFd[i.fd]!++;
              expect(i.ud).toBe(i.n % p.udCount);
              expect(fdOfRack.get(topo.rackOf(i.host).index)).toBe(i.fd);
            }
            const used = perFd.slice(0, Math.min(3, role.instances));
            expect(Math.max(...used) - Math.min(...used)).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('goal-state reconciliation and service healing', () => {
  const deployBook = (datacenter: unknown = { preset: 'classroom' }) => {
    const s = setup(datacenter);
    s.sim.deploy('book', 'production', serviceFiles('book', BOOK, 3));
    s.run(10 * MINUTE);
    return s;
  };

  it('drives a new instance through the Service Management statuses to ReadyRole', () => {
    const { get } = deployBook();
    const seen = statusHistory(get('book/Web_IN_0')).map((h) => h.status);
    expect(seen).toEqual(['CreatingVM', 'StartingVM', 'CreatingRole', 'StartingRole', 'ReadyRole']);
    expect(get('book/Web_IN_0').inPool).toBe(true);
  });

  it('re-creates the instances of a crashed host elsewhere, keeping name, FD, UD and DNS', () => {
    const { sim, get, hostOf, run, fc: f } = deployBook();
    const before = { host: hostOf('book/Web_IN_1'), name: get('book/Web_IN_1').computerName, dip: get('book/Web_IN_1').dip };
    const dns = f.production('book')!.dns;
    sim.hardware.fail(before.host, 'crash');
    run(30 * MINUTE);
    const after = get('book/Web_IN_1');
    expect(after.status).toBe('ReadyRole');
    expect(hostOf('book/Web_IN_1')).not.toBe(before.host);
    expect(after.computerName).not.toBe(before.name);
    expect(after.dip).not.toBe(before.dip);
    expect([after.fd, after.ud]).toEqual([1, 1]);
    expect(f.production('book')!.dns).toBe(dns);
    expect(after.lastDiskOp).toMatchObject({ diffKept: false });
  });

  it('a hung host is rebooted in place and its instances keep their disks', () => {
    const { sim, get, hostOf, run } = deployBook();
    const host = hostOf('book/Web_IN_0');
    const d = get('book/Web_IN_0').disks.d;
    sim.hardware.fail(host, 'hang');
    run(20 * MINUTE);
    expect(hostOf('book/Web_IN_0')).toBe(host);
    expect(get('book/Web_IN_0').status).toBe('ReadyRole');
    expect(get('book/Web_IN_0').disks.d).toBe(d);
    expect(get('book/Web_IN_0').lastDiskOp).toMatchObject({ op: 'host reboot', diffKept: true });
  });

  const FOUR_RACKS = { containers: 1, racksPerContainer: 4, hostsPerRack: 4 };

  it('a PDU failure moves its rack’s instances to a spare rack; the service stays available', () => {
    const { sim, fc: f, run, topo } = deployBook(FOUR_RACKS);
    const dep = f.production('book')!;
    const rack = topo.racks[dep.fdRacks[2]![0]!]!;
    sim.hardware.fail(`${rack.id}-pdu`);
    run(MINUTE);
    expect(f.available(dep)).toBe(true);
    run(30 * MINUTE);
    expect(f.instancesOnRack(rack.index)).toBe(0);
    expect([...dep.roles.values()].flat().every((i) => i.status === 'ReadyRole')).toBe(true);
  });

  it('with no spare rack, a lost fault domain waits rather than share a rack with another', () => {
    const { sim, fc: f, run, topo, get } = deployBook();
    const dep = f.production('book')!;
    sim.hardware.fail(`${topo.racks[dep.fdRacks[2]![0]!]!.id}-pdu`);
    run(30 * MINUTE);
    expect(get('book/Web_IN_2').status).toBe('RoleStateUnknown');
    expect(get('book/Web_IN_2').waitReason).toMatch(/outside the 3 racks the deployment's other fault domains use/);
    expect(f.available(dep)).toBe(true);
  });

  it('fences the stale copies of a partitioned host before it rejoins', () => {
    const { sim, fc: f, run, topo, all, hostOf } = deployBook(FOUR_RACKS);
    const oldHost = hostOf('book/Web_IN_2');
    const rack = topo.rackOf(topo.hostIndex(oldHost));
    sim.hardware.fail(`${rack.id}-tor`);
    run(30 * MINUTE);
    expect(hostOf('book/Web_IN_2')).not.toBe(oldHost);
    expect(f.ghostCount(topo.hostIndex(oldHost))).toBeGreaterThan(0);
    sim.hardware.repair(`${rack.id}-tor`);
    run(5 * MINUTE);
    const rejoin = sim.engine.log.recent().filter((r) => r.kind === 'health.rejoin' && r.subject === oldHost);
    expect(rejoin[0]!.fields.fenced).toBeGreaterThan(0);
    expect(f.ghostCount(topo.hostIndex(oldHost))).toBe(0);
    const destroyed = sim.hardware.drivers.forDevice(oldHost).filter((e) => e.op === 'destroyVm' && e.outcome === 'ok');
    expect(destroyed.length).toBeGreaterThan(0);
    // no instance serves from two hosts: every instance has exactly one host
    expect(new Set(all().map((i) => i.id)).size).toBe(all().length);
  });

  it('a role crash restarts the role in its VM: differencing disk kept', () => {
    const { sim, get, run } = deployBook();
    sim.engine.after(0, 'instance.fail', 'book/Worker_IN_0', { mode: 'crash' });
    run(1);
    expect(get('book/Worker_IN_0').status).toBe('RestartingRole');
    run(5 * MINUTE);
    expect(get('book/Worker_IN_0').status).toBe('ReadyRole');
    expect(get('book/Worker_IN_0').lastDiskOp).toMatchObject({ op: 'role restart', diffKept: true });
  });

  it('a waiting instance says why when nothing fits, and is placed once room appears', () => {
    const { sim, fc: f, run, get } = setup({ containers: 1, racksPerContainer: 3, hostsPerRack: 1 });
    sim.deploy('big', 'production', serviceFiles('big', [{ name: 'R', vmsize: 'ExtraLarge', instances: 3 }]));
    run(10 * MINUTE);
    const host = sim.hardware.dc.topology.hostId(get('big/R_IN_0').host);
    sim.hardware.fail(host, 'hardware');
    run(10 * MINUTE);
    expect(get('big/R_IN_0').status).toBe('RoleStateUnknown');
    expect(get('big/R_IN_0').waitReason).toMatch(/no healthy host with 8 free cores/);
    expect(f.waitingCount()).toBe(1);
    sim.hardware.repair(host);
    run(2 * 60 * MINUTE);
    expect(get('big/R_IN_0').status).toBe('ReadyRole');
  });
});

describe('disks: what survives what (fidelity.md)', () => {
  const deployVm = () => {
    const s = setup();
    s.sim.deploy('legacy', 'production', serviceFiles('legacy', [{ name: 'Vm', type: 'VirtualMachineRole', instances: 2, image: 'legacy-base-2008r2.vhd' }]));
    s.run(15 * MINUTE);
    return s;
  };

  it.each([
    ['reboot', true, true, false],
    ['reimage', true, false, false],
  ] as const)('portal %s: C kept %s, D kept %s, E kept %s', (op, cKept, dKept, eKept) => {
    const { sim, get, run } = deployVm();
    const before = structuredClone(get('legacy/Vm_IN_0').disks);
    sim.engine.after(0, `instance.${op}`, 'legacy/Vm_IN_0');
    run(10 * MINUTE);
    const after = get('legacy/Vm_IN_0');
    expect(after.status).toBe('ReadyRole');
    expect(after.disks.c === before.c).toBe(cKept);
    expect(after.disks.d === before.d).toBe(dKept);
    expect(after.disks.e === before.e).toBe(eKept);
    expect(after.lastDiskOp.diffKept).toBe(dKept);
  });

  it('node migration (host lost): every disk rebuilt on the new host', () => {
    const { sim, get, run, hostOf } = deployVm();
    const before = structuredClone(get('legacy/Vm_IN_1').disks);
    sim.hardware.fail(hostOf('legacy/Vm_IN_1'), 'hardware');
    run(30 * MINUTE);
    const after = get('legacy/Vm_IN_1');
    expect(after.disks.c).toBeGreaterThan(before.c);
    expect(after.disks.d).toBeGreaterThan(before.d);
    expect(after.disks.e).toBeGreaterThan(before.e);
    expect(after.disks.host).toBe(after.host);
  });
});
