/**
 * The inspector's answer for any asset id: hardware from src/sim/hardware, role
 * instances from src/sim/fabric.
 */

import { inspectInstance } from './fabric/inspect';
import { inspectAsset, type Inspection } from './hardware/inspect';
import type { Simulation } from './simulation';

export function inspect(sim: Simulation, id: string): Inspection | undefined {
  if (/^[^/]+\/[^/]+_IN_\d+$/.test(id)) {
    return inspectInstance(sim.fabric, id, sim.engine.now, (h) => sim.hardware.dc.topology.hostId(h));
  }
  return inspectAsset(sim.hardware, id);
}
