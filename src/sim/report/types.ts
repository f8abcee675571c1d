/**
 * The run report as plain data (it crosses the worker boundary by structured clone and
 * is saved as JSON): times are simulated milliseconds from the start of the run,
 * durations are milliseconds, hosts and assets are named by their ids.
 */

export const REPORT_VERSION = 1;

/** Duration statistics; null values when nothing was measured. */
export interface DurationSummary {
  readonly count: number;
  readonly medianMs: number | null;
  readonly maxMs: number | null;
  /** The median is over the newest values only (older ones are not kept). */
  readonly sampled: boolean;
}

export interface RunIdentity {
  readonly seed: number;
  readonly timing: 'realistic' | 'fast';
  readonly simulatedMs: number;
  /** Log records written, and the event-log hash over all of them. */
  readonly events: number;
  readonly hash: string;
  readonly datacenter: {
    /** The preset the run started from, when it named one. */
    readonly preset: string | null;
    readonly containers: number;
    readonly racks: number;
    readonly hosts: number;
    readonly faultDomains: number;
    readonly host: { readonly cores: number; readonly memoryMiB: number; readonly diskGiB: number };
    readonly loadBalancer: string;
  };
}

export type FaultAssetKind = 'host' | 'tor' | 'pdu' | 'rack' | 'agg' | 'lb' | 'container' | 'instance' | 'fc';

export interface FaultReport {
  /** 1 for the run's first fault, and so on. */
  readonly n: number;
  readonly t: number;
  readonly asset: string;
  readonly kind: FaultAssetKind;
  /** In words: "Top-of-rack switch failed", "Host crash". */
  readonly what: string;
  readonly mode: string;
  /** Hosts the fault reached, and how (partition, power), when the log said. */
  readonly hosts: number | null;
  readonly reach: string | null;
  /** When the FC first noticed it (a host detected), when it was repaired and by whom. */
  readonly detectedAt: number | null;
  readonly repairedAt: number | null;
  readonly repairedBy: string | null;
  /** Role instances it took out of service, how many are still not ready again, and when the last one was ready. */
  readonly affectedInstances: number;
  readonly waitingInstances: number;
  readonly recoveredAt: number | null;
  readonly recoveryMs: number | null;
}

export interface HealingReport {
  /** When the FC decided to re-create the instance elsewhere. */
  readonly t: number;
  readonly instance: string;
  readonly deployment: string;
  readonly reason: string;
  readonly from: string | null;
  readonly to: string | null;
  /** Since when it was out of service: its fault, or when it stopped being ready. */
  readonly since: number;
  readonly readyAt: number | null;
  readonly recoveryMs: number | null;
  readonly outcome: 'ready' | 'in progress' | 'moved again';
}

export interface OutageReport {
  readonly start: number;
  /** null while the outage goes on. */
  readonly end: number | null;
  readonly durationMs: number;
}

export interface AvailabilityReport {
  readonly deployment: string;
  readonly service: string;
  readonly slot: string;
  readonly version: string;
  readonly status: string;
  readonly deletedAt: number | null;
  readonly availableNow: boolean;
  /** First available at; observed from then until now (or its deletion). */
  readonly since: number | null;
  readonly observedMs: number;
  readonly availableMs: number;
  readonly downMs: number;
  /** availableMs / observedMs x 100; null before it was first available. */
  readonly availabilityPct: number | null;
  readonly outageCount: number;
  /** The newest outages (older ones are counted, not listed). */
  readonly outages: readonly OutageReport[];
  /** Mean time to recover over completed outages; mean time between failures (available time per outage). */
  readonly mttrMs: number | null;
  readonly mtbfMs: number | null;
}

export interface DomainCount {
  readonly instances: number;
  readonly ready: number;
}

export interface DomainsReport {
  readonly deployment: string;
  readonly faultDomains: number;
  readonly updateDomains: number;
  readonly roles: readonly {
    readonly role: string;
    readonly instances: number;
    readonly ready: number;
    readonly byFaultDomain: readonly DomainCount[];
    readonly byUpdateDomain: readonly DomainCount[];
  }[];
}

export interface ElectionReport {
  readonly t: number;
  readonly term: number;
  readonly primary: string;
  readonly previous: string | null;
  /** Time without a primary before this one was elected (0 for a direct hand-over). */
  readonly withoutPrimaryMs: number;
}

export interface RunReport {
  readonly fabricLab: 'report';
  readonly version: typeof REPORT_VERSION;
  readonly title: string;
  readonly simulatedMs: number;
  readonly run: RunIdentity;
  readonly faults: {
    readonly total: number;
    /** Not repaired yet. */
    readonly open: number;
    /** The newest faults, oldest first. */
    readonly list: readonly FaultReport[];
  };
  readonly healings: {
    readonly total: number;
    readonly recovery: DurationSummary;
    readonly list: readonly HealingReport[];
  };
  readonly availability: readonly AvailabilityReport[];
  readonly domains: readonly DomainsReport[];
  readonly recovery: {
    /** From a fault to each instance it took out being ready again. */
    readonly instances: DurationSummary;
    /** From a fault to every instance it took out being ready again. */
    readonly faults: DurationSummary;
    /** Instances taken out by a fault and not ready again yet. */
    readonly waiting: number;
  };
  readonly elections: {
    readonly total: number;
    readonly primary: string | null;
    readonly term: number;
    /** Time without a primary over the whole run, the longest stretch, and since when there is none now. */
    readonly withoutPrimaryMs: number;
    readonly longestWithoutPrimaryMs: number;
    readonly withoutPrimarySince: number | null;
    readonly list: readonly ElectionReport[];
  };
}
