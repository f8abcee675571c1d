/**
 * The availability timeline of a deployment (d3, paint-availability.ts): up and down
 * bands over simulated time, summarised with the total downtime and the outages.
 */

import { useEffect, useId, useMemo, useRef } from 'react';
import { formatClock } from '../../sim/engine/time';
import type { DeploymentView, SeriesView } from '../../sim/fabric/view';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import { ChartFrame } from './ChartFrame';
import { availabilityBands, availabilitySummary, chartClock, spanOf } from './chart-data';
import { paintAvailability } from './paint-availability';
import { useChartTheme } from '../presenter/theme';
import { deploymentLabel } from './select';

const selectChartClock = (s: FabricState) => chartClock(s.t);

const STATE_TEXT = { up: 'available', down: 'unavailable', none: 'not yet available' } as const;

export function AvailabilityChart({ dep, series }: { dep: DeploymentView; series: SeriesView }) {
  const clock = useFabric(selectChartClock);
  const span = useMemo(() => spanOf(series, [], clock), [series, clock]);
  const bands = useMemo(() => availabilityBands(series.availability, span), [series.availability, span]);
  const ref = useRef<SVGSVGElement>(null);
  const idPrefix = `avail${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const label = deploymentLabel(dep);
  const theme = useChartTheme();

  useEffect(() => {
    if (ref.current) paintAvailability(ref.current, { bands, span, idPrefix, theme });
  }, [bands, span, idPrefix, theme]);

  const table = (
    <table>
      <caption>Availability of {label}</caption>
      <thead>
        <tr>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {bands.map((b) => (
          <tr key={b.t0}>
            <td>{formatClock(b.t0)}</td>
            <td>{formatClock(b.t1)}</td>
            <td>{STATE_TEXT[b.state]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFrame
      title="Availability"
      summary={availabilitySummary(label, bands, dep.downMs, dep.outages, span)}
      svgRef={ref}
      className="svc-avail-chart"
      exportName={`availability-${dep.id}`}
      legend={
        <ul className="svc-chart-legend" aria-label="Bands">
          <li>
            <span className="svc-swatch swatch-up" aria-hidden="true" /> up
          </li>
          <li>
            <span className="svc-swatch swatch-down" aria-hidden="true" /> down (hatched)
          </li>
          <li>
            <span className="svc-swatch swatch-none" aria-hidden="true" /> not yet available (dotted)
          </li>
        </ul>
      }
      table={table}
    />
  );
}
