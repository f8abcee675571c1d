/**
 * The run report: faults, healings, availability per service, fault and update domains,
 * recovery times and elections, built from a Simulation. Placeholder signature until the
 * report lands.
 */

import type { Simulation } from '../simulation';

export interface RunReport {
  readonly title: string;
  readonly simulatedMs: number;
}

export function buildReport(sim: Simulation): RunReport {
  return { title: `Fabric Lab run, seed ${sim.setup.seed}`, simulatedMs: sim.engine.now };
}
