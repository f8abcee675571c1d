/**
 * The run report's running summaries, kept as the run goes (the event log itself keeps
 * only its newest records): faults with their detection, repair and the instances they
 * took out; healings (instances re-created elsewhere); FC elections; the deployments
 * seen. Fed by the event log's records and by the FC's observer hook; it only reads the
 * model, never changes it, so the event log and its hash are the same with or without
 * it. Memory is bounded (rings of the newest entries), work per record is O(1) apart
 * from a fault's own reach (the instances on the hosts it touches).
 */

import type { LogRecord } from '../engine/log';
import type { FabricController, FabricObserver } from '../fabric/controller';
import { statusHistory, type Deployment, type Instance, type InstanceStatus } from '../fabric/model';
import type { Hardware } from '../hardware/hardware';
import { parseAssetId, rackId } from '../hardware/ids';
import { DurationStats, Ring } from './ring';
import type { FaultAssetKind } from './types';

/** Entries kept per list (the newest). */
export const LEDGER_LIMITS = { faults: 1000, healings: 1000, elections: 500, deployments: 256 } as const;

export interface FaultEntry {
  readonly n: number;
  readonly t: number;
  readonly asset: string;
  readonly kind: FaultAssetKind;
  readonly mode: string;
  readonly hosts: number | null;
  readonly reach: string | null;
  detectedAt: number | null;
  repairedAt: number | null;
  repairedBy: string | null;
  affected: number;
  /** Instances it took out that are not ready again yet. */
  readonly pending: Set<Instance>;
  recoveredAt: number | null;
  /** Keys of the detection index it is filed under until detected. */
  readonly scopes: readonly string[];
}

export interface HealingEntry {
  readonly t: number;
  readonly inst: Instance;
  readonly instance: string;
  readonly deployment: string;
  readonly reason: string;
  readonly from: string | null;
  to: string | null;
  readonly since: number;
  readyAt: number | null;
  outcome: 'ready' | 'in progress' | 'moved again';
}

export interface ElectionEntry {
  readonly t: number;
  readonly term: number;
  readonly primary: string;
  readonly previous: string | null;
  readonly withoutPrimaryMs: number;
}

export interface TrackedDeployment {
  readonly dep: Deployment;
  deletedAt: number | null;
}

export class RunLedger implements FabricObserver {
  readonly faults = new Ring<FaultEntry>(LEDGER_LIMITS.faults);
  /** Faults not repaired yet, by asset (kept even when the ring has dropped them). */
  readonly open = new Map<string, FaultEntry[]>();
  /** Open faults not detected yet, by the host, rack or container they reach. */
  private readonly undetected = new Map<string, Set<FaultEntry>>();
  /** Per instance taken out by a fault: those faults, and whether it has left ReadyRole since. */
  readonly waitingOn = new Map<Instance, Map<FaultEntry, boolean>>();
  readonly instanceRecovery = new DurationStats();
  readonly faultRecovery = new DurationStats();

  readonly healings = new Ring<HealingEntry>(LEDGER_LIMITS.healings);
  private readonly openHealing = new Map<Instance, HealingEntry>();
  readonly healingRecovery = new DurationStats();

  readonly elections = new Ring<ElectionEntry>(LEDGER_LIMITS.elections);
  primary: string | null = null;
  term = 0;
  private lastPrimary: string | null = null;
  /** The run starts without a primary. */
  noPrimarySince: number | null = 0;
  withoutPrimaryMs = 0;
  longestWithoutPrimaryMs = 0;

  readonly deployments = new Ring<TrackedDeployment>(LEDGER_LIMITS.deployments);

  constructor(
    private readonly hw: Hardware,
    private readonly fc: FabricController,
    private readonly now: () => number,
  ) {}

  /** Reads one event-log record (installed as the log's tap by the Simulation). */
  tap(r: LogRecord): void {
    switch (r.kind) {
      case 'fault.inject':
        return this.assetFault(r);
      case 'instance.fail':
        return this.instanceFault(r);
      case 'fc.replicaFail':
        return void this.addFault(r.t, r.subject, 'fc', 'crash', null, null, [], [], null);
      case 'fault.repair':
        return this.assetRepair(r.t, r.subject);
      case 'instance.repair':
        return this.repaired(r.subject, r.t, 'operator');
      case 'fc.vmRestart':
        return this.repaired(r.subject, r.t, 'VM restart (host agent)');
      case 'fc.replicaRepair':
        return this.repaired(r.subject, r.t, 'operator');
      case 'host.booted':
        if (r.fields.recovered === 'in place') this.repaired(r.subject, r.t, 'FC reboot');
        return;
      case 'health.detect':
        return this.detected(r.subject, r.t);
      case 'fc.raft.primary':
        return this.primaryChanged(r.t, typeof r.fields.primary === 'string' ? r.fields.primary : null, Number(r.fields.term));
      case 'deploy.request': {
        if (r.fields.refused !== undefined) return;
        const dep = this.fc.deployments.get(`${r.subject}/${String(r.fields.slot)}`);
        if (dep) this.deployments.push({ dep, deletedAt: null });
        return;
      }
      case 'deployment.delete':
        for (const d of this.deployments.toArray()) if (d.dep.id === r.subject && d.deletedAt === null) d.deletedAt = r.t;
        return;
    }
  }

  // ---- faults ------------------------------------------------------------------------

  private assetFault(r: LogRecord): void {
    const ref = parseAssetId(r.subject);
    if (!ref || ref.kind === 'fc') return;
    const dc = this.hw.dc;
    const hostsField = typeof r.fields.hosts === 'number' ? r.fields.hosts : null;
    let hosts: Iterable<number> = [];
    let scope: string | undefined;
    switch (ref.kind) {
      case 'host':
        hosts = [dc.topology.hostIndex(r.subject)];
        scope = r.subject;
        break;
      case 'tor':
      case 'pdu':
      case 'rack': {
        const rack = dc.topology.rack(ref.c, ref.r)!;
        hosts = dc.hostsOfRack(rack.index);
        scope = rack.id;
        break;
      }
      case 'agg':
      case 'container':
        // a redundant aggregation switch reaches no host
        if (ref.kind === 'container' || (hostsField ?? 0) > 0) hosts = dc.hostsOfContainer(ref.c);
        scope = ref.kind === 'container' || (hostsField ?? 0) > 0 ? `c${ref.c}` : undefined;
        break;
      case 'lb':
        break;
    }
    const insts: Instance[] = [];
    for (const h of hosts) for (const i of this.fc.instancesOnHost(h)) if (i.phase !== 'gone') insts.push(i);
    const reach = typeof r.fields.reach === 'string' ? r.fields.reach : null;
    this.addFault(r.t, r.subject, ref.kind, String(r.fields.mode ?? 'fail'), hostsField, reach, insts, scope ? [scope] : [], null);
  }

  private instanceFault(r: LogRecord): void {
    const inst = this.fc.instance(r.subject);
    const mode = String(r.fields.mode ?? 'crash');
    // the guest agent or the FC notices an instance fault at once
    const f = this.addFault(r.t, r.subject, 'instance', mode, null, null, inst ? [inst] : [], [], r.t);
    // a crashed role restarts by itself: it is over when the role is ready again
    if (mode === 'crash') this.closeOpen(f);
  }

  private addFault(
    t: number,
    asset: string,
    kind: FaultAssetKind,
    mode: string,
    hosts: number | null,
    reach: string | null,
    insts: readonly Instance[],
    scopes: readonly string[],
    detectedAt: number | null,
  ): FaultEntry {
    const f: FaultEntry = {
      n: this.faults.total + 1,
      t,
      asset,
      kind,
      mode,
      hosts,
      reach,
      detectedAt,
      repairedAt: null,
      repairedBy: null,
      affected: insts.length,
      pending: new Set(insts),
      recoveredAt: null,
      scopes,
    };
    for (const inst of insts) {
      let m = this.waitingOn.get(inst);
      if (!m) this.waitingOn.set(inst, (m = new Map()));
      // an instance not ready when the fault struck has to become ready again anyway
      m.set(f, inst.status !== 'ReadyRole');
    }
    const list = this.open.get(asset);
    if (list) list.push(f);
    else this.open.set(asset, [f]);
    for (const s of scopes) {
      let set = this.undetected.get(s);
      if (!set) this.undetected.set(s, (set = new Set()));
      set.add(f);
    }
    const dropped = this.faults.push(f);
    if (dropped) this.forgetPending(dropped);
    return f;
  }

  /** A fault pushed out of the ring no longer waits on its instances. */
  private forgetPending(f: FaultEntry): void {
    for (const inst of f.pending) this.unwait(inst, f);
    f.pending.clear();
  }

  private unwait(inst: Instance, f: FaultEntry): void {
    const m = this.waitingOn.get(inst);
    m?.delete(f);
    if (m?.size === 0) this.waitingOn.delete(inst);
  }

  private closeOpen(f: FaultEntry): void {
    const list = this.open.get(f.asset);
    if (!list) return;
    const i = list.indexOf(f);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.open.delete(f.asset);
    for (const s of f.scopes) {
      const set = this.undetected.get(s);
      set?.delete(f);
      if (set?.size === 0) this.undetected.delete(s);
    }
  }

  private detected(hostId: string, t: number): void {
    const ref = parseAssetId(hostId);
    if (ref?.kind !== 'host') return;
    for (const key of [hostId, rackId(ref.c, ref.r), `c${ref.c}`]) {
      const set = this.undetected.get(key);
      if (!set) continue;
      for (const f of set) if (f.detectedAt === null) f.detectedAt = t;
      this.undetected.delete(key);
    }
  }

  /** Closes the open faults of an asset; repaired instances that never stopped being ready count as recovered now. */
  private repaired(asset: string, t: number, by: string): void {
    const list = this.open.get(asset);
    if (!list) return;
    for (const f of [...list]) {
      f.repairedAt = t;
      f.repairedBy = by;
      this.closeOpen(f);
      for (const inst of [...f.pending]) {
        const left = this.waitingOn.get(inst)?.get(f) ?? true;
        if (!left && inst.status === 'ReadyRole' && this.fc.serving(inst)) this.instanceRecovered(inst, f, t);
      }
    }
  }

  private assetRepair(t: number, asset: string): void {
    this.repaired(asset, t, 'operator');
    const ref = parseAssetId(asset);
    if (!ref) return;
    if (ref.kind === 'rack') {
      // a rack's repair repairs its ToR switch and PDU
      this.repaired(`${asset}-tor`, t, 'operator');
      this.repaired(`${asset}-pdu`, t, 'operator');
    } else if (ref.kind === 'tor' || ref.kind === 'pdu') {
      // a failed rack is repaired once both its ToR switch and its PDU are
      const rack = this.hw.dc.topology.rack(ref.c, ref.r);
      if (rack && this.hw.dc.torUp[rack.index] === 1 && this.hw.dc.pduUp[rack.index] === 1) this.repaired(rack.id, t, 'operator');
    }
  }

  private instanceRecovered(inst: Instance, f: FaultEntry, t: number): void {
    f.pending.delete(inst);
    this.unwait(inst, f);
    this.instanceRecovery.add(t - f.t);
    if (f.pending.size === 0 && f.recoveredAt === null) {
      f.recoveredAt = t;
      this.faultRecovery.add(t - f.t);
      if (f.kind === 'instance' && f.mode === 'crash' && f.repairedAt === null) {
        f.repairedAt = t;
        f.repairedBy = 'role restart (guest agent)';
      }
    }
  }

  // ---- the FC's observer hook ---------------------------------------------------------

  statusChanged(inst: Instance, from: InstanceStatus): void {
    const faults = this.waitingOn.get(inst);
    if (inst.status === 'ReadyRole') {
      const t = this.now();
      if (faults) for (const f of [...faults.keys()]) this.instanceRecovered(inst, f, t);
      const h = this.openHealing.get(inst);
      if (h) {
        this.openHealing.delete(inst);
        h.readyAt = t;
        h.to = inst.host >= 0 ? this.hw.dc.topology.hostId(inst.host) : h.to;
        h.outcome = 'ready';
        this.healingRecovery.add(t - h.since);
      }
    } else if (from === 'ReadyRole' && faults) {
      for (const f of faults.keys()) faults.set(f, true);
    }
  }

  relocated(inst: Instance, fromHost: number, reason: string): void {
    const t = this.now();
    const prev = this.openHealing.get(inst);
    if (prev) prev.outcome = 'moved again';
    let since = t;
    for (const f of this.waitingOn.get(inst)?.keys() ?? []) since = Math.min(since, f.t);
    if (since === t) since = Math.min(t, leftReadyAt(inst) ?? t);
    const h: HealingEntry = {
      t,
      inst,
      instance: inst.id,
      deployment: inst.deployment,
      reason,
      from: fromHost >= 0 ? this.hw.dc.topology.hostId(fromHost) : null,
      to: null,
      since,
      readyAt: null,
      outcome: 'in progress',
    };
    this.openHealing.set(inst, h);
    const dropped = this.healings.push(h);
    if (dropped && this.openHealing.get(dropped.inst) === dropped) this.openHealing.delete(dropped.inst);
  }

  // ---- elections ------------------------------------------------------------------------

  private primaryChanged(t: number, primary: string | null, term: number): void {
    this.term = term;
    if (primary === null) {
      this.noPrimarySince ??= t;
      this.primary = null;
      return;
    }
    const gap = this.noPrimarySince === null ? 0 : t - this.noPrimarySince;
    this.withoutPrimaryMs += gap;
    this.longestWithoutPrimaryMs = Math.max(this.longestWithoutPrimaryMs, gap);
    this.noPrimarySince = null;
    this.elections.push({ t, term, primary, previous: this.lastPrimary, withoutPrimaryMs: gap });
    this.primary = primary;
    this.lastPrimary = primary;
  }
}

/** When the instance last stopped being ready, from its (bounded) status history. */
function leftReadyAt(inst: Instance): number | undefined {
  const h = statusHistory(inst);
  for (let i = h.length - 2; i >= 0; i--) if (h[i]!.status === 'ReadyRole') return h[i + 1]!.t;
  return undefined;
}
