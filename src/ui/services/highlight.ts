/**
 * What the data center view outlines for the current selection: the selected asset
 * itself, or, when the selection is a role instance (`shop/WebRole_IN_2`), the host it
 * runs on, so that selecting an instance in the Services view shows where it lives.
 */

import { useCallback } from 'react';
import type { InstanceView } from '../../sim/fabric/view';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import { useUi, type UiState } from '../store/ui';
import { selectInstances } from './select';

const INSTANCE_ID = /^[^/]+\/[^/]+_IN_\d+$/;

const selectSelected = (s: UiState) => s.selected;

/** The asset to outline: the selection, the host of a selected instance, or null (an instance without a host). */
export function highlightedAssetId(selected: string | null, instances: readonly InstanceView[]): string | null {
  if (selected === null || !INSTANCE_ID.test(selected)) return selected;
  return instances.find((i) => i.id === selected)?.host ?? null;
}

/**
 * The data center asset to outline for the current selection (see highlightedAssetId).
 * It reads the instance records only while a role instance is selected, and re-renders
 * only when the answer changes, not on every frame that changes an instance.
 */
export function useHighlightedAsset(): string | null {
  const selected = useUi(selectSelected);
  const select = useCallback((s: FabricState) => highlightedAssetId(selected, selectInstances(s)), [selected]);
  return useFabric(select);
}
