/**
 * The actions of a role instance (role menu, items role menuitem), opened from the
 * matrix: Reboot, Reimage, Fail role (crash), Hang VM, Repair. Actions that make no
 * sense now stay visible but disabled. Arrow keys, Home and End move within it; Escape
 * or Tab closes it and focus returns to the instance; a click outside closes it.
 */

import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Action } from '../../sim/actions';
import type { InstanceView } from '../../sim/fabric/view';
import { useActions } from '../context';
import { focusFirstItem, handleMenuKeys } from '../components/menuKeys';

export interface InstanceMenuItem {
  readonly label: string;
  readonly action: Action;
  readonly enabled: boolean;
}

/** The menu of an instance, in order. */
export function instanceMenu(i: Pick<InstanceView, 'id' | 'host' | 'status'>): InstanceMenuItem[] {
  const target = i.id;
  const placed = i.host !== null;
  return [
    { label: 'Reboot', action: { do: 'reboot', target }, enabled: placed },
    { label: 'Reimage', action: { do: 'reimage', target }, enabled: placed },
    { label: 'Fail role (crash)', action: { do: 'fail', target, mode: 'crash' }, enabled: placed },
    { label: 'Hang VM', action: { do: 'fail', target, mode: 'hang' }, enabled: placed && i.status !== 'UnresponsiveRole' },
    { label: 'Repair', action: { do: 'repair', target }, enabled: placed && i.status === 'UnresponsiveRole' },
  ];
}

export function InstanceMenu(props: { instance: InstanceView; onClose: (refocus: boolean) => void }) {
  const { instance, onClose } = props;
  const actions = useActions();
  const ref = useRef<HTMLDivElement>(null);
  const items = instanceMenu(instance);
  const id = instance.id;

  useEffect(() => {
    focusFirstItem(ref.current);
  }, [id]);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const t = e.target;
      if (t instanceof Node && ref.current?.contains(t)) return;
      if (t instanceof Element && t.closest(`[data-menu-owner]`)?.getAttribute('data-key') === id) return;
      onClose(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [id, onClose]);

  const choose = (item: InstanceMenuItem) => {
    if (!item.enabled) return;
    actions.act(item.action);
    onClose(true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => handleMenuKeys(e, ref.current, () => onClose(true));

  return (
    <div ref={ref} className="svc-menu" role="menu" aria-label={`Actions for ${id}`} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={item.enabled ? undefined : 'true'}
          className="action-menu-item"
          onClick={() => choose(item)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
