/**
 * The menu of one replica (role menu, items role menuitem): "Fail replica" and "Restart
 * replica", the one that does not apply shown but disabled. It opens beside the replica
 * with focus on the first item that applies; arrow keys, Home and End move within it;
 * Escape or Tab closes it and returns focus to the replica; a click outside closes it.
 */

import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { FcReplicaView } from '../../sim/fabric/fcreplicas';
import { replicaMenu, roleLabel, type ReplicaMenuItem } from './describe';
import { focusFirstItem, handleMenuKeys } from '../components/menuKeys';

interface Props {
  readonly replica: FcReplicaView;
  readonly onChoose: (item: ReplicaMenuItem) => void;
  /** Closes the menu; `refocus` returns focus to the replica. */
  readonly onClose: (refocus: boolean) => void;
}

const GAP = 4;

/** The replica's button, by its data attribute. */
export const replicaSelector = (id: string) => `[data-replica="${id}"]`;

export function ReplicaMenu({ replica, onChoose, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const items = replicaMenu(replica);
  const id = replica.id;

  // below its replica's button if it fits in the stage, else above; kept inside horizontally
  useLayoutEffect(() => {
    const el = ref.current;
    const stage = el?.offsetParent;
    const anchor = stage?.querySelector(replicaSelector(id));
    if (!el || !anchor || !(stage instanceof HTMLElement)) return;
    const s = stage.getBoundingClientRect();
    const a = anchor.getBoundingClientRect();
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const below = a.bottom - s.top + GAP;
    const above = a.top - s.top - h - GAP;
    const top = below + h <= s.height || above < 0 ? below : above;
    const left = Math.max(GAP, Math.min(a.left - s.left + a.width / 2 - w / 2, s.width - w - GAP));
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  }, [id]);

  // focus the first item that applies when it opens
  useEffect(() => {
    focusFirstItem(ref.current);
  }, [id]);

  // a click outside (but not on its replica, which toggles it) closes it
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const t = e.target;
      if (t instanceof Node && ref.current?.contains(t)) return;
      if (t instanceof Element && t.closest(replicaSelector(id))) return;
      onClose(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [id, onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => handleMenuKeys(e, ref.current, () => onClose(true));

  return (
    <div ref={ref} className="action-menu fc-menu" onKeyDown={onKeyDown}>
      <div className="action-menu-head" aria-hidden="true">
        <strong>FC replica {id}</strong>
        <span>{roleLabel(replica)}</span>
      </div>
      <div role="menu" aria-label={`Actions for ${id}`}>
        {items.map((item) => (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={item.enabled ? undefined : 'true'}
            className="action-menu-item"
            onClick={() => item.enabled && onChoose(item)}
          >
            {item.label}
          </button>
        ))}
      </div>
    </div>
  );
}
