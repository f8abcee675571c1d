/**
 * The accessible layer over the canvas: a focusable button per asset in view (always the
 * load balancers; the containers in view and their aggregation pairs; at host level also
 * the racks, ToR switches, PDUs and hosts in view, hosts added a few hundred a frame),
 * with one tab stop that arrow keys move (roving tabindex). Enter, Space or a click selects the asset and opens its action menu; a
 * zoomed-out container zooms in instead. Positions are world units times the scale the
 * layer was rendered at; the view controller keeps it on the canvas with a transform.
 *
 * A click (focus, select, open the menu) costs what changed, not what is in view: the
 * list of assets stays the same while only the focus moves, names, places and status
 * texts are worked out when the view or the facts change (and the texts kept while none
 * changed), and only the buttons whose selection, menu or tab stop changed render again.
 * Where a button is on screen is computed from the view's transform, never measured (a
 * measurement makes the browser lay out the page in the middle of the click).
 */

import { memo, useEffect, useLayoutEffect, useMemo, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { ui, useUi, useUiStore, type UiState } from '../store/ui';
import { AssetButton } from './AssetButton';
import { assetName, assetOf, assetRect, type Asset } from './assets';
import { describeAsset, type FabricFacts } from './describe';
import { containerRect, type Geometry, type Rect } from './geometry';
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
  /** Where a rectangle of the world is in the view now (relative to the view, CSS pixels): computed, never measured. */
  place(r: Rect): Rect;
  /** The asset under the pointer (or focused from the keyboard) and where it is in the view; null for none. */
  hover(id: string | null, anchor: Rect | null): void;
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

/** Where an asset's button is in the world: a zoomed-out container is its whole tile. */
function buttonRect(geo: Geometry, a: Asset, overview: boolean): Rect {
  return a.kind === 'container' && overview ? containerRect(geo, a.c) : assetRect(geo, a);
}

/** An asset of the layer as its button shows it, apart from its status and the UI state. */
interface Placed {
  readonly asset: Asset;
  readonly kind: string;
  readonly name: string;
  readonly hasMenu: boolean;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * The status texts of the layer's assets, one per item: the same list (the same object)
 * as last time when the items are the same and no text changed, as on most frames of a
 * large data center, so that the buttons are not listed again.
 */
class Descriptions {
  private items: readonly Asset[] = [];
  private texts: readonly string[] = [];

  of(items: readonly Asset[], facts: FabricFacts): readonly string[] {
    const next = items.map((a) => describeAsset(a, facts));
    const prev = this.texts;
    if (items === this.items && next.every((t, i) => t === prev[i])) return prev;
    this.items = items;
    this.texts = next;
    return next;
  }
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
  // what is in view; the focused asset is added when it is elsewhere, so while the focus
  // moves within the view the list stays the same
  const inView = useMemo(() => layerItems(geo, frame, undefined), [geo, frame]);
  const inViewIds = useMemo(() => new Set(inView.map((a) => a.id)), [inView]);
  const items = useMemo(() => (focusAsset && !inViewIds.has(focusAsset.id) ? [...inView, focusAsset] : inView), [inView, inViewIds, focusAsset]);
  const placed = useMemo(
    () =>
      items.map((a): Placed => {
        const tile = a.kind === 'container' && overview;
        const r = buttonRect(geo, a, overview);
        return { asset: a, kind: tile ? 'tile' : a.kind, name: assetName(a), hasMenu: !tile, x: r.x * frame.k, y: r.y * frame.k, w: r.w * frame.k, h: r.h * frame.k };
      }),
    [items, geo, overview, frame.k],
  );
  const descriptions = useMemo(() => new Descriptions(), []);
  const texts = useMemo(() => descriptions.of(items, facts), [descriptions, items, facts]);
  const tabStop = useMemo(
    () => focusAsset?.id ?? (items.find((a) => a.kind === 'host') ?? items.find((a) => a.kind === 'container') ?? items[0])?.id,
    [items, focusAsset],
  );
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
    else ui.openMenu(store, { id: a.id, anchor: api.place(buttonRect(geo, a, overview)) });
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
      ui.openMenu(store, { id: a.id, anchor: api.place(buttonRect(geo, a, overview)) });
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
      api.hover(id, api.place(buttonRect(geo, a, overview)));
    }
  };

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    const id = buttonOf(e.target)?.dataset.asset;
    if (id && store.getState().hover?.id === id) api.hover(null, null);
  };

  const onPointerOver = (e: MouseEvent<HTMLDivElement>) => {
    const id = buttonOf(e.target)?.dataset.asset ?? null;
    if (id === (store.getState().hover?.id ?? null)) return;
    const a = id ? assetOf(geo, id) : undefined;
    api.hover(a ? a.id : null, a ? api.place(buttonRect(geo, a, overview)) : null);
  };

  const buttons = useMemo(
    () =>
      placed.map((p, i) => {
        const id = p.asset.id;
        if (p.asset.kind === 'host' && !shown.has(id)) return null;
        return (
          <AssetButton
            key={id}
            id={id}
            kind={p.kind}
            name={p.name}
            description={texts[i] ?? ''}
            x={p.x}
            y={p.y}
            w={p.w}
            h={p.h}
            tabStop={id === tabStop}
            selected={id === selected}
            menuOpen={id === menuId}
            hasMenu={p.hasMenu}
          />
        );
      }),
    [placed, texts, shown, tabStop, selected, menuId],
  );

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
      onPointerOver={onPointerOver}
      onPointerLeave={() => api.hover(null, null)}
    >
      {buttons}
    </div>
  );
});
