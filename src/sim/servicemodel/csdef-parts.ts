/**
 * Readers for the parts of a role in a .csdef: endpoints, local storage, settings,
 * imports, startup tasks, certificates and the runtime. Each returns plain model data
 * and reports, with its position, every attribute that is missing or malformed.
 */

import type {
  DeclaredCertificate,
  DeclaredSetting,
  Endpoint,
  EnvironmentVariable,
  ExecutionContext,
  Import,
  LocalStorage,
  PortRange,
  Runtime,
  StartupTask,
  TaskType,
} from './model';
import { pluginModule, PLUGINS } from './plugins';
import { Attrs, INT_MAX } from './reader';
import type { ReadContext } from './reader';
import type { XmlElement } from './xml';

export const INPUT_PROTOCOLS = ['http', 'https', 'tcp', 'udp'] as const;
export const INTERNAL_PROTOCOLS = ['http', 'tcp', 'udp', 'any'] as const;
export const INSTANCE_INPUT_PROTOCOLS = ['tcp', 'udp'] as const;
const CONTEXTS: readonly ExecutionContext[] = ['limited', 'elevated'];
const TASK_TYPES: readonly TaskType[] = ['simple', 'foreground', 'background'];
/** What every part reader needs: the context, the role's name for messages and the path for unmodelled things. */
export interface PartScope {
  readonly ctx: ReadContext;
  readonly role: string;
  readonly path: string;
}

const ofRole = (s: PartScope): string => `of role '${s.role}'`;

function portRange(s: PartScope, el: XmlElement, label: string): PortRange | undefined {
  const a = new Attrs(s.ctx, el, ['min', 'max'], s.path);
  a.label = `<FixedPortRange> of ${label}`;
  a.present('min');
  a.present('max');
  const min = a.port('min');
  const max = a.port('max');
  if (min === undefined || max === undefined) return undefined;
  if (min > max) {
    s.ctx.diags.error(s.ctx.where(el, 'min'), 'port-range', `${a.label} has min="${min}" above max="${max}".`);
    return undefined;
  }
  return { min, max };
}

/** The children of `<Endpoints>` (or of the legacy `<InputEndpoints>`). */
export function readEndpoints(s: PartScope, container: XmlElement): Endpoint[] {
  const out: Endpoint[] = [];
  const path = `${s.path}/${container.local}`;
  for (const el of s.ctx.children(container, path)) {
    const scope = { ...s, path: `${path}/${el.local}` };
    if (el.local === 'InputEndpoint') {
      const a = new Attrs(s.ctx, el, ['name', 'protocol', 'port', 'localPort', 'certificate', 'loadBalancerProbe', 'ignoreRoleInstanceStatus'], path);
      const name = a.required('name');
      if (name === undefined) continue;
      a.label = `InputEndpoint '${name}' ${ofRole(s)}`;
      a.present('protocol');
      a.present('port');
      const port = a.port('port');
      out.push({
        kind: 'input',
        name,
        protocol: a.choice('protocol', INPUT_PROTOCOLS),
        port,
        localPort: a.string('localPort') === undefined ? port : a.portOrAny('localPort'),
        certificate: a.string('certificate'),
        loadBalancerProbe: a.string('loadBalancerProbe'),
        ignoreRoleInstanceStatus: a.bool('ignoreRoleInstanceStatus') ?? false,
        src: s.ctx.src(el),
      });
    } else if (el.local === 'InternalEndpoint') {
      const a = new Attrs(s.ctx, el, ['name', 'protocol', 'port'], path);
      const name = a.required('name');
      if (name === undefined) continue;
      a.label = `InternalEndpoint '${name}' ${ofRole(s)}`;
      a.present('protocol');
      const fixedPorts: number[] = [];
      const fixedPortRanges: PortRange[] = [];
      for (const c of s.ctx.children(el, scope.path)) {
        if (c.local === 'FixedPort') {
          const p = new Attrs(s.ctx, c, ['port'], scope.path);
          p.label = `<FixedPort> of ${a.label}`;
          p.present('port');
          const port = p.port('port');
          if (port !== undefined) fixedPorts.push(port);
        } else if (c.local === 'FixedPortRange') {
          const r = portRange(scope, c, a.label);
          if (r) fixedPortRanges.push(r);
        } else s.ctx.keepElement(c, scope.path);
      }
      out.push({
        kind: 'internal',
        name,
        protocol: a.choice('protocol', INTERNAL_PROTOCOLS),
        port: a.portOrAny('port'),
        fixedPorts,
        fixedPortRanges,
        src: s.ctx.src(el),
      });
    } else if (el.local === 'InstanceInputEndpoint') {
      const a = new Attrs(s.ctx, el, ['name', 'protocol', 'localPort'], path);
      const name = a.required('name');
      if (name === undefined) continue;
      a.label = `InstanceInputEndpoint '${name}' ${ofRole(s)}`;
      a.present('protocol');
      a.present('localPort');
      let publicPorts: PortRange | undefined;
      for (const c of s.ctx.children(el, scope.path)) {
        if (c.local !== 'AllocatePublicPortFrom') {
          s.ctx.keepElement(c, scope.path);
          continue;
        }
        for (const r of s.ctx.children(c, `${scope.path}/AllocatePublicPortFrom`)) {
          if (r.local === 'FixedPortRange') publicPorts = portRange(scope, r, a.label);
          else s.ctx.keepElement(r, `${scope.path}/AllocatePublicPortFrom`);
        }
      }
      if (publicPorts === undefined) {
        s.ctx.diags.error(
          s.ctx.where(el),
          'required',
          `${a.label} has no <AllocatePublicPortFrom><FixedPortRange min=".." max=".."/>: the public ports of its instances are required.`,
        );
      }
      out.push({
        kind: 'instanceInput',
        name,
        protocol: a.choice('protocol', INSTANCE_INPUT_PROTOCOLS),
        localPort: a.port('localPort'),
        publicPorts,
        src: s.ctx.src(el),
      });
    } else s.ctx.keepElement(el, path);
  }
  return out;
}

export function readLocalStorage(s: PartScope, el: XmlElement, parentPath: string): LocalStorage | undefined {
  const a = new Attrs(s.ctx, el, ['name', 'sizeInMB', 'cleanOnRoleRecycle'], parentPath);
  const name = a.required('name');
  if (name === undefined) return undefined;
  a.label = `LocalStorage '${name}' ${ofRole(s)}`;
  return {
    name,
    sizeInMB: a.int('sizeInMB', 1, INT_MAX, 'it must be a whole number of megabytes, at least 1') ?? 100,
    cleanOnRoleRecycle: a.bool('cleanOnRoleRecycle') ?? true,
    src: s.ctx.src(el),
  };
}

export function readSettings(s: PartScope, container: XmlElement): DeclaredSetting[] {
  const path = `${s.path}/ConfigurationSettings`;
  const out: DeclaredSetting[] = [];
  for (const el of s.ctx.children(container, path)) {
    if (el.local !== 'Setting') {
      s.ctx.keepElement(el, path);
      continue;
    }
    const a = new Attrs(s.ctx, el, ['name'], path);
    a.label = `<Setting> ${ofRole(s)}`;
    const name = a.required('name');
    if (name !== undefined) out.push({ name, src: s.ctx.src(el) });
  }
  return out;
}

export function readImports(s: PartScope, container: XmlElement): Import[] {
  const path = `${s.path}/Imports`;
  const out: Import[] = [];
  for (const el of s.ctx.children(container, path)) {
    if (el.local !== 'Import') {
      s.ctx.keepElement(el, path);
      continue;
    }
    const a = new Attrs(s.ctx, el, ['moduleName'], path);
    a.label = `<Import> ${ofRole(s)}`;
    const moduleName = a.required('moduleName');
    if (moduleName === undefined) continue;
    if (!pluginModule(moduleName)) {
      s.ctx.diags.warning(
        s.ctx.where(el, 'moduleName'),
        'import-unknown',
        `Import module '${moduleName}' ${ofRole(s)} is not one the simulator knows ` +
          `(${PLUGINS.map((p) => p.name).join(', ')}); settings named Microsoft.WindowsAzure.Plugins.${moduleName}.* are accepted unchecked.`,
      );
    }
    out.push({ moduleName, src: s.ctx.src(el) });
  }
  return out;
}

function readEnvironment(s: PartScope, container: XmlElement, path: string): EnvironmentVariable[] {
  const out: EnvironmentVariable[] = [];
  for (const el of s.ctx.children(container, path)) {
    if (el.local !== 'Variable') {
      s.ctx.keepElement(el, path);
      continue;
    }
    const a = new Attrs(s.ctx, el, ['name', 'value'], path);
    a.label = `<Variable> ${ofRole(s)}`;
    const name = a.required('name');
    if (name === undefined) continue;
    let roleInstanceValue: string | undefined;
    for (const c of s.ctx.children(el, `${path}/Variable`)) {
      if (c.local !== 'RoleInstanceValue') {
        s.ctx.keepElement(c, `${path}/Variable`);
        continue;
      }
      const r = new Attrs(s.ctx, c, ['xpath'], `${path}/Variable`);
      r.label = `<RoleInstanceValue> of variable '${name}' ${ofRole(s)}`;
      roleInstanceValue = r.required('xpath');
    }
    const value = a.string('value');
    if (value !== undefined && roleInstanceValue !== undefined) {
      s.ctx.diags.error(s.ctx.where(el, 'value'), 'variable', `Variable '${name}' ${ofRole(s)} has both a value and a <RoleInstanceValue>; give one.`);
    } else if (value === undefined && roleInstanceValue === undefined) {
      s.ctx.diags.error(s.ctx.where(el), 'variable', `Variable '${name}' ${ofRole(s)} has neither a value nor a <RoleInstanceValue>; give one.`);
    }
    out.push({ name, value, roleInstanceValue, src: s.ctx.src(el) });
  }
  return out;
}

export function readStartup(s: PartScope, container: XmlElement): StartupTask[] {
  const path = `${s.path}/Startup`;
  const out: StartupTask[] = [];
  for (const el of s.ctx.children(container, path)) {
    if (el.local !== 'Task') {
      s.ctx.keepElement(el, path);
      continue;
    }
    const a = new Attrs(s.ctx, el, ['commandLine', 'executionContext', 'taskType'], path);
    a.label = `Startup <Task> ${ofRole(s)}`;
    const commandLine = a.required('commandLine');
    const executionContext = a.choice('executionContext', CONTEXTS) ?? 'limited';
    const taskType = a.choice('taskType', TASK_TYPES) ?? 'simple';
    const environment: EnvironmentVariable[] = [];
    for (const c of s.ctx.children(el, `${path}/Task`)) {
      if (c.local === 'Environment') environment.push(...readEnvironment(s, c, `${path}/Task/Environment`));
      else s.ctx.keepElement(c, `${path}/Task`);
    }
    if (commandLine !== undefined) out.push({ commandLine, executionContext, taskType, environment, src: s.ctx.src(el) });
  }
  return out;
}

export function readCertificates(s: PartScope, container: XmlElement): DeclaredCertificate[] {
  const path = `${s.path}/Certificates`;
  const out: DeclaredCertificate[] = [];
  for (const el of s.ctx.children(container, path)) {
    if (el.local !== 'Certificate') {
      s.ctx.keepElement(el, path);
      continue;
    }
    const a = new Attrs(s.ctx, el, ['name', 'storeLocation', 'storeName', 'permissionLevel'], path);
    a.label = `<Certificate> ${ofRole(s)}`;
    const name = a.required('name');
    if (name === undefined) continue;
    a.label = `Certificate '${name}' ${ofRole(s)}`;
    a.present('storeLocation');
    a.required('storeName');
    out.push({
      name,
      storeLocation: a.choice('storeLocation', ['LocalMachine', 'CurrentUser']),
      storeName: a.string('storeName'),
      permissionLevel: a.choice('permissionLevel', ['limitedOrElevated', 'elevated']),
      src: s.ctx.src(el),
    });
  }
  return out;
}

export function readRuntime(s: PartScope, el: XmlElement): Runtime {
  const path = `${s.path}/Runtime`;
  const a = new Attrs(s.ctx, el, ['executionContext'], s.path);
  a.label = `<Runtime> ${ofRole(s)}`;
  const environment: EnvironmentVariable[] = [];
  let entryPoint: XmlElement | undefined;
  for (const c of s.ctx.children(el, path)) {
    if (c.local === 'Environment') environment.push(...readEnvironment(s, c, `${path}/Environment`));
    else if (c.local === 'EntryPoint') entryPoint = c;
    else s.ctx.keepElement(c, path);
  }
  return { executionContext: a.choice('executionContext', CONTEXTS) ?? 'limited', environment, entryPoint, src: s.ctx.src(el) };
}
