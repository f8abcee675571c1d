/**
 * The Services view (issues 5 and 6): a deployment's summary and actions, upgrades and
 * their progress, the fault domain x update domain matrix (DomainMatrix.tsx, matrix.ts)
 * with each instance's menu, and d3 charts of ready instances and availability
 * (paint-*.ts). InstanceInspection.tsx is the inspector's view of a role instance;
 * highlight.ts tells the data center view which host to outline for a selected instance.
 */

export { ServicesView } from './ServicesView';
export { InstanceInspection } from './InstanceInspection';
export { useHighlightedAsset } from './highlight';
