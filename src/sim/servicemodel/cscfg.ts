/**
 * Reads a ServiceConfiguration.cscfg element tree into a `ServiceConfiguration`: the
 * Guest OS choice, and per role the instance count, setting values, certificate
 * thumbprints and (for a VirtualMachineRole) the base image `<OsImage href="..."/>`.
 * `NetworkConfiguration` is kept as written and shown, not simulated.
 */

import type { DiagnosticList } from './diagnostics';
import type { ConfigurationRole, ConfiguredCertificate, ConfiguredSetting, OsImageRef, ServiceConfiguration } from './model';
import { Attrs, checkName, checkRoot, ReadContext, show } from './reader';
import type { XmlElement } from './xml';

/** Guest OS families: 1 Server 2008 SP2, 2 Server 2008 R2, 3 Server 2012, 4 Server 2012 R2, 5 Server 2016, 6 Server 2019, 7 Server 2022. */
export const OS_FAMILIES = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Hex digits per thumbprint algorithm. */
const THUMBPRINT_DIGITS: Readonly<Record<string, number>> = { sha1: 40, sha256: 64 };

/** The most instances of one role the simulator runs: as many as the region preset has hosts. */
export const MAX_INSTANCES = 100_000;

/** The longest `vmName`: Azure appends the instance number to it to name each VM. */
export const MAX_VM_NAME = 10;

function checkThumbprint(ctx: ReadContext, el: XmlElement, label: string, thumbprint: string, algorithm: string | undefined): void {
  const digits = THUMBPRINT_DIGITS[algorithm ?? 'sha1'] ?? 40;
  if (new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(thumbprint)) return;
  let why: string;
  if (/[\u200e\u200f\u202a-\u202e\ufeff]/.test(thumbprint)) {
    why = 'it holds an invisible character (copied from the Windows certificate dialog); retype it';
  } else if (/\s/.test(thumbprint)) {
    why = 'it holds spaces; remove them';
  } else if (/[^0-9A-Fa-f]/.test(thumbprint)) {
    why = 'it holds characters that are not hexadecimal digits';
  } else {
    why = `it has ${thumbprint.length} digits`;
  }
  ctx.diags.error(
    ctx.where(el, 'thumbprint'),
    'thumbprint',
    `${label} has thumbprint=${show(thumbprint)}; a ${algorithm ?? 'sha1'} thumbprint is ${digits} hexadecimal digits, and ${why}.`,
  );
}

function readRole(ctx: ReadContext, el: XmlElement): ConfigurationRole | undefined {
  const a = new Attrs(ctx, el, ['name', 'vmName'], 'ServiceConfiguration');
  a.label = '<Role>';
  const name = a.required('name');
  if (name === undefined) return undefined;
  checkName(ctx, el, 'name', 'Role name', name);
  a.label = `Role '${name}'`;
  const path = `ServiceConfiguration/Role[${name}]`;
  const vmName = a.string('vmName');
  if (vmName !== undefined && (vmName.length > MAX_VM_NAME || vmName.length === 0)) {
    ctx.diags.error(
      ctx.where(el, 'vmName'),
      'vm-name',
      `Role '${name}' has vmName=${show(vmName)} (${vmName.length} characters); a vmName has 1 to ${MAX_VM_NAME} characters.`,
    );
  }
  let instances: number | undefined;
  let instancesEl: XmlElement | undefined;
  const settings: ConfiguredSetting[] = [];
  const certificates: ConfiguredCertificate[] = [];
  let osImage: OsImageRef | undefined;
  for (const c of ctx.children(el, path)) {
    switch (c.local) {
      case 'Instances': {
        if (instancesEl) {
          ctx.diags.error(ctx.where(c), 'duplicate', `<Instances> appears twice in role '${name}' (first at line ${instancesEl.line}); give one count.`);
          break;
        }
        instancesEl = c;
        const i = new Attrs(ctx, c, ['count'], path);
        i.label = `<Instances> of role '${name}'`;
        i.present('count');
        instances = i.int('count', 1, Number.MAX_SAFE_INTEGER, 'the instance count must be a whole number of at least 1', 'instances');
        if (instances !== undefined && instances > MAX_INSTANCES) {
          ctx.diags.error(
            ctx.where(c, 'count'),
            'instances',
            `${i.label} has count="${instances}"; the simulator runs at most 100,000 instances of a role ` +
              '(its largest data center, the region preset, has 100,000 hosts).',
          );
          instances = undefined;
        }
        break;
      }
      case 'ConfigurationSettings':
        for (const s of ctx.children(c, `${path}/ConfigurationSettings`)) {
          if (s.local !== 'Setting') {
            ctx.keepElement(s, `${path}/ConfigurationSettings`);
            continue;
          }
          const sa = new Attrs(ctx, s, ['name', 'value'], `${path}/ConfigurationSettings`);
          sa.label = `<Setting> of role '${name}'`;
          const sname = sa.required('name');
          if (sname === undefined) continue;
          const value = sa.string('value');
          if (value === undefined) {
            ctx.diags.error(ctx.where(s), 'required', `Setting '${sname}' for role '${name}' has no 'value' attribute; write value="" for an empty value.`);
          }
          settings.push({ name: sname, value: value ?? '', src: ctx.src(s) });
        }
        break;
      case 'Certificates':
        for (const s of ctx.children(c, `${path}/Certificates`)) {
          if (s.local !== 'Certificate') {
            ctx.keepElement(s, `${path}/Certificates`);
            continue;
          }
          const ca = new Attrs(ctx, s, ['name', 'thumbprint', 'thumbprintAlgorithm'], `${path}/Certificates`);
          ca.label = `<Certificate> of role '${name}'`;
          const cname = ca.required('name');
          if (cname === undefined) continue;
          ca.label = `Certificate '${cname}' for role '${name}'`;
          const thumbprint = ca.required('thumbprint');
          ca.present('thumbprintAlgorithm');
          const algorithm = ca.choice('thumbprintAlgorithm', ['sha1', 'sha256']);
          if (thumbprint !== undefined) checkThumbprint(ctx, s, ca.label, thumbprint, algorithm);
          certificates.push({ name: cname, thumbprint: thumbprint ?? '', thumbprintAlgorithm: algorithm ?? 'sha1', src: ctx.src(s) });
        }
        break;
      case 'OsImage': {
        const oa = new Attrs(ctx, c, ['href'], path);
        oa.label = `<OsImage> of role '${name}'`;
        const href = oa.required('href');
        if (href !== undefined) osImage = { href, src: ctx.src(c) };
        break;
      }
      default:
        ctx.keepElement(c, path);
    }
  }
  if (!instancesEl) {
    ctx.diags.error(ctx.where(el), 'instances', `Role '${name}' has no <Instances count="..." />; the instance count is required.`);
  }
  return { name, instances, vmName, settings, certificates, osImage, src: ctx.src(el) };
}

/** Reads a .cscfg tree; undefined when the root is not `ServiceConfiguration` (an error says so). */
export function readConfiguration(root: XmlElement, file: string, diags: DiagnosticList): ServiceConfiguration | undefined {
  if (!checkRoot(root, file, diags, 'ServiceConfiguration')) return undefined;
  const ctx = new ReadContext(file, root.uri, diags);
  const a = new Attrs(ctx, root, ['serviceName', 'osFamily', 'osVersion', 'schemaVersion'], '');
  a.label = '<ServiceConfiguration>';
  const serviceName = a.required('serviceName') ?? '';
  checkName(ctx, root, 'serviceName', 'The service name', serviceName);
  const osFamily = a.choice('osFamily', OS_FAMILIES);
  const osVersion = a.string('osVersion');
  if (osVersion !== undefined && osVersion.trim() !== '*') {
    ctx.diags.warning(
      ctx.where(root, 'osVersion'),
      'os-pinned',
      `osVersion=${show(osVersion)} pins the Guest OS: the fabric will not update it. Use osVersion="*" to get Guest OS updates automatically.`,
    );
  }
  const roles: ConfigurationRole[] = [];
  let networkConfiguration: XmlElement | undefined;
  for (const c of ctx.children(root, 'ServiceConfiguration')) {
    if (c.local === 'Role') {
      const role = readRole(ctx, c);
      if (role) roles.push(role);
    } else if (c.local === 'NetworkConfiguration') {
      if (networkConfiguration) {
        ctx.diags.error(ctx.where(c), 'duplicate', `<NetworkConfiguration> appears twice (first at line ${networkConfiguration.line}); it may appear once.`);
        ctx.keepElement(c, 'ServiceConfiguration', false);
        continue;
      }
      networkConfiguration = c;
      ctx.diags.warning(
        ctx.where(c),
        'not-simulated',
        'NetworkConfiguration (virtual network, subnets, DNS, access control) is kept and shown, but the simulator does not model virtual networks.',
      );
    } else ctx.keepElement(c, 'ServiceConfiguration');
  }
  return {
    file,
    serviceName,
    osFamily,
    osVersion,
    schemaVersion: a.string('schemaVersion'),
    roles,
    networkConfiguration,
    unmodelled: ctx.unmodelled,
    src: ctx.src(root),
  };
}
