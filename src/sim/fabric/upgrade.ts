/**
 * In-place upgrades and run-time configuration changes, walking update domains one at a
 * time (fidelity.md: stop, update, start, wait, next). Modes: manual (the operator starts
 * each UD with `walk`), auto (the FC moves on when the UD's upgraded instances are
 * ready, or after the 30-minute start wait), simultaneous (every UD at once). One upgrade
 * at a time per deployment; rollback while some instance has not been upgraded yet; a
 * version whose instances keep failing to start leaves the deployment stuck until it is
 * rolled back. Changes that cannot be made in place are refused, with the advice to
 * deploy to staging and swap VIPs (fidelity.md: the number or type of endpoints, smaller
 * local storage; here also the role set, VM sizes, the update domain count and the public
 * ports of input endpoints, which the deployment's VIP is configured with).
 */

import type { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import type { FabricController } from './controller';
import type { Deployment, Instance, Upgrade } from './model';
import type { ServicePackage } from './package';

export type UpgradeMode = Upgrade['mode'];

export class UpgradeError extends Error {
  override name = 'UpgradeError';
}

/** Why a new package cannot replace the current one in place, or '' when it can. */
export function inPlaceProblem(from: ServicePackage, to: ServicePackage): string {
  if (from.upgradeDomainCount !== to.upgradeDomainCount) {
    return `upgradeDomainCount changes from ${from.upgradeDomainCount} to ${to.upgradeDomainCount}`;
  }
  const names = (p: ServicePackage) => p.roles.map((r) => `${r.type} ${r.name}`).sort().join(', ');
  if (names(from) !== names(to)) return `the roles change (${names(from)} -> ${names(to)})`;
  for (const old of from.roles) {
    const now = to.roles.find((r) => r.name === old.name)!;
    if (old.vmsize !== now.vmsize) return `role ${old.name} changes size from ${old.vmsize} to ${now.vmsize}`;
    if (old.endpointCount !== now.endpointCount) return `role ${old.name} changes its number of endpoints from ${old.endpointCount} to ${now.endpointCount}`;
    const kinds = (r: typeof old) => r.inputPorts.map((e) => `${e.name}:${e.protocol}`).sort().join(',');
    if (kinds(old) !== kinds(now)) return `role ${old.name} changes the type of an input endpoint`;
    // An input endpoint's public port is part of the VIP's configuration on the load
    // balancer, which an in-place upgrade does not touch: moving it needs a new deployment.
    for (const e of old.inputPorts) {
      const moved = now.inputPorts.find((n) => n.name === e.name && n.port !== e.port);
      if (moved) return `role ${old.name} moves input endpoint ${e.name} from port ${e.port} to ${moved.port} (the ports of input endpoints are part of the VIP's configuration)`;
    }
    for (const ls of old.localStorage) {
      const n = now.localStorage.find((l) => l.name === ls.name);
      if (n && n.sizeInMB < ls.sizeInMB) return `role ${old.name} shrinks local storage ${ls.name} from ${ls.sizeInMB} MB to ${n.sizeInMB} MB`;
    }
  }
  return '';
}

export class Upgrades {
  /** Upgrades decided but not yet committed, by request number. */
  private readonly requests = new Map<number, { depId: string; pkg: ServicePackage; mode: UpgradeMode; configOnly: boolean }>();
  private nextRequest = 1;

  constructor(
    private readonly engine: Engine,
    private readonly fc: FabricController,
  ) {
    fc.onInstanceReady = (inst) => this.instanceReady(inst);
    engine.on('upgrade.start', (ev) => this.startNow(ev.subject, ev.data.req as number));
    engine.on('upgrade.walk', (ev) => this.walkNow(ev.subject));
    engine.on('upgrade.udDone', (ev) => ({ ud: ev.data.ud ?? null, outcome: ev.data.outcome ?? null }));
    engine.on('upgrade.udWait', (ev) => this.udWait(ev.subject, ev.data.ud as number, ev.data.since as number));
    engine.on('upgrade.completed', () => undefined);
    engine.on('upgrade.stuck', () => undefined);
    engine.on('upgrade.rollback', (ev) => this.rollbackNow(ev.subject));
  }

  private dep(id: string): Deployment {
    const d = this.fc.deployments.get(id);
    if (!d) throw new UpgradeError(`there is no deployment ${id}`);
    return d;
  }

  /**
   * Starts an upgrade to `pkg` (checked now, walked from the next event). A configuration
   * change passes `configOnly`: roles restart with new settings, nothing is reinstalled.
   */
  request(depId: string, pkg: ServicePackage, mode: UpgradeMode, configOnly = false): void {
    const dep = this.dep(depId);
    if (this.pendingFor(depId)) throw new UpgradeError(`${dep.service} already has an upgrade waiting to start; one upgrade at a time`);
    if (dep.upgrade) throw new UpgradeError(`${dep.service} is already being upgraded (${dep.upgrade.rollingBack ? 'rolling back' : dep.upgrade.mode}); one upgrade at a time`);
    if (dep.status === 'Deploying') throw new UpgradeError(`${dep.service} is still deploying; upgrade it once it is running`);
    const problem = inPlaceProblem(dep.pkg, pkg);
    if (problem) {
      throw new UpgradeError(`this change cannot be made in place: ${problem}. Deploy the new version to the staging slot and swap VIPs instead.`);
    }
    const req = this.nextRequest++;
    this.requests.set(req, { depId: dep.id, pkg, mode, configOnly });
    this.fc.decide('upgrade.start', dep.id, { req, mode, configOnly });
  }

  /** An upgrade of the deployment decided but not yet committed. */
  private pendingFor(depId: string) {
    for (const r of this.requests.values()) if (r.depId === depId) return r;
    return undefined;
  }

  private startNow(depId: string, req: number): Fields | null {
    const r = this.requests.get(req);
    this.requests.delete(req);
    const dep = this.fc.deployments.get(depId);
    if (!r || !dep) return null;
    // checked again: another upgrade may have been agreed first
    if (dep.upgrade) return { refused: 'another upgrade is in progress' };
    const { pkg, mode, configOnly } = r;
    const from = dep.packages.indexOf(dep.pkg);
    const labeled = { ...pkg, label: this.fc.nextLabel(dep.service) };
    dep.packages.push(labeled);
    dep.pkg = labeled;
    dep.upgrade = {
      mode,
      from,
      to: dep.packages.length - 1,
      ud: Array.from({ length: pkg.upgradeDomainCount }, () => 'pending'),
      current: -1,
      startedAt: this.engine.now,
      udStartedAt: this.engine.now,
      rollingBack: false,
      configOnly,
    };
    dep.status = 'RunningTransitioning';
    this.fc.dirty.add(dep.id);
    const u = dep.upgrade;
    // instance counts of the new package apply at once (new instances get the new version)
    for (const role of dep.pkg.roles) {
      const list = dep.roles.get(role.name)!;
      if (list.length !== role.instances) this.fc.scaleRole(dep, role.name, role.instances);
    }
    if (u.mode === 'simultaneous') {
      for (let k = 0; k < u.ud.length; k++) this.startUd(dep, k);
    } else if (u.mode === 'auto') this.startUd(dep, 0);
    return { from: dep.packages[u.from]!.label, to: dep.packages[u.to]!.label, mode: u.mode, uds: u.ud.length };
  }

  /** Manual mode: the operator starts the next update domain. */
  walk(depId: string): void {
    const dep = this.dep(depId);
    const u = dep.upgrade;
    if (!u && this.pendingFor(depId)?.mode === 'manual') {
      // the upgrade is decided but not yet committed: the walk follows it in the log
      this.fc.decide('upgrade.walk', dep.id);
      return;
    }
    if (!u) throw new UpgradeError(`${dep.service} has no upgrade in progress`);
    if (u.mode !== 'manual' || u.rollingBack) throw new UpgradeError(`${dep.service}'s upgrade is not manual: update domains are walked by the FC`);
    if (u.current >= 0) throw new UpgradeError(`update domain ${u.current} of ${dep.service} is still being upgraded`);
    if (!u.ud.includes('pending')) throw new UpgradeError(`every update domain of ${dep.service} has been walked`);
    this.fc.decide('upgrade.walk', dep.id);
  }

  private walkNow(depId: string): Fields | null {
    const dep = this.fc.deployments.get(depId);
    const u = dep?.upgrade;
    if (!dep || !u || u.current >= 0) return null;
    const k = u.ud.indexOf('pending');
    if (k < 0) return null;
    this.startUd(dep, k);
    return { ud: k };
  }

  private instancesOf(dep: Deployment, ud: number): Instance[] {
    return [...dep.roles.values()].flat().filter((i) => i.ud === ud && i.phase !== 'gone');
  }

  private startUd(dep: Deployment, k: number): void {
    const u = dep.upgrade!;
    u.ud[k] = 'inProgress';
    if (u.mode !== 'simultaneous') u.current = k;
    u.udStartedAt = this.engine.now;
    for (const inst of this.instancesOf(dep, k)) {
      if (inst.pkgIndex !== u.to) this.fc.updateInPlace(inst, u.to, u.configOnly);
    }
    this.fc.dirty.add(dep.id);
    this.engine.after(this.fc.timing.upgradeStartWaitMs, 'upgrade.udWait', dep.id, { ud: k, since: u.udStartedAt });
    this.checkUd(dep, k);
  }

  private instanceReady(inst: Instance): void {
    const dep = this.fc.deployments.get(inst.deployment);
    if (dep?.upgrade?.ud[inst.ud] === 'inProgress') this.checkUd(dep, inst.ud);
  }

  /** A UD is done when every instance in it runs the target version and is ready. */
  private checkUd(dep: Deployment, k: number): void {
    const u = dep.upgrade!;
    if (u.ud[k] !== 'inProgress') return;
    const done = this.instancesOf(dep, k).every((i) => i.pkgIndex === u.to && (i.status === 'ReadyRole' || i.phase === 'unplaced'));
    if (done) this.finishUd(dep, k, 'completed');
  }

  /** The 30-minute start wait (fidelity.md): move on from slow starters, stop on failing ones. */
  private udWait(depId: string, k: number, since: number): Fields | null {
    const dep = this.fc.deployments.get(depId);
    const u = dep?.upgrade;
    if (!dep || !u || u.ud[k] !== 'inProgress' || (u.mode !== 'simultaneous' && u.udStartedAt !== since)) return null;
    const failing = this.instancesOf(dep, k).filter((i) => i.status === 'CyclingRole' || i.status === 'FailedStartingRole');
    if (failing.length > 0) {
      this.finishUd(dep, k, 'failed');
      this.engine.after(0, 'upgrade.stuck', dep.id, { ud: k, failing: failing.map((i) => i.id).join(' '), advice: 'roll back' });
      return { ud: k, outcome: 'failed', failing: failing.length };
    }
    this.finishUd(dep, k, 'completed');
    return { ud: k, outcome: 'moved on after the start wait' };
  }

  private finishUd(dep: Deployment, k: number, state: 'completed' | 'failed'): void {
    const u = dep.upgrade!;
    u.ud[k] = state;
    this.engine.after(0, 'upgrade.udDone', dep.id, { ud: k, outcome: state });
    this.fc.dirty.add(dep.id);
    if (state === 'failed') {
      u.current = -1;
      return; // stuck until rolled back
    }
    if (u.mode === 'simultaneous') {
      if (u.ud.every((s) => s === 'completed')) this.complete(dep);
      return;
    }
    u.current = -1;
    const next = u.ud.indexOf('pending');
    if (next < 0) this.complete(dep);
    else if (u.mode === 'auto' || u.rollingBack) this.startUd(dep, next);
  }

  private complete(dep: Deployment): void {
    const u = dep.upgrade!;
    dep.upgrade = undefined;
    dep.status = 'Running';
    this.fc.dirty.add(dep.id);
    this.engine.after(0, 'upgrade.completed', dep.id, { version: dep.packages[u.to]!.label, rolledBack: u.rollingBack });
  }

  /** Rolls back to the version before the upgrade, while some instance has not been upgraded yet. */
  rollback(depId: string): void {
    const dep = this.dep(depId);
    const u = dep.upgrade;
    if (!u) throw new UpgradeError(`${dep.service} has no upgrade in progress to roll back`);
    if (u.rollingBack) throw new UpgradeError(`${dep.service} is already rolling back`);
    const all = [...dep.roles.values()].flat().filter((i) => i.phase !== 'gone');
    if (all.every((i) => i.pkgIndex === u.to && i.status === 'ReadyRole')) {
      throw new UpgradeError(`every instance of ${dep.service} already runs ${dep.packages[u.to]!.label}: too late to roll back`);
    }
    this.fc.decide('upgrade.rollback', dep.id);
  }

  private rollbackNow(depId: string): Fields | null {
    const dep = this.fc.deployments.get(depId);
    const u = dep?.upgrade;
    if (!dep || !u || u.rollingBack) return null;
    dep.pkg = dep.packages[u.from]!;
    const touched = u.ud.map((s) => s !== 'pending');
    dep.upgrade = {
      mode: 'auto',
      from: u.to,
      to: u.from,
      ud: touched.map((t) => (t ? 'pending' : 'completed')),
      current: -1,
      startedAt: this.engine.now,
      udStartedAt: this.engine.now,
      rollingBack: true,
      configOnly: u.configOnly,
    };
    const first = dep.upgrade.ud.indexOf('pending');
    if (first < 0) this.complete(dep);
    else this.startUd(dep, first);
    return { to: dep.pkg.label };
  }
}
