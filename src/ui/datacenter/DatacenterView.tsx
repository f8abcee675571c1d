/**
 * The data center view: a toolbar (zoom, "Go to asset", "Add container"), the canvas
 * with the accessible layer, the action menu and a tooltip over it, and the legend.
 * React holds only what the layer shows; painting and zooming run in ViewController.
 */

import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { useFabric } from '../context';
import { useCanvasPalette } from '../presenter/theme';
import { AddContainer } from '../components/AddContainer';
import { ActionError } from '../components/ActionError';
import type { FabricState } from '../store/store';
import { perfInteractive } from '../perf';
import { useHighlightedAsset } from '../services/highlight';
import { ui, useUiStore } from '../store/ui';
import { ActionMenu } from './ActionMenu';
import { assetOf, type Asset } from './assets';
import { DomLayer, type ViewApi } from './DomLayer';
import { GoToAsset } from './GoToAsset';
import { Legend } from './Legend';
import { Tooltip } from './Tooltip';
import { useFacts } from './useFacts';
import { useSelect } from './useSelect';
import { EMPTY_FRAME, ViewController, type LayerFrame } from './view-controller';

const selectConnection = (s: FabricState) => s.connection;

const ZOOM_STEP = 1.5;

export function DatacenterView() {
  const facts = useFacts();
  const { geo } = facts;
  const connection = useFabric(selectConnection);
  // the selected asset, or the host of a selected role instance
  const selectedId = useHighlightedAsset();
  const store = useUiStore();
  const select = useSelect();
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<ViewController | null>(null);
  const [frame, setFrame] = useState<LayerFrame>(EMPTY_FRAME);

  useEffect(() => {
    const c = new ViewController({
      wrap: wrapRef.current!,
      canvas: canvasRef.current!,
      layer: layerRef.current!,
      // the layer's new buttons are not urgent: React renders them in slices, the canvas is already drawn
      onSettle: (f) => startTransition(() => setFrame(f)),
      onMove: () => {
        ui.closeMenu(store, false);
        ui.hover(store, null);
      },
    });
    setController(c);
    return () => c.destroy();
  }, [store]);

  const selected = useMemo(() => (selectedId ? assetOf(geo, selectedId) : undefined), [geo, selectedId]);
  const palette = useCanvasPalette();
  useEffect(() => {
    controller?.setScene({ ...facts, selected, sprites: controller.glyphSprites, palette });
  }, [controller, facts, selected, palette]);

  const api = useMemo<ViewApi>(
    () => ({
      reveal: (a, mode) => controller?.reveal(a, mode),
      zoomBy: (f) => controller?.zoomBy(f),
      fit: () => controller?.fit(),
      layerRendered: (k) => controller?.layerRendered(k),
      place: (r) => controller?.place(r) ?? { x: 0, y: 0, w: 0, h: 0 },
      hover: (id, anchor) => ui.hover(store, id && anchor ? { id, anchor } : null),
    }),
    [controller, store],
  );

  const goTo = (a: Asset) => {
    controller?.reveal(a, 'goto');
    select(a.id);
    ui.focus(store, a.id, true);
  };

  const vp = controller?.viewport();
  const racks = geo.rackCount;
  const hosts = geo.layout.hostCount;
  const ready = connection === 'ready' && geo.containers.length > 0;
  // the benchmark's "interactive": drawn, with the layer's buttons in place (?perf=1 only)
  useEffect(() => {
    if (ready && frame !== EMPTY_FRAME) perfInteractive();
  }, [ready, frame]);

  return (
    <div className="dc">
      <div className="dc-toolbar">
        <h2 id="main-title" className="dc-title">
          Data center
        </h2>
        <GoToAsset geo={geo} onGo={goTo} />
        <div className="dc-zoom" role="group" aria-label="Zoom">
          <button type="button" className="icon" onClick={() => controller?.zoomBy(ZOOM_STEP)} aria-label="Zoom in" title="Zoom in (+)">
            <span aria-hidden="true">+</span>
          </button>
          <button type="button" className="icon" onClick={() => controller?.zoomBy(1 / ZOOM_STEP)} aria-label="Zoom out" title="Zoom out (−)">
            <span aria-hidden="true">−</span>
          </button>
          <button type="button" onClick={() => controller?.fit()} title="Show the whole data center">
            Fit
          </button>
        </div>
        <AddContainer disabled={!ready} />
      </div>
      <ActionError />
      <div className="dc-view" ref={wrapRef} onScroll={(e) => e.currentTarget.scrollTo(0, 0)}>
        <canvas ref={canvasRef} className="dc-canvas" aria-hidden="true" />
        <DomLayer facts={facts} frame={frame} api={api} layerRef={layerRef} />
        {connection === 'connecting' ? <p className="dc-status">Starting the simulation…</p> : null}
        <ActionMenu facts={facts} width={vp?.width ?? 0} height={vp?.height ?? 0} />
        <Tooltip facts={facts} width={vp?.width ?? 0} />
      </div>
      <p id="dc-keys" className="visually-hidden">
        Arrow keys move between assets: up and down within a rack, left and right between racks. Home and End go to the
        first and last host of a rack. Enter opens the actions of an asset. Plus and minus zoom.
      </p>
      <div className="dc-foot">
        <Legend agg={facts.agg} hostVersion={facts.hostVersion} />
        {ready ? (
          <p className="dc-summary">
            {geo.containers.length} {geo.containers.length === 1 ? 'container' : 'containers'} · {racks.toLocaleString('en')} racks ·{' '}
            {hosts.toLocaleString('en')} hosts
          </p>
        ) : null}
      </div>
    </div>
  );
}
