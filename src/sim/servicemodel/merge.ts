/**
 * Joins a service definition with a service configuration into a `ServiceModel`, and
 * reports what one file has and the other lacks: the service name, roles on one side
 * only, settings and certificates given but not declared (nor implied by an imported
 * module) or declared but not given, and instance counts.
 */

import type { DiagnosticList } from './diagnostics';
import { at } from './model';
import type {
  Certificate,
  ConfigurationRole,
  ConfiguredCertificate,
  ConfiguredSetting,
  DefinitionRole,
  Role,
  ServiceConfiguration,
  ServiceDefinition,
  ServiceModel,
  Setting,
} from './model';
import { pluginModule, pluginOf } from './plugins';
import type { XmlElement } from './xml';

/** The roles of the .cscfg by name, reporting a second `Role` with the same name. */
function configuredRoles(cfg: ServiceConfiguration, diags: DiagnosticList): Map<string, ConfigurationRole> {
  const byName = new Map<string, ConfigurationRole>();
  for (const r of cfg.roles) {
    const first = byName.get(r.name);
    if (first) {
      diags.error(at(r.src, 'name'), 'role-duplicate', `Role '${r.name}' appears twice in the service configuration file (first at line ${first.src.line}).`);
    } else byName.set(r.name, r);
  }
  return byName;
}

/** Reports a second entry of the same name in the .cscfg and returns the first of each. */
function firstByName<T extends ConfiguredSetting | ConfiguredCertificate>(
  items: readonly T[],
  kind: 'Setting' | 'Certificate',
  role: string,
  diags: DiagnosticList,
): Map<string, T> {
  const byName = new Map<string, T>();
  for (const it of items) {
    const first = byName.get(it.name);
    if (first) {
      diags.error(at(it.src, 'name'), `${kind.toLowerCase()}-duplicate`, `${kind} '${it.name}' for role '${role}' is given twice in the service configuration file (first at line ${first.src.line}).`);
    } else byName.set(it.name, it);
  }
  return byName;
}

/** The module a plugin name comes from, if the role imports it. */
function importedModule(imported: ReadonlySet<string>, name: string): string | undefined {
  const m = pluginOf(name);
  return m !== undefined && imported.has(m) ? m : undefined;
}

function notImportedHint(name: string): string {
  const m = pluginOf(name);
  return m !== undefined && pluginModule(m) ? ` It belongs to the ${m} module: add <Import moduleName="${m}" /> to the role's <Imports>.` : '';
}

function mergeSettings(def: DefinitionRole, cfg: ConfigurationRole, diags: DiagnosticList): Setting[] {
  const given = firstByName(cfg.settings, 'Setting', def.name, diags);
  const out: Setting[] = [];
  const declared = new Set(def.settings.map((s) => s.name));
  const imported = new Set(def.imports.map((i) => i.moduleName));
  for (const d of def.settings) {
    const v = given.get(d.name);
    if (!v) {
      diags.error(
        at(cfg.src),
        'setting-missing',
        `Setting '${d.name}' for role '${def.name}' is declared in the service definition file (line ${d.src.line}) but has no value in the service configuration file.`,
      );
    }
    out.push({ name: d.name, from: 'definition', value: v?.value, src: d.src, valueSrc: v?.src });
  }
  for (const v of given.values()) {
    if (declared.has(v.name)) continue;
    const module = importedModule(imported, v.name);
    if (module === undefined) {
      diags.error(
        at(v.src, 'name'),
        'setting-undeclared',
        `Setting '${v.name}' for role '${def.name}' specified in the service configuration file is not declared in the service definition file.${notImportedHint(v.name)}`,
      );
      continue;
    }
    out.push({ name: v.name, from: { module }, value: v.value, src: undefined, valueSrc: v.src });
  }
  for (const imp of def.imports) {
    for (const name of pluginModule(imp.moduleName)?.requiredSettings ?? []) {
      if (given.has(name) || declared.has(name)) continue;
      diags.error(
        at(cfg.src),
        'setting-missing',
        `Setting '${name}' for role '${def.name}' is required by the imported module '${imp.moduleName}' (line ${imp.src.line} of the service definition file) but has no value in the service configuration file.`,
      );
      out.push({ name, from: { module: imp.moduleName }, value: undefined, src: imp.src, valueSrc: undefined });
    }
  }
  return out;
}

function mergeCertificates(def: DefinitionRole, cfg: ConfigurationRole, diags: DiagnosticList): Certificate[] {
  const given = firstByName(cfg.certificates, 'Certificate', def.name, diags);
  const out: Certificate[] = [];
  const declared = new Set(def.certificates.map((c) => c.name));
  const imported = new Set(def.imports.map((i) => i.moduleName));
  for (const d of def.certificates) {
    const v = given.get(d.name);
    if (!v) {
      diags.error(
        at(cfg.src),
        'certificate-missing',
        `Certificate '${d.name}' for role '${def.name}' is declared in the service definition file (line ${d.src.line}) but has no thumbprint in the service configuration file.`,
      );
    }
    out.push({ ...d, from: 'definition', thumbprint: v?.thumbprint, thumbprintAlgorithm: v?.thumbprintAlgorithm, valueSrc: v?.src });
  }
  for (const v of given.values()) {
    if (declared.has(v.name)) continue;
    const module = importedModule(imported, v.name);
    if (module === undefined) {
      diags.error(
        at(v.src, 'name'),
        'certificate-undeclared',
        `Certificate '${v.name}' for role '${def.name}' specified in the service configuration file is not declared in the service definition file.${notImportedHint(v.name)}`,
      );
      continue;
    }
    out.push({
      name: v.name,
      from: { module },
      storeLocation: 'LocalMachine',
      storeName: 'My',
      permissionLevel: undefined,
      thumbprint: v.thumbprint,
      thumbprintAlgorithm: v.thumbprintAlgorithm,
      src: undefined,
      valueSrc: v.src,
    });
  }
  for (const imp of def.imports) {
    for (const name of pluginModule(imp.moduleName)?.certificates ?? []) {
      if (given.has(name) || declared.has(name)) continue;
      diags.error(
        at(cfg.src),
        'certificate-missing',
        `Certificate '${name}' for role '${def.name}' is required by the imported module '${imp.moduleName}' (line ${imp.src.line} of the service definition file) but has no thumbprint in the service configuration file.`,
      );
    }
  }
  return out;
}

function mergeRole(def: DefinitionRole, cfg: ConfigurationRole | undefined, diags: DiagnosticList): Role {
  const { settings: _s, certificates: _c, ...rest } = def;
  if (!cfg) {
    diags.error(
      at(def.src, 'name'),
      'role-not-configured',
      `Role '${def.name}' is defined in the service definition file but the service configuration file has no <Role name="${def.name}"> for it.`,
    );
    return {
      ...rest,
      instances: 0,
      vmName: undefined,
      settings: def.settings.map((d) => ({ name: d.name, from: 'definition', value: undefined, src: d.src, valueSrc: undefined })),
      certificates: def.certificates.map((d) => ({ ...d, from: 'definition', thumbprint: undefined, thumbprintAlgorithm: undefined, valueSrc: undefined })),
      osImage: undefined,
      configSrc: undefined,
    };
  }
  if (cfg.instances === 1) {
    diags.warning(
      at(cfg.src, 'name'),
      'single-instance',
      `Role '${def.name}' has only 1 instance: it gets no availability guarantee (the SLA needs 2 or more; a host failure or an update takes the role down).`,
    );
  }
  if (cfg.osImage !== undefined && def.type !== 'VirtualMachineRole') {
    diags.warning(at(cfg.osImage.src), 'os-image-ignored', `<OsImage> is only for a VirtualMachineRole; ${def.type} '${def.name}' runs on the Guest OS (osFamily), so it is ignored.`);
  }
  return {
    ...rest,
    instances: cfg.instances ?? 0,
    vmName: cfg.vmName,
    settings: mergeSettings(def, cfg, diags),
    certificates: mergeCertificates(def, cfg, diags),
    osImage: cfg.osImage,
    configSrc: cfg.src,
  };
}

/** `InstanceAddress@roleName` in the network configuration must name a role. */
function checkNetworkRoles(net: XmlElement | undefined, def: ServiceDefinition, file: string, diags: DiagnosticList): void {
  if (!net) return;
  const names = new Set(def.roles.map((r) => r.name));
  const walk = (el: XmlElement): void => {
    const rn = el.local === 'InstanceAddress' ? el.attributes.find((a) => a.name === 'roleName') : undefined;
    if (rn && !names.has(rn.value)) {
      diags.error(
        { file, line: rn.line, column: rn.column, element: 'InstanceAddress' },
        'network-role',
        `InstanceAddress names role '${rn.value}', which the service definition file does not define.`,
      );
    }
    el.children.forEach(walk);
  };
  walk(net);
}

export function mergeModel(def: ServiceDefinition, cfg: ServiceConfiguration, diags: DiagnosticList): ServiceModel {
  if (cfg.serviceName !== def.name && cfg.serviceName !== '' && def.name !== '') {
    diags.error(
      at(cfg.src, 'serviceName'),
      'service-name',
      `serviceName '${cfg.serviceName}' in the service configuration file does not match the name '${def.name}' of the service definition file.`,
    );
  }
  const configured = configuredRoles(cfg, diags);
  const roles = def.roles.map((r) => mergeRole(r, configured.get(r.name), diags));
  const defined = new Set(def.roles.map((r) => r.name));
  const byLowerName = new Map(def.roles.map((r) => [r.name.toLowerCase(), r] as const));
  for (const c of configured.values()) {
    if (defined.has(c.name)) continue;
    const near = byLowerName.get(c.name.toLowerCase());
    diags.error(
      at(c.src, 'name'),
      'role-not-defined',
      `Role '${c.name}' in the service configuration file is not defined in the service definition file.${near ? ` (The definition has '${near.name}': role names must match exactly.)` : ''}`,
    );
  }
  if (defined.has(cfg.serviceName)) {
    diags.warning(
      at(cfg.src, 'serviceName'),
      'service-name-is-role',
      `serviceName '${cfg.serviceName}' is also the name of a role: Cloud Services (extended support) refuses that, so rename the service or the role before migrating.`,
    );
  }
  checkNetworkRoles(cfg.networkConfiguration, def, cfg.file, diags);
  return {
    name: def.name,
    upgradeDomainCount: def.upgradeDomainCount,
    topologyChangeDiscovery: def.topologyChangeDiscovery,
    schemaVersion: def.schemaVersion,
    osFamily: cfg.osFamily,
    osVersion: cfg.osVersion,
    roles,
    loadBalancerProbes: def.loadBalancerProbes,
    networkConfiguration: cfg.networkConfiguration,
    networkTrafficRules: def.networkTrafficRules,
    unmodelled: [...def.unmodelled, ...cfg.unmodelled],
    files: { definition: def.file, configuration: cfg.file },
  };
}
