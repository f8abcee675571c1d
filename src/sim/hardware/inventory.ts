/**
 * Inventory: hosts enter it through burn-in, leave it for repair, and whole containers
 * are serviced when too many of their hosts have failed (fidelity.md: "a container ran
 * until a set percentage of its servers had failed, then it was serviced or swapped as
 * a whole"). Lifecycle: New -> BurnIn -> Healthy -> (Down) -> OutForRepair or
 * HumanInvestigate -> repaired -> BurnIn -> Healthy.
 */

import type { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import { OwnFault, type Datacenter } from './datacenter';
import type { Drivers } from './drivers';
import type { Health } from './health';
import type { HostHooks } from './hooks';
import { containerId } from './ids';
import type { TimingProfile } from './timing';

export class Inventory {
  /** Per container: hosts still in burn-in. */
  private readonly burning: number[] = [];
  /** Per container: evacuation was wanted but no other container could take the load. */
  private readonly deferredEvacuation = new Set<number>();

  constructor(
    private readonly engine: Engine,
    private readonly dc: Datacenter,
    private readonly drivers: Drivers,
    private readonly health: Health,
    private readonly timing: TimingProfile,
    private readonly hooks: () => HostHooks,
  ) {
    for (let c = 0; c < dc.containers.length; c++) this.burning.push(0);
    engine.on('inventory.burnInResult', (ev) => this.burnInResult(this.host(ev.subject), ev.data));
    engine.on('container.added', (ev) => ({ container: ev.subject, ...ev.data }));
    engine.on('container.inService', () => undefined);
    engine.on('container.evacuating', () => undefined);
    engine.on('container.evacuated', (ev) => this.evacuated(this.container(ev.subject)));
    engine.on('container.serviced', (ev) => this.serviced(this.container(ev.subject)));
    engine.on('container.evacuationDeferred', () => undefined);
    health.onFailed = (h) => this.checkEvacuation(this.dc.topology.rackOf(h).container);
  }

  private host(id: string): number {
    return this.dc.topology.hostIndex(id);
  }

  private container(id: string): number {
    return Number(id.slice(1));
  }

  /** Adds a container at run time; its hosts are burned in before they join inventory. */
  addContainer(racks: number, hostsPerRack: number): number {
    const c = this.dc.addContainer(racks, hostsPerRack, 'BurnIn');
    this.health.grow();
    this.burning.push(0);
    this.engine.after(0, 'container.added', containerId(c), { racks, hostsPerRack, hosts: racks * hostsPerRack });
    for (const h of this.dc.hostsOfContainer(c)) this.burnIn(h, this.timing.burnInMs);
    return c;
  }

  private burnIn(h: number, ms: number): void {
    this.dc.setStatus(h, 'BurnIn');
    this.burning[this.dc.topology.rackOf(h).container]!++;
    const id = this.dc.topology.hostId(h);
    this.drivers.issue(id, 'runBurnIn', { minutes: Math.round(ms / 60_000) }, { kind: 'inventory.burnInResult', subject: id }, ms);
  }

  private burnInResult(h: number, data: Fields): Fields | null {
    const c = this.dc.topology.rackOf(h).container;
    this.burning[c]!--;
    let passed = false;
    let reason = '';
    if (this.dc.statusOf(h) !== 'BurnIn') reason = 'no longer in burn-in';
    else if (!data.ok) reason = `burn-in could not run (${String(data.outcome)})`;
    else if (this.engine.rng('burnin').chance(this.dc.spec.burnInFailureRate)) reason = 'failed its burn-in tests';
    else passed = true;
    if (this.dc.statusOf(h) === 'BurnIn') {
      // Hardware that fails burn-in is flagged unusable and left alone until repaired (fidelity.md).
      this.dc.setStatus(h, passed ? 'Healthy' : 'OutForRepair');
      if (!passed) this.dc.setOwnFault(h, OwnFault.Hardware);
    }
    if (this.burning[c] === 0 && this.dc.containers[c]!.state === 'BurnIn') {
      this.dc.setContainerState(c, 'InService');
      this.engine.after(0, 'container.inService', containerId(c));
    }
    return { passed, ...(reason ? { reason } : {}) };
  }

  /** A technician repaired the host: clear its fault, then retest it before it rejoins. */
  repairHost(h: number): Fields {
    const had = this.dc.ownFault[h]!;
    this.dc.setOwnFault(h, OwnFault.None);
    this.health.forget(h);
    const s = this.dc.statusOf(h);
    const cont = this.dc.containers[this.dc.topology.rackOf(h).container]!;
    if (s === 'OutForRepair' || s === 'HumanInvestigate' || s === 'Down') {
      if (cont.state === 'Servicing') return { status: s };
      this.burnIn(h, this.timing.repairBurnInMs);
      if (s === 'HumanInvestigate') this.health.checkThreshold();
      return { was: s, status: 'BurnIn' };
    }
    // an undetected or in-place fault: a crashed host boots again once fixed
    if (had === OwnFault.Crash || had === OwnFault.Hardware || had === OwnFault.Hang) this.health.startBoot(h);
    return { status: s, cleared: had !== OwnFault.None };
  }

  /** Evacuate a container whose failed share passed the threshold. */
  checkEvacuation(c: number): void {
    const cont = this.dc.containers[c]!;
    if (cont.state !== 'InService') return;
    const info = this.dc.topology.containers[c]!;
    const share = this.dc.failedInContainer[c]! / info.hostCount;
    if (share <= this.dc.spec.evacuationThreshold) return;
    const another = this.dc.containers.some((o, i) => i !== c && o.state === 'InService' && !o.failed);
    if (!another) {
      if (!this.deferredEvacuation.has(c)) {
        this.deferredEvacuation.add(c);
        this.engine.after(0, 'container.evacuationDeferred', containerId(c), { reason: 'no other container in service', failedShare: round(share) });
      }
      return;
    }
    this.deferredEvacuation.delete(c);
    this.dc.setContainerState(c, 'Evacuating');
    this.engine.after(0, 'container.evacuating', containerId(c), { failedShare: round(share), threshold: this.dc.spec.evacuationThreshold });
    if (this.hooks().evacuate(c) === 0) this.engine.after(0, 'container.evacuated', containerId(c));
  }

  /** The FC reports a container empty: take it offline for servicing. */
  evacuationDone(c: number): void {
    if (this.dc.containers[c]!.state === 'Evacuating') this.engine.after(0, 'container.evacuated', containerId(c));
  }

  private evacuated(c: number): Fields | null {
    const cont = this.dc.containers[c]!;
    if (cont.state !== 'Evacuating') return null;
    this.dc.setContainerState(c, 'Servicing');
    for (const h of this.dc.hostsOfContainer(c)) this.dc.setStatus(h, 'Offline');
    this.engine.after(this.timing.containerServiceMs, 'container.serviced', containerId(c));
    return { state: 'Servicing', hosts: this.dc.topology.containers[c]!.hostCount };
  }

  /** Servicing repaired everything in the container; it is retested before it returns. */
  private serviced(c: number): Fields {
    const cont = this.dc.containers[c]!;
    const info = this.dc.topology.containers[c]!;
    cont.aggUp = [true, true];
    if (cont.failed) this.dc.setContainerFailed(c, false);
    this.dc.setContainerState(c, 'BurnIn');
    for (let r = info.firstRack; r < info.firstRack + info.rackCount; r++) {
      this.dc.setTor(r, true);
      this.dc.setPdu(r, true);
    }
    for (const h of this.dc.hostsOfContainer(c)) {
      this.dc.setOwnFault(h, OwnFault.None);
      this.dc.setRebooting(h, false);
      this.burnIn(h, this.timing.repairBurnInMs);
    }
    this.health.checkThreshold();
    return { state: 'BurnIn', hosts: info.hostCount };
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
