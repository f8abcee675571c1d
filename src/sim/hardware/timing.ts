/**
 * Timing profiles. `realistic` uses the published thresholds of ../shared/fidelity.md
 * where they exist; the rest are simulator parameters, marked as such. `fast` compresses
 * everything for live demos, keeping the order of events the same.
 */

import { HOUR, MINUTE, SECOND } from '../engine/time';

export interface TimingProfile {
  readonly name: 'realistic' | 'fast';
  /** Missed heartbeats before the FC declares a host unresponsive. Not public: a parameter. */
  readonly detectionTimeoutMs: number;
  /** Heartbeat interval of a host agent: how soon a returning host is noticed. Not public: a parameter. */
  readonly heartbeatIntervalMs: number;
  /** Time for a host to boot after a power cycle (parameter). */
  readonly hostBootMs: number;
  /** How long the FC waits for a power-cycled host to come back before giving up (parameter). */
  readonly rebootWaitMs: number;
  /** A driver command to a device that does not answer times out after this (parameter). */
  readonly driverTimeoutMs: number;
  /** Driver retries: attempts in all, and the first backoff (doubled each time, with jitter). */
  readonly driverAttempts: number;
  readonly driverBackoffMs: number;
  /** Burn-in of a new container's hosts before they join inventory (parameter; fidelity.md: burn-in before inventory). */
  readonly burnInMs: number;
  /** Burn-in of a repaired host (parameter). */
  readonly repairBurnInMs: number;
  /** Servicing a whole container once it is evacuated (fidelity.md: a container was installed in about 8 hours). */
  readonly containerServiceMs: number;
  /** Window in which repeated host faults send a host to Human Investigate (parameter). */
  readonly faultWindowMs: number;
  /** Host faults within the window that send a host to Human Investigate (fidelity.md: 3 timeouts in a row). */
  readonly faultsForHumanInvestigate: number;
  /** Median latency of a driver command (parameter); the tail is log-normal. */
  readonly driverLatencyMs: number;
}

export const REALISTIC: TimingProfile = {
  name: 'realistic',
  detectionTimeoutMs: 2 * MINUTE,
  heartbeatIntervalMs: 15 * SECOND,
  hostBootMs: 4 * MINUTE,
  rebootWaitMs: 10 * MINUTE,
  driverTimeoutMs: 30 * SECOND,
  driverAttempts: 3,
  driverBackoffMs: 5 * SECOND,
  burnInMs: 6 * HOUR,
  repairBurnInMs: 1 * HOUR,
  containerServiceMs: 8 * HOUR,
  faultWindowMs: 24 * HOUR,
  faultsForHumanInvestigate: 3,
  driverLatencyMs: 200,
};

export const FAST: TimingProfile = {
  name: 'fast',
  detectionTimeoutMs: 10 * SECOND,
  heartbeatIntervalMs: 2 * SECOND,
  hostBootMs: 15 * SECOND,
  rebootWaitMs: 30 * SECOND,
  driverTimeoutMs: 3 * SECOND,
  driverAttempts: 3,
  driverBackoffMs: 1 * SECOND,
  burnInMs: 2 * MINUTE,
  repairBurnInMs: 30 * SECOND,
  containerServiceMs: 5 * MINUTE,
  faultWindowMs: 1 * HOUR,
  faultsForHumanInvestigate: 3,
  driverLatencyMs: 100,
};

export const PROFILES = { realistic: REALISTIC, fast: FAST } as const;
export type ProfileName = keyof typeof PROFILES;
