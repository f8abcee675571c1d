/**
 * The invariants of ../shared/design.md, checked against a running simulation. Tests call
 * `checkInvariants` after every event of random fault schedules; it throws an error
 * naming the broken rule and what was seen.
 */

import type { Simulation } from '../simulation';

export class InvariantError extends Error {
  override name = 'InvariantError';
}

export function checkInvariants(sim: Simulation): void {
  const fc = sim.fabric;
  const dc = sim.hardware.dc;
  const host = dc.spec.host;
  const seen = new Map<string, string>();
  const used = new Map<number, { cores: number; mem: number }>();
  for (const dep of fc.deployments.values()) {
    const fdOfRack = new Map<number, number>();
    dep.fdRacks.forEach((racks, fd) => {
      for (const r of racks) {
        if (fdOfRack.has(r)) throw new InvariantError(`${dep.id}: rack ${r} belongs to fault domains ${fdOfRack.get(r)} and ${fd}`);
        fdOfRack.set(r, fd);
      }
    });
    for (const [role, list] of dep.roles) {
      const perFd = new Array<number>(dep.fdRacks.length).fill(0);
      for (const i of list) {
        // one instance, one host at a time
        const key = `${dep.uid}:${i.id}`;
        if (seen.has(key)) throw new InvariantError(`${i.id} is listed twice`);
        seen.set(key, i.id);
        perFd[i.fd]!++;
        if (i.ud !== i.n % dep.pkg.upgradeDomainCount) throw new InvariantError(`${i.id} is in UD ${i.ud}, not ${i.n % dep.pkg.upgradeDomainCount}`);
        if (i.host >= 0) {
          const rack = dc.topology.rackOf(i.host).index;
          if (fdOfRack.get(rack) !== i.fd) throw new InvariantError(`${i.id} (FD ${i.fd}) runs on rack ${rack}, which is not one of its fault domain's racks`);
          const role = fc.roleOf(i);
          const u = used.get(i.host) ?? { cores: 0, mem: 0 };
          used.set(i.host, { cores: u.cores + role.cores, mem: u.mem + role.memoryMiB });
        }
        // only ready instances receive load-balancer traffic
        if (i.inPool && i.status !== 'ReadyRole') throw new InvariantError(`${i.id} is in the load balancer's pool while ${i.status}`);
      }
      // the counts kept on every change (charts, availability without a scan) are the counts
      const ri = dep.pkg.roles.findIndex((r) => r.name === role);
      const ready = list.filter((i) => i.status === 'ReadyRole').length;
      const pooled = list.filter((i) => i.inPool).length;
      if (dep.readyCounts[ri] !== ready) throw new InvariantError(`${dep.id}/${role}: ${ready} instances are ReadyRole, the ready count says ${dep.readyCounts[ri]}`);
      if (dep.poolCounts[ri] !== pooled) throw new InvariantError(`${dep.id}/${role}: ${pooled} instances are in the pool, the pool count says ${dep.poolCounts[ri]}`);
      for (const i of list) {
        if (i.host >= 0 && !fc.instancesOnHost(i.host).includes(i)) throw new InvariantError(`${i.id} runs on ${dc.topology.hostId(i.host)}, which does not list it`);
      }
      const placed = perFd.slice(0, Math.min(dep.fdRacks.length, list.length));
      if (placed.length && Math.max(...placed) - Math.min(...placed) > 1) {
        throw new InvariantError(`${dep.id}/${role}: instances per fault domain ${perFd.join(', ')} differ by more than one`);
      }
    }
  }
  for (const [h, u] of used) {
    if (u.cores > host.cores || u.mem > host.memoryMiB) {
      throw new InvariantError(`host ${dc.topology.hostId(h)} holds ${u.cores} cores and ${u.mem} MiB, more than its ${host.cores} cores and ${host.memoryMiB} MiB`);
    }
    if (fc.capacity.usedCores[h] !== u.cores) throw new InvariantError(`the capacity index says ${fc.capacity.usedCores[h]} cores on ${dc.topology.hostId(h)}, the instances ${u.cores}`);
  }
  // the capacity index follows every change of a host's status and of its container's
  // state: it counts a host as eligible exactly when the FC may place on it, and each
  // rack's free cores are those of its eligible hosts
  const rackFree = new Map<number, number>();
  for (let h = 0; h < dc.hostCount; h++) {
    const cap = fc.capacity;
    if (cap.indexedEligible(h) !== cap.eligible(h)) {
      throw new InvariantError(`the capacity index counts ${dc.topology.hostId(h)} as ${cap.indexedEligible(h) ? '' : 'not '}eligible, but it is ${dc.statusOf(h)} in a container ${dc.containers[dc.topology.rackOf(h).container]!.state}`);
    }
    const r = dc.topology.rackOf(h).index;
    rackFree.set(r, (rackFree.get(r) ?? 0) + (cap.indexedEligible(h) ? cap.freeCores(h) : 0));
  }
  for (const [r, free] of rackFree) {
    if (fc.capacity.rackFree[r] !== free) throw new InvariantError(`the capacity index says ${fc.capacity.rackFree[r]} free cores on rack ${dc.topology.racks[r]!.id}, its eligible hosts have ${free}`);
  }
  // a host the FC counts as healthy never still runs stale copies of moved instances
  for (let h = 0; h < dc.hostCount; h++) {
    if (fc.ghostCount(h) > 0 && dc.statusOf(h) === 'Healthy' && dc.reachable(h)) {
      throw new InvariantError(`${dc.topology.hostId(h)} is back and healthy with ${fc.ghostCount(h)} stale copies not fenced`);
    }
  }
}
