/**
 * The data center view (issue 3). Containers, racks and hosts are painted on a canvas
 * (paint*.ts: plain functions of a Scene and a Viewport, at three levels of detail),
 * zoomed with d3-zoom (zoom.ts, view-controller.ts), and mirrored by an accessible DOM
 * layer of buttons for what is in view (DomLayer.tsx), with arrow-key navigation
 * (navigation.ts), an action menu (ActionMenu.tsx), "Go to asset" (GoToAsset.tsx) and a
 * legend (Legend.tsx) that draws the same glyphs (glyphs.ts) as the canvas. The layout
 * math is geometry.ts and viewport.ts; asset ids, names and descriptions are assets.ts
 * and describe.ts.
 */

export { DatacenterView } from './DatacenterView';
