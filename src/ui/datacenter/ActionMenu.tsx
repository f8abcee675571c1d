/**
 * The action menu of an asset (role menu, items role menuitem): what can be done to it,
 * with the actions that make no sense now shown but disabled. Arrow keys, Home and End
 * move within it; Escape or Tab closes it and focus returns to the asset; a click
 * outside closes it.
 */

import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useActions } from '../context';
import { ui, useUi, useUiStore, type UiState } from '../store/ui';
import { assetName, assetOf } from './assets';
import { describeAsset, menuFor, type MenuItem } from './describe';
import type { ViewFacts } from './useFacts';
import { focusFirstItem, handleMenuKeys } from '../components/menuKeys';

const selectMenu = (s: UiState) => s.menu;

const GAP = 6;

export function ActionMenu(props: { facts: ViewFacts; width: number; height: number }) {
  const { facts } = props;
  const menu = useUi(selectMenu);
  const store = useUiStore();
  const actions = useActions();
  const ref = useRef<HTMLDivElement>(null);
  const asset = menu ? assetOf(facts.geo, menu.id) : undefined;
  const items: MenuItem[] = asset ? menuFor(asset, facts) : [];
  const openId = menu?.id;

  // place it beside the asset, inside the view
  useLayoutEffect(() => {
    const el = ref.current;
    if (!menu || !el) return;
    const w = el.offsetWidth || 200;
    const h = el.offsetHeight || 240;
    const a = menu.anchor;
    let left = a.x + a.w + GAP;
    if (left + w > props.width - GAP) left = Math.max(GAP, a.x - w - GAP);
    const top = Math.max(GAP, Math.min(a.y, props.height - h - GAP));
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  }, [menu, props.width, props.height]);

  // focus the first item that can be chosen when it opens
  useEffect(() => {
    if (!openId) return;
    focusFirstItem(ref.current);
  }, [openId]);

  // a click outside closes it
  useEffect(() => {
    if (!openId) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target;
      if (t instanceof Node && ref.current?.contains(t)) return;
      if (t instanceof Element && t.closest(`[data-asset="${openId}"]`)) return;
      ui.closeMenu(store, false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [openId, store]);

  if (!menu || !asset) return null;

  const choose = (item: MenuItem) => {
    if (!item.enabled) return;
    actions.act(item.action);
    ui.closeMenu(store, true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => handleMenuKeys(e, ref.current, () => ui.closeMenu(store, true));

  const name = assetName(asset);
  return (
    <div
      ref={ref}
      className="action-menu"
      data-zoom-ignore=""
      onKeyDown={onKeyDown}
    >
      <div className="action-menu-head" aria-hidden="true">
        <strong>{name}</strong>
        <span>{describeAsset(asset, facts)}</span>
      </div>
      <div role="menu" aria-label={`Actions for ${asset.id}`}>
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
    </div>
  );
}
