/**
 * Does each role's VM size fit on one host of the data center? A size with more cores,
 * memory or disk than a host has can never be placed, so the deployment is refused with
 * the reason. The host hardware is a parameter of the data center; the default is the
 * original fabric's host: 8 cores, as ExtraLarge (fidelity.md: "the ExtraLarge size
 * (8 cores) filled a whole host"), with ExtraLarge's memory and disk.
 */

import { DiagnosticList } from './diagnostics';
import type { Diagnostic } from './diagnostics';
import { at } from './model';
import type { ServiceModel } from './model';
import { describeHardware } from './sizes';

export interface HostHardware {
  readonly cores: number;
  readonly memoryMiB: number;
  readonly diskGiB: number;
}

export const DEFAULT_HOST: HostHardware = { cores: 8, memoryMiB: 14_336, diskGiB: 2040 };

const listed = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;

export function checkFits(model: ServiceModel, host: HostHardware = DEFAULT_HOST): Diagnostic[] {
  const diags = new DiagnosticList();
  for (const role of model.roles) {
    const s = role.size;
    if (!s) continue;
    const over = [
      s.cores > host.cores ? 'cores' : '',
      s.memoryMiB > host.memoryMiB ? 'memory' : '',
      s.diskGiB > host.diskGiB ? 'disk' : '',
    ].filter((x) => x !== '');
    if (over.length === 0) continue;
    diags.error(
      at(role.src, 'vmsize'),
      'vmsize-too-big',
      `Role '${role.name}' has vmsize '${role.vmsize}' (${describeHardware(s)}), bigger than a host of this data center ` +
        `(${describeHardware(host)}): it needs more ${listed(over)} than a host has, so no host can place it.`,
    );
  }
  return diags.items;
}
