/**
 * Hardware benchmarks: building the region preset, and the wall cost of one ToR
 * failure with its detection, reboot attempts, repair and rejoin at cluster and at
 * region size. Cost should follow the rack, not the data center (target ratio <= 1.5).
 */

import { MINUTE } from '../../sim/engine/time';
import { Simulation } from '../../sim/simulation';
import { round, time } from './harness';

export interface HardwareBench {
  readonly regionHosts: number;
  readonly regionBuildMs: number;
  readonly torHealClusterMs: number;
  readonly torHealRegionMs: number;
  readonly torHealRatioRegionToCluster: number;
}

/** Fails one ToR, lets the FC detect it and give the hosts up, repairs it, lets them rejoin. */
function torCycle(sim: Simulation, rackIndex: number): void {
  const rack = sim.hardware.dc.topology.racks[rackIndex]!;
  const tor = `${rack.id}-tor`;
  sim.hardware.fail(tor);
  sim.engine.runFor(15 * MINUTE);
  sim.hardware.repair(tor);
  sim.engine.runFor(5 * MINUTE);
}

function medianTorCost(preset: string, runs: number): number {
  const sim = new Simulation({ seed: 1, datacenter: { preset } });
  const racks = sim.hardware.dc.topology.racks.length;
  let i = 0;
  // each run uses another rack, spread over the data center
  return time(() => torCycle(sim, (i++ * 7919) % racks), runs, 2).medianMs;
}

export function benchHardware(runs = 7): HardwareBench {
  const build = time(() => new Simulation({ seed: 1, datacenter: { preset: 'region' } }), Math.min(runs, 3), 0);
  const region = new Simulation({ seed: 1, datacenter: { preset: 'region' } });
  const cluster = medianTorCost('cluster', runs);
  const regionCost = medianTorCost('region', runs);
  return {
    regionHosts: region.hardware.dc.hostCount,
    regionBuildMs: round(build.medianMs, 1),
    torHealClusterMs: round(cluster, 3),
    torHealRegionMs: round(regionCost, 3),
    torHealRatioRegionToCluster: round(regionCost / cluster, 2),
  };
}
