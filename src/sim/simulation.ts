/**
 * One simulation run: the engine, the model installed on it, and the read model the
 * UI draws. The worker, the headless runner and the tests all build runs through here,
 * so that a seed gives the same run everywhere.
 */

import { Engine } from './engine';
import { Hardware } from './hardware/hardware';
import { DEFAULT_PRESET, resolveSpec, type DatacenterSpec } from './hardware/spec';
import { PROFILES, type ProfileName } from './hardware/timing';
import { HardwareView } from './hardware/view';
import { installStandIn } from './standin';
import { ViewStore } from './view/records';

export interface SimulationSetup {
  readonly seed: number;
  /** A data center description (`{preset}` or counts); default: the `demo` preset. */
  readonly datacenter?: unknown;
  /** Timing profile; default `realistic`. */
  readonly timing?: ProfileName;
  /** Newest log records kept in memory (default 4096). */
  readonly logCapacity?: number;
  /** Run the stand-in probes beside the hardware (a heartbeat for the app shell's demo). */
  readonly probes?: boolean;
}

export const MAX_SEED = 2 ** 31 - 1;

export function checkSeed(seed: unknown, where = 'seed'): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`${where} must be a whole number from 0 to ${MAX_SEED}, got ${JSON.stringify(seed)}`);
  }
  return seed;
}

export class Simulation {
  readonly engine: Engine;
  readonly view = new ViewStore();
  readonly spec: DatacenterSpec;
  readonly hardware: Hardware;
  readonly hardwareView: HardwareView;

  constructor(readonly setup: SimulationSetup) {
    checkSeed(setup.seed);
    this.engine = new Engine({ seed: setup.seed, logCapacity: setup.logCapacity });
    this.spec = resolveSpec(setup.datacenter ?? { preset: DEFAULT_PRESET });
    const timing = PROFILES[setup.timing ?? 'realistic'];
    if (!timing) throw new RangeError(`timing must be "realistic" or "fast", got ${JSON.stringify(setup.timing)}`);
    this.hardware = new Hardware(this.engine, this.spec, timing);
    this.hardware.dc.clock = () => this.engine.now;
    this.hardwareView = new HardwareView(this.hardware.dc, this.view, () => ({ stopped: this.hardware.health.healingStopped }));
    if (setup.probes ?? true) installStandIn(this.engine, this.view);
  }

  /** Role instances the FC has placed on a rack's hosts (none until services can be deployed). */
  instancesOnRack(rackIndex: number): number {
    void rackIndex;
    return 0;
  }

  get now(): number {
    return this.engine.now;
  }

  /** A short summary for the headless runner and the tests. */
  summary(): { seed: number; simulatedMs: number; events: number; hash: string } {
    return {
      seed: this.setup.seed,
      simulatedMs: this.engine.now,
      events: this.engine.log.count,
      hash: this.engine.log.hash(),
    };
  }
}
