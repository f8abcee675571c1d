/**
 * The services read model for the UI: one record per deployment (status, network
 * identity, readiness per role, availability) and one per role instance (where it runs,
 * its FD and UD, status, identity). Only deployments touched since the last frame are
 * recomputed. Instance records are sent for every deployment while the total stays
 * small, and otherwise only for the deployments the UI watches.
 */

import type { ViewRecord, ViewStore } from '../view/records';
import type { FabricController } from './controller';
import type { Deployment, Instance } from './model';

export const DEPLOYMENTS = 'deployments';
export const INSTANCES = 'instances';
export const REFUSALS = 'refusals';
export const SERIES = 'series';

/** Each ready instance writes this many blobs an hour to durable storage (a parameter of the samples). */
export const BLOBS_PER_INSTANCE_HOUR = 60;

/** Above this many instances in all, only watched deployments send instance records. */
export const WATCH_ALL_LIMIT = 2000;

export interface RoleSummary {
  readonly name: string;
  readonly type: string;
  readonly vmsize: string;
  readonly ready: number;
  readonly total: number;
  readonly behindLoadBalancer: boolean;
}

export interface DeploymentView extends ViewRecord {
  readonly service: string;
  readonly slot: string;
  readonly status: string;
  readonly vip: string;
  readonly dns: string;
  readonly available: boolean;
  readonly downMs: number;
  readonly fdCount: number;
  readonly udCount: number;
  readonly version: string;
  readonly roles: readonly RoleSummary[];
  /** Mean time to recover over the outages so far, ms. */
  readonly mttrMs: number;
  readonly outages: number;
  /** Blobs the service has written to durable storage, which survives every fault. */
  readonly durableBlobs: number;
  /** The upgrade in progress, if any: its mode, the state of each update domain, the one being walked. */
  readonly upgrade: {
    readonly mode: string;
    readonly from: string;
    readonly to: string;
    readonly ud: readonly string[];
    readonly current: number;
    readonly rollingBack: boolean;
    readonly configOnly: boolean;
  } | null;
}

export interface InstanceView extends ViewRecord {
  /** The instance's name (`shop/WebRole_IN_2`); the record id adds `@staging` for the staging slot. */
  readonly instance: string;
  readonly deployment: string;
  readonly role: string;
  readonly n: number;
  readonly fd: number;
  readonly ud: number;
  readonly host: string | null;
  readonly status: string;
  readonly computerName: string;
  readonly dip: string;
  readonly version: string;
  readonly inPool: boolean;
  readonly waitReason: string;
  readonly diffDisk: 'kept' | 'fresh';
  readonly lastOp: string;
}

/** Chart data of a deployment: ready instances per role over time and availability changes. */
export interface SeriesView extends ViewRecord {
  readonly roles: readonly string[];
  readonly ready: readonly { readonly t: number; readonly ready: readonly number[] }[];
  readonly availability: readonly { readonly t: number; readonly up: boolean }[];
}

export interface RefusalView extends ViewRecord {
  readonly reason: string;
}

export class FabricView {
  /** Deployments whose instances the UI asked for (used when there are many instances). */
  readonly watched = new Set<string>();
  private sentInstances = new Map<string, Set<string>>();

  constructor(
    private readonly fc: FabricController,
    private readonly store: ViewStore,
    private readonly hostName: (h: number) => string,
    private readonly now: () => number,
  ) {}

  private totalInstances(): number {
    let n = 0;
    for (const d of this.fc.deployments.values()) for (const l of d.roles.values()) n += l.length;
    return n;
  }

  /** Recomputes the deployments touched since the last call (all of them with `everything`). */
  update(everything = false): void {
    const ids = everything ? [...this.fc.deployments.keys(), ...this.fc.refusals.keys(), ...this.sentInstances.keys()] : [...this.fc.dirty];
    this.fc.dirty.clear();
    // a frame where no deployment changed costs nothing, however many there are
    if (ids.length === 0) return;
    const watchAll = this.totalInstances() <= WATCH_ALL_LIMIT;
    for (const id of new Set(ids)) {
      if (!id.includes('/')) {
        // a service name: its last refusal
        const reason = this.fc.refusals.get(id);
        if (reason) this.store.put<RefusalView>(REFUSALS, { id, reason });
        else this.store.remove(REFUSALS, id);
        continue;
      }
      const dep = this.fc.deployments.get(id);
      if (!dep) {
        this.store.remove(DEPLOYMENTS, id);
        this.store.remove(SERIES, id);
        this.dropInstances(id);
        continue;
      }
      this.store.put<DeploymentView>(DEPLOYMENTS, this.deploymentRecord(dep));
      if (watchAll || this.watched.has(id)) {
        this.putInstances(dep);
        this.putSeries(dep);
      } else this.dropInstances(id);
    }
  }

  private deploymentRecord(dep: Deployment): DeploymentView {
    return {
      id: dep.id,
      service: dep.service,
      slot: dep.slot,
      status: dep.status,
      vip: dep.vip,
      dns: dep.dns,
      available: this.fc.available(dep),
      downMs: dep.downMs,
      fdCount: dep.fdRacks.length,
      udCount: dep.pkg.upgradeDomainCount,
      version: dep.pkg.label,
      mttrMs: Math.round(dep.history.mttrMs()),
      outages: dep.history.outages.length,
      durableBlobs: Math.floor(dep.history.readyInstanceHours(this.now()) * BLOBS_PER_INSTANCE_HOUR),
      upgrade: dep.upgrade
        ? {
            mode: dep.upgrade.mode,
            from: dep.packages[dep.upgrade.from]!.label,
            to: dep.packages[dep.upgrade.to]!.label,
            ud: [...dep.upgrade.ud],
            current: dep.upgrade.current,
            rollingBack: dep.upgrade.rollingBack,
            configOnly: dep.upgrade.configOnly,
          }
        : null,
      roles: dep.pkg.roles.map((r, ri) => {
        const list = dep.roles.get(r.name) ?? [];
        return {
          name: r.name,
          type: r.type,
          vmsize: r.vmsize,
          // kept on every status change: no scan of the role's instances
          ready: dep.readyCounts[ri] ?? 0,
          total: list.length,
          behindLoadBalancer: r.inputPorts.length > 0,
        };
      }),
    };
  }

  private instanceRecord(i: Instance): InstanceView {
    return {
      // staging instances share their names with production's: their records get the slot
      id: i.deployment.endsWith('/production') ? i.id : `${i.id}@staging`,
      instance: i.id,
      deployment: i.deployment,
      role: i.role,
      n: i.n,
      fd: i.fd,
      ud: i.ud,
      host: i.host >= 0 ? this.hostName(i.host) : null,
      status: i.status,
      computerName: i.computerName,
      dip: i.dip,
      version: i.version,
      inPool: i.inPool,
      waitReason: i.waitReason,
      diffDisk: i.lastDiskOp.diffKept ? 'kept' : 'fresh',
      lastOp: i.lastDiskOp.op,
    };
  }

  private putInstances(dep: Deployment): void {
    const now = new Set<string>();
    for (const list of dep.roles.values()) {
      for (const i of list) {
        const rec = this.instanceRecord(i);
        now.add(rec.id);
        const prev = this.store.get<InstanceView>(INSTANCES, rec.id);
        if (!prev || !sameInstance(prev, rec)) this.store.put(INSTANCES, rec);
      }
    }
    for (const id of this.sentInstances.get(dep.id) ?? []) if (!now.has(id)) this.store.remove(INSTANCES, id);
    this.sentInstances.set(dep.id, now);
  }

  private putSeries(dep: Deployment): void {
    const prev = this.store.get<SeriesView>(SERIES, dep.id);
    const h = dep.history;
    if (prev && prev.ready.length === h.ready.length && prev.availability.length === h.availability.length && prev.ready.at(-1) === h.ready.at(-1)) return;
    this.store.put<SeriesView>(SERIES, {
      id: dep.id,
      roles: dep.pkg.roles.map((r) => r.name),
      ready: [...h.ready],
      availability: [...h.availability],
    });
  }

  private dropInstances(depId: string): void {
    for (const id of this.sentInstances.get(depId) ?? []) this.store.remove(INSTANCES, id);
    this.sentInstances.delete(depId);
    this.store.remove(SERIES, depId);
  }
}

function sameInstance(a: InstanceView, b: InstanceView): boolean {
  return (
    a.deployment === b.deployment &&
    a.status === b.status &&
    a.host === b.host &&
    a.computerName === b.computerName &&
    a.dip === b.dip &&
    a.inPool === b.inPool &&
    a.waitReason === b.waitReason &&
    a.diffDisk === b.diffDisk &&
    a.lastOp === b.lastOp &&
    a.version === b.version
  );
}
