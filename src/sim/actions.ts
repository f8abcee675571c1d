/**
 * What a user or a scenario can do to the simulation, in the vocabulary of scenario
 * files (../shared/scenarios.md): `fail`, `repair`, `addContainer`, ... The UI sends these
 * to the worker, and the scenario runner applies them at their step's time, so both
 * paths run the same code.
 */

import type { Simulation } from './simulation';

export type Action =
  | { readonly do: 'fail'; readonly target: string; readonly mode?: string }
  | { readonly do: 'repair'; readonly target: string }
  /** An extension of the scenario vocabulary: an operator power-cycles a host. */
  | { readonly do: 'powerCycle'; readonly target: string }
  | { readonly do: 'addContainer'; readonly racks: number; readonly hostsPerRack: number };

export type ActionName = Action['do'];

/** Actions of the scenario vocabulary that later parts of the simulator bring. */
export const NOT_YET = ['deploy', 'delete', 'reboot', 'reimage', 'scale', 'configure', 'upgrade', 'walk', 'swap'] as const;

export class ActionError extends Error {
  override name = 'ActionError';
}

/** Applies an action now. Throws ActionError (or the model's own error) saying what is wrong. */
export function applyAction(sim: Simulation, action: Action): void {
  const hw = sim.hardware;
  switch (action.do) {
    case 'fail':
      return hw.fail(action.target, action.mode);
    case 'repair':
      return hw.repair(action.target);
    case 'powerCycle':
      return hw.powerCycle(action.target);
    case 'addContainer':
      return hw.addContainer(action.racks, action.hostsPerRack);
    default: {
      const name = (action as { do: string }).do;
      throw new ActionError(`action "${name}" is not supported yet`);
    }
  }
}
