/**
 * Rules on a service definition that relate several elements: the role count, unique
 * names, the service-wide endpoint limit and input ports, https certificates, probe
 * references, local storage against the VM size's disk, and site bindings. Rules that
 * one attribute can decide are checked while reading (csdef.ts, cscfg.ts); rules that
 * relate the two files are in merge.ts.
 */

import { charge } from '../hostile/work';
import type { DiagnosticList } from './diagnostics';
import { at } from './model';
import type { DefinitionRole, Endpoint, PortRange, ServiceDefinition, Src } from './model';
import type { XmlElement } from './xml';

export const MAX_ROLES = 25;
export const MAX_ENDPOINTS = 25;
/** Input ports are compared for clashes among this many endpoints of a service (eight times the limit). */
const PORT_CHECK_ENDPOINTS = 8 * MAX_ENDPOINTS;

const describe = (e: Endpoint, role: string): string =>
  `${e.kind === 'input' ? 'InputEndpoint' : e.kind === 'internal' ? 'InternalEndpoint' : 'InstanceInputEndpoint'} '${e.name}' of role '${role}'`;

/** Reports a second use of a name; `key` folds case where Azure ignores it. */
function unique<T>(
  items: readonly T[],
  nameOf: (t: T) => string,
  report: (item: T, first: T) => void,
  key: (name: string) => string = (n) => n,
): void {
  const seen = new Map<string, T>();
  for (const it of items) {
    const k = key(nameOf(it));
    const first = seen.get(k);
    if (first !== undefined) report(it, first);
    else seen.set(k, it);
  }
}

function checkRoles(def: ServiceDefinition, diags: DiagnosticList): void {
  if (def.roles.length === 0) {
    diags.error(at(def.src), 'role-count', `Service '${def.name}' defines no roles; a service has 1 to ${MAX_ROLES} roles (WebRole, WorkerRole or VirtualMachineRole).`);
  } else if (def.roles.length > MAX_ROLES) {
    const extra = def.roles[MAX_ROLES]!;
    diags.error(at(extra.src), 'role-count', `Service '${def.name}' defines ${def.roles.length} roles; a service has at most ${MAX_ROLES}.`);
  }
  unique(
    def.roles,
    (r) => r.name,
    (r, first) =>
      diags.error(at(r.src, 'name'), 'role-duplicate', `Role name '${r.name}' is used twice (first at line ${first.src.line}); role names must be unique (case does not count).`),
    (n) => n.toLowerCase(),
  );
}

/** Each input port belongs to one endpoint of the whole service: the load balancer forwards it to one role. */
function checkInputPorts(def: ServiceDefinition, diags: DiagnosticList): void {
  type Use = { range: PortRange; what: string; src: Src };
  const singles = new Map<number, Use>();
  const ranges: Use[] = [];
  let total = 0;
  for (const role of def.roles) {
    for (const e of role.endpoints) {
      total++;
      if (total === MAX_ENDPOINTS + 1) {
        diags.error(at(e.src), 'endpoint-count', `${describe(e, role.name)} is endpoint number ${MAX_ENDPOINTS + 1} of the service; a service has at most ${MAX_ENDPOINTS} endpoints.`);
      }
      // Far past the limit the file is refused anyway; comparing every pair would only cost time.
      if (total > PORT_CHECK_ENDPOINTS) return;
      charge(ranges.length + 1);
      const range = e.kind === 'input' && e.port !== undefined ? { min: e.port, max: e.port } : e.kind === 'instanceInput' ? e.publicPorts : undefined;
      if (!range) continue;
      const use: Use = { range, what: describe(e, role.name), src: e.src };
      const overlaps = (u: Use): boolean => u.range.min <= range.max && range.min <= u.range.max;
      const clash =
        range.min === range.max ? (singles.get(range.min) ?? ranges.find(overlaps)) : (ranges.find(overlaps) ?? [...singles.values()].find(overlaps));
      if (clash) {
        const ports = range.min === range.max ? `port ${range.min}` : `ports ${range.min}-${range.max}`;
        diags.error(
          at(e.src, e.kind === 'input' ? 'port' : undefined),
          'port-duplicate',
          `${use.what} uses input ${ports}, already used by ${clash.what} (line ${clash.src.line}); an input port must be unique across the service.`,
        );
      } else if (range.min === range.max) singles.set(range.min, use);
      else ranges.push(use);
    }
  }
}

/** Inside one role, two endpoints cannot listen on the same local port. */
function checkLocalPorts(role: DefinitionRole, diags: DiagnosticList): void {
  const used = new Map<number, Endpoint>();
  for (const e of role.endpoints) {
    const ports =
      e.kind === 'input'
        ? typeof e.localPort === 'number' ? [e.localPort] : []
        : e.kind === 'internal'
          ? [...(typeof e.port === 'number' ? [e.port] : []), ...e.fixedPorts]
          : e.localPort !== undefined ? [e.localPort] : [];
    for (const p of ports) {
      const first = used.get(p);
      if (first && first !== e) {
        diags.error(at(e.src), 'local-port-duplicate', `${describe(e, role.name)} listens on port ${p}, as ${describe(first, role.name)} (line ${first.src.line}) does; endpoints of a role need different local ports.`);
      } else used.set(p, e);
    }
  }
}

function checkEndpoints(def: ServiceDefinition, role: DefinitionRole, diags: DiagnosticList, usedProbes: Set<string>, probes: ReadonlySet<string>): void {
  unique(
    role.endpoints,
    (e) => e.name,
    (e, first) => diags.error(at(e.src, 'name'), 'endpoint-duplicate', `Endpoint name '${e.name}' is used twice in role '${role.name}' (first at line ${first.src.line}); endpoint names must be unique in a role.`),
  );
  const certs = new Set(role.certificates.map((c) => c.name));
  for (const e of role.endpoints) {
    if (e.kind !== 'input') continue;
    const what = describe(e, role.name);
    if (e.protocol === 'https' && e.certificate === undefined) {
      diags.error(at(e.src), 'https-certificate', `${what} uses https but names no certificate: add certificate="NAME" naming a certificate declared in the role's <Certificates>.`);
    } else if (e.certificate !== undefined && !certs.has(e.certificate)) {
      diags.error(at(e.src, 'certificate'), 'certificate-undeclared', `${what} names certificate '${e.certificate}', which role '${role.name}' does not declare in <Certificates>.`);
    } else if (e.certificate !== undefined && e.protocol !== 'https' && e.protocol !== undefined) {
      diags.warning(at(e.src, 'certificate'), 'certificate-unused', `${what} uses ${e.protocol}, so its certificate '${e.certificate}' is not used (only https endpoints use one).`);
    }
    if (e.loadBalancerProbe !== undefined) {
      usedProbes.add(e.loadBalancerProbe);
      if (!probes.has(e.loadBalancerProbe)) {
        const known = def.loadBalancerProbes.slice(0, 10).map((p) => p.name);
        const more = def.loadBalancerProbes.length > known.length ? `, and ${def.loadBalancerProbes.length - known.length} more` : '';
        diags.error(
          at(e.src, 'loadBalancerProbe'),
          'probe-unknown',
          `${what} names loadBalancerProbe '${e.loadBalancerProbe}', which <LoadBalancerProbes> does not define${known.length ? ` (defined: ${known.join(', ')}${more})` : ''}.`,
        );
      }
    }
  }
  checkLocalPorts(role, diags);
}

function checkLocalStorage(role: DefinitionRole, diags: DiagnosticList): void {
  unique(
    role.localStorage,
    (l) => l.name,
    (l, first) => diags.error(at(l.src, 'name'), 'storage-duplicate', `LocalStorage '${l.name}' is declared twice in role '${role.name}' (first at line ${first.src.line}).`),
  );
  if (!role.size || role.localStorage.length === 0) return;
  const totalMB = role.localStorage.reduce((sum, l) => sum + l.sizeInMB, 0);
  const diskMB = role.size.diskGiB * 1024;
  if (totalMB > diskMB) {
    diags.error(
      at(role.localStorage[0]!.src),
      'storage-too-large',
      `Role '${role.name}' asks for ${totalMB} MB of local storage, more than the ${role.size.diskGiB} GiB (${diskMB} MB) temporary disk of vmsize '${role.vmsize}'.`,
    );
  }
}

function checkNames(role: DefinitionRole, diags: DiagnosticList): void {
  unique(
    role.settings,
    (s) => s.name,
    (s, first) => diags.error(at(s.src, 'name'), 'setting-duplicate', `Setting '${s.name}' is declared twice in role '${role.name}' (first at line ${first.src.line}).`),
  );
  unique(
    role.certificates,
    (c) => c.name,
    (c, first) => diags.error(at(c.src, 'name'), 'certificate-duplicate', `Certificate '${c.name}' is declared twice in role '${role.name}' (first at line ${first.src.line}).`),
  );
  unique(
    role.imports,
    (i) => i.moduleName,
    (i, first) => diags.warning(at(i.src, 'moduleName'), 'import-duplicate', `Module '${i.moduleName}' is imported twice in role '${role.name}' (first at line ${first.src.line}).`),
  );
}

/** Every `Binding@endpointName` of a web role's sites names an endpoint of that role. */
function checkBindings(role: DefinitionRole, file: string, diags: DiagnosticList): void {
  if (!role.sites) return;
  const names = new Set(role.endpoints.map((e) => e.name));
  const walk = (el: XmlElement): void => {
    if (el.local === 'Binding') {
      const ep = el.attributes.find((a) => a.name === 'endpointName');
      if (ep && !names.has(ep.value)) {
        diags.error(
          { file, line: ep.line, column: ep.column, element: 'Binding' },
          'binding-endpoint',
          `A site binding of role '${role.name}' names endpoint '${ep.value}', which the role does not declare in <Endpoints>.`,
        );
      }
    }
    el.children.forEach(walk);
  };
  walk(role.sites);
}

export function validateDefinition(def: ServiceDefinition, diags: DiagnosticList): void {
  checkRoles(def, diags);
  checkInputPorts(def, diags);
  unique(
    def.loadBalancerProbes,
    (p) => p.name,
    (p, first) => diags.error(at(p.src, 'name'), 'probe-duplicate', `LoadBalancerProbe '${p.name}' is defined twice (first at line ${first.src.line}).`),
  );
  const usedProbes = new Set<string>();
  const probes = new Set(def.loadBalancerProbes.map((p) => p.name));
  for (const role of def.roles) {
    checkEndpoints(def, role, diags, usedProbes, probes);
    checkLocalStorage(role, diags);
    checkNames(role, diags);
    checkBindings(role, def.file, diags);
  }
  for (const p of def.loadBalancerProbes) {
    if (!usedProbes.has(p.name)) {
      diags.warning(at(p.src), 'probe-unused', `LoadBalancerProbe '${p.name}' is not used by any InputEndpoint (loadBalancerProbe="${p.name}").`);
    }
  }
}
