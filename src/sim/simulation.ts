/**
 * One simulation run: the engine, the model installed on it, and the read model the
 * UI draws. The worker, the headless runner and the tests all build runs through here,
 * so that a seed gives the same run everywhere.
 */

import { Engine } from './engine';
import { FabricController } from './fabric/controller';
import { packageOf } from './fabric/package';
import { FABRIC_TIMING, FC_RAFT_TIMING } from './fabric/timing';
import { FabricView } from './fabric/view';
import { DecisionLog } from './fabric/decisions';
import { FcReplicas } from './fabric/fcreplicas';
import { HostOsUpdate } from './fabric/hostos';
import { ReplicatedFc } from './replicas';
import { Upgrades, UpgradeError, type UpgradeMode } from './fabric/upgrade';
import type { Slot } from './fabric/model';
import { defaultImageStore, hasErrors, loadServiceModel, type Diagnostic, type SourceFile } from './servicemodel';
import { Hardware } from './hardware/hardware';
import { DEFAULT_PRESET, resolveSpec, type DatacenterSpec } from './hardware/spec';
import { PROFILES, type ProfileName } from './hardware/timing';
import { HardwareView } from './hardware/view';
import { Markers } from './markers';
import { RunLedger } from './report/ledger';
import { ViewStore } from './view/records';

export interface SimulationSetup {
  readonly seed: number;
  /** A data center description (`{preset}` or counts); default: the `demo` preset. */
  readonly datacenter?: unknown;
  /** Timing profile; default `realistic`. */
  readonly timing?: ProfileName;
  /** Newest log records kept in memory (default 4096). */
  readonly logCapacity?: number;
  /** Services deployed at time 0 (the app starts with a sample running). */
  readonly deploy?: readonly ServiceFiles[];
}

/** A service's two files, as the user or a sample gives them. */
export interface ServiceFiles {
  readonly service: string;
  readonly slot?: Slot;
  readonly csdef: SourceFile;
  readonly cscfg: SourceFile;
}

export const MAX_SEED = 2 ** 31 - 1;

export class DeployError extends Error {
  override name = 'DeployError';
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(message);
  }
}

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
  readonly fabric: FabricController;
  readonly fabricView: FabricView;
  readonly upgrades: Upgrades;
  readonly hostOs: HostOsUpdate;
  /** The replicated FC: its consensus core, where its replicas run, and its decision log. */
  readonly replicas: ReplicatedFc;
  readonly fcReplicas: FcReplicas;
  readonly decisions: DecisionLog;
  /** The files each deployment was made from (`service/slot`), for configuration changes. */
  readonly deployedFiles = new Map<string, { csdef: SourceFile; cscfg: SourceFile }>();
  readonly images = defaultImageStore();
  readonly markers = new Markers();
  /** Running summaries for the run report (report/build.ts). */
  readonly ledger: RunLedger;
  /** Service files known by name (from a scenario's `services`, or sent by the UI). */
  readonly services = new Map<string, { csdef: SourceFile; cscfg: SourceFile }>();

  constructor(readonly setup: SimulationSetup) {
    checkSeed(setup.seed);
    this.engine = new Engine({ seed: setup.seed, logCapacity: setup.logCapacity });
    this.spec = resolveSpec(setup.datacenter ?? { preset: DEFAULT_PRESET });
    const timing = PROFILES[setup.timing ?? 'realistic'];
    if (!timing) throw new RangeError(`timing must be "realistic" or "fast", got ${JSON.stringify(setup.timing)}`);
    this.hardware = new Hardware(this.engine, this.spec, timing);
    this.hardware.dc.clock = () => this.engine.now;
    this.hardwareView = new HardwareView(this.hardware.dc, this.view, () => ({ stopped: this.hardware.health.healingStopped }));
    this.fabric = new FabricController(this.engine, this.hardware, FABRIC_TIMING[setup.timing ?? 'realistic']);
    this.replicas = new ReplicatedFc(this.engine, { profile: setup.timing ?? 'realistic', timing: FC_RAFT_TIMING[setup.timing ?? 'realistic'] });
    this.fcReplicas = new FcReplicas(this.hardware, this.replicas);
    this.decisions = new DecisionLog(this.engine, this.replicas);
    this.fabric.decide = (kind, subject, data) => this.decisions.decide(kind, subject, data);
    this.engine.on('fc.replicaFail', (ev) => {
      this.fcReplicas.fail(ev.subject);
      return { primary: this.replicas.primary() };
    });
    this.engine.on('fc.replicaRepair', (ev) => {
      this.fcReplicas.repair(ev.subject);
      return { up: this.replicas.isUp(ev.subject) };
    });
    this.upgrades = new Upgrades(this.engine, this.fabric);
    this.hostOs = new HostOsUpdate(this.engine, this.hardware, this.fabric, setup.timing ?? 'realistic');
    this.hardwareView.instancesOf = (h) => this.fabric.capacity.instances[h]!;
    this.fabricView = new FabricView(this.fabric, this.view, (h) => this.hardware.dc.topology.hostId(h), () => this.engine.now);
    this.ledger = new RunLedger(this.hardware, this.fabric, () => this.engine.now);
    this.fabric.observer = this.ledger;
    this.engine.log.onAppend = (r) => {
      this.markers.tap(r);
      this.ledger.tap(r);
    };
    for (const d of setup.deploy ?? []) this.deploy(d.service, d.slot ?? 'production', { csdef: d.csdef, cscfg: d.cscfg });
  }

  /** Role instances the FC has placed on a rack's hosts. */
  instancesOnRack(rackIndex: number): number {
    return this.fabric.instancesOnRack(rackIndex);
  }

  /** Reads and validates a service's files against this data center; throws DeployError listing the errors. */
  loadPackage(service: string, files?: { csdef: SourceFile; cscfg: SourceFile }) {
    const f = files ?? this.services.get(service);
    if (!f) throw new DeployError(`no service files for "${service}"`, []);
    const { model, diagnostics } = loadServiceModel({ csdef: f.csdef, cscfg: f.cscfg }, { images: this.images, host: this.spec.host });
    if (!model || hasErrors(diagnostics)) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const first = errors.slice(0, 3).map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('; ');
      throw new DeployError(`${service} cannot be deployed: ${errors.length} error${errors.length === 1 ? '' : 's'} (${first})`, errors);
    }
    if (model.name !== service) {
      throw new DeployError(`the files define service "${model.name}", not "${service}"`, []);
    }
    return packageOf(model, this.images, f.cscfg.name);
  }

  /** Deploys a service (its registered files, or the given ones) into a slot. */
  deploy(service: string, slot: Slot = 'production', files?: { csdef: SourceFile; cscfg: SourceFile }): void {
    const pkg = this.loadPackage(service, files);
    const f = files ?? this.services.get(service)!;
    if (files && !this.services.has(service)) this.services.set(service, files);
    if (this.fabric.deployments.has(`${service}/${slot}`)) {
      throw new DeployError(`a deployment of ${service} already exists in the ${slot} slot (delete it, upgrade it, or use the other slot)`, []);
    }
    this.deployedFiles.set(`${service}/${slot}`, f);
    this.fabric.requestDeploy(service, slot, pkg);
  }

  private production(service: string) {
    const dep = this.fabric.production(service);
    if (!dep) throw new UpgradeError(`there is no production deployment of ${service}`);
    return dep;
  }

  /** In-place upgrade of the production deployment to a new package. */
  upgrade(service: string, files: { csdef: SourceFile; cscfg: SourceFile }, mode: UpgradeMode): void {
    const dep = this.production(service);
    const pkg = this.loadPackage(service, files);
    this.upgrades.request(dep.id, pkg, mode);
    this.deployedFiles.set(dep.id, files);
  }

  /**
   * A new .cscfg at run time: instance counts and setting values change without a
   * redeployment; setting changes roll across update domains. A different .csdef needs
   * an upgrade or a new deployment.
   */
  configure(service: string, cscfg: SourceFile): void {
    const dep = this.production(service);
    const current = this.deployedFiles.get(dep.id)!;
    const pkg = this.loadPackage(service, { csdef: current.csdef, cscfg });
    const settingsChanged = pkg.roles.some((r, i) => JSON.stringify(r.settings) !== JSON.stringify(dep.pkg.roles[i]?.settings));
    const countsChanged = pkg.roles.some((r, i) => r.instances !== dep.pkg.roles[i]?.instances);
    if (!settingsChanged && !countsChanged) throw new UpgradeError(`the new configuration of ${service} changes nothing`);
    if (settingsChanged) this.upgrades.request(dep.id, pkg, 'auto', true);
    else for (const r of pkg.roles) if (r.instances !== dep.pkg.roles.find((x) => x.name === r.name)!.instances) this.fabric.decide('role.scale', `${service}/${r.name}`, { count: r.instances });
    this.deployedFiles.set(dep.id, { csdef: current.csdef, cscfg });
  }

  /** VIP swap of the staging and production deployments of a service. */
  swap(service: string): void {
    if (!this.fabric.deployments.has(`${service}/production`) || !this.fabric.deployments.has(`${service}/staging`)) {
      throw new UpgradeError(`a VIP swap needs a production and a staging deployment of ${service}`);
    }
    const [p, s] = [this.deployedFiles.get(`${service}/production`), this.deployedFiles.get(`${service}/staging`)];
    if (p) this.deployedFiles.set(`${service}/staging`, p);
    if (s) this.deployedFiles.set(`${service}/production`, s);
    this.fabric.decide('deployment.swap', service);
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
