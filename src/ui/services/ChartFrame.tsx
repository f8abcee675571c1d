/**
 * A chart's frame: its title, the SVG as one image with a summary for screen readers,
 * a legend, a "Show as table" toggle that reveals the data as a table, and Save SVG /
 * Save PNG (export/ChartExport.tsx).
 */

import { useId, useState, type ReactNode, type RefObject } from 'react';
import { ChartExport } from '../export/ChartExport';

export function ChartFrame({
  title,
  summary,
  svgRef,
  className,
  legend,
  table,
  exportName,
}: {
  title: string;
  summary: string;
  svgRef: RefObject<SVGSVGElement | null>;
  className: string;
  legend?: ReactNode;
  table: ReactNode;
  /** The chart in file names, e.g. `ready-shop-production` (default: from the title). */
  exportName?: string;
}) {
  const [open, setOpen] = useState(false);
  const tableId = useId();
  return (
    <figure className={`svc-chart ${className}`}>
      <figcaption className="svc-chart-head">
        <span className="svc-chart-title">{title}</span>
        <button type="button" className="link" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide table' : 'Show as table'}
        </button>
        <ChartExport svgRef={svgRef} title={title} name={exportName ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-')} />
      </figcaption>
      <svg ref={svgRef} role="img" aria-label={summary} className="svc-chart-svg" preserveAspectRatio="xMidYMid meet" />
      {legend}
      <div id={tableId} className="svc-chart-table" hidden={!open}>
        {open ? table : null}
      </div>
    </figure>
  );
}
