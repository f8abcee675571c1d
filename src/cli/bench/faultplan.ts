/**
 * Faults at realistic rates for the region benchmark: what a day of a 100,000-host
 * availability zone brings. The rates are annual, per device; the plan draws the count
 * of each kind for the run's length from its rate (never fewer than the minimum the
 * benchmark asks for), spreads them over the run with a seeded stream, and repairs each
 * after a while, as a technician would.
 *
 * Sources:
 * - Hosts: Vishwanath and Nagappan, "Characterizing Cloud Computing Hardware
 *   Reliability" (SoCC 2010, Microsoft data centers of 100,000+ servers): about 8% of
 *   servers saw a hardware repair in a year, most of them disks that do not take the
 *   server down. We fail 4% of hosts a year (a simulator choice: "a few per cent").
 * - ToR switches about 5% a year, aggregation switches about 10% (Gill, Jain and
 *   Nagappan, "Understanding Network Failures in Data Centers", SIGCOMM 2011, also
 *   Microsoft data centers).
 * - Rack PDUs: no public per-rack rate; 2% a year (a simulator parameter). Dean (LADIS
 *   2009) counts about one large PDU failure per cluster a year.
 * - One whole container fails during the run (the benchmark asks for one).
 */

import type { Action } from '../../sim/actions';
import { Rng } from '../../sim/engine/prng';
import { HOUR } from '../../sim/engine/time';
import { hostId } from '../../sim/hardware/ids';
import type { Topology } from '../../sim/hardware/topology';

export const ANNUAL_RATES = { host: 0.04, tor: 0.05, agg: 0.1, pdu: 0.02 } as const;
const YEAR_MS = 365 * 24 * HOUR;

/** How long until the failed asset is repaired (simulator choices). */
export const REPAIR_AFTER_MS = { host: 4 * HOUR, tor: 1 * HOUR, agg: 1 * HOUR, pdu: 2 * HOUR, container: 4 * HOUR } as const;

export interface PlannedAction {
  /** Offset from the start of the faulty period, ms. */
  readonly at: number;
  readonly action: Action;
}

export interface FaultPlan {
  readonly actions: readonly PlannedAction[];
  readonly counts: { readonly host: number; readonly tor: number; readonly agg: number; readonly pdu: number; readonly container: number };
}

/** Expected failures of `devices` devices at an annual rate over `ms`, rounded, at least `min`. */
export function expectedFailures(devices: number, annualRate: number, ms: number, min = 1): number {
  return Math.max(min, Math.round((devices * annualRate * ms) / YEAR_MS));
}

/**
 * The plan for a run of `ms` on `topo`: faults between the first and the last hour of
 * the run (so detection and healing happen inside it), repairs when they fall inside.
 */
export function faultPlan(topo: Topology, ms: number, seed = 1): FaultPlan {
  const rng = Rng.fromSeed(seed ^ 0x5eed);
  const hosts = topo.hostCount;
  const racks = topo.racks.length;
  const containers = topo.containers.length;
  const counts = {
    host: expectedFailures(hosts, ANNUAL_RATES.host, ms),
    tor: expectedFailures(racks, ANNUAL_RATES.tor, ms),
    agg: expectedFailures(containers * 2, ANNUAL_RATES.agg, ms),
    pdu: expectedFailures(racks, ANNUAL_RATES.pdu, ms),
    container: containers > 1 ? 1 : 0,
  };
  const lo = Math.min(HOUR, Math.floor(ms / 8));
  const hi = Math.max(lo + 1, ms - lo);
  const when = () => rng.int(lo, hi);
  const out: PlannedAction[] = [];
  const usedRacks = new Set<number>();
  const add = (at: number, target: string, repairAfter: number, mode?: string) => {
    out.push({ at, action: mode ? { do: 'fail', target, mode } : { do: 'fail', target } });
    if (at + repairAfter < ms) out.push({ at: at + repairAfter, action: { do: 'repair', target } });
  };
  // one container, then racks elsewhere, then hosts in racks nobody else touches
  const failedContainer = counts.container ? rng.int(0, containers - 1) : -1;
  if (failedContainer >= 0) add(when(), `c${failedContainer}`, REPAIR_AFTER_MS.container);
  const freeRack = () => {
    for (;;) {
      const r = rng.int(0, racks - 1);
      if (usedRacks.has(r) || topo.racks[r]!.container === failedContainer) continue;
      usedRacks.add(r);
      return topo.racks[r]!;
    }
  };
  for (let i = 0; i < counts.tor; i++) add(when(), `${freeRack().id}-tor`, REPAIR_AFTER_MS.tor);
  for (let i = 0; i < counts.pdu; i++) add(when(), `${freeRack().id}-pdu`, REPAIR_AFTER_MS.pdu);
  for (let i = 0; i < counts.agg; i++) {
    let c = rng.int(0, containers - 1);
    if (c === failedContainer) c = (c + 1) % containers;
    add(when(), `c${c}-agg${i % 2}`, REPAIR_AFTER_MS.agg);
  }
  for (let i = 0; i < counts.host; i++) {
    const rack = freeRack();
    const h = rng.int(0, rack.hostCount - 1);
    // most host failures are crashes; some hang (the reboot clears them), some are hardware
    const draw = rng.next();
    const mode = draw < 0.6 ? 'crash' : draw < 0.8 ? 'hang' : 'hardware';
    add(when(), hostId(rack.container, rack.r, h), REPAIR_AFTER_MS.host, mode);
  }
  out.sort((a, b) => a.at - b.at);
  return { actions: out, counts };
}
