/**
 * Plain-text descriptions for the panel: counts with their noun, a role's size, an
 * endpoint. Everything here returns strings that React renders as text.
 */

import { describeHardware, type Endpoint, type PortRange, type Role } from '../../sim/servicemodel';

/** `1 error`, `2 errors`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function countsText(errors: number, warnings: number): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function sizeText(role: Pick<Role, 'vmsize' | 'size'>): string {
  return role.size ? `${role.vmsize} (${describeHardware(role.size)})` : `${role.vmsize} (not a known size)`;
}

const ROLE_TYPE_NAMES: Readonly<Record<Role['type'], string>> = {
  WebRole: 'web role',
  WorkerRole: 'worker role',
  VirtualMachineRole: 'VM role',
};

export function roleTypeText(type: Role['type']): string {
  return ROLE_TYPE_NAMES[type];
}

function rangeText(r: PortRange): string {
  return r.min === r.max ? String(r.min) : `${r.min}-${r.max}`;
}

const show = (v: string | number | undefined): string => (v === undefined ? '?' : String(v));

export function endpointText(e: Endpoint): string {
  switch (e.kind) {
    case 'input': {
      const local = e.localPort !== undefined && e.localPort !== e.port ? `, local port ${e.localPort}` : '';
      return `${e.name}: input, ${show(e.protocol)}, port ${show(e.port)}${local}`;
    }
    case 'internal': {
      const ports = [
        ...(e.port !== undefined ? [String(e.port)] : []),
        ...e.fixedPorts.map(String),
        ...e.fixedPortRanges.map(rangeText),
      ];
      return `${e.name}: internal, ${show(e.protocol)}${ports.length ? `, port ${ports.join(', ')}` : ''}`;
    }
    case 'instanceInput':
      return `${e.name}: instance input, ${show(e.protocol)}, local port ${show(e.localPort)}${e.publicPorts ? `, public ports ${rangeText(e.publicPorts)}` : ''}`;
  }
}
