/**
 * What the FC needs of a service model to deploy it: a compact, plain-data package
 * (roles with their sizes, counts, endpoints, storage, startup tasks and images) made
 * from a validated ServiceModel. Checkpoints and frames carry this, not the parse tree.
 */

import type { ServiceModel } from '../servicemodel/model';
import type { ImageStore, VhdImage } from '../servicemodel/images';

export interface PackageRole {
  readonly name: string;
  readonly type: 'WebRole' | 'WorkerRole' | 'VirtualMachineRole';
  readonly vmsize: string;
  readonly cores: number;
  readonly memoryMiB: number;
  readonly diskGiB: number;
  readonly instances: number;
  /** Public ports of input endpoints: a role with any is behind the load balancer. */
  readonly inputPorts: readonly { readonly name: string; readonly protocol: string; readonly port: number }[];
  readonly endpointCount: number;
  readonly localStorage: readonly { readonly name: string; readonly sizeInMB: number; readonly cleanOnRoleRecycle: boolean }[];
  readonly startupTasks: readonly { readonly commandLine: string; readonly taskType: string }[];
  /** The base VHD the role boots from: a VM role's own image, or the Guest OS image of the osFamily. */
  readonly image: VhdImage;
  readonly settings: Readonly<Record<string, string>>;
}

export interface ServicePackage {
  readonly service: string;
  readonly upgradeDomainCount: number;
  readonly roles: readonly PackageRole[];
  /** A short label of this version, for views (e.g. the .cscfg's file name). */
  readonly label: string;
}

/** The Guest OS images web and worker roles boot from, per osFamily (sizes are simulator parameters). */
export function guestOsImage(osFamily: string | undefined): VhdImage {
  const names: Record<string, string> = {
    '1': 'Windows Server 2008 SP2',
    '2': 'Windows Server 2008 R2',
    '3': 'Windows Server 2012',
    '4': 'Windows Server 2012 R2',
    '5': 'Windows Server 2016',
    '6': 'Windows Server 2019',
    '7': 'Windows Server 2022',
  };
  const family = osFamily && names[osFamily] ? osFamily : '1';
  return { name: `guestos-family${family}.vhd`, version: `family ${family}`, sizeGiB: 30, description: `Guest OS: ${names[family]}` };
}

export function packageOf(model: ServiceModel, images: ImageStore, label: string): ServicePackage {
  return {
    service: model.name,
    upgradeDomainCount: model.upgradeDomainCount,
    label,
    roles: model.roles.map((r) => {
      const size = r.size ?? { cores: 1, memoryMiB: 1792, diskGiB: 225 };
      const image = r.type === 'VirtualMachineRole' && r.osImage ? images.lookup(r.osImage.href) : undefined;
      const settings: Record<string, string> = {};
      for (const s of r.settings) if (s.value !== undefined) settings[s.name] = s.value;
      return {
        name: r.name,
        type: r.type,
        vmsize: r.vmsize,
        cores: size.cores,
        memoryMiB: size.memoryMiB,
        diskGiB: size.diskGiB,
        instances: r.instances,
        inputPorts: r.endpoints.flatMap((e) =>
          e.kind === 'input' && e.port !== undefined ? [{ name: e.name, protocol: e.protocol ?? 'tcp', port: e.port }] : [],
        ),
        endpointCount: r.endpoints.length,
        localStorage: r.localStorage.map((l) => ({ name: l.name, sizeInMB: l.sizeInMB, cleanOnRoleRecycle: l.cleanOnRoleRecycle })),
        startupTasks: r.startupTasks.map((t) => ({ commandLine: t.commandLine, taskType: t.taskType })),
        image: image ?? guestOsImage(model.osFamily),
        settings,
      };
    }),
  };
}
