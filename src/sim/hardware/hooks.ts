/**
 * What the hardware layer tells the layer above it (the FC's service management, in
 * src/sim/fabric). Until services exist, the defaults do nothing and report nothing to move.
 */

export interface HostHooks {
  /** Ground truth: the host's VMs stopped (power lost, crash, hang, hardware fault). */
  vmsStopped(host: number): void;
  /** The FC has given up on the host: re-create its instances on other hosts. */
  hostLost(host: number, reason: string): void;
  /** The host came back in place (after a reboot): start its VMs again there. */
  hostRecovered(host: number): void;
  /** A host the FC had written off answers again: destroy its stale instances first; returns how many. */
  fence(host: number): number;
  /** Move every instance off a container; returns how many are still to move (0 when none). */
  evacuate(container: number): number;
  /** The FC has detected that a host stopped answering (before it decides what to do). */
  hostUnresponsive(host: number): void;
  /** Ground truth: what the network or the load balancers can reach changed for these hosts ('all': every host). */
  reachabilityChanged(hosts: readonly number[] | 'all'): void;
  /** Healing resumed after the Human Investigate stop: move what waited for it. */
  healingResumed(): void;
}

export const NO_HOOKS: HostHooks = {
  vmsStopped: () => undefined,
  hostLost: () => undefined,
  hostRecovered: () => undefined,
  fence: () => 0,
  evacuate: () => 0,
  hostUnresponsive: () => undefined,
  reachabilityChanged: () => undefined,
  healingResumed: () => undefined,
};
