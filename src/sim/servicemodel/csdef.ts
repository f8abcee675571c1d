/**
 * Reads a ServiceDefinition.csdef element tree into a `ServiceDefinition`: the root's
 * attributes, the load balancer probes, each role and its parts. Legacy forms are read
 * too (`InputEndpoints` for `Endpoints`, `LocalStorage` straight under the role);
 * children may come in any order, as they do in real files.
 */

import type { DiagnosticList } from './diagnostics';
import {
  readCertificates,
  readEndpoints,
  readImports,
  readLocalStorage,
  readRuntime,
  readSettings,
  readStartup,
} from './csdef-parts';
import type { PartScope } from './csdef-parts';
import { ROLE_TYPES } from './model';
import type {
  DeclaredCertificate,
  DeclaredSetting,
  DefinitionRole,
  Endpoint,
  Import,
  LoadBalancerProbe,
  LocalStorage,
  RoleType,
  Runtime,
  ServiceDefinition,
  StartupTask,
  TopologyChangeDiscovery,
} from './model';
import { Attrs, checkName, checkRoot, INT_MAX, ReadContext, show } from './reader';
import { DEFAULT_VM_SIZE, VM_SIZES, vmSize, vmSizeIgnoringCase } from './sizes';
import type { VmSize } from './sizes';
import type { XmlElement } from './xml';

/** Children a role may have once each (the legacy InputEndpoints and LocalStorage excepted). */
const ONCE = ['Endpoints', 'LocalResources', 'ConfigurationSettings', 'Imports', 'Startup', 'Certificates', 'Runtime', 'Sites', 'Contents'];

/** Role children that a VirtualMachineRole does not have: it boots its own image. */
const NOT_FOR_VM_ROLE = ['Sites', 'Startup', 'Runtime', 'Contents'];

function readProbes(ctx: ReadContext, container: XmlElement, into: LoadBalancerProbe[]): void {
  const path = 'ServiceDefinition/LoadBalancerProbes';
  for (const el of ctx.children(container, path)) {
    if (el.local !== 'LoadBalancerProbe') {
      ctx.keepElement(el, path);
      continue;
    }
    const a = new Attrs(ctx, el, ['name', 'protocol', 'path', 'port', 'intervalInSeconds', 'timeoutInSeconds'], path);
    const name = a.required('name');
    if (name === undefined) continue;
    a.label = `LoadBalancerProbe '${name}'`;
    a.present('protocol');
    const protocol = a.choice('protocol', ['http', 'tcp']);
    const probePath = a.string('path');
    if (protocol === 'http' && (probePath === undefined || probePath.trim() === '')) {
      ctx.diags.error(ctx.where(el), 'probe-path', `${a.label} uses protocol http and needs a path (e.g. path="/health"); the probe asks for that page.`);
    }
    if (protocol === 'tcp' && probePath !== undefined) {
      ctx.diags.error(ctx.where(el, 'path'), 'probe-path', `${a.label} uses protocol tcp and must not have a path (path=${show(probePath)}): a tcp probe only opens a connection.`);
    }
    into.push({
      name,
      protocol,
      path: probePath,
      port: a.port('port'),
      intervalInSeconds: a.int('intervalInSeconds', 5, INT_MAX, 'it must be a whole number of seconds, at least 5', 'probe-interval') ?? 15,
      timeoutInSeconds: a.int('timeoutInSeconds', 11, INT_MAX, 'it must be a whole number of seconds, at least 11', 'probe-timeout') ?? 31,
      src: ctx.src(el),
    });
  }
}

function resolveSize(ctx: ReadContext, el: XmlElement, role: string, vmsize: string | undefined): VmSize | undefined {
  if (vmsize === undefined) return vmSize(DEFAULT_VM_SIZE);
  const exact = vmSize(vmsize);
  if (exact) return exact;
  const near = vmSizeIgnoringCase(vmsize.trim());
  if (near) {
    ctx.diags.warning(ctx.where(el, 'vmsize'), 'vmsize-case', `Role '${role}' has vmsize=${show(vmsize)}; the size is spelled "${near.name}". Read as ${near.name}.`);
    return near;
  }
  ctx.diags.error(
    ctx.where(el, 'vmsize'),
    'vmsize-unknown',
    `Role '${role}' has vmsize=${show(vmsize)}, which is not a known VM size. Allowed values: ${VM_SIZES.map((s) => s.name).join(', ')}.`,
  );
  return undefined;
}

function readRole(ctx: ReadContext, el: XmlElement, type: RoleType): DefinitionRole | undefined {
  const known = type === 'VirtualMachineRole' ? ['name', 'vmsize'] : ['name', 'vmsize', 'enableNativeCodeExecution'];
  const a = new Attrs(ctx, el, known, 'ServiceDefinition');
  const name = a.required('name');
  if (name === undefined) return undefined;
  checkName(ctx, el, 'name', `${type} name`, name);
  a.label = `${type} '${name}'`;
  const vmsize = a.string('vmsize');
  const size = resolveSize(ctx, el, name, vmsize);
  const path = `ServiceDefinition/${type}[${name}]`;
  const s: PartScope = { ctx, role: name, path };

  const endpoints: Endpoint[] = [];
  const localStorage: LocalStorage[] = [];
  const settings: DeclaredSetting[] = [];
  const certificates: DeclaredCertificate[] = [];
  const imports: Import[] = [];
  const startupTasks: StartupTask[] = [];
  let runtime: Runtime | undefined;
  let sites: XmlElement | undefined;
  let contents: XmlElement | undefined;
  const seen = new Map<string, XmlElement>();

  for (const c of ctx.children(el, path)) {
    const first = seen.get(c.local);
    if (first && ONCE.includes(c.local)) {
      ctx.diags.error(ctx.where(c), 'duplicate', `<${c.local}> appears twice in ${a.label} (first at line ${first.line}); it may appear once. Both are read.`);
    }
    seen.set(c.local, first ?? c);
    if (type === 'VirtualMachineRole' && NOT_FOR_VM_ROLE.includes(c.local)) {
      ctx.diags.error(ctx.where(c), 'vm-role-child', `A VirtualMachineRole has no <${c.local}>: '${name}' boots its own image, so do that work inside the image.`);
      ctx.keepElement(c, path, false);
      continue;
    }
    if (type === 'WorkerRole' && c.local === 'Sites') {
      ctx.diags.error(ctx.where(c), 'worker-sites', `<Sites> is only for a WebRole; WorkerRole '${name}' has no IIS sites.`);
      ctx.keepElement(c, path, false);
      continue;
    }
    switch (c.local) {
      case 'Endpoints':
      case 'InputEndpoints':
        endpoints.push(...readEndpoints(s, c));
        break;
      case 'LocalResources':
        for (const ls of ctx.children(c, `${path}/LocalResources`)) {
          if (ls.local !== 'LocalStorage') ctx.keepElement(ls, `${path}/LocalResources`);
          else {
            const r = readLocalStorage(s, ls, `${path}/LocalResources`);
            if (r) localStorage.push(r);
          }
        }
        break;
      case 'LocalStorage': {
        const r = readLocalStorage(s, c, path);
        if (r) localStorage.push(r);
        break;
      }
      case 'ConfigurationSettings':
        settings.push(...readSettings(s, c));
        break;
      case 'Imports':
        imports.push(...readImports(s, c));
        break;
      case 'Startup':
        startupTasks.push(...readStartup(s, c));
        break;
      case 'Certificates':
        certificates.push(...readCertificates(s, c));
        break;
      case 'Runtime':
        runtime = readRuntime(s, c);
        break;
      case 'Sites':
        sites = c;
        break;
      case 'Contents':
        contents = c;
        break;
      default:
        ctx.keepElement(c, path);
    }
  }
  return {
    name,
    type,
    vmsize: vmsize ?? DEFAULT_VM_SIZE,
    size,
    enableNativeCodeExecution: a.bool('enableNativeCodeExecution'),
    endpoints,
    localStorage,
    settings,
    certificates,
    imports,
    startupTasks,
    runtime,
    sites,
    contents,
    src: ctx.src(el),
  };
}

/** Reads a .csdef tree; undefined when the root is not `ServiceDefinition` (an error says so). */
export function readDefinition(root: XmlElement, file: string, diags: DiagnosticList): ServiceDefinition | undefined {
  if (!checkRoot(root, file, diags, 'ServiceDefinition')) return undefined;
  const ctx = new ReadContext(file, root.uri, diags);
  const a = new Attrs(ctx, root, ['name', 'upgradeDomainCount', 'topologyChangeDiscovery', 'schemaVersion'], '');
  a.label = '<ServiceDefinition>';
  const name = a.required('name') ?? '';
  checkName(ctx, root, 'name', 'The service name', name);
  const upgradeDomainCount =
    a.int('upgradeDomainCount', 1, 20, 'it must be a whole number from 1 to 20 (the default is 5)', 'upgrade-domain-count') ?? 5;
  const topologyChangeDiscovery = a.choice<TopologyChangeDiscovery>('topologyChangeDiscovery', ['Blast', 'UpgradeDomainWalk']);
  const loadBalancerProbes: LoadBalancerProbe[] = [];
  const roles: DefinitionRole[] = [];
  let networkTrafficRules: XmlElement | undefined;
  for (const c of ctx.children(root, 'ServiceDefinition')) {
    if ((ROLE_TYPES as readonly string[]).includes(c.local)) {
      const role = readRole(ctx, c, c.local as RoleType);
      if (role) roles.push(role);
    } else if (c.local === 'LoadBalancerProbes') {
      readProbes(ctx, c, loadBalancerProbes);
    } else if (c.local === 'NetworkTrafficRules') {
      networkTrafficRules = c;
      ctx.diags.warning(ctx.where(c), 'not-simulated', 'NetworkTrafficRules is kept and shown, but the simulator does not enforce traffic rules between roles.');
    } else ctx.keepElement(c, 'ServiceDefinition');
  }
  return {
    file,
    name,
    upgradeDomainCount,
    topologyChangeDiscovery,
    schemaVersion: a.string('schemaVersion'),
    loadBalancerProbes,
    roles,
    networkTrafficRules,
    unmodelled: ctx.unmodelled,
    src: ctx.src(root),
  };
}
