/**
 * What the services views read from the store, as module-scope selectors, and the plain
 * helpers around them: deployments in a stable order with their labels
 * (`shop (production)`), the instances and chart series of one deployment.
 */

import { DEPLOYMENTS, INSTANCES, SERIES, type DeploymentView, type InstanceView, type SeriesView } from '../../sim/fabric/view';
import type { FabricState } from '../store/store';

const NONE: readonly never[] = [];

export const selectDeployments = (s: FabricState): readonly DeploymentView[] => (s.view[DEPLOYMENTS] as readonly DeploymentView[] | undefined) ?? NONE;
export const selectInstances = (s: FabricState): readonly InstanceView[] => (s.view[INSTANCES] as readonly InstanceView[] | undefined) ?? NONE;
export const selectSeries = (s: FabricState): readonly SeriesView[] => (s.view[SERIES] as readonly SeriesView[] | undefined) ?? NONE;
export const selectMarkers = (s: FabricState) => s.markers;
export const selectReady = (s: FabricState): boolean => s.connection === 'ready';

/** `shop (production)`. */
export function deploymentLabel(d: Pick<DeploymentView, 'service' | 'slot'>): string {
  return `${d.service} (${d.slot})`;
}

const SLOT_ORDER: Readonly<Record<string, number>> = { production: 0, staging: 1 };

/** What localeCompare does, made once (localeCompare sets up a collator on every call). */
const collator = new Intl.Collator();

/** By service name, production before staging. */
export function sortDeployments(list: readonly DeploymentView[]): DeploymentView[] {
  return [...list].sort((a, b) => collator.compare(a.service, b.service) || (SLOT_ORDER[a.slot] ?? 2) - (SLOT_ORDER[b.slot] ?? 2));
}

let lastOrder: { readonly key: string; readonly ids: readonly string[] } | undefined;

/**
 * The ids of sortDeployments(list), sorted again only when deployments come or go: a
 * frame that updates records (the usual one) keeps the order, and the same array, so a
 * run of 2,500 deployments does not sort them on every frame.
 */
export function deploymentOrder(list: readonly DeploymentView[]): readonly string[] {
  const key = list.map((d) => d.id).join('\n');
  if (lastOrder?.key !== key) lastOrder = { key, ids: sortDeployments(list).map((d) => d.id) };
  return lastOrder.ids;
}

/** The deployments in `order`. */
export function inOrder(list: readonly DeploymentView[], order: readonly string[]): DeploymentView[] {
  const byId = new Map(list.map((d) => [d.id, d] as const));
  const out: DeploymentView[] = [];
  for (const id of order) {
    const d = byId.get(id);
    if (d) out.push(d);
  }
  return out;
}

/** The instances of one deployment, by role (in the deployment's role order) then number. */
export function instancesOf(all: readonly InstanceView[], dep: DeploymentView): InstanceView[] {
  const roleIndex = new Map(dep.roles.map((r, i) => [r.name, i] as const));
  return all
    .filter((i) => i.deployment === dep.id)
    .sort((a, b) => (roleIndex.get(a.role) ?? 99) - (roleIndex.get(b.role) ?? 99) || a.n - b.n);
}

export function seriesOf(all: readonly SeriesView[], depId: string): SeriesView | undefined {
  return all.find((s) => s.id === depId);
}

/** Whether the service has both a production and a staging deployment (a VIP swap needs both). */
export function hasBothSlots(all: readonly DeploymentView[], service: string): boolean {
  return all.some((d) => d.service === service && d.slot === 'production') && all.some((d) => d.service === service && d.slot === 'staging');
}

/** `1 instance`, `2 instances`. */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : many}`;
}
