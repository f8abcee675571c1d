/**
 * Synthetic service model files, written inline (tests, benchmarks, fuzzing): roles with a size and a count, and
 * optional input endpoints, startup tasks and a VM role image.
 */

import type { SourceFile } from './load';

export interface TestRole {
  readonly name: string;
  readonly type?: 'WebRole' | 'WorkerRole' | 'VirtualMachineRole';
  readonly vmsize?: string;
  readonly instances: number;
  /** An http input endpoint on this port. */
  readonly port?: number;
  readonly startupTasks?: readonly string[];
  readonly image?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function serviceFiles(name: string, roles: readonly TestRole[], upgradeDomainCount = 3): { csdef: SourceFile; cscfg: SourceFile } {
  const def = roles
    .map((r) => {
      const type = r.type ?? (r.port ? 'WebRole' : 'WorkerRole');
      const endpoints = r.port ? `<Endpoints><InputEndpoint name="In${r.port}" protocol="http" port="${r.port}" /></Endpoints>` : '';
      const tasks = r.startupTasks?.length
        ? `<Startup>${r.startupTasks.map((c) => `<Task commandLine="${esc(c)}" executionContext="elevated" taskType="simple" />`).join('')}</Startup>`
        : '';
      return `<${type} name="${r.name}" vmsize="${r.vmsize ?? 'Small'}">${tasks}${endpoints}</${type}>`;
    })
    .join('');
  const cfg = roles
    .map((r) => `<Role name="${r.name}">${r.image ? `<OsImage href="${r.image}" />` : ''}<Instances count="${r.instances}" /></Role>`)
    .join('');
  return {
    csdef: {
      name: `${name}.csdef`,
      bytes: `<ServiceDefinition name="${name}" upgradeDomainCount="${upgradeDomainCount}" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">${def}</ServiceDefinition>`,
    },
    cscfg: {
      name: `${name}.cscfg`,
      bytes: `<ServiceConfiguration serviceName="${name}" osFamily="2" osVersion="*" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">${cfg}</ServiceConfiguration>`,
    },
  };
}
