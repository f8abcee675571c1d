/**
 * Fabric benchmarks: deploying 10,000 role instances on the region preset (allocation,
 * network programming and every instance driven to ReadyRole), and healing every
 * instance of one rack after its ToR switch fails.
 */

import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { MINUTE } from '../../sim/engine/time';
import { Simulation } from '../../sim/simulation';
import { serviceFiles } from '../../sim/servicemodel/synthetic';
import { round } from './harness';

export interface FabricBench {
  readonly deployInstances: number;
  readonly regionDeploy10kMs: number;
  readonly regionDeployEvents: number;
  readonly rackHealInstances: number;
  readonly rackHealMs: number;
}

/** 100 services of 50 web + 50 worker instances: 10,000 instances. */
function deployMany(sim: Simulation, services: number): void {
  for (let s = 0; s < services; s++) {
    const name = `svc${s}`;
    sim.deploy(name, 'production', serviceFiles(name, [
      { name: 'Web', instances: 50, port: 80 },
      { name: 'Worker', instances: 50 },
    ], 5));
  }
}

export function benchFabric(services = 100): FabricBench {
  const sim = new Simulation({ seed: 1, datacenter: { preset: 'region' } });
  const t0 = performance.now();
  deployMany(sim, services);
  sim.engine.runFor(30 * MINUTE);
  const deployMs = performance.now() - t0;
  const instances = [...sim.fabric.deployments.values()].reduce((n, d) => n + [...d.roles.values()].reduce((m, l) => m + l.length, 0), 0);
  const ready = [...sim.fabric.deployments.values()].every((d) => d.status === 'Running');
  if (!ready) throw new Error('benchmark: not every deployment reached Running');
  const events = sim.engine.processed;

  // the rack holding the most instances
  const topo = sim.hardware.dc.topology;
  let rack = 0;
  for (let r = 1; r < topo.racks.length; r++) if (sim.fabric.instancesOnRack(r) > sim.fabric.instancesOnRack(rack)) rack = r;
  const onRack = sim.fabric.instancesOnRack(rack);
  const t1 = performance.now();
  sim.hardware.fail(`${topo.racks[rack]!.id}-tor`);
  sim.engine.runFor(60 * MINUTE);
  const healMs = performance.now() - t1;
  if (sim.fabric.instancesOnRack(rack) !== 0) throw new Error('benchmark: the rack was not emptied');
  return {
    deployInstances: instances,
    regionDeploy10kMs: round(deployMs, 1),
    regionDeployEvents: events,
    rackHealInstances: onRack,
    rackHealMs: round(healMs, 1),
  };
}

type Gc = (options?: { type: 'major' | 'minor'; execution: 'sync' }) => void;
let gcFn: Gc | undefined;
/** V8's own collector (exposed on demand, as --expose-gc would). */
function gc(): Gc {
  if (!gcFn) {
    gcFn = (globalThis as { gc?: Gc }).gc;
    if (!gcFn) {
      v8.setFlagsFromString('--expose-gc');
      gcFn = vm.runInNewContext('gc') as Gc;
    }
  }
  return gcFn;
}

/** A full garbage collection, so that a timed case does not pay for the garbage of the one before. */
function collectGarbage(): void {
  gc()({ type: 'major', execution: 'sync' });
}

export interface AllocBench {
  readonly alloc1kMs: number;
  readonly alloc10kMs: number;
  readonly alloc10kTo1kRatio: number;
}

/**
 * Wall time of the FC's allocation transaction for one deployment of n instances on an
 * empty `region` (the `deploy.request` event: every instance placed by fault and update
 * domain, the network configured, the first command of each instance issued), from a
 * collected heap, with the young-generation collection of what it allocated.
 */
function allocOnce(n: number): number {
  const sim = new Simulation({ seed: 1, datacenter: { preset: 'region' } });
  sim.deploy('big', 'production', serviceFiles('big', [
    { name: 'Web', instances: n / 2, port: 80 },
    { name: 'Worker', instances: n / 2 },
  ], 5));
  for (let i = 0; i < 100_000; i++) {
    const next = sim.engine.peek();
    if (next === undefined) break;
    // the event that runs next: time it when it is the deployment's, from a clean heap
    if (next.kind === 'deploy.request') collectGarbage();
    const t0 = performance.now();
    const r = sim.engine.step();
    // what the allocation allocated is collected inside the timing, however large: a small
    // case would otherwise leave its collection to whoever comes next
    if (r?.event.kind === 'deploy.request') gc()({ type: 'minor', execution: 'sync' });
    const ms = performance.now() - t0;
    if (r?.event.kind === 'deploy.request') {
      if (r.record?.fields.instances !== n) throw new Error(`benchmark: ${n} instances did not fit (${JSON.stringify(r.record?.fields)})`);
      return ms;
    }
  }
  throw new Error('benchmark: the deployment was never allocated');
}

export function benchAlloc(runs = 5): AllocBench {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  allocOnce(1000);
  allocOnce(10_000); // warm-up
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < runs; i++) {
    small.push(allocOnce(1000));
    large.push(allocOnce(10_000));
  }
  const a = median(small);
  const b = median(large);
  return { alloc1kMs: round(a, 2), alloc10kMs: round(b, 2), alloc10kTo1kRatio: round(b / a, 2) };
}
