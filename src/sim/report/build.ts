/**
 * buildReport: the run report of a Simulation as plain data, read from what the run
 * keeps (the ledger's running summaries, the deployments' histories, the fabric now).
 * It changes nothing, so it can be built at any moment of a run.
 */

import type { FabricController } from '../fabric/controller';
import type { Deployment } from '../fabric/model';
import { DEFAULT_PRESET } from '../hardware/spec';
import type { Simulation } from '../simulation';
import type { DurationStats } from './ring';
import type { FaultEntry, HealingEntry, RunLedger, TrackedDeployment } from './ledger';
import {
  REPORT_VERSION,
  type AvailabilityReport,
  type DomainsReport,
  type DurationSummary,
  type FaultReport,
  type HealingReport,
  type OutageReport,
  type RunIdentity,
  type RunReport,
} from './types';

/** Outages listed per deployment (the newest; all are counted). */
export const OUTAGES_LISTED = 50;

export function buildReport(sim: Simulation): RunReport {
  const now = sim.engine.now;
  const ledger = sim.ledger;
  const run = identity(sim);
  const faults = ledger.faults.toArray();
  let open = 0;
  for (const list of ledger.open.values()) open += list.length;
  for (const f of faults) if (f.kind === 'instance' && f.mode === 'crash' && f.repairedAt === null && waiting(f) > 0) open++;
  return {
    fabricLab: 'report',
    version: REPORT_VERSION,
    title: `Fabric Lab run, seed ${sim.setup.seed}`,
    simulatedMs: now,
    run,
    faults: { total: ledger.faults.total, open, list: faults.map(faultReport) },
    healings: {
      total: ledger.healings.total,
      recovery: summary(ledger.healingRecovery),
      list: ledger.healings.toArray().map((h) => healingReport(sim, h)),
    },
    availability: trackedDeployments(ledger, sim.fabric).map((d) => availabilityReport(sim.fabric, d, now)),
    domains: [...sim.fabric.deployments.values()].map(domainsReport),
    recovery: {
      instances: summary(ledger.instanceRecovery),
      faults: summary(ledger.faultRecovery),
      waiting: [...ledger.waitingOn.keys()].filter((i) => i.phase !== 'gone').length,
    },
    elections: electionsReport(ledger, now),
  };
}

function identity(sim: Simulation): RunIdentity {
  const spec = sim.spec;
  const topo = sim.hardware.dc.topology;
  const dc = sim.setup.datacenter;
  const preset =
    dc === undefined ? DEFAULT_PRESET : typeof dc === 'object' && dc !== null && typeof (dc as { preset?: unknown }).preset === 'string' ? (dc as { preset: string }).preset : null;
  return {
    seed: sim.setup.seed,
    timing: sim.setup.timing ?? 'realistic',
    simulatedMs: sim.engine.now,
    events: sim.engine.log.count,
    hash: sim.engine.log.hash(),
    datacenter: {
      preset,
      containers: topo.containers.length,
      racks: topo.racks.length,
      hosts: sim.hardware.dc.hostCount,
      faultDomains: spec.faultDomains,
      host: { cores: spec.host.cores, memoryMiB: spec.host.memoryMiB, diskGiB: spec.host.diskGiB },
      loadBalancer: spec.loadBalancer,
    },
  };
}

function summary(s: DurationStats): DurationSummary {
  return { count: s.count, medianMs: s.median(), maxMs: s.count > 0 ? s.max : null, sampled: s.sampled };
}

const waiting = (f: FaultEntry): number => [...f.pending].filter((i) => i.phase !== 'gone').length;

const ASSET_WHAT: Readonly<Record<string, string>> = {
  tor: 'Top-of-rack switch failed',
  pdu: 'Power distribution unit failed',
  rack: 'Rack failed (ToR switch and PDU)',
  agg: 'Aggregation switch failed',
  lb: 'Load balancer failed',
  container: 'Container lost power',
  fc: 'FC replica failed',
};

/** A fault in words. */
export function faultWhat(kind: string, mode: string): string {
  if (kind === 'host') return mode === 'hardware' ? 'Host hardware fault' : `Host ${mode}`;
  if (kind === 'instance') return mode === 'hang' ? 'Role instance VM hung' : 'Role instance crashed';
  return ASSET_WHAT[kind] ?? `${kind} ${mode}`;
}

function faultReport(f: FaultEntry): FaultReport {
  return {
    n: f.n,
    t: f.t,
    asset: f.asset,
    kind: f.kind,
    what: faultWhat(f.kind, f.mode),
    mode: f.mode,
    hosts: f.hosts,
    reach: f.reach,
    detectedAt: f.detectedAt,
    repairedAt: f.repairedAt,
    repairedBy: f.repairedBy,
    affectedInstances: f.affected,
    waitingInstances: waiting(f),
    recoveredAt: f.recoveredAt,
    recoveryMs: f.recoveredAt === null ? null : f.recoveredAt - f.t,
  };
}

function healingReport(sim: Simulation, h: HealingEntry): HealingReport {
  // still on its way: where it is being re-created now
  const to = h.outcome === 'in progress' && h.inst.host >= 0 ? sim.hardware.dc.topology.hostId(h.inst.host) : h.to;
  return {
    t: h.t,
    instance: h.instance,
    deployment: h.deployment,
    reason: h.reason,
    from: h.from,
    to,
    since: h.since,
    readyAt: h.readyAt,
    recoveryMs: h.readyAt === null ? null : h.readyAt - h.since,
    outcome: h.outcome,
  };
}

/** Every deployment the ledger saw, and any it missed that runs now. */
function trackedDeployments(ledger: RunLedger, fc: FabricController): TrackedDeployment[] {
  const out = ledger.deployments.toArray();
  const seen = new Set(out.map((d) => d.dep));
  for (const dep of fc.deployments.values()) if (!seen.has(dep)) out.push({ dep, deletedAt: null });
  return out;
}

function availabilityReport(fc: FabricController, d: TrackedDeployment, now: number): AvailabilityReport {
  const { dep, deletedAt } = d;
  const end = deletedAt ?? now;
  const points = dep.history.availability;
  const since = points[0]?.t ?? null;
  const openMs = dep.downSince !== undefined ? Math.max(0, end - dep.downSince) : 0;
  const downMs = dep.downMs + openMs;
  const observedMs = since === null ? 0 : Math.max(0, end - since);
  const availableMs = Math.max(0, observedMs - downMs);
  const completed = dep.history.outages.length;
  const outageCount = completed + (dep.downSince !== undefined ? 1 : 0);
  return {
    deployment: dep.id,
    service: dep.service,
    slot: dep.slot,
    version: dep.pkg.label,
    status: deletedAt === null ? dep.status : 'Deleted',
    deletedAt,
    availableNow: deletedAt === null && fc.available(dep),
    since,
    observedMs,
    availableMs,
    downMs,
    availabilityPct: observedMs > 0 ? (availableMs / observedMs) * 100 : null,
    outageCount,
    outages: outagesOf(dep, end).slice(-OUTAGES_LISTED),
    mttrMs: completed > 0 ? dep.history.mttrMs() : null,
    mtbfMs: outageCount > 0 ? availableMs / outageCount : null,
  };
}

/** Outages from the availability changes still kept (a down change, then the next up one). */
function outagesOf(dep: Deployment, end: number): OutageReport[] {
  const a = dep.history.availability;
  const out: OutageReport[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.up) continue;
    const next = a[i + 1];
    const stop = next?.up ? next.t : null;
    out.push({ start: a[i]!.t, end: stop, durationMs: (stop ?? end) - a[i]!.t });
  }
  return out;
}

function domainsReport(dep: Deployment): DomainsReport {
  const fds = dep.fdRacks.length;
  const uds = dep.pkg.upgradeDomainCount;
  return {
    deployment: dep.id,
    faultDomains: fds,
    updateDomains: uds,
    roles: dep.pkg.roles.map((role) => {
      const list = (dep.roles.get(role.name) ?? []).filter((i) => i.phase !== 'gone');
      const byFd = Array.from({ length: fds }, () => ({ instances: 0, ready: 0 }));
      const byUd = Array.from({ length: uds }, () => ({ instances: 0, ready: 0 }));
      let ready = 0;
      for (const i of list) {
        const r = i.status === 'ReadyRole' ? 1 : 0;
        ready += r;
        const f = byFd[i.fd];
        if (f) {
          f.instances++;
          f.ready += r;
        }
        const u = byUd[i.ud];
        if (u) {
          u.instances++;
          u.ready += r;
        }
      }
      return { role: role.name, instances: list.length, ready, byFaultDomain: byFd, byUpdateDomain: byUd };
    }),
  };
}

function electionsReport(ledger: RunLedger, now: number): RunReport['elections'] {
  const ongoing = ledger.noPrimarySince === null ? 0 : now - ledger.noPrimarySince;
  return {
    total: ledger.elections.total,
    primary: ledger.primary,
    term: ledger.term,
    withoutPrimaryMs: ledger.withoutPrimaryMs + ongoing,
    longestWithoutPrimaryMs: Math.max(ledger.longestWithoutPrimaryMs, ongoing),
    withoutPrimarySince: ledger.noPrimarySince,
    list: ledger.elections.toArray().map((e) => ({ ...e })),
  };
}
