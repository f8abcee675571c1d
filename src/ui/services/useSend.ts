/**
 * Sends an action from a services control and remembers what was sent, in words, for a
 * status line beside the control. A refusal comes back as the store's action error,
 * which the view shows as an alert.
 */

import { useCallback, useState } from 'react';
import type { Action } from '../../sim/actions';
import { useActions } from '../context';

export function useSend(): { readonly sent: string | null; send(action: Action, text: string): void } {
  const actions = useActions();
  const [sent, setSent] = useState<string | null>(null);
  const send = useCallback(
    (action: Action, text: string) => {
      actions.act(action);
      setSent(text);
    },
    [actions],
  );
  return { sent, send };
}
