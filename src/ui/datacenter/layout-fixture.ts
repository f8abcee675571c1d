/**
 * A Layout for a preset, shaped as the worker sends it: for tests of the layout math,
 * the painter and navigation without running a simulation.
 */

import { PRESETS } from '../../sim/hardware/spec';
import type { Layout } from '../../sim/hardware/view';

export function presetLayout(preset: string): Layout {
  const p = PRESETS[preset];
  if (!p) throw new Error(`no preset ${preset}`);
  return {
    hostCount: p.containers * p.racksPerContainer * p.hostsPerRack,
    containers: Array.from({ length: p.containers }, (_, c) => ({
      id: `c${c}`,
      racks: Array.from({ length: p.racksPerContainer }, (_, r) => ({ id: `c${c}-r${r}`, hosts: p.hostsPerRack })),
    })),
  };
}
