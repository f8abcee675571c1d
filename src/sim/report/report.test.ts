import { describe, expect, it } from 'vitest';
import { applyAction } from '../actions';
import { MINUTE, SECOND } from '../engine/time';
import { serviceFiles } from '../servicemodel/synthetic';
import { Simulation } from '../simulation';
import { cloneSimulation } from '../timeline/checkpoint';
import { buildReport } from './index';
import { DurationStats, median, Ring } from './ring';

const SHOP = { service: 'shop', ...serviceFiles('shop', [{ name: 'WebRole', instances: 3, port: 80 }, { name: 'WorkerRole', instances: 3 }]) };

/** The classroom data center (1 container, 3 racks of 4 hosts), fast timing, the shop running. */
function running(seed = 1) {
  const sim = new Simulation({ seed, datacenter: { preset: 'classroom' }, timing: 'fast', deploy: [SHOP] });
  sim.engine.runFor(10 * MINUTE);
  return sim;
}

const hostName = (sim: Simulation, h: number) => sim.hardware.dc.topology.hostId(h);
const hostOf = (sim: Simulation, id: string) => hostName(sim, sim.fabric.instance(id)!.host);

describe('buildReport: identity', () => {
  it('names the seed, the data center, the timing and the log', () => {
    const sim = running(7);
    const r = buildReport(sim);
    expect(r.fabricLab).toBe('report');
    expect(r.run).toMatchObject({ seed: 7, timing: 'fast', simulatedMs: 10 * MINUTE, events: sim.engine.log.count, hash: sim.engine.log.hash() });
    expect(r.run.datacenter).toMatchObject({ preset: 'classroom', containers: 1, racks: 3, hosts: 12, faultDomains: 3 });
    expect(r.faults).toEqual({ total: 0, open: 0, list: [] });
    expect(r.healings.total).toBe(0);
    // a report is plain data: it survives JSON and structured cloning unchanged
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(structuredClone(r)).toEqual(r);
  });

  it('changes nothing: the event log is the same with the ledger detached', () => {
    const plain = running(3);
    const detached = new Simulation({ seed: 3, datacenter: { preset: 'classroom' }, timing: 'fast', deploy: [SHOP] });
    detached.fabric.observer = undefined;
    detached.engine.log.onAppend = undefined;
    detached.engine.runFor(10 * MINUTE);
    for (const s of [plain, detached]) {
      applyAction(s, { do: 'fail', target: hostOf(s, 'shop/WebRole_IN_0') });
      s.engine.runFor(10 * MINUTE);
      buildReport(s);
    }
    expect(detached.summary()).toEqual(plain.summary());
  });
});

describe('buildReport: a host crash', () => {
  it('reports the fault, its detection, the healing of each instance and the recovery', () => {
    const sim = running();
    const h = sim.fabric.instance('shop/WebRole_IN_0')!.host;
    const host = hostName(sim, h);
    const onHost = [...sim.fabric.instancesOnHost(h)].map((i) => i.id).sort();
    const t0 = sim.now;
    applyAction(sim, { do: 'fail', target: host, mode: 'crash' });
    sim.engine.runFor(10 * MINUTE);

    const r = buildReport(sim);
    expect(r.faults.total).toBe(1);
    expect(r.faults.open).toBe(1);
    const f = r.faults.list[0]!;
    expect(f).toMatchObject({ n: 1, t: t0, asset: host, kind: 'host', mode: 'crash', what: 'Host crash', hosts: 1, repairedAt: null });
    // the fast profile detects a silent host after 10 s
    expect(f.detectedAt).toBe(t0 + 10 * SECOND);
    expect(f.affectedInstances).toBe(onHost.length);
    expect(f.waitingInstances).toBe(0);
    expect(f.recoveredAt).not.toBeNull();
    expect(f.recoveryMs).toBe(f.recoveredAt! - t0);
    // detection, a reboot that fails to bring it back (30 s wait), then re-creation
    expect(f.recoveryMs!).toBeGreaterThan(40 * SECOND);
    expect(f.recoveryMs!).toBeLessThan(5 * MINUTE);

    expect(r.healings.list.map((x) => x.instance).sort()).toEqual(onHost);
    for (const x of r.healings.list) {
      expect(x).toMatchObject({ deployment: 'shop/production', from: host, since: t0, outcome: 'ready' });
      expect(x.reason).toMatch(/^host lost/);
      expect(x.to).not.toBeNull();
      expect(x.to).not.toBe(host);
      expect(x.to).toBe(hostOf(sim, x.instance));
      // re-created in its own fault domain: the same rack, here
      expect(x.to!.slice(0, 5)).toBe(host.slice(0, 5));
      expect(x.recoveryMs).toBe(x.readyAt! - t0);
      expect(x.t).toBeGreaterThan(f.detectedAt!);
    }
    expect(r.healings.recovery.count).toBe(onHost.length);
    expect(r.healings.recovery.maxMs).toBe(f.recoveryMs);
    expect(r.recovery.instances.count).toBe(onHost.length);
    expect(r.recovery.faults).toMatchObject({ count: 1, medianMs: f.recoveryMs, maxMs: f.recoveryMs });
    expect(r.recovery.waiting).toBe(0);

    // two web instances kept serving: no outage
    const a = r.availability.find((x) => x.deployment === 'shop/production')!;
    expect(a).toMatchObject({ availabilityPct: 100, outageCount: 0, downMs: 0, mttrMs: null, mtbfMs: null, availableNow: true, deletedAt: null });
    expect(a.observedMs).toBe(sim.now - a.since!);

    applyAction(sim, { do: 'repair', target: host });
    sim.engine.runFor(MINUTE);
    const after = buildReport(sim).faults;
    expect(after.open).toBe(0);
    expect(after.list[0]).toMatchObject({ repairedAt: t0 + 10 * MINUTE, repairedBy: 'operator' });
  });

  it('reports a hung host brought back in place by the FC reboot', () => {
    const sim = running();
    const host = hostOf(sim, 'shop/WorkerRole_IN_1');
    const t0 = sim.now;
    applyAction(sim, { do: 'fail', target: host, mode: 'hang' });
    sim.engine.runFor(5 * MINUTE);
    const r = buildReport(sim);
    const f = r.faults.list[0]!;
    expect(f).toMatchObject({ what: 'Host hang', detectedAt: t0 + 10 * SECOND, repairedBy: 'FC reboot', waitingInstances: 0 });
    expect(f.repairedAt!).toBeGreaterThan(f.detectedAt!);
    // nothing moved: the instances booted again on their host
    expect(r.healings.total).toBe(0);
    expect(f.recoveredAt!).toBeGreaterThan(f.repairedAt!);
    expect(r.faults.open).toBe(0);
  });
});

describe('buildReport: a top-of-rack switch', () => {
  it('reports the partition, its detection, and the instances healed onto a spare rack', () => {
    const sim = new Simulation({ seed: 1, datacenter: { containers: 1, racksPerContainer: 4, hostsPerRack: 4 }, timing: 'fast', deploy: [SHOP] });
    sim.engine.runFor(10 * MINUTE);
    const rackIndex = sim.hardware.dc.topology.racks.findIndex((x) => x.id === 'c0-r1');
    const out = sim.instancesOnRack(rackIndex);
    expect(out).toBe(2);
    const t0 = sim.now;
    applyAction(sim, { do: 'fail', target: 'c0-r1-tor' });
    sim.engine.runFor(5 * MINUTE);
    const r = buildReport(sim);
    const f = r.faults.list[0]!;
    expect(f).toMatchObject({ asset: 'c0-r1-tor', kind: 'tor', what: 'Top-of-rack switch failed', reach: 'partition', hosts: 4, detectedAt: t0 + 10 * SECOND });
    expect(f).toMatchObject({ affectedInstances: out, waitingInstances: 0, repairedAt: null });
    expect(f.recoveredAt!).toBeLessThan(sim.now);
    expect(r.healings.list).toHaveLength(out);
    for (const x of r.healings.list) {
      expect(x).toMatchObject({ outcome: 'ready', since: t0, reason: 'host lost (unreachable)' });
      expect(x.from!.startsWith('c0-r1-')).toBe(true);
      // the fault domain grows onto the rack no other fault domain uses
      expect(x.to!.startsWith('c0-r3-')).toBe(true);
    }
    expect(Math.max(...r.healings.list.map((x) => x.recoveryMs!))).toBe(f.recoveryMs);
  });

  it('counts an instance waiting for room until the rack is repaired, then its recovery', () => {
    // three racks, three fault domains: a fault domain that loses its rack has nowhere else to go
    const web = { service: 'web', ...serviceFiles('web', [{ name: 'Web', instances: 3, port: 80 }]) };
    const sim = new Simulation({ seed: 1, datacenter: { preset: 'classroom' }, timing: 'fast', deploy: [web] });
    sim.engine.runFor(10 * MINUTE);
    const t0 = sim.now;
    applyAction(sim, { do: 'fail', target: 'c0-r1-tor' });
    sim.engine.runFor(5 * MINUTE);

    let r = buildReport(sim);
    let f = r.faults.list[0]!;
    expect(f).toMatchObject({ affectedInstances: 1, waitingInstances: 1, recoveredAt: null, detectedAt: t0 + 10 * SECOND });
    expect(r.recovery.waiting).toBe(1);
    expect(r.healings.list).toHaveLength(1);
    expect(r.healings.list[0]).toMatchObject({ outcome: 'in progress', to: null, since: t0, readyAt: null, recoveryMs: null });
    expect(r.healings.list[0]!.from!.startsWith('c0-r1-')).toBe(true);

    const repairAt = sim.now;
    applyAction(sim, { do: 'repair', target: 'c0-r1-tor' });
    sim.engine.runFor(5 * MINUTE);
    r = buildReport(sim);
    f = r.faults.list[0]!;
    expect(f).toMatchObject({ repairedAt: repairAt, repairedBy: 'operator', waitingInstances: 0 });
    expect(f.recoveredAt!).toBeGreaterThan(repairAt);
    expect(f.recoveryMs).toBe(f.recoveredAt! - t0);
    expect(r.recovery.waiting).toBe(0);
    const x = r.healings.list[0]!;
    expect(x.outcome).toBe('ready');
    expect(x.to!.startsWith('c0-r1-')).toBe(true);
    expect(x.readyAt).toBe(f.recoveredAt);
    expect(x.recoveryMs).toBe(f.recoveryMs);
  });
});

describe('buildReport: availability', () => {
  it('measures an outage of both load balancers exactly: downtime, MTTR, MTBF and the percentage', () => {
    const sim = running();
    const t0 = sim.now;
    applyAction(sim, { do: 'fail', target: 'lb0' });
    applyAction(sim, { do: 'fail', target: 'lb1' });
    sim.engine.runFor(MINUTE);
    let a = buildReport(sim).availability[0]!;
    expect(a).toMatchObject({ availableNow: false, outageCount: 1, downMs: MINUTE, mttrMs: null });
    expect(a.outages).toEqual([{ start: t0, end: null, durationMs: MINUTE }]);

    applyAction(sim, { do: 'repair', target: 'lb1' });
    sim.engine.runFor(9 * MINUTE);
    const r = buildReport(sim);
    a = r.availability[0]!;
    const observed = sim.now - a.since!;
    expect(a).toMatchObject({ deployment: 'shop/production', service: 'shop', slot: 'production', availableNow: true, outageCount: 1, downMs: MINUTE, mttrMs: MINUTE });
    expect(a.outages).toEqual([{ start: t0, end: t0 + MINUTE, durationMs: MINUTE }]);
    expect(a.observedMs).toBe(observed);
    expect(a.availableMs).toBe(observed - MINUTE);
    expect(a.mtbfMs).toBe(observed - MINUTE);
    expect(a.availabilityPct).toBeCloseTo(((observed - MINUTE) / observed) * 100, 9);
    expect(a.availabilityPct!).toBeLessThan(97);
    // load balancers take no instance out
    expect(r.faults.list.map((f) => [f.asset, f.affectedInstances, f.repairedAt])).toEqual([
      ['lb0', 0, null],
      ['lb1', 0, t0 + MINUTE],
    ]);
    expect(r.faults.open).toBe(1);
  });

  it('keeps a deleted deployment, observed until its deletion', () => {
    const sim = running();
    applyAction(sim, { do: 'delete', service: 'shop' });
    sim.engine.runFor(MINUTE);
    const r = buildReport(sim);
    expect(r.domains).toEqual([]);
    const a = r.availability[0]!;
    expect(a.status).toBe('Deleted');
    expect(a.deletedAt).not.toBeNull();
    expect(a.observedMs).toBe(a.deletedAt! - a.since!);
    expect(a.availableNow).toBe(false);
  });
});

describe('buildReport: domains, instance faults and elections', () => {
  it('counts instances per fault domain and update domain for each role', () => {
    const sim = running();
    const d = buildReport(sim).domains;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ deployment: 'shop/production', faultDomains: 3, updateDomains: 3 });
    for (const role of d[0]!.roles) {
      expect(role).toMatchObject({ instances: 3, ready: 3 });
      expect(role.byFaultDomain).toEqual([1, 1, 1].map(() => ({ instances: 1, ready: 1 })));
      expect(role.byUpdateDomain).toEqual([1, 1, 1].map(() => ({ instances: 1, ready: 1 })));
    }
    applyAction(sim, { do: 'scale', role: 'shop/WebRole', count: 5 });
    sim.engine.runFor(2 * SECOND);
    const web = buildReport(sim).domains[0]!.roles.find((x) => x.role === 'WebRole')!;
    expect(web.instances).toBe(5);
    expect(web.byFaultDomain.map((c) => c.instances).sort()).toEqual([1, 2, 2]);
    expect(web.byUpdateDomain.map((c) => c.instances).sort()).toEqual([1, 2, 2]);
    expect(web.ready).toBeLessThan(5);
  });

  it('reports a crashed role as repaired by its restart, and a hung VM by the host agent', () => {
    const sim = running();
    const t0 = sim.now;
    applyAction(sim, { do: 'fail', target: 'shop/WebRole_IN_2', mode: 'crash' });
    applyAction(sim, { do: 'fail', target: 'shop/WorkerRole_IN_0', mode: 'hang' });
    sim.engine.runFor(3 * MINUTE);
    const [crash, hang] = buildReport(sim).faults.list;
    expect(crash).toMatchObject({ kind: 'instance', what: 'Role instance crashed', detectedAt: t0, repairedBy: 'role restart (guest agent)', affectedInstances: 1, waitingInstances: 0 });
    expect(crash!.repairedAt).toBe(crash!.recoveredAt);
    expect(hang).toMatchObject({ kind: 'instance', what: 'Role instance VM hung', repairedAt: t0 + MINUTE, repairedBy: 'VM restart (host agent)' });
    expect(hang!.recoveredAt!).toBeGreaterThan(t0 + MINUTE);
  });

  it('lists FC elections with the time without a primary', () => {
    const sim = running();
    let e = buildReport(sim).elections;
    expect(e.total).toBe(1);
    expect(e.list[0]).toMatchObject({ term: 1, previous: null });
    expect(e.list[0]!.withoutPrimaryMs).toBe(e.list[0]!.t);
    const old = sim.replicas.primary()!;
    expect(e.primary).toBe(old);
    const t0 = sim.now;
    applyAction(sim, { do: 'fail', target: old });
    sim.engine.runFor(MINUTE);
    e = buildReport(sim).elections;
    expect(e.total).toBe(2);
    const last = e.list[1]!;
    expect(last.previous).toBe(old);
    expect(last.primary).not.toBe(old);
    expect(last.term).toBeGreaterThan(1);
    expect(e.primary).toBe(last.primary);
    expect(e.withoutPrimarySince).toBeNull();
    // the fast profile elects within a few election timeouts (150-300 ms)
    expect(last.withoutPrimaryMs).toBeGreaterThan(0);
    expect(last.withoutPrimaryMs).toBeLessThan(2 * SECOND);
    expect(last.t - last.withoutPrimaryMs).toBeGreaterThanOrEqual(t0);
    expect(e.withoutPrimaryMs).toBe(e.list[0]!.withoutPrimaryMs + last.withoutPrimaryMs);
    expect(e.longestWithoutPrimaryMs).toBe(Math.max(e.list[0]!.withoutPrimaryMs, last.withoutPrimaryMs));
  });

  it('gives the same report from a checkpoint copy as from the run itself', () => {
    const sim = running();
    applyAction(sim, { do: 'fail', target: hostOf(sim, 'shop/WebRole_IN_1') });
    sim.engine.runFor(20 * SECOND);
    const copy = cloneSimulation(sim);
    for (const s of [sim, copy]) s.engine.runFor(10 * MINUTE);
    expect(buildReport(copy)).toEqual(buildReport(sim));
    expect(buildReport(sim).healings.list.length).toBeGreaterThan(0);
  });
});

describe('ring buffers and duration statistics', () => {
  it('keeps the newest items and counts them all', () => {
    const r = new Ring<number>(3);
    expect(r.push(1)).toBeUndefined();
    r.push(2);
    r.push(3);
    expect(r.push(4)).toBe(1);
    r.push(5);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.total).toBe(5);
    expect(r.length).toBe(3);
    for (const v of [6, 7, 8, 9]) r.push(v);
    expect(r.toArray()).toEqual([7, 8, 9]);
    expect(r.total).toBe(9);
    expect(() => new Ring(0)).toThrow(RangeError);
  });

  it('takes medians of odd and even counts, and says when only a sample is left', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const s = new DurationStats(2);
    for (const v of [100, 1, 2]) s.add(v);
    expect(s.count).toBe(3);
    expect(s.max).toBe(100);
    expect(s.median()).toBe(1.5);
    expect(s.sampled).toBe(true);
  });
});
