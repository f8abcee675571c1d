/**
 * Timing of the replicated FC. fidelity.md ("The FC itself") gives the shape (5 replicas,
 * quorum of 3) but no timings: every value here is a simulator parameter.
 *
 * The values follow Raft's timing requirement broadcastTime << electionTimeout << MTBF
 * (Ongaro and Ousterhout 2014, section 5.6) and the paper's measured choice of a
 * 150-300 ms randomized election timeout (section 9.3). A message takes a median 5 ms:
 * a hop inside one data center plus the write to stable storage each RPC needs before
 * it is answered. The heartbeat (50 ms) is a third of the shortest election timeout, so
 * that one or two lost heartbeats do not start an election.
 *
 * Both profiles keep the same values: they are already sub-second, and the fast profile
 * only compresses the minutes and hours of the hardware and the services.
 */

import type { ProfileName } from '../hardware/timing';

export interface RaftTiming {
  /** One-way delay of a message: log-normal around the median, clipped to [min, max]. */
  readonly latencyMedianMs: number;
  readonly latencyMinMs: number;
  readonly latencyMaxMs: number;
  /** Randomized election timeout, drawn uniformly from [min, max] each time it is reset. */
  readonly electionMinMs: number;
  readonly electionMaxMs: number;
  /** A primary sends AppendEntries (empty when there is nothing new) this often. */
  readonly heartbeatMs: number;
  /** Most log entries carried by one AppendEntries. */
  readonly maxEntriesPerMessage: number;
  /**
   * A primary that has not heard from a majority within one maximal election timeout
   * steps down (Ongaro's dissertation, 2014, section 6.2, "check quorum"): a primary cut
   * off in a minority stops claiming the role, so the FC shows as frozen.
   */
  readonly checkQuorum: boolean;
}

const STANDARD: RaftTiming = {
  latencyMedianMs: 5,
  latencyMinMs: 1,
  latencyMaxMs: 50,
  electionMinMs: 150,
  electionMaxMs: 300,
  heartbeatMs: 50,
  maxEntriesPerMessage: 64,
  checkQuorum: true,
};

export const RAFT_TIMING: Readonly<Record<ProfileName, RaftTiming>> = {
  realistic: STANDARD,
  fast: STANDARD,
};

/** Throws a RangeError naming the first bad value. */
export function checkTiming(t: RaftTiming): void {
  const whole = (name: keyof RaftTiming, min: number): void => {
    const v = t[name];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
      throw new RangeError(`replica timing ${name} must be a whole number >= ${min}, got ${String(v)}`);
    }
  };
  whole('latencyMinMs', 0);
  whole('latencyMedianMs', t.latencyMinMs);
  whole('latencyMaxMs', t.latencyMedianMs);
  whole('heartbeatMs', 1);
  whole('electionMinMs', t.heartbeatMs + 1);
  whole('electionMaxMs', t.electionMinMs);
  whole('maxEntriesPerMessage', 1);
}
