/**
 * The hardware fabric of one data center: topology and device state, drivers, health
 * management, inventory. User actions (fail, repair, add a container) become events, so
 * they are in the log and the hash like everything else.
 */

import type { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import { Datacenter } from './datacenter';
import { Drivers } from './drivers';
import { applyFault, checkFail, checkRepair, FaultError, repairAsset, resolveTarget, type FaultContext } from './faults';
import { Health } from './health';
import { NO_HOOKS, type HostHooks } from './hooks';
import { Inventory } from './inventory';
import { LIMITS, type DatacenterSpec } from './spec';
import type { TimingProfile } from './timing';

export class Hardware {
  readonly dc: Datacenter;
  readonly drivers: Drivers;
  readonly health: Health;
  readonly inventory: Inventory;
  /** Set by the layer above (the FC's service management). */
  hooks: HostHooks = NO_HOOKS;
  private readonly ctx: FaultContext;

  constructor(
    private readonly engine: Engine,
    spec: DatacenterSpec,
    readonly timing: TimingProfile,
  ) {
    this.dc = new Datacenter(spec);
    this.drivers = new Drivers(engine, this.dc, timing);
    const hooks = () => this.hooks;
    this.health = new Health(engine, this.dc, this.drivers, timing, hooks);
    this.inventory = new Inventory(engine, this.dc, this.drivers, this.health, timing, hooks);
    this.ctx = { dc: this.dc, health: this.health, inventory: this.inventory, hooks };
    engine.on('fault.inject', (ev) => applyFault(this.ctx, ev.subject, ev.data.mode as string));
    engine.on('fault.repair', (ev) => repairAsset(this.ctx, ev.subject));
    engine.on('host.powerCycle', (ev) => {
      const cmd = this.drivers.issue(ev.subject, 'powerCycle', { by: 'operator' }, { kind: 'host.powerCycled', subject: ev.subject });
      return { cmd };
    });
    engine.on('host.powerCycled', (ev) => ({ ok: ev.data.ok ?? false, outcome: ev.data.outcome ?? null }));
    engine.on('container.add', (ev) => {
      const c = this.inventory.addContainer(ev.data.racks as number, ev.data.hostsPerRack as number);
      return { container: `c${c}` };
    });
  }

  /** Fails an asset now. Throws FaultError (unknown asset, bad mode, already failed). */
  fail(target: string, mode?: string): void {
    const m = checkFail(this.ctx, target, mode);
    this.engine.after(0, 'fault.inject', target, { mode: m });
  }

  /** Repairs an asset now. Throws FaultError when it does not exist or has nothing to repair. */
  repair(target: string): void {
    checkRepair(this.ctx, target);
    this.engine.after(0, 'fault.repair', target);
  }

  /** An operator power-cycles a host through its PDU outlet (the same command the FC uses to reboot-first). */
  powerCycle(target: string): void {
    const ref = resolveTarget(this.ctx, target);
    if (ref.kind !== 'host') throw new FaultError(`only hosts can be power-cycled; ${target} is a ${ref.kind}`);
    this.engine.after(0, 'host.powerCycle', target);
  }

  /** Adds a container that burns in before its hosts join inventory. */
  addContainer(racks: number, hostsPerRack: number): void {
    const check = (v: number, name: string, max: number) => {
      if (!Number.isInteger(v) || v < 1 || v > max) throw new FaultError(`${name} must be a whole number from 1 to ${max}, got ${v}`);
    };
    check(racks, 'racks', LIMITS.racksPerContainer);
    check(hostsPerRack, 'hostsPerRack', LIMITS.hostsPerRack);
    if (this.dc.topology.containers.length >= LIMITS.containers) throw new FaultError(`at most ${LIMITS.containers} containers`);
    if (this.dc.hostCount + racks * hostsPerRack > LIMITS.hosts) throw new FaultError(`at most ${LIMITS.hosts} hosts in all`);
    this.engine.after(0, 'container.add', `c${this.dc.topology.containers.length}`, { racks, hostsPerRack } satisfies Fields);
  }
}
