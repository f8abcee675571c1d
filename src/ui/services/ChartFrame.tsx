/**
 * A chart's frame: its title, the SVG as one image with a summary for screen readers,
 * a legend, and a "Show as table" toggle that reveals the data as a table.
 */

import { useId, useState, type ReactNode, type RefObject } from 'react';

export function ChartFrame({
  title,
  summary,
  svgRef,
  className,
  legend,
  table,
}: {
  title: string;
  summary: string;
  svgRef: RefObject<SVGSVGElement | null>;
  className: string;
  legend?: ReactNode;
  table: ReactNode;
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
      </figcaption>
      <svg ref={svgRef} role="img" aria-label={summary} className="svc-chart-svg" preserveAspectRatio="xMidYMid meet" />
      {legend}
      <div id={tableId} className="svc-chart-table" hidden={!open}>
        {open ? table : null}
      </div>
    </figure>
  );
}
