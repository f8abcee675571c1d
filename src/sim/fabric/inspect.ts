/**
 * What the inspector shows for a role instance: where it runs, its identity, status
 * history, disk layers with what each operation keeps (fidelity.md, "Disks"), and the
 * startup task log.
 */

import { formatClock, HOUR } from '../engine/time';
import type { DiskRow, Inspection } from '../hardware/inspect';
import type { FabricController } from './controller';
import { statusHistory } from './model';

/** Disk table of fidelity.md: survives VM reboot, portal reboot, portal reimage, host loss. */
const SURVIVES: Record<'C' | 'D' | 'E', DiskRow['survives']> = {
  C: [true, true, true, false],
  D: [true, true, false, false],
  E: [true, false, false, false],
};

export function inspectInstance(fc: FabricController, id: string, now: number, hostName: (h: number) => string): Inspection | undefined {
  const inst = fc.instance(id);
  if (!inst) return undefined;
  const dep = fc.deploymentOf(inst);
  const role = dep.pkg.roles[inst.roleIndex]!;
  const grown = (createdAt: number) => Math.round(((now - createdAt) / HOUR) * fc.timing.diffDiskWriteMiBPerHour);
  const disks: DiskRow[] = [
    { drive: 'C:', label: `OS: base VHD ${role.image.name} (${role.image.version}), read-only, shared`, generation: inst.disks.c, sizeMiB: role.image.sizeGiB * 1024, survives: SURVIVES.C },
    { drive: 'D:', label: 'differencing / resource disk (this host only)', generation: inst.disks.d, sizeMiB: grown(inst.disks.dAt), survives: SURVIVES.D },
    {
      drive: 'E:',
      label: `role root${role.localStorage.length ? `; local storage ${role.localStorage.map((l) => `${l.name} ${l.sizeInMB} MB${l.cleanOnRoleRecycle ? ' (cleaned on recycle)' : ''}`).join(', ')}` : ''}`,
      generation: inst.disks.e,
      sizeMiB: role.localStorage.reduce((n, l) => n + l.sizeInMB, 0),
      survives: SURVIVES.E,
    },
  ];
  return {
    id,
    kind: 'instance',
    status: inst.status,
    statusText: inst.waitReason ? `waiting: ${inst.waitReason}` : inst.inPool ? 'ready, in the load balancer' : inst.status,
    facts: [
      ['Host', inst.host >= 0 ? hostName(inst.host) : '(none)'],
      ['Fault domain', String(inst.fd)],
      ['Update domain', String(inst.ud)],
      ['Computer name', inst.computerName || '(none)'],
      ['DIP', inst.dip || '(none)'],
      ['DNS', dep.dns],
      ['Role size', `${role.vmsize} (${role.cores} cores, ${Math.round(role.memoryMiB / 102.4) / 10} GiB)`],
      ['Version', inst.version],
      ['Differencing disk', `${inst.lastDiskOp.diffKept ? 'kept' : 'fresh'} after ${inst.lastDiskOp.op} at ${formatClock(inst.lastDiskOp.t)}`],
      ['Durable storage', 'blobs and tables outside the instance: survive everything'],
    ],
    history: statusHistory(inst).map((h) => ({ t: h.t, text: `${formatClock(h.t)} ${h.status}` })),
    commands: [],
    disks,
    startupLog: inst.startupLog ?? [],
  };
}
