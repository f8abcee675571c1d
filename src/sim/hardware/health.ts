/**
 * Host health as the FC manages it. Heartbeats are not simulated one by one: a fault
 * schedules its own detection after the profile's detection timeout, so a quiet data
 * center costs nothing. On detection the FC decides from what it can observe:
 *
 * - no power (PDU or container down): PoweredOff, its instances are lost;
 * - cut off by the network (ToR or both aggregation switches): Unreachable; the FC still
 *   tries a power cycle (it cannot tell a partition from a dead host), which times out,
 *   and it gives the host up;
 * - a host fault: Down, reboot first (fidelity.md: "the FC reboots the host first"); a
 *   hang clears with the power cycle and the host comes back in place; a crash does not,
 *   and after the reboot wait the host goes OutForRepair; a hardware fault goes straight
 *   to OutForRepair; the third host fault within the window goes to HumanInvestigate.
 * - Above the Human Investigate threshold the FC stops healing (the 2012 leap-day
 *   lesson): statuses still change, but no reboot and no instance moves until the count
 *   falls back.
 */

import type { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import { OwnFault, type Datacenter } from './datacenter';
import type { Drivers } from './drivers';
import type { HostHooks } from './hooks';
import { pduId } from './ids';
import type { HostStatus } from './status';
import type { TimingProfile } from './timing';

export class Health {
  private detectPending = new Uint8Array(0);
  /** Times of recent host faults, per host with any. */
  private readonly faultTimes = new Map<number, number[]>();
  /** Hosts whose handling waits for healing to resume. */
  private readonly deferred = new Set<number>();
  healingStopped = false;
  /** Called when a host's status moves to a failed state (for the evacuation check). */
  onFailed: (host: number) => void = () => undefined;

  constructor(
    private readonly engine: Engine,
    private readonly dc: Datacenter,
    private readonly drivers: Drivers,
    private readonly timing: TimingProfile,
    private readonly hooks: () => HostHooks,
  ) {
    this.grow();
    engine.on('health.detect', (ev) => this.detect(this.host(ev.subject)));
    engine.on('health.rebootResult', (ev) => this.rebootResult(this.host(ev.subject), ev.data));
    engine.on('health.rebootCheck', (ev) => this.rebootCheck(this.host(ev.subject)));
    engine.on('host.booted', (ev) => this.booted(this.host(ev.subject)));
    engine.on('health.rejoin', (ev) => this.rejoin(this.host(ev.subject)));
    engine.on('fc.healingStopped', () => ({ humanInvestigate: dc.count('HumanInvestigate'), threshold: dc.spec.humanInvestigateThreshold }));
    engine.on('fc.healingResumed', () => this.resume());
    drivers.onSuccess('host', 'powerCycle', (device) => this.powerCycled(this.host(device)));
  }

  /** Grows per-host arrays after a container is added. */
  grow(): void {
    const a = new Uint8Array(this.dc.hostCount);
    a.set(this.detectPending.subarray(0, Math.min(this.detectPending.length, a.length)));
    this.detectPending = a;
  }

  private host(id: string): number {
    const h = this.dc.topology.hostIndex(id);
    if (h < 0) throw new Error(`no host ${id}`);
    return h;
  }

  private id(h: number): string {
    return this.dc.topology.hostId(h);
  }

  private setStatus(h: number, s: HostStatus): HostStatus {
    const prev = this.dc.setStatus(h, s);
    if (s === 'Down' || s === 'OutForRepair' || s === 'HumanInvestigate') this.onFailed(h);
    if (s === 'HumanInvestigate') this.checkThreshold();
    return prev;
  }

  /** A fault may have cut the host off: detection fires after the timeout unless one is pending. */
  scheduleDetect(h: number): void {
    const s = this.dc.statusOf(h);
    if ((s !== 'Healthy' && s !== 'BurnIn') || this.detectPending[h]) return;
    this.detectPending[h] = 1;
    this.engine.after(this.timing.detectionTimeoutMs, 'health.detect', this.id(h));
  }

  private detect(h: number): Fields | null {
    this.detectPending[h] = 0;
    const s = this.dc.statusOf(h);
    if ((s !== 'Healthy' && s !== 'BurnIn') || this.dc.reachable(h)) return null;
    const fault = this.dc.groundFault(h);
    this.hooks().hostUnresponsive(h);
    if (fault === 'unpowered') {
      this.setStatus(h, 'PoweredOff');
      this.lose(h, 'no power');
      return { status: 'PoweredOff', was: s };
    }
    if (fault === 'partitioned') {
      this.setStatus(h, 'Unreachable');
      this.tryReboot(h);
      return { status: 'Unreachable', was: s };
    }
    // the host's own fault
    if (this.repeated(h)) {
      this.setStatus(h, 'HumanInvestigate');
      this.lose(h, 'repeated faults');
      return { status: 'HumanInvestigate', was: s, faults: this.faultTimes.get(h)!.length };
    }
    if (fault === 'hardware') {
      this.setStatus(h, 'OutForRepair');
      this.lose(h, 'hardware fault');
      return { status: 'OutForRepair', was: s, cause: 'hardware' };
    }
    this.setStatus(h, 'Down');
    this.tryReboot(h);
    return { status: 'Down', was: s };
  }

  /** Counts a host fault; true when it is the Nth within the window. */
  private repeated(h: number): boolean {
    const now = this.engine.now;
    const times = (this.faultTimes.get(h) ?? []).filter((t) => now - t < this.timing.faultWindowMs);
    times.push(now);
    this.faultTimes.set(h, times);
    return times.length >= this.timing.faultsForHumanInvestigate;
  }

  private tryReboot(h: number): void {
    if (this.healingStopped) {
      this.deferred.add(h);
      return;
    }
    this.drivers.issue(this.id(h), 'powerCycle', { via: pduId(...this.rackCR(h)) }, { kind: 'health.rebootResult', subject: this.id(h) });
  }

  private rackCR(h: number): [number, number] {
    const r = this.dc.topology.rackOf(h);
    return [r.container, r.r];
  }

  /** The PDU switched the host off and on: a hang clears, running VMs stop. */
  private powerCycled(h: number): void {
    if (this.dc.ownFault[h] === OwnFault.Hang) this.dc.setOwnFault(h, OwnFault.None);
    this.hooks().vmsStopped(h);
    this.startBoot(h);
  }

  /** The host is booting: not responsive until `host.booted`. */
  startBoot(h: number): void {
    if (this.dc.rebooting[h]) return;
    this.dc.setRebooting(h, true);
    this.engine.after(this.timing.hostBootMs, 'host.booted', this.id(h));
  }

  private rebootResult(h: number, data: Fields): Fields | null {
    const s = this.dc.statusOf(h);
    if (data.ok) {
      if (s === 'Down') this.engine.after(this.timing.rebootWaitMs, 'health.rebootCheck', this.id(h));
      return { ok: true };
    }
    // The power cycle never got through: give the host up where it stands.
    if (s === 'Down') {
      this.setStatus(h, 'OutForRepair');
      this.lose(h, `reboot failed (${String(data.outcome)})`);
      return { ok: false, outcome: data.outcome ?? null, status: 'OutForRepair' };
    }
    if (s === 'Unreachable' || s === 'PoweredOff') {
      this.lose(h, s === 'Unreachable' ? 'unreachable' : 'no power');
      return { ok: false, outcome: data.outcome ?? null, status: s };
    }
    return null;
  }

  private rebootCheck(h: number): Fields | null {
    if (this.dc.statusOf(h) !== 'Down') return null;
    if (this.repeated(h)) {
      this.setStatus(h, 'HumanInvestigate');
      this.lose(h, 'repeated faults');
      return { status: 'HumanInvestigate' };
    }
    this.setStatus(h, 'OutForRepair');
    this.lose(h, 'did not come back after a reboot');
    return { status: 'OutForRepair' };
  }

  private booted(h: number): Fields | null {
    this.dc.setRebooting(h, false);
    if (!this.dc.responsive(h)) return { up: false };
    const s = this.dc.statusOf(h);
    if (s === 'Healthy') {
      // it went down and came back before the FC noticed: its VMs must start again
      this.hooks().hostRecovered(h);
      return { up: true, status: s };
    }
    if (s === 'Down' && this.dc.reachable(h)) {
      this.setStatus(h, 'Healthy');
      this.hooks().hostRecovered(h);
      return { up: true, status: 'Healthy', recovered: 'in place' };
    }
    if (s === 'Unreachable' || s === 'PoweredOff') {
      if (this.dc.reachable(h)) this.engine.after(this.timing.heartbeatIntervalMs, 'health.rejoin', this.id(h));
    }
    return { up: true, status: s };
  }

  /** Something that cut the host off was repaired: it will be heard at its next heartbeat. */
  restored(h: number): void {
    const s = this.dc.statusOf(h);
    if ((s === 'Unreachable' || s === 'PoweredOff' || s === 'Down') && this.dc.reachable(h)) {
      this.engine.after(this.timing.heartbeatIntervalMs, 'health.rejoin', this.id(h));
    }
  }

  /** Power is back for the host: it boots, then is heard from. */
  powerRestored(h: number): void {
    if (this.dc.powered(h)) this.startBoot(h);
  }

  private rejoin(h: number): Fields | null {
    const s = this.dc.statusOf(h);
    if ((s !== 'Unreachable' && s !== 'PoweredOff' && s !== 'Down') || !this.dc.reachable(h)) return null;
    // Fencing: stale copies of instances that were re-created elsewhere die first.
    const fenced = this.hooks().fence(h);
    this.setStatus(h, 'Healthy');
    this.deferred.delete(h);
    return { status: 'Healthy', was: s, fenced };
  }

  private lose(h: number, reason: string): void {
    if (this.healingStopped) {
      this.deferred.add(h);
      return;
    }
    this.hooks().hostLost(h, reason);
  }

  /** Re-checks the Human Investigate threshold (after a host enters or leaves HI). */
  checkThreshold(): void {
    const over = this.dc.count('HumanInvestigate') > this.dc.spec.humanInvestigateThreshold;
    if (over && !this.healingStopped) {
      this.healingStopped = true;
      this.engine.after(0, 'fc.healingStopped', 'fc');
    } else if (!over && this.healingStopped) {
      this.healingStopped = false;
      this.engine.after(0, 'fc.healingResumed', 'fc');
    }
  }

  private resume(): Fields {
    const hosts = [...this.deferred].sort((a, b) => a - b);
    this.deferred.clear();
    for (const h of hosts) {
      const s = this.dc.statusOf(h);
      if (s === 'Down') this.tryReboot(h);
      else if (s === 'Unreachable' || s === 'PoweredOff' || s === 'OutForRepair' || s === 'HumanInvestigate') this.lose(h, 'healing resumed');
    }
    // hosts repaired meanwhile left the deferred set for burn-in; the FC moves their instances
    this.hooks().healingResumed();
    return { resumedHosts: hosts.length };
  }

  /** A host was repaired by hand: forget its pending detection. */
  forget(h: number): void {
    this.deferred.delete(h);
  }
}
