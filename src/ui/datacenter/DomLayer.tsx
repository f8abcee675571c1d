/**
 * The accessible layer over the canvas: a focusable button per asset in view (always the
 * load balancers; the containers in view and their aggregation pairs; at host level also
 * the racks, ToR switches, PDUs and hosts in view, hosts added a few hundred a frame),
 * with one tab stop that arrow keys move (roving tabindex). Enter, Space or a click selects the asset and opens its action menu; a
 * zoomed-out container zooms in instead. Positions are world units times the scale the
 * layer was rendered at; the view controller keeps it on the canvas with a transform.
 */

import { memo, useEffect, useLayoutEffect, useMemo, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { ui, useUi, useUiStore, type UiState } from '../store/ui';
import { AssetButton } from './AssetButton';
import { assetName, assetOf, assetRect, type Asset } from './assets';
import { describeAsset } from './describe';
import { containerRect, type Rect } from './geometry';
import { layerItems } from './layer-items';
import { isNavKey, navigate } from './navigation';
import type { ViewFacts } from './useFacts';
import { useSelect } from './useSelect';
import type { LayerFrame, RevealMode } from './view-controller';

/** What the layer asks of the view around it. */
export interface ViewApi {
  reveal(a: Asset, mode: RevealMode): void;
  zoomBy(factor: number): void;
  fit(): void;
  layerRendered(k: number): void;
  /** The element's rectangle relative to the view. */
  anchorOf(el: Element): Rect;
  hover(id: string | null, el: Element | null): void;
}

const selectFocus = (s: UiState) => s.focusId;
const selectFocusRequest = (s: UiState) => s.focusRequest;
const selectSelected = (s: UiState) => s.selected;
const selectMenuId = (s: UiState) => s.menu?.id ?? null;

const ZOOM_STEP = 1.5;

/** Focus that came from the keyboard (not a click). */
function focusVisible(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return false;
  }
}

function buttonOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest('[data-asset]') as HTMLElement | null) : null;
}

/** Host buttons the layer adds at most in one frame (a zoom can bring 1,500 into view). */
export const HOSTS_PER_FRAME = 250;

const NO_IDS: ReadonlySet<string> = new Set();

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * The hosts of `items` that have their buttons now. Hosts already shown keep them, and
 * at most HOSTS_PER_FRAME new ones are added a frame (the tab stop at once), so that a
 * zoom bringing 1,500 hosts into view never mounts them in one long task; the canvas
 * shows them all the while.
 */
function useGrowingHosts(items: readonly Asset[], tabStop: string | undefined): ReadonlySet<string> {
  const [mounted, setMounted] = useState<ReadonlySet<string>>(NO_IDS);
  const shown = useMemo(() => {
    const out = new Set<string>();
    let fresh = 0;
    for (const a of items) {
      if (a.kind !== 'host') continue;
      if (mounted.has(a.id) || a.id === tabStop || fresh++ < HOSTS_PER_FRAME) out.add(a.id);
    }
    return out;
  }, [items, mounted, tabStop]);
  useEffect(() => {
    if (sameSet(shown, mounted)) return;
    // on the next frame: keep these, and add the next ones (or drop those gone from view)
    if (typeof requestAnimationFrame === 'undefined') {
      const t = setTimeout(() => setMounted(shown), 0);
      return () => clearTimeout(t);
    }
    const raf = requestAnimationFrame(() => setMounted(shown));
    return () => cancelAnimationFrame(raf);
  }, [shown, mounted]);
  return shown;
}

export const DomLayer = memo(function DomLayer(props: { facts: ViewFacts; frame: LayerFrame; api: ViewApi; layerRef: RefObject<HTMLDivElement | null> }) {
  const { facts, frame, api, layerRef } = props;
  const { geo } = facts;
  const store = useUiStore();
  const focusId = useUi(selectFocus);
  const focusRequest = useUi(selectFocusRequest);
  const selected = useUi(selectSelected);
  const menuId = useUi(selectMenuId);
  const select = useSelect();
  const overview = frame.lod !== 'hosts';

  const focusAsset = useMemo(() => (focusId ? assetOf(geo, focusId) : undefined), [geo, focusId]);
  const items = useMemo(() => layerItems(geo, frame, focusAsset), [geo, frame, focusAsset]);
  const tabStop = focusAsset?.id ?? (items.find((a) => a.kind === 'host') ?? items.find((a) => a.kind === 'container') ?? items[0])?.id;
  const shown = useGrowingHosts(items, tabStop);

  useLayoutEffect(() => api.layerRendered(frame.k), [api, frame.k]);

  useEffect(() => {
    if (focusRequest === 0 || !focusId) return;
    const el = layerRef.current?.querySelector<HTMLElement>(`[data-asset="${focusId}"]`);
    el?.focus({ preventScroll: true });
  }, [focusRequest, focusId, layerRef]);

  const activate = (el: HTMLElement) => {
    const a = assetOf(geo, el.dataset.asset ?? '');
    if (!a) return;
    select(a.id);
    ui.focus(store, a.id, false);
    if (a.kind === 'container' && overview) {
      ui.closeMenu(store, false);
      api.reveal(a, 'goto');
      return;
    }
    if (store.getState().menu?.id === a.id) ui.closeMenu(store, false);
    else ui.openMenu(store, { id: a.id, anchor: api.anchorOf(el) });
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const el = buttonOf(e.target);
    if (el) activate(el);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = buttonOf(e.target);
    const a = el ? assetOf(geo, el.dataset.asset ?? '') : undefined;
    if (!el || !a || e.altKey || e.metaKey) return;
    if (isNavKey(e.key)) {
      e.preventDefault();
      const next = navigate(geo, a, e.key, overview);
      if (!next) return;
      api.reveal(next, 'nav');
      ui.focus(store, next.id, true);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      api.zoomBy(ZOOM_STEP);
    } else if (e.key === '-') {
      e.preventDefault();
      api.zoomBy(1 / ZOOM_STEP);
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      select(a.id);
      ui.openMenu(store, { id: a.id, anchor: api.anchorOf(el) });
    }
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const el = buttonOf(e.target);
    const id = el?.dataset.asset;
    if (!el || !id) return;
    if (id !== store.getState().focusId) ui.focus(store, id, false);
    // Tab may land on the tab stop while it is panned out of view: bring it back
    const a = assetOf(geo, id);
    if (a && focusVisible(el)) {
      api.reveal(a, 'nav');
      // the tooltip a pointer gets on hover, for the keyboard too
      api.hover(id, el);
    }
  };

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    const id = buttonOf(e.target)?.dataset.asset;
    if (id && store.getState().hover?.id === id) api.hover(null, null);
  };

  return (
    <div
      ref={layerRef}
      className="dc-layer"
      role="group"
      aria-label="Data center assets"
      aria-describedby="dc-keys"
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      onPointerOver={(e) => {
        const el = buttonOf(e.target);
        api.hover(el?.dataset.asset ?? null, el);
      }}
      onPointerLeave={() => api.hover(null, null)}
    >
      {items.map((a) => {
        if (a.kind === 'host' && !shown.has(a.id)) return null;
        const tile = a.kind === 'container' && overview;
        const r = tile ? containerRect(geo, a.c) : assetRect(geo, a);
        return (
          <AssetButton
            key={a.id}
            id={a.id}
            kind={tile ? 'tile' : a.kind}
            name={assetName(a)}
            description={describeAsset(a, facts)}
            x={r.x * frame.k}
            y={r.y * frame.k}
            w={r.w * frame.k}
            h={r.h * frame.k}
            tabStop={a.id === tabStop}
            selected={a.id === selected}
            menuOpen={a.id === menuId}
            hasMenu={!tile}
          />
        );
      })}
    </div>
  );
});
