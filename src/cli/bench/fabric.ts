/**
 * Fabric benchmarks: deploying 10,000 role instances on the region preset (allocation,
 * network programming and every instance driven to ReadyRole), and healing every
 * instance of one rack after its ToR switch fails.
 */

import { performance } from 'node:perf_hooks';
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
