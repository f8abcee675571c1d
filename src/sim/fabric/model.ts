/**
 * Deployments and role instances as the FC keeps them: goal and current state, where
 * each instance runs, its network identity and its disk layers.
 */

import type { DeploymentHistory } from './history';
import type { ServicePackage } from './package';

export type Slot = 'production' | 'staging';

export type DeploymentStatus = 'Running' | 'Suspended' | 'RunningTransitioning' | 'SuspendedTransitioning' | 'Starting' | 'Suspending' | 'Deploying' | 'Deleting';

/** Service Management API names (fidelity.md). */
export type InstanceStatus =
  | 'RoleStateUnknown'
  | 'CreatingVM'
  | 'StartingVM'
  | 'CreatingRole'
  | 'StartingRole'
  | 'ReadyRole'
  | 'BusyRole'
  | 'StoppingRole'
  | 'StoppingVM'
  | 'DeletingVM'
  | 'StoppedVM'
  | 'RestartingRole'
  | 'CyclingRole'
  | 'FailedStartingRole'
  | 'FailedStartingVM'
  | 'UnresponsiveRole'
  | 'StoppedDeallocated'
  | 'Preparing';

/** Every InstanceStatus, numbered for the packed status history. */
export const INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'RoleStateUnknown',
  'CreatingVM',
  'StartingVM',
  'CreatingRole',
  'StartingRole',
  'ReadyRole',
  'BusyRole',
  'StoppingRole',
  'StoppingVM',
  'DeletingVM',
  'StoppedVM',
  'RestartingRole',
  'CyclingRole',
  'FailedStartingRole',
  'FailedStartingVM',
  'UnresponsiveRole',
  'StoppedDeallocated',
  'Preparing',
];
const STATUS_CODE: ReadonlyMap<InstanceStatus, number> = new Map(INSTANCE_STATUSES.map((s, i) => [s, i]));

/** Status changes kept per instance (the newest). */
export const STATUS_HISTORY = 30;

/** Appends a status change to an instance's packed history, dropping the oldest past STATUS_HISTORY. */
export function recordStatus(history: number[], t: number, s: InstanceStatus): void {
  history.push(t, STATUS_CODE.get(s)!);
  if (history.length > 2 * STATUS_HISTORY) history.splice(0, 2);
}

/** An instance's status history, oldest first. */
export function statusHistory(inst: Pick<Instance, 'history'>): { t: number; status: InstanceStatus }[] {
  const out: { t: number; status: InstanceStatus }[] = [];
  for (let i = 0; i + 1 < inst.history.length; i += 2) out.push({ t: inst.history[i]!, status: INSTANCE_STATUSES[inst.history[i + 1]!]! });
  return out;
}

/**
 * Where an instance is in the FC's reconciliation, and so which command comes next.
 * The table of transitions is in reconcile.ts.
 */
export type Phase =
  | 'unplaced' // waiting for a host
  | 'copying' // base VHD to the host
  | 'creating' // VM from base VHD + new differencing disk
  | 'booting' // VM boots until its guest agent connects
  | 'startup' // startup tasks, in order
  | 'starting' // role OnStart
  | 'ready'
  | 'restarting' // the role process restarts inside a running VM
  | 'rebooting' // the VM restarts, disks kept
  | 'unresponsive' // the host or VM stopped answering
  | 'updating' // an in-place upgrade stopped the role to update it
  | 'cycling' // a startup task failed: the role is recycled again and again
  | 'deleting'
  | 'gone';

/** One disk layer of an instance; `generation` grows each time it is rebuilt. */
export interface Disk {
  generation: number;
  createdAt: number;
  /** Host index it lives on. */
  host: number;
}

/**
 * An instance's three disk layers in one flat record (one object instead of four, for
 * 250,000 instances): the generation of each (grows each time it is rebuilt), when each
 * was made, and the host all three live on. Read one layer with `diskOf`.
 */
export interface Disks {
  c: number;
  d: number;
  e: number;
  cAt: number;
  dAt: number;
  eAt: number;
  host: number;
}

export type DiskName = 'c' | 'd' | 'e';

/** One disk layer of an instance, as a Disk. */
export function diskOf(inst: Pick<Instance, 'disks'>, name: DiskName): Disk {
  const d = inst.disks;
  return { generation: d[name], createdAt: name === 'c' ? d.cAt : name === 'd' ? d.dAt : d.eAt, host: d.host };
}

/** Rebuilds a disk layer now. */
export function rebuildDisk(inst: Pick<Instance, 'disks'>, name: DiskName, t: number): void {
  const d = inst.disks;
  d[name]++;
  if (name === 'c') d.cAt = t;
  else if (name === 'd') d.dAt = t;
  else d.eAt = t;
}

export interface Instance {
  readonly id: string;
  /** Its deployment's id (`service/slot`; changes when a VIP swap moves the deployment to the other slot). */
  deployment: string;
  /** Its deployment's uid, which never changes. */
  readonly depUid: number;
  readonly role: string;
  readonly roleIndex: number;
  readonly n: number;
  readonly fd: number;
  readonly ud: number;
  host: number;
  status: InstanceStatus;
  phase: Phase;
  /** Bumped whenever the instance is re-created or restarted: late replies to older work are ignored. */
  gen: number;
  computerName: string;
  dip: string;
  /** In the load balancer's pool (only while ReadyRole). */
  inPool: boolean;
  /** Ground truth: the VM and role really run and would serve. */
  running: boolean;
  /** An injected instance fault that has not been cleared. */
  fault: 'none' | 'hang';
  taskIndex: number;
  /** The package version the instance runs (its label, e.g. `v2`), and its index in the deployment's packages. */
  version: string;
  pkgIndex: number;
  /** Why it waits, when unplaced. */
  waitReason: string;
  disks: Disks;
  /** The last operation that touched its disks, and whether the differencing disk (D:) survived it. */
  lastDiskOp: { op: string; diffKept: boolean; t: number };
  /**
   * Status changes, packed (time, then the status's index in INSTANCE_STATUSES, in turn):
   * two numbers an entry instead of an object, for 250,000 instances. Read it with
   * `statusHistory`.
   */
  readonly history: number[];
  /** Startup task log, newest last (made on its first line: most roles have no startup tasks). */
  startupLog?: { t: number; text: string }[];
  waitTimeouts: number;
  /** Times the role was recycled after a failing startup task. */
  recycles: number;
}

export type UdState = 'pending' | 'inProgress' | 'completed' | 'failed';

/** An in-place upgrade walking update domains (fidelity.md: one UD at a time). */
export interface Upgrade {
  readonly mode: 'manual' | 'auto' | 'simultaneous';
  /** Package index the walk moves instances to, and the one they come from. */
  readonly to: number;
  readonly from: number;
  readonly ud: UdState[];
  /** The UD being walked, or -1 between steps (manual) / when done. */
  current: number;
  readonly startedAt: number;
  /** When the current UD started (for the 30-minute start wait). */
  udStartedAt: number;
  rollingBack: boolean;
  /** Only settings changed (a configuration change rolled across UDs): roles restart, nothing is reinstalled. */
  readonly configOnly: boolean;
}

export interface Deployment {
  /** Unique for the run, stable across VIP swaps. */
  readonly uid: number;
  id: string;
  readonly service: string;
  slot: Slot;
  /** The package new instances get (the target of an upgrade). */
  pkg: ServicePackage;
  /** Every package version this deployment has had, by index (v1 is index 0). */
  readonly packages: ServicePackage[];
  upgrade: Upgrade | undefined;
  status: DeploymentStatus;
  vip: string;
  dns: string;
  vlan: number;
  /** Per logical fault domain, the racks it uses (disjoint across fault domains). */
  readonly fdRacks: number[][];
  /** Instances by role name, by instance number. */
  readonly roles: Map<string, Instance[]>;
  readonly createdAt: number;
  /** Every instance has reached ReadyRole once. */
  started: boolean;
  /** Downtime accounting: ms unavailable, and since when it is down now. */
  downMs: number;
  downSince: number | undefined;
  /** Ready instances per role (package role order), kept up to date on every status change. */
  readyCounts: number[];
  /** Instances in the load balancer's pool per role (package role order): a role with none is not available, without a scan. */
  poolCounts: number[];
  readonly history: DeploymentHistory;
}
