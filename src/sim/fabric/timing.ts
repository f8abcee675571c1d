/**
 * How long the FC's work on role instances takes, per timing profile. fidelity.md gives
 * the guest agent's 25-minute connect timeout, the 10-minute guest-to-host limit and the
 * 30-minute start wait of upgrades; the durations of each provisioning step are not
 * public and are simulator parameters, chosen so that a first deployment takes about
 * five minutes and service healing completes "usually within 15 minutes" (fidelity.md).
 */

import { MINUTE, SECOND } from '../engine/time';
import type { ProfileName } from '../hardware/timing';
import type { RaftTiming } from '../replicas';

/**
 * The FC replicas' timing inside a run. Not public (fidelity.md): parameters. The realistic
 * profile uses a one-second heartbeat and a 3-6 s election timeout, as coarse-grained
 * lock and coordination services do (an FC decision is not latency-critical), which
 * keeps a quiet day of a region at about four replica events a second; the fast profile
 * keeps Raft's own 50 ms / 150-300 ms so elections are quick on stage.
 */
export const FC_RAFT_TIMING: Record<ProfileName, Partial<RaftTiming>> = {
  realistic: { heartbeatMs: 1000, electionMinMs: 3000, electionMaxMs: 6000 },
  fast: {},
};

export interface FabricTiming {
  /** Copying a 30 GiB base VHD to a host that has no cached copy (scaled by image size). */
  readonly copyBaseVhdMs: number;
  /** Creating the VM from the base VHD and a new differencing disk. */
  readonly createVmMs: number;
  /** Booting the VM until its guest agent connects. */
  readonly vmBootMs: number;
  /** Median duration of one startup task. */
  readonly startupTaskMs: number;
  /** The role host process starting (OnStart) until it reports Ready. */
  readonly roleStartMs: number;
  /** Stopping a role or a VM. */
  readonly stopMs: number;
  /** A new VM's guest agent must connect within this (fidelity.md: 25 minutes, WaitTimeout). */
  readonly guestAgentTimeoutMs: number;
  /** Clean-VM WaitTimeouts in a row before the host is declared faulty (fidelity.md: 3). */
  readonly waitTimeoutsForHumanInvestigate: number;
  /** A guest-to-host communication failure longer than this restarts the VM (fidelity.md: 10 minutes). */
  readonly unresponsiveVmRestartMs: number;
  /** During an upgrade, the FC waits this long for an instance to start (fidelity.md: 30 minutes). */
  readonly upgradeStartWaitMs: number;
  /** Deployments the FC heals at the same time (fidelity.md: a few applications at a time). */
  readonly healingConcurrency: number;
  /** Simulated writes to a differencing disk, MiB per hour (a parameter). */
  readonly diffDiskWriteMiBPerHour: number;
}

export const FABRIC_TIMING: Record<ProfileName, FabricTiming> = {
  realistic: {
    copyBaseVhdMs: 90 * SECOND,
    createVmMs: 45 * SECOND,
    vmBootMs: 90 * SECOND,
    startupTaskMs: 30 * SECOND,
    roleStartMs: 30 * SECOND,
    stopMs: 20 * SECOND,
    guestAgentTimeoutMs: 25 * MINUTE,
    waitTimeoutsForHumanInvestigate: 3,
    unresponsiveVmRestartMs: 10 * MINUTE,
    upgradeStartWaitMs: 30 * MINUTE,
    healingConcurrency: 4,
    diffDiskWriteMiBPerHour: 120,
  },
  fast: {
    copyBaseVhdMs: 10 * SECOND,
    createVmMs: 5 * SECOND,
    vmBootMs: 8 * SECOND,
    startupTaskMs: 3 * SECOND,
    roleStartMs: 3 * SECOND,
    stopMs: 2 * SECOND,
    guestAgentTimeoutMs: 3 * MINUTE,
    waitTimeoutsForHumanInvestigate: 3,
    unresponsiveVmRestartMs: 1 * MINUTE,
    upgradeStartWaitMs: 3 * MINUTE,
    healingConcurrency: 4,
    diffDiskWriteMiBPerHour: 1200,
  },
};
