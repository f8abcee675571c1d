/**
 * Expectations of a scenario, observed on a Simulation: whether each holds and what was
 * seen, in the words a failing test or a walkthrough shows.
 */

import type { Simulation } from '../simulation';
import type { Comparison, Expectation } from './types';

/** Observes one expectation: whether it holds and what was seen. */
export function check(sim: Simulation, e: Expectation): { pass: boolean; observed: string } {
  if ('host' in e && !('instance' in e)) {
    const h = sim.hardware.dc.topology.hostIndex(e.host);
    if (h < 0) return { pass: false, observed: `no host ${e.host} in this data center` };
    const s = sim.hardware.dc.statusOf(h);
    return { pass: s === e.status, observed: `${e.host} is ${s}` };
  }
  if ('rack' in e) {
    const rack = sim.hardware.dc.topology.racks.find((r) => r.id === e.rack);
    if (!rack) return { pass: false, observed: `no rack ${e.rack} in this data center` };
    const n = sim.instancesOnRack(rack.index);
    return { pass: n === e.instances, observed: `${n} instance${n === 1 ? '' : 's'} on ${e.rack}` };
  }
  const fc = sim.fabric;
  if ('service' in e) {
    const dep = fc.production(e.service);
    if (!dep) {
      const refused = fc.refusals.get(e.service);
      const observed = `no production deployment of ${e.service}${refused ? ` (refused: ${refused})` : ''}`;
      return 'available' in e ? { pass: e.available === false, observed } : { pass: false, observed };
    }
    if ('available' in e) {
      const up = fc.available(dep);
      return { pass: up === e.available, observed: `${e.service} is ${up ? 'available' : 'not available'}` };
    }
    return { pass: dep.status === e.status, observed: `${e.service} is ${dep.status}` };
  }
  if ('role' in e) {
    const [service, role] = e.role.split('/') as [string, string];
    const list = fc.production(service)?.roles.get(role);
    if (!list) return { pass: false, observed: `no role ${e.role} in a production deployment` };
    const ready = list.filter((i) => i.status === 'ReadyRole').length;
    return { pass: compare(e.ready, ready), observed: `${ready} of ${list.length} ${e.role} instances ready` };
  }
  if ('instance' in e) {
    const inst = fc.instance(e.instance);
    if (!inst) return { pass: false, observed: `no instance ${e.instance}` };
    const topo = sim.hardware.dc.topology;
    const host = inst.host >= 0 ? topo.hostId(inst.host) : '(none)';
    const diff = inst.lastDiskOp.diffKept ? 'kept' : 'fresh';
    const seen = [`${e.instance} is ${inst.status} on ${host}, FD ${inst.fd}, UD ${inst.ud}, differencing disk ${diff} (after ${inst.lastDiskOp.op})`];
    let pass = inst.status === e.status;
    if (e.host !== undefined) pass &&= host === e.host;
    if (e.notHost !== undefined) pass &&= host !== e.notHost;
    if (e.fd !== undefined) pass &&= inst.fd === e.fd;
    if (e.ud !== undefined) pass &&= inst.ud === e.ud;
    if (e.diffDisk !== undefined) pass &&= diff === e.diffDisk;
    return { pass, observed: seen.join('') };
  }
  if ('fc' in e) {
    const primary = sim.replicas.primary();
    const seen = primary === null ? `no primary (${sim.replicas.hasQuorum() ? 'an election is under way' : 'no quorum'})` : `the primary is ${primary} (term ${sim.replicas.term()})`;
    if (e.fc.primary !== undefined) return { pass: primary === e.fc.primary, observed: seen };
    return { pass: primary !== null && primary !== e.fc.primaryNot, observed: seen };
  }
  return { pass: false, observed: 'unknown expectation' };
}

export interface InstanceSummary {
  readonly id: string;
  readonly slot: string;
  readonly host: string | null;
  readonly fd: number;
  readonly ud: number;
  readonly status: string;
}

export function instanceSummary(sim: Simulation): InstanceSummary[] {
  const out: InstanceSummary[] = [];
  const topo = sim.hardware.dc.topology;
  for (const dep of sim.fabric.deployments.values()) {
    for (const list of dep.roles.values()) {
      for (const i of list) out.push({ id: i.id, slot: dep.slot, host: i.host >= 0 ? topo.hostId(i.host) : null, fd: i.fd, ud: i.ud, status: i.status });
    }
  }
  return out;
}

export function compare(c: Comparison, n: number): boolean {
  return c.op === '==' ? n === c.n : c.op === '>=' ? n >= c.n : n <= c.n;
}

