/**
 * Host and device statuses. `HostStatus` is what the Fabric Controller sees (after
 * detection), with the names scenarios and the UI use (../shared/scenarios.md); the
 * ground truth (what is really wrong) is `HostFault`, shown separately so a learner can
 * see a fault before the FC has detected it.
 */

export const HOST_STATUSES = [
  'Healthy',
  'Unreachable',
  'PoweredOff',
  'Down',
  'OutForRepair',
  'HumanInvestigate',
  'BurnIn',
  'Offline',
] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];

/** Status code per host in typed arrays: the index into HOST_STATUSES. */
export const HostCode: { readonly [K in HostStatus]: number } = Object.fromEntries(
  HOST_STATUSES.map((s, i) => [s, i]),
) as { [K in HostStatus]: number };

export const HOST_STATUS_TEXT: { readonly [K in HostStatus]: string } = {
  Healthy: 'reachable and in service',
  Unreachable: 'alive, but the FC cannot reach it',
  PoweredOff: 'no power',
  Down: 'crashed or hung (detected)',
  OutForRepair: 'out for repair',
  HumanInvestigate: 'repeated faults: waiting for a human to investigate',
  BurnIn: 'running burn-in tests before joining inventory',
  Offline: 'its container is out of service',
};

export function isHostStatus(s: unknown): s is HostStatus {
  return (HOST_STATUSES as readonly unknown[]).includes(s);
}

/** What is really wrong with a host, whatever the FC knows ('rebooting': down for a planned reboot, no fault). */
export const HOST_FAULTS = ['none', 'crash', 'hang', 'hardware', 'unpowered', 'partitioned', 'rebooting'] as const;
export type HostFault = (typeof HOST_FAULTS)[number];

/** Status of a switch, PDU, load balancer or aggregation switch. */
export type DeviceStatus = 'Up' | 'Failed';

/** Container service state (fidelity.md: containers are serviced as a whole). */
export const CONTAINER_STATES = ['InService', 'BurnIn', 'Evacuating', 'Servicing', 'Failed'] as const;
export type ContainerState = (typeof CONTAINER_STATES)[number];
