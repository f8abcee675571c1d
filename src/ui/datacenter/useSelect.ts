/**
 * Selecting an asset: the inspector shows it, and the worker is asked to send its
 * details with every frame.
 */

import { useCallback } from 'react';
import { useActions } from '../context';
import { ui, useUiStore } from '../store/ui';

export function useSelect(): (id: string | null) => void {
  const store = useUiStore();
  const actions = useActions();
  return useCallback(
    (id: string | null) => {
      if (store.getState().selected === id) return;
      ui.select(store, id);
      actions.inspect(id);
    },
    [store, actions],
  );
}
