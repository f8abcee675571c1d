/**
 * The Service model panel (see ServiceModelPanel.tsx): load, edit, validate and deploy a
 * ServiceDefinition.csdef and ServiceConfiguration.cscfg.
 */

export { ServiceModelPanel } from './ServiceModelPanel';
export type { ServiceModelPanelProps } from './ServiceModelPanel';
export { SAVED_KEY, STORAGE_PREFIX } from './persistence';
