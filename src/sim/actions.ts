/**
 * What a user or a scenario can do to the simulation, in the vocabulary of scenario
 * files (../shared/scenarios.md): `fail`, `repair`, `addContainer`, ... The UI sends these
 * to the worker, and the scenario runner applies them at their step's time, so both
 * paths run the same code.
 */

import type { Slot } from './fabric/model';
import type { SourceFile } from './servicemodel';
import type { Simulation } from './simulation';

export type Action =
  | { readonly do: 'fail'; readonly target: string; readonly mode?: string }
  | { readonly do: 'repair'; readonly target: string }
  /** `files` carries the .csdef and .cscfg themselves (from the UI, or a scenario's other version). */
  | { readonly do: 'deploy'; readonly service: string; readonly slot?: Slot; readonly files?: { readonly csdef: SourceFile; readonly cscfg: SourceFile } }
  | { readonly do: 'delete'; readonly service: string; readonly slot?: Slot }
  | { readonly do: 'reboot'; readonly target: string }
  | { readonly do: 'reimage'; readonly target: string }
  | { readonly do: 'scale'; readonly role: string; readonly count: number }
  | { readonly do: 'upgrade'; readonly service: string; readonly mode: 'manual' | 'auto' | 'simultaneous'; readonly files: { readonly csdef: SourceFile; readonly cscfg: SourceFile } }
  | { readonly do: 'walk'; readonly service: string }
  /** An extension of the scenario vocabulary: roll an upgrade back. */
  | { readonly do: 'rollback'; readonly service: string }
  | { readonly do: 'swap'; readonly service: string }
  | { readonly do: 'configure'; readonly service: string; readonly cscfg: SourceFile }
  /** An extension of the scenario vocabulary: roll a host OS update across the data center. */
  | { readonly do: 'updateHostOs' }
  /** An extension of the scenario vocabulary: an operator power-cycles a host. */
  | { readonly do: 'powerCycle'; readonly target: string }
  | { readonly do: 'addContainer'; readonly racks: number; readonly hostsPerRack: number };

export type ActionName = Action['do'];


const INSTANCE_ID = /^[^/]+\/[^/]+_IN_\d+$/;
const FC_ID = /^fc[0-4]$/;
const INSTANCE_MODES = ['crash', 'hang'];

function requireInstance(sim: Simulation, id: string) {
  const inst = sim.fabric.instance(id);
  if (!inst) throw new ActionError(`there is no role instance ${id} (deployed services: ${[...sim.fabric.deployments.keys()].join(', ') || 'none'})`);
  return inst;
}

export class ActionError extends Error {
  override name = 'ActionError';
}

/** Applies an action now. Throws ActionError (or the model's own error) saying what is wrong. */
export function applyAction(sim: Simulation, action: Action): void {
  const hw = sim.hardware;
  const fc = sim.fabric;
  switch (action.do) {
    case 'fail':
      if (FC_ID.test(action.target)) {
        if (action.mode !== undefined && action.mode !== 'crash') throw new ActionError(`an FC replica fails in mode crash only, not "${action.mode}"`);
        if (sim.fcReplicas.isFailed(action.target) || !sim.replicas.isUp(action.target)) throw new ActionError(`${action.target} is already down`);
        sim.engine.after(0, 'fc.replicaFail', action.target);
        return;
      }
      if (INSTANCE_ID.test(action.target)) {
        requireInstance(sim, action.target);
        const mode = action.mode ?? 'crash';
        if (!INSTANCE_MODES.includes(mode)) throw new ActionError(`a role instance cannot fail in mode "${mode}"; modes: ${INSTANCE_MODES.join(', ')}`);
        sim.engine.after(0, 'instance.fail', action.target, { mode });
        return;
      }
      return hw.fail(action.target, action.mode);
    case 'repair':
      if (FC_ID.test(action.target)) {
        if (!sim.fcReplicas.isFailed(action.target)) throw new ActionError(`${action.target} was not failed by hand (is its host down?)`);
        sim.engine.after(0, 'fc.replicaRepair', action.target);
        return;
      }
      if (INSTANCE_ID.test(action.target)) {
        if (requireInstance(sim, action.target).fault === 'none') throw new ActionError(`${action.target} has nothing to repair`);
        sim.engine.after(0, 'instance.repair', action.target);
        return;
      }
      return hw.repair(action.target);
    case 'deploy':
      return sim.deploy(action.service, action.slot ?? 'production', action.files);
    case 'delete': {
      const id = `${action.service}/${action.slot ?? 'production'}`;
      if (!fc.deployments.has(id)) throw new ActionError(`there is no deployment of ${action.service} in the ${action.slot ?? 'production'} slot`);
      fc.requestDelete(id);
      return;
    }
    case 'reboot':
    case 'reimage': {
      const inst = requireInstance(sim, action.target);
      if (inst.host < 0) throw new ActionError(`${action.target} has no VM to ${action.do} (it is waiting for a host)`);
      sim.fabric.decide(`instance.${action.do}`, action.target);
      return;
    }
    case 'scale': {
      const [service, role] = action.role.split('/');
      const dep = service ? fc.production(service) : undefined;
      if (!dep || !role || !dep.roles.has(role)) throw new ActionError(`there is no role ${action.role} in a production deployment`);
      if (!Number.isInteger(action.count) || action.count < 1 || action.count > 10_000) throw new ActionError(`count must be a whole number from 1 to 10000, got ${action.count}`);
      sim.fabric.decide('role.scale', action.role, { count: action.count });
      return;
    }
    case 'powerCycle':
      return hw.powerCycle(action.target);
    case 'addContainer':
      return hw.addContainer(action.racks, action.hostsPerRack);
    case 'upgrade':
      return sim.upgrade(action.service, action.files, action.mode);
    case 'walk':
      if (!fc.production(action.service)) throw new ActionError(`there is no production deployment of ${action.service}`);
      return sim.upgrades.walk(`${action.service}/production`);
    case 'rollback':
      if (!fc.production(action.service)) throw new ActionError(`there is no production deployment of ${action.service}`);
      return sim.upgrades.rollback(`${action.service}/production`);
    case 'swap':
      return sim.swap(action.service);
    case 'configure':
      return sim.configure(action.service, action.cscfg);
    case 'updateHostOs':
      if (sim.hostOs.active) throw new ActionError('a host OS update is already rolling across the data center');
      return sim.hostOs.request();
    default: {
      const name = (action as { do: string }).do;
      throw new ActionError(`action "${name}" is not supported yet`);
    }
  }
}
