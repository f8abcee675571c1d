/**
 * The Fabric Controller at work on services: deploy (validate, allocate in one
 * transaction, configure the network, drive every instance to its goal state), service
 * healing when hosts are lost, fencing when they come back, container evacuation, and
 * the portal's operations on instances. Reconciliation is driven by events carrying the
 * instance's generation: work started for an older generation is ignored when it ends,
 * so re-running a step is harmless.
 */

import type { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import type { Hardware } from '../hardware/hardware';
import type { HostHooks } from '../hardware/hooks';
import { lbId, torId } from '../hardware/ids';
import { Capacity, type Demand } from './capacity';
import type { Decide } from './decisions';
import { DeploymentHistory } from './history';
import { rebuildDisk, recordStatus, type Deployment, type Instance, type InstanceStatus, type Slot } from './model';
import { Network } from './network';
import type { PackageRole, ServicePackage } from './package';
import type { FabricTiming } from './timing';

const HISTORY = 30;

export class FabricController {
  readonly deployments = new Map<string, Deployment>();
  readonly capacity: Capacity;
  readonly network: Network;
  /**
   * Instances the FC has placed on each host, in placement order. Each list is replaced,
   * never changed, when an instance comes or goes (two or three a host: an exact-size
   * array costs a fraction of a Set, and a list being read never changes under its reader).
   */
  private readonly byHost = new Map<number, readonly Instance[]>();
  /** Stale copies still running on hosts the FC gave up while they were cut off. */
  private readonly ghosts = new Map<number, string[]>();
  /** Instances waiting for a host, in arrival order. */
  private readonly waiting = new Set<Instance>();
  /** Base VHDs already copied to each host (usually one: an exact-size list). */
  private readonly imageCache = new Map<number, readonly string[]>();
  /** Deployments with instances to heal, waiting their turn; and those being healed. */
  private readonly healQueue: string[] = [];
  private readonly healing = new Map<string, Set<Instance>>();
  /** Per host, clean-VM WaitTimeouts in a row. */
  private readonly waitTimeouts = new Map<number, number>();
  /** Deployment requests waiting for their event, by request number. */
  private readonly requests = new Map<number, { service: string; slot: Slot; pkg: ServicePackage }>();
  private nextRequest = 1;
  /** The last refusal of each service's deploy, for views and expectations. */
  readonly refusals = new Map<string, string>();
  /** Deployments whose view changed since the view last looked. */
  readonly dirty = new Set<string>();
  /** Containers being evacuated. */
  private readonly evacuating = new Set<number>();
  /**
   * Hosts that left service (burn-in after a repair, their container offline) while the
   * FC still had instances on them, with those instances: their VMs are gone, so they are
   * re-created elsewhere once the FC decides it, or once healing resumes if it is stopped.
   */
  private readonly outOfService = new Map<number, Set<Instance>>();

  /** Makes an FC decision; the Simulation routes it through the replicated log. */
  decide: Decide;
  /** Watches status changes and moves for running summaries (the run report); it must not change the model. */
  observer: FabricObserver | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly hw: Hardware,
    readonly timing: FabricTiming,
  ) {
    this.decide = (kind, subject, data) => void engine.after(0, kind, subject, data);
    this.capacity = new Capacity(hw.dc);
    this.network = new Network(engine.rng('names'));
    hw.hooks = this.hooks();
    hw.dc.onStatus = (h) => this.hostStatusChanged(h);
    hw.dc.onContainer = (c) => this.containerChanged(c);
    const on = (kind: string, fn: (inst: Instance, data: Fields) => Fields | null) =>
      engine.on(kind, (ev) => {
        // staging and production instances share their names: the deployment's uid tells them apart
        const inst = typeof ev.data.dep === 'number' ? this.instanceOf(ev.data.dep, ev.subject) : this.instance(ev.subject);
        if (!inst || inst.gen !== ev.data.gen) return null; // stale: the instance moved on
        return fn(inst, ev.data);
      }, { logReturnedOnly: true });
    engine.on('deploy.request', (ev) => this.deployNow(ev.data.req as number));
    engine.on('deployment.delete', (ev) => this.deleteNow(ev.subject));
    engine.on('deployment.running', (ev) => ({ service: ev.subject }));
    engine.on('fc.heal', (ev) => this.healNext(ev.subject));
    engine.on('fc.retryPlacement', () => this.retryWaiting());
    // network programming and VM clean-up: recorded in the driver log, nothing waits on them
    engine.on('fc.networkDone', () => undefined, { quiet: true });
    on('fc.vhdCopied', (i, d) => this.vhdCopied(i, d));
    on('fc.vmCreated', (i, d) => this.vmCreated(i, d));
    on('fc.agentConnected', (i) => this.agentConnected(i));
    on('fc.waitTimeout', (i) => this.waitTimeout(i));
    on('fc.taskDone', (i) => this.taskDone(i));
    on('fc.roleStarted', (i, d) => this.roleStarted(i, d));
    on('fc.dipAdded', (i, d) => this.dipAdded(i, d));
    on('fc.vmStopped', (i) => this.vmStopped(i));
    on('fc.vmRestart', (i) => this.vmRestart(i));
    on('fc.updateStopped', (i, d) => this.updateStopped(i, d.to as number, d.configOnly === true));
    on('fc.recycle', (i) => this.recycle(i));
    engine.on('instance.fail', (ev) => this.instanceFail(ev.subject, ev.data.mode as string));
    engine.on('instance.repair', (ev) => this.instanceRepair(ev.subject));
    engine.on('instance.reboot', (ev) => this.portalOp(ev.subject, 'reboot'));
    engine.on('instance.reimage', (ev) => this.portalOp(ev.subject, 'reimage'));
    engine.on('role.scale', (ev) => this.scaleNow(ev.subject, ev.data.count as number));
    engine.on('deployment.swap', (ev) => this.swap(ev.subject));
    engine.on('fc.hostLost', (ev) => {
      const h = this.hw.dc.topology.hostIndex(ev.subject);
      const reason = ev.data.reason as string;
      // instances left on a host that went out of service: it was wiped, so they go even
      // if it has since passed its burn-in
      const left = [...(this.outOfService.get(h) ?? [])].filter((i) => i.host === h && i.phase !== 'gone');
      this.outOfService.delete(h);
      for (const inst of left) this.relocate(inst, `host lost (${reason})`);
      // the host may have come back while the decision was being agreed
      if (this.hw.dc.statusOf(h) === 'Healthy') return left.length > 0 ? { instances: left.length } : null;
      const moved = this.instancesOnHost(h).length;
      this.hostLost(h, reason);
      return { instances: left.length + moved };
    });
  }

  // ---- lookups ---------------------------------------------------------------------

  instance(id: string): Instance | undefined {
    const m = /^([^/]+)\/(.+)_IN_(\d+)$/.exec(id);
    if (!m) return undefined;
    for (const slot of ['production', 'staging'] as const) {
      const dep = this.deployments.get(`${m[1]}/${slot}`);
      const inst = dep?.roles.get(m[2]!)?.[Number(m[3])];
      if (inst && inst.id === id && inst.phase !== 'gone') return inst;
    }
    return undefined;
  }

  /** Deployments by their uid (stable across VIP swaps). */
  private readonly byUid = new Map<number, Deployment>();
  private nextUid = 1;

  private instanceOf(uid: number, id: string): Instance | undefined {
    const dep = this.byUid.get(uid);
    if (!dep) return undefined;
    // `<service>/<role>_IN_<n>`: only the last `_IN_` can be followed by digits alone
    const at = id.lastIndexOf('_IN_');
    const n = at < 0 ? NaN : digitsAt(id, at + 4);
    if (Number.isNaN(n)) return undefined;
    const role = id.slice(dep.service.length + 1, at);
    const inst = dep.roles.get(role)?.[n];
    return inst && inst.phase !== 'gone' ? inst : undefined;
  }

  deploymentOf(inst: Instance): Deployment {
    return this.deployments.get(inst.deployment)!;
  }

  production(service: string): Deployment | undefined {
    return this.deployments.get(`${service}/production`);
  }

  roleOf(inst: Instance): PackageRole {
    const dep = this.deploymentOf(inst);
    return (dep.packages[inst.pkgIndex] ?? dep.pkg).roles[inst.roleIndex]!;
  }

  instancesOnHost(h: number): readonly Instance[] {
    return this.byHost.get(h) ?? EMPTY_LIST;
  }

  // ---- deploying ---------------------------------------------------------------------

  /** Queues a deployment request; the FC takes it at once, as an event. */
  requestDeploy(service: string, slot: Slot, pkg: ServicePackage): void {
    const req = this.nextRequest++;
    this.requests.set(req, { service, slot, pkg });
    this.decide('deploy.request', service, { req, slot });
  }

  private refuse(service: string, reason: string): Fields {
    this.refusals.set(service, reason);
    this.dirty.add(service);
    return { refused: reason };
  }

  /** Versions are numbered per service across its deployments and upgrades: v1, v2, ... */
  private readonly versions = new Map<string, number>();
  nextLabel(service: string): string {
    const n = (this.versions.get(service) ?? 0) + 1;
    this.versions.set(service, n);
    return `v${n}`;
  }

  private clearRefusal(service: string): void {
    if (this.refusals.delete(service)) this.dirty.add(service);
  }

  private deployNow(req: number): Fields {
    const r = this.requests.get(req)!;
    this.requests.delete(req);
    const id = `${r.service}/${r.slot}`;
    if (this.deployments.has(id)) return this.refuse(r.service, `a deployment of ${r.service} already exists in the ${r.slot} slot`);
    const fdCount = this.hw.dc.spec.faultDomains;
    const pkg = { ...r.pkg, label: this.nextLabel(r.service) };
    const dep: Deployment = {
      uid: this.nextUid++,
      id,
      service: r.service,
      slot: r.slot,
      pkg,
      packages: [pkg],
      upgrade: undefined,
      status: 'Deploying',
      vip: '',
      dns: '',
      vlan: 0,
      fdRacks: Array.from({ length: fdCount }, () => []),
      roles: new Map(),
      createdAt: this.engine.now,
      started: false,
      downMs: 0,
      downSince: undefined,
      readyCounts: r.pkg.roles.map(() => 0),
      poolCounts: r.pkg.roles.map(() => 0),
      history: new DeploymentHistory(this.engine.now, r.pkg.roles.length),
    };
    // Allocation is one transaction: every instance finds a host or nothing is reserved.
    this.deployments.set(id, dep);
    this.byUid.set(dep.uid, dep);
    const placed: Instance[] = [];
    for (const [ri, role] of pkg.roles.entries()) {
      const list: Instance[] = [];
      for (let n = 0; n < role.instances; n++) {
        const inst = this.newInstance(dep, role, ri, n);
        list.push(inst);
        const why = this.place(inst, dep);
        if (why) {
          for (const p of placed) this.unplace(p);
          this.deployments.delete(id);
          this.byUid.delete(dep.uid);
          return this.refuse(r.service, `does not fit: ${why} (role ${role.name}, instance ${n} of ${role.instances}, ${role.vmsize}); nothing was reserved`);
        }
        placed.push(inst);
      }
      dep.roles.set(role.name, list);
    }
    this.clearRefusal(r.service);
    dep.vip = this.network.allocateVip();
    dep.dns = r.slot === 'production' ? `${r.service}.cloudapp.net` : this.network.stagingName();
    dep.vlan = this.network.allocateVlan();
    this.dirty.add(id);
    this.configureNetwork(dep);
    for (const inst of placed) this.startOnHost(inst, 'deploy');
    return { slot: r.slot, instances: placed.length, vip: dep.vip, dns: dep.dns };
  }

  private newInstance(dep: Deployment, role: PackageRole, roleIndex: number, n: number): Instance {
    const fdCount = dep.fdRacks.length;
    const now = this.engine.now;
    return {
      id: `${dep.service}/${role.name}_IN_${n}`,
      deployment: dep.id,
      depUid: dep.uid,
      role: role.name,
      roleIndex,
      n,
      // Orthogonal to update domains: 3 roles x 3 instances over 3 FDs and 3 UDs is a Latin square.
      fd: (n + roleIndex) % fdCount,
      ud: n % dep.pkg.upgradeDomainCount,
      host: -1,
      status: 'RoleStateUnknown',
      phase: 'unplaced',
      gen: 0,
      computerName: '',
      dip: '',
      inPool: false,
      running: false,
      fault: 'none',
      taskIndex: 0,
      version: dep.pkg.label,
      pkgIndex: dep.packages.length - 1,
      waitReason: '',
      disks: { c: 0, d: 0, e: 0, cAt: now, dAt: now, eAt: now, host: -1 },
      lastDiskOp: { op: 'deploy', diffKept: false, t: now },
      history: [],
      waitTimeouts: 0,
      recycles: 0,
    };
  }

  private demand(inst: Instance): Demand {
    const r = this.roleOf(inst);
    return { cores: r.cores, memoryMiB: r.memoryMiB, diskGiB: r.diskGiB };
  }

  /**
   * Finds a host in the instance's fault domain (its racks, extended with a fresh rack
   * no other fault domain of the deployment uses) and reserves it. Returns why not, or ''.
   */
  private place(inst: Instance, dep: Deployment): string {
    const d = this.demand(inst);
    const racks = dep.fdRacks[inst.fd]!;
    let h = -1;
    for (const r of racks) {
      h = this.capacity.hostInRack(r, d);
      if (h >= 0) break;
    }
    if (h < 0) {
      const used = new Set(dep.fdRacks.flat());
      const fresh = this.capacity.roomiestRacks(1, d, used)[0];
      if (fresh === undefined) {
        return `no healthy host with ${d.cores} free cores, ${d.memoryMiB} MiB and ${d.diskGiB} GiB for fault domain ${inst.fd} outside the ${used.size} racks the deployment's other fault domains use`;
      }
      racks.push(fresh);
      h = this.capacity.hostInRack(fresh, d);
    }
    this.capacity.reserve(h, d);
    inst.host = h;
    const list = this.byHost.get(h);
    if (!list?.includes(inst)) this.byHost.set(h, list ? [...list, inst] : [inst]);
    return '';
  }

  /** Releases an instance's host (its VM is gone or abandoned). */
  private unplace(inst: Instance): void {
    if (inst.host < 0) return;
    this.capacity.release(inst.host, this.demand(inst));
    const list = this.byHost.get(inst.host);
    if (list?.includes(inst)) {
      if (list.length === 1) this.byHost.delete(inst.host);
      else this.byHost.set(inst.host, list.filter((i) => i !== inst));
    }
    inst.host = -1;
    this.scheduleRetry();
  }

  private configureNetwork(dep: Deployment): void {
    const racks = [...new Set(dep.fdRacks.flat())].sort((a, b) => a - b);
    for (const r of racks) {
      const rack = this.hw.dc.topology.racks[r]!;
      this.hw.drivers.issue(torId(rack.container, rack.r), 'createVlan', { vlan: dep.vlan }, { kind: 'fc.networkDone', subject: dep.id });
    }
    this.hw.drivers.issue(this.activeLb(), 'allocateVip', { vip: dep.vip }, { kind: 'fc.networkDone', subject: dep.id });
  }

  private activeLb(): string {
    return this.hw.dc.lbUp[0] || !this.hw.dc.lbUp[1] ? lbId(0) : lbId(1);
  }

  // ---- reconciliation: drive an instance to ReadyRole ----------------------------------

  setStatus(inst: Instance, s: InstanceStatus): void {
    if (inst.status === s) return;
    const dep = this.deploymentOf(inst);
    if ((inst.status === 'ReadyRole') !== (s === 'ReadyRole')) {
      dep.readyCounts[inst.roleIndex]! += s === 'ReadyRole' ? 1 : -1;
      dep.history.recordReady(this.engine.now, dep.readyCounts);
    }
    const from = inst.status;
    inst.status = s;
    this.observer?.statusChanged(inst, from);
    recordStatus(inst.history, this.engine.now, s);
    if (s !== 'ReadyRole' && inst.inPool) this.leavePool(inst);
    this.dirty.add(inst.deployment);
    this.checkAvailability(dep);
  }

  private leavePool(inst: Instance): void {
    inst.inPool = false;
    this.deploymentOf(inst).poolCounts[inst.roleIndex]!--;
    if (this.hw.dc.vipsUp()) this.hw.drivers.issue(this.activeLb(), 'removeDip', { dip: inst.dip }, { kind: 'fc.networkDone', subject: inst.deployment });
  }

  /** Starts a (new) VM for the instance on its reserved host: all disks fresh there. */
  private startOnHost(inst: Instance, op: string): void {
    const h = inst.host;
    inst.gen++;
    inst.computerName = this.network.computerName();
    inst.dip = this.network.allocateDip();
    inst.running = false;
    inst.taskIndex = 0;
    inst.waitReason = '';
    for (const disk of ['c', 'd', 'e'] as const) rebuildDisk(inst, disk, this.engine.now);
    inst.disks.host = h;
    inst.lastDiskOp = { op, diffKept: false, t: this.engine.now };
    this.setStatus(inst, 'CreatingVM');
    const image = this.roleOf(inst).image;
    const hostId = this.hw.dc.topology.hostId(h);
    if (this.imageCache.get(h)?.includes(image.name)) {
      this.createVm(inst);
    } else {
      inst.phase = 'copying';
      const work = Math.round((this.timing.copyBaseVhdMs * image.sizeGiB) / 30);
      this.hw.drivers.issue(hostId, 'copyBaseVhd', { image: image.name }, { kind: 'fc.vhdCopied', subject: inst.id, data: { dep: inst.depUid, gen: inst.gen } }, work);
    }
  }

  private commandFailed(inst: Instance, data: Fields): Fields {
    // The host stopped answering mid-work: health management decides its fate (and the
    // instance's); if the host still looks healthy, move the instance elsewhere.
    if (inst.host >= 0 && this.hw.dc.statusOf(inst.host) === 'Healthy') this.relocate(inst, 'command failed');
    return { ok: false, outcome: data.outcome ?? null };
  }

  private vhdCopied(inst: Instance, data: Fields): Fields {
    if (!data.ok) return this.commandFailed(inst, data);
    const image = this.roleOf(inst).image.name;
    const cache = this.imageCache.get(inst.host);
    if (!cache?.includes(image)) this.imageCache.set(inst.host, cache ? [...cache, image] : [image]);
    this.createVm(inst);
    return { image };
  }

  private createVm(inst: Instance): void {
    inst.phase = 'creating';
    this.hw.drivers.issue(
      this.hw.dc.topology.hostId(inst.host),
      'createVm',
      { instance: inst.id, diffDisk: `${inst.computerName}-D${inst.disks.d}.vhd` },
      { kind: 'fc.vmCreated', subject: inst.id, data: { dep: inst.depUid, gen: inst.gen } },
      this.timing.createVmMs,
    );
  }

  private vmCreated(inst: Instance, data: Fields): Fields {
    if (!data.ok) return this.commandFailed(inst, data);
    this.boot(inst);
    return { host: this.hw.dc.topology.hostId(inst.host), computerName: inst.computerName };
  }

  /** The VM boots; its guest agent connects when done, or the WaitTimeout fires. */
  private boot(inst: Instance): void {
    inst.phase = 'booting';
    this.setStatus(inst, 'StartingVM');
    const boot = this.engine.rng('latency').latency(this.timing.vmBootMs, this.timing.vmBootMs / 2, this.timing.vmBootMs * 3, 0.2);
    this.engine.after(boot, 'fc.agentConnected', inst.id, { dep: inst.depUid, gen: inst.gen });
    this.engine.after(this.timing.guestAgentTimeoutMs, 'fc.waitTimeout', inst.id, { dep: inst.depUid, gen: inst.gen });
  }

  private agentConnected(inst: Instance): Fields | null {
    if (inst.phase !== 'booting') return null;
    if (!this.hw.dc.reachable(inst.host) || inst.fault === 'hang') return null; // the WaitTimeout will tell
    this.waitTimeouts.delete(inst.host);
    inst.phase = 'startup';
    inst.taskIndex = 0;
    this.setStatus(inst, 'CreatingRole');
    this.nextTask(inst);
    return { host: this.hw.dc.topology.hostId(inst.host) };
  }

  private waitTimeout(inst: Instance): Fields | null {
    if (inst.phase !== 'booting') return null;
    const h = inst.host;
    const n = (this.waitTimeouts.get(h) ?? 0) + 1;
    this.waitTimeouts.set(h, n);
    if (n >= this.timing.waitTimeoutsForHumanInvestigate && this.hw.dc.statusOf(h) === 'Healthy') {
      // Three clean VMs in a row never connected: the server is faulty (fidelity.md).
      this.hw.dc.setStatus(h, 'HumanInvestigate');
      this.hw.health.checkThreshold();
      this.hostLost(h, 'guest agents never connected');
      return { error: 'WaitTimeout', humanInvestigate: this.hw.dc.topology.hostId(h) };
    }
    this.relocate(inst, 'WaitTimeout');
    return { error: 'WaitTimeout', inARow: n };
  }

  private nextTask(inst: Instance): void {
    const tasks = this.roleOf(inst).startupTasks;
    // background and foreground tasks do not hold up the next one
    while (inst.taskIndex < tasks.length && tasks[inst.taskIndex]!.taskType !== 'simple') {
      this.logTask(inst, `${tasks[inst.taskIndex]!.commandLine} started (${tasks[inst.taskIndex]!.taskType})`);
      inst.taskIndex++;
    }
    if (inst.taskIndex < tasks.length) {
      const d = this.engine.rng('latency').latency(this.timing.startupTaskMs, 1000, this.timing.startupTaskMs * 6, 0.6);
      this.logTask(inst, `${tasks[inst.taskIndex]!.commandLine} started`);
      this.engine.after(d, 'fc.taskDone', inst.id, { dep: inst.depUid, gen: inst.gen, task: inst.taskIndex });
      return;
    }
    inst.phase = 'starting';
    this.setStatus(inst, 'StartingRole');
    this.hw.drivers.issue(
      this.hw.dc.topology.hostId(inst.host),
      'startRole',
      { instance: inst.id },
      { kind: 'fc.roleStarted', subject: inst.id, data: { dep: inst.depUid, gen: inst.gen } },
      this.timing.roleStartMs,
    );
  }

  private logTask(inst: Instance, text: string): void {
    const log = (inst.startupLog ??= []);
    log.push({ t: this.engine.now, text });
    if (log.length > HISTORY) log.shift();
  }

  private taskDone(inst: Instance): Fields | null {
    if (inst.phase !== 'startup') return null;
    const task = this.roleOf(inst).startupTasks[inst.taskIndex];
    const code = task ? exitCodeOf(task.commandLine) : 0;
    if (task && code !== 0) {
      // A failing startup task keeps the role from starting: the guest agent recycles it
      // again and again (a crash-looping version).
      this.logTask(inst, `${task.commandLine} exited ${code}: the role cannot start`);
      inst.recycles++;
      inst.phase = 'cycling';
      this.setStatus(inst, 'CyclingRole');
      const backoff = Math.min(5 * 60_000, this.timing.roleStartMs * 2 ** Math.min(inst.recycles, 8));
      this.engine.after(backoff, 'fc.recycle', inst.id, { dep: inst.depUid, gen: inst.gen });
      return { task: task.commandLine, exitCode: code, recycles: inst.recycles };
    }
    if (task) this.logTask(inst, `${task.commandLine} exited 0`);
    inst.taskIndex++;
    this.nextTask(inst);
    return { task: task?.commandLine ?? null };
  }

  private recycle(inst: Instance): Fields | null {
    if (inst.phase !== 'cycling') return null;
    // the status stays CyclingRole while the role keeps being recycled
    inst.phase = 'startup';
    inst.taskIndex = 0;
    this.nextTask(inst);
    return { attempt: inst.recycles + 1 };
  }

  /** In-place update to package `to`: stop the role, update it (E: rebuilt unless only settings change), start it. */
  updateInPlace(inst: Instance, to: number, configOnly: boolean): void {
    if (inst.host < 0 || inst.phase === 'unplaced') {
      // not running anywhere: it will start with the new version when placed
      inst.pkgIndex = to;
      inst.version = this.deploymentOf(inst).packages[to]!.label;
      this.dirty.add(inst.deployment);
      return;
    }
    inst.gen++;
    inst.running = false;
    inst.phase = 'updating';
    this.setStatus(inst, 'StoppingRole');
    this.engine.after(this.timing.stopMs, 'fc.updateStopped', inst.id, { dep: inst.depUid, gen: inst.gen, to, configOnly });
  }

  private updateStopped(inst: Instance, to: number, configOnly: boolean): Fields | null {
    if (inst.phase !== 'updating') return null;
    const dep = this.deploymentOf(inst);
    inst.pkgIndex = to;
    inst.version = dep.packages[to]!.label;
    inst.recycles = 0;
    if (!configOnly) {
      rebuildDisk(inst, 'e', this.engine.now);
      inst.lastDiskOp = { op: 'in-place upgrade', diffKept: true, t: this.engine.now };
    } else this.recycleLocalStorage(inst);
    inst.phase = 'startup';
    // a new version runs its startup tasks again; a settings change only restarts the role
    inst.taskIndex = configOnly ? this.roleOf(inst).startupTasks.length : 0;
    this.setStatus(inst, configOnly ? 'StartingRole' : 'CreatingRole');
    this.nextTask(inst);
    return { version: inst.version, configOnly };
  }

  private roleStarted(inst: Instance, data: Fields): Fields {
    if (!data.ok) return this.commandFailed(inst, data);
    inst.phase = 'ready';
    inst.running = true;
    this.setStatus(inst, 'ReadyRole');
    this.hw.drivers.issue(this.activeLb(), 'addDip', { dip: inst.dip, vip: this.deploymentOf(inst).vip }, { kind: 'fc.dipAdded', subject: inst.id, data: { dep: inst.depUid, gen: inst.gen } });
    this.instanceReady(inst);
    return { status: 'ReadyRole' };
  }

  private dipAdded(inst: Instance, data: Fields): Fields | null {
    if (inst.status !== 'ReadyRole') return null;
    if (!data.ok) {
      // no load balancer answered: try again shortly
      this.hw.drivers.issue(this.activeLb(), 'addDip', { dip: inst.dip }, { kind: 'fc.dipAdded', subject: inst.id, data: { dep: inst.depUid, gen: inst.gen } });
      return { ok: false };
    }
    if (!inst.inPool) this.deploymentOf(inst).poolCounts[inst.roleIndex]!++;
    inst.inPool = true;
    this.dirty.add(inst.deployment);
    this.checkAvailability(this.deploymentOf(inst));
    return { dip: inst.dip, lb: data.cmd === undefined ? null : this.activeLb() };
  }

  /** Called whenever an instance reaches ReadyRole (upgrades listen). */
  onInstanceReady: (inst: Instance) => void = () => undefined;

  /** Bookkeeping when an instance reaches ReadyRole: deployment start, healing progress. */
  private instanceReady(inst: Instance): void {
    const dep = this.deploymentOf(inst);
    this.onInstanceReady(inst);
    if (!dep.started && this.allReady(dep)) {
      dep.started = true;
      dep.status = 'Running';
      this.engine.after(0, 'deployment.running', dep.service, { slot: dep.slot });
    }
    this.healProgress(dep.id, inst);
  }

  /** Every instance is ReadyRole: the ready counts tell when it may be so, a scan confirms it (once per deployment). */
  private allReady(dep: Deployment): boolean {
    for (const [ri, role] of dep.pkg.roles.entries()) {
      if (dep.readyCounts[ri]! < (dep.roles.get(role.name)?.length ?? 0)) return false;
    }
    return [...dep.roles.values()].every((l) => l.every((i) => i.status === 'ReadyRole'));
  }

  // ---- healing --------------------------------------------------------------------------

  /** Moves an instance off its host: a new VM elsewhere in its fault domain, all disks fresh. */
  private relocate(inst: Instance, op: string): void {
    const from = inst.host;
    this.outOfService.get(from)?.delete(inst);
    this.unplace(inst);
    inst.gen++;
    inst.phase = 'unplaced';
    inst.running = false;
    inst.lastDiskOp = { op, diffKept: false, t: this.engine.now };
    this.setStatus(inst, 'RoleStateUnknown');
    this.observer?.relocated(inst, from, op);
    this.queueHeal(inst);
  }

  private queueHeal(inst: Instance): void {
    const id = inst.deployment;
    let set = this.healing.get(id);
    if (!set) {
      set = new Set();
      this.healing.set(id, set);
      this.healQueue.push(id);
      this.engine.after(0, 'fc.heal', id);
    }
    set.add(inst);
    if (this.activeHeals.has(id)) this.placeAndStart(inst);
  }

  private readonly activeHeals = new Set<string>();

  /** Takes the next deployments off the heal queue, a few at a time. */
  private healNext(_depId: string): Fields | null {
    const started: string[] = [];
    let placed = 0;
    let waiting = 0;
    while (this.activeHeals.size < this.timing.healingConcurrency && this.healQueue.length > 0) {
      const id = this.healQueue.shift()!;
      // deleted, or an entry left by a deleted deployment of the same name: nothing to heal
      if (!this.deployments.has(id) || !this.healing.has(id)) continue;
      this.activeHeals.add(id);
      started.push(id);
      for (const inst of [...(this.healing.get(id) ?? [])]) {
        this.placeAndStart(inst);
        if (inst.host >= 0) placed++;
        else waiting++;
      }
      this.healProgress(id, undefined);
    }
    return started.length === 0 ? null : { deployments: started.join(' '), placed, waiting, queued: this.healQueue.length };
  }

  private placeAndStart(inst: Instance): void {
    if (inst.phase !== 'unplaced' || inst.host >= 0) return;
    const why = this.place(inst, this.deploymentOf(inst));
    if (why) {
      inst.waitReason = why;
      this.waiting.add(inst);
      this.dirty.add(inst.deployment);
      return;
    }
    this.waiting.delete(inst);
    this.startOnHost(inst, inst.lastDiskOp.op);
  }

  /**
   * A healing deployment is done when each of its instances is ready or waiting for room.
   * Its entry goes with it: those still waiting belong to the waiting list (tried again
   * whenever room appears), and a deployment has a healing entry exactly while it is
   * queued or being healed, so the next instance it loses starts a new round.
   */
  private healProgress(depId: string, inst: Instance | undefined): void {
    const set = this.healing.get(depId);
    if (!set || !this.activeHeals.has(depId)) return;
    if (inst) set.delete(inst);
    for (const i of set) if (!this.waiting.has(i) && i.phase !== 'gone') return;
    this.activeHeals.delete(depId);
    this.healing.delete(depId);
    if (this.healQueue.length > 0) this.engine.after(0, 'fc.heal', this.healQueue[0]!);
  }

  private retryScheduled = false;
  private scheduleRetry(): void {
    if (this.waiting.size === 0 || this.retryScheduled) return;
    this.retryScheduled = true;
    this.engine.after(this.hw.timing.heartbeatIntervalMs, 'fc.retryPlacement', 'fc');
  }

  private retryWaiting(): Fields | null {
    this.retryScheduled = false;
    let placed = 0;
    for (const inst of [...this.waiting]) {
      const before = inst.host;
      this.placeAndStart(inst);
      if (before < 0 && inst.host >= 0) placed++;
    }
    for (const c of this.evacuating) this.checkEvacuated(c);
    return placed === 0 ? null : { placed, stillWaiting: this.waiting.size };
  }

  private hostStatusChanged(h: number): void {
    if (this.capacity.refresh(h)) this.scheduleRetry();
    const s = this.hw.dc.statusOf(h);
    if ((s === 'Offline' || s === 'BurnIn') && this.instancesOnHost(h).length > 0) {
      // The host left service: its container was taken out of service, or it was repaired
      // by hand (even during its reboot wait) and is retested. Nothing it ran survives, so
      // whatever the FC still has on it is re-created elsewhere (or waits for room); while
      // healing is stopped the instances wait, and are moved when it resumes.
      // (an entry already there means a decision is on its way, or waits for healing to resume)
      const pending = this.outOfService.has(h);
      const set = this.outOfService.get(h) ?? new Set<Instance>();
      for (const inst of this.instancesOnHost(h)) set.add(inst);
      this.outOfService.set(h, set);
      if (!pending && !this.hw.health.healingStopped) this.decideHostLost(h, s === 'Offline' ? 'container out of service' : 'host in burn-in');
    }
  }

  private decideHostLost(h: number, reason: string): void {
    this.decide('fc.hostLost', this.hw.dc.topology.hostId(h), { reason });
  }

  /** Healing resumed: the instances left on hosts that went out of service meanwhile are moved now. */
  private healingResumed(): void {
    for (const h of [...this.outOfService.keys()].sort((a, b) => a - b)) {
      if ([...this.outOfService.get(h)!].some((i) => i.host === h && i.phase !== 'gone')) this.decideHostLost(h, 'healing resumed');
      else this.outOfService.delete(h);
    }
  }

  /**
   * A container was added, changed service state, failed or was repaired: the eligibility
   * of its hosts is re-read (an evacuating container takes no new instances; one back in
   * service does), and instances waiting for room are tried again when some became eligible.
   */
  private containerChanged(c: number): void {
    if (this.capacity.refreshContainer(c)) this.scheduleRetry();
  }

  /** The FC gives up a host: every instance on it is re-created elsewhere. */
  hostLost(h: number, reason: string): void {
    const insts = [...this.instancesOnHost(h)];
    const cutOff = !this.hw.dc.networkUp(h) && this.hw.dc.powered(h);
    for (const inst of insts) {
      if (cutOff && inst.running) {
        // the VM may still run behind the partition: remember it, to fence it on return
        let g = this.ghosts.get(h);
        if (!g) this.ghosts.set(h, (g = []));
        g.push(inst.id);
      }
      this.relocate(inst, `host lost (${reason})`);
    }
  }

  private hooks(): HostHooks {
    return {
      vmsStopped: (h) => {
        for (const inst of this.instancesOnHost(h)) inst.running = false;
        this.ghosts.delete(h);
        this.checkHost(h);
      },
      hostUnresponsive: (h) => {
        for (const inst of this.instancesOnHost(h)) {
          if (inst.phase !== 'unplaced') {
            inst.gen++;
            inst.phase = 'unresponsive';
            this.setStatus(inst, 'UnresponsiveRole');
          }
        }
      },
      // giving a host up is an FC decision: it takes effect once the replicas agree
      hostLost: (h, reason) => this.decide('fc.hostLost', this.hw.dc.topology.hostId(h), { reason }),
      hostRecovered: (h) => {
        // rebooted in place: the VMs boot again from their disks (a VM reboot keeps them all)
        for (const inst of this.instancesOnHost(h)) {
          inst.gen++;
          inst.running = false;
          inst.lastDiskOp = { op: 'host reboot', diffKept: true, t: this.engine.now };
          this.boot(inst);
        }
      },
      fence: (h) => this.fence(h),
      evacuate: (c) => this.evacuate(c),
      healingResumed: () => this.healingResumed(),
      reachabilityChanged: (hosts) => {
        if (hosts === 'all') for (const dep of this.deployments.values()) this.checkAvailability(dep);
        else for (const h of hosts) this.checkHost(h);
      },
    };
  }

  private checkHost(h: number): void {
    const deps = new Set<string>();
    for (const inst of this.instancesOnHost(h)) deps.add(inst.deployment);
    for (const id of deps) this.checkAvailability(this.deployments.get(id)!);
  }

  /** Host OS update: roles are told to stop and leave the load balancer; the VMs keep their disks. */
  drainHost(h: number): void {
    for (const inst of this.instancesOnHost(h)) {
      if (inst.phase === 'unplaced') continue;
      inst.gen++;
      inst.phase = 'rebooting';
      this.setStatus(inst, 'StoppingRole');
    }
  }

  /** Host OS update: the VMs shut down before the host reboots (they boot again with it). */
  shutDownVms(h: number): void {
    for (const inst of this.instancesOnHost(h)) {
      if (inst.phase === 'unplaced') continue;
      inst.running = false;
      inst.lastDiskOp = { op: 'host OS update', diffKept: true, t: this.engine.now };
      this.setStatus(inst, 'StoppedVM');
    }
  }

  /** Destroys stale copies on a host that answers again, before it rejoins. Returns how many. */
  private fence(h: number): number {
    const stale = this.ghosts.get(h) ?? [];
    this.ghosts.delete(h);
    for (const id of stale) {
      this.hw.drivers.issue(this.hw.dc.topology.hostId(h), 'destroyVm', { instance: id, reason: 'fenced' }, { kind: 'fc.networkDone', subject: id });
    }
    // instances the FC never gave up (healing was stopped) resume in place
    for (const inst of this.instancesOnHost(h)) {
      if (inst.phase === 'unresponsive') {
        inst.gen++;
        if (inst.running) {
          inst.phase = 'ready';
          this.setStatus(inst, 'ReadyRole');
          this.hw.drivers.issue(this.activeLb(), 'addDip', { dip: inst.dip }, { kind: 'fc.dipAdded', subject: inst.id, data: { dep: inst.depUid, gen: inst.gen } });
        } else this.boot(inst);
      }
    }
    return stale.length;
  }

  private evacuate(c: number): number {
    this.evacuating.add(c);
    for (const h of this.hw.dc.hostsOfContainer(c)) {
      for (const inst of [...this.instancesOnHost(h)]) {
        this.hw.drivers.issue(this.hw.dc.topology.hostId(h), 'destroyVm', { instance: inst.id, reason: 'evacuation' }, { kind: 'fc.networkDone', subject: inst.id });
        this.relocate(inst, 'container evacuated');
      }
    }
    return this.remainingIn(c);
  }

  private remainingIn(c: number): number {
    let n = 0;
    for (const h of this.hw.dc.hostsOfContainer(c)) n += this.capacity.instances[h]!;
    return n;
  }

  private checkEvacuated(c: number): void {
    if (this.remainingIn(c) === 0) {
      this.evacuating.delete(c);
      this.hw.inventory.evacuationDone(c);
    }
  }

  // ---- availability ----------------------------------------------------------------------

  /** Serving: in the load balancer's pool, really running, reachable, and a VIP answers. */
  serving(inst: Instance): boolean {
    return inst.inPool && inst.running && inst.host >= 0 && this.hw.dc.reachable(inst.host) && inst.fault === 'none' && this.hw.dc.vipsUp();
  }

  /** Every role with an input endpoint has a serving instance. */
  available(dep: Deployment): boolean {
    for (const [ri, role] of dep.pkg.roles.entries()) {
      if (role.inputPorts.length === 0) continue;
      // none in the pool: none serves (the common case while deploying), no scan
      if (!dep.poolCounts[ri]) return false;
      const list = dep.roles.get(role.name) ?? [];
      if (!list.some((i) => this.serving(i))) return false;
    }
    return true;
  }

  checkAvailability(dep: Deployment): void {
    const up = this.available(dep);
    const now = this.engine.now;
    if (!up && dep.downSince === undefined && dep.started) dep.downSince = now;
    if (up && dep.downSince !== undefined) {
      dep.downMs += now - dep.downSince;
      dep.downSince = undefined;
    }
    if (dep.started || up) dep.history.recordAvailability(now, up);
    this.dirty.add(dep.id);
  }

  // ---- portal and user actions -------------------------------------------------------------

  requestDelete(depId: string): void {
    this.decide('deployment.delete', depId);
  }

  private deleteNow(depId: string): Fields | null {
    const dep = this.deployments.get(depId);
    if (!dep) return null;
    dep.status = 'Deleting';
    let n = 0;
    for (const list of dep.roles.values()) {
      for (const inst of list) {
        if (inst.host >= 0) {
          this.hw.drivers.issue(this.hw.dc.topology.hostId(inst.host), 'destroyVm', { instance: inst.id }, { kind: 'fc.networkDone', subject: inst.id });
        }
        if (inst.inPool) this.leavePool(inst);
        this.unplace(inst);
        this.waiting.delete(inst);
        inst.phase = 'gone';
        inst.gen++;
        n++;
      }
    }
    this.healing.delete(depId);
    this.activeHeals.delete(depId);
    const q = this.healQueue.indexOf(depId);
    if (q >= 0) this.healQueue.splice(q, 1);
    this.network.releaseVip(dep.vip);
    this.deployments.delete(depId);
    this.byUid.delete(dep.uid);
    this.dirty.add(depId);
    return { instances: n };
  }

  private instanceFail(id: string, mode: string): Fields | null {
    const inst = this.instance(id);
    if (!inst) return null;
    if (mode === 'hang') {
      inst.fault = 'hang';
      inst.running = false;
      inst.gen++;
      inst.phase = 'unresponsive';
      this.setStatus(inst, 'UnresponsiveRole');
      // the host agent restarts a VM it cannot talk to for 10 minutes (fidelity.md)
      this.engine.after(this.timing.unresponsiveVmRestartMs, 'fc.vmRestart', inst.id, { dep: inst.depUid, gen: inst.gen });
      return { mode };
    }
    // the role process crashed: the guest agent restarts it inside the same VM
    inst.running = false;
    inst.gen++;
    inst.phase = 'restarting';
    this.setStatus(inst, 'RestartingRole');
    this.recycleLocalStorage(inst);
    inst.lastDiskOp = { op: 'role restart', diffKept: true, t: this.engine.now };
    this.engine.after(this.timing.stopMs, 'fc.vmStopped', inst.id, { dep: inst.depUid, gen: inst.gen });
    return { mode: 'crash' };
  }

  private recycleLocalStorage(inst: Instance): void {
    const clean = this.roleOf(inst).localStorage.filter((l) => l.cleanOnRoleRecycle).map((l) => l.name);
    if (clean.length) this.logTask(inst, `local storage wiped on recycle: ${clean.join(', ')}`);
  }

  private vmRestart(inst: Instance): Fields | null {
    if (inst.phase !== 'unresponsive') return null;
    inst.fault = 'none';
    inst.lastDiskOp = { op: 'VM restart', diffKept: true, t: this.engine.now };
    inst.disks.e++;
    this.boot(inst);
    return { restarted: true };
  }

  private instanceRepair(id: string): Fields | null {
    const inst = this.instance(id);
    if (!inst || inst.fault === 'none') return null;
    inst.fault = 'none';
    inst.gen++;
    this.boot(inst);
    return { resumed: true };
  }

  /** After a stop: start the VM (reboot) or the role (restart) again. */
  private vmStopped(inst: Instance): Fields | null {
    if (inst.phase === 'restarting') {
      inst.phase = 'startup';
      inst.taskIndex = this.roleOf(inst).startupTasks.length; // a role restart does not rerun startup tasks
      this.nextTask(inst);
      return { restart: 'role' };
    }
    if (inst.phase === 'rebooting') {
      this.boot(inst);
      return { restart: 'vm' };
    }
    return null;
  }

  /** Portal reboot (disks kept, role root rebuilt) or reimage (differencing and role disks rebuilt). */
  private portalOp(id: string, op: 'reboot' | 'reimage'): Fields | null {
    const inst = this.instance(id);
    if (!inst || inst.host < 0) return null;
    inst.gen++;
    inst.running = false;
    inst.phase = 'rebooting';
    this.setStatus(inst, 'StoppingVM');
    rebuildDisk(inst, 'e', this.engine.now);
    if (op === 'reimage') rebuildDisk(inst, 'd', this.engine.now);
    inst.lastDiskOp = { op, diffKept: op === 'reboot', t: this.engine.now };
    const cmd = op === 'reboot' ? 'rebootVm' : 'reimageVm';
    this.hw.drivers.issue(this.hw.dc.topology.hostId(inst.host), cmd, { instance: inst.id }, { kind: 'fc.vmStopped', subject: inst.id, data: { dep: inst.depUid, gen: inst.gen } }, this.timing.stopMs);
    return { op, diffDisk: op === 'reboot' ? 'kept' : 'fresh' };
  }

  /** Scales a role to `count` instances: new ones placed by FD/UD, the highest-numbered removed. */
  private scaleNow(roleRef: string, count: number): Fields | null {
    const [service, roleName] = roleRef.split('/') as [string, string];
    const dep = this.production(service);
    if (!dep?.roles.get(roleName)) return null;
    return this.scaleRole(dep, roleName, count);
  }

  scaleRole(dep: Deployment, roleName: string, count: number): Fields {
    const list = dep.roles.get(roleName)!;
    const ri = dep.pkg.roles.findIndex((r) => r.name === roleName);
    const role = dep.pkg.roles[ri]!;
    const before = list.length;
    while (list.length > count) {
      const inst = list.pop()!;
      if (inst.status === 'ReadyRole') dep.readyCounts[ri]!--;
      if (inst.host >= 0) this.hw.drivers.issue(this.hw.dc.topology.hostId(inst.host), 'destroyVm', { instance: inst.id }, { kind: 'fc.networkDone', subject: inst.id });
      if (inst.inPool) this.leavePool(inst);
      this.unplace(inst);
      this.waiting.delete(inst);
      inst.phase = 'gone';
      inst.gen++;
    }
    for (let n = list.length; n < count; n++) {
      const inst = this.newInstance(dep, role, ri, n);
      list.push(inst);
      const why = this.place(inst, dep);
      if (why) {
        inst.waitReason = why;
        this.waiting.add(inst);
        this.scheduleRetry();
      } else this.startOnHost(inst, 'scale out');
    }
    if (dep.pkg.roles[ri]!.instances !== count) {
      const pkg = { ...dep.pkg, roles: dep.pkg.roles.map((r, i) => (i === ri ? { ...r, instances: count } : r)) };
      dep.packages[dep.packages.indexOf(dep.pkg)] = pkg;
      dep.pkg = pkg;
    }
    dep.history.recordReady(this.engine.now, dep.readyCounts);
    this.dirty.add(dep.id);
    this.checkAvailability(dep);
    return { from: before, to: count };
  }

  /**
   * VIP swap: the staging deployment becomes production and the other way round. Each
   * slot keeps its VIP and DNS name, so `<service>.cloudapp.net` now reaches the new
   * version and the old one waits in staging.
   */
  swap(service: string): Fields {
    const prod = this.deployments.get(`${service}/production`)!;
    const stag = this.deployments.get(`${service}/staging`)!;
    const [pv, pd, sv, sd] = [prod.vip, prod.dns, stag.vip, stag.dns];
    this.rekey(prod, 'staging', sv, sd);
    this.rekey(stag, 'production', pv, pd);
    this.deployments.set(stag.id, stag);
    this.deployments.set(prod.id, prod);
    for (const id of [prod.id, stag.id]) this.dirty.add(id);
    this.hw.drivers.issue(this.activeLb(), 'allocateVip', { vip: pv, to: `${service}/${stag.pkg.label}` }, { kind: 'fc.networkDone', subject: stag.id });
    return { production: `${stag.pkg.label} (was staging)`, staging: `${prod.pkg.label} (was production)`, vip: pv };
  }

  private rekey(dep: Deployment, slot: Slot, vip: string, dns: string): void {
    const old = dep.id;
    dep.slot = slot;
    dep.id = `${dep.service}/${slot}`;
    dep.vip = vip;
    dep.dns = dns;
    for (const list of dep.roles.values()) for (const i of list) i.deployment = dep.id;
    const healing = this.healing.get(old);
    this.healing.delete(old);
    if (healing) this.healing.set(dep.id, healing);
    if (this.activeHeals.delete(old)) this.activeHeals.add(dep.id);
    const q = this.healQueue.indexOf(old);
    if (q >= 0) this.healQueue[q] = dep.id;
    this.dirty.add(old);
  }

  // ---- queries ------------------------------------------------------------------------------

  /** Instances the FC has placed on a rack's hosts. */
  instancesOnRack(rack: number): number {
    const info = this.hw.dc.topology.racks[rack]!;
    let n = 0;
    for (let h = info.firstHost; h < info.firstHost + info.hostCount; h++) n += this.capacity.instances[h]!;
    return n;
  }

  waitingCount(): number {
    return this.waiting.size;
  }

  /** Is the instance on the list of those waiting for room (retried when room appears)? */
  isWaiting(inst: Instance): boolean {
    return this.waiting.has(inst);
  }

  ghostCount(h: number): number {
    return this.ghosts.get(h)?.length ?? 0;
  }
}

const EMPTY_LIST: readonly Instance[] = Object.freeze([]);

/** The number written by the digits from `from` to the end of `s` (at least one), or NaN. */
function digitsAt(s: string, from: number): number {
  if (from >= s.length) return NaN;
  let n = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Told of every instance status change and every move; reads only (the run report's summaries). */
export interface FabricObserver {
  statusChanged(inst: Instance, from: InstanceStatus): void;
  /** The FC gave up the instance's host (`fromHost`, -1 when it had none) and re-creates it elsewhere. */
  relocated(inst: Instance, fromHost: number, reason: string): void;
}

/** The exit code a startup task's command line ends with (`exit /b 1`, `exit 3`), or 0. */
export function exitCodeOf(commandLine: string): number {
  const m = /\bexit(?:\s+\/b)?\s+(\d+)\s*$/i.exec(commandLine);
  return m ? Number(m[1]) : 0;
}
