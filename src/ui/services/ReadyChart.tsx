/**
 * Ready instances per role of a deployment over simulated time (d3, paint-ready.ts), with
 * the fault, repair, detection and healing markers of the store as labelled ticks. It
 * redraws when the series or the markers change, or when the span grows by a step.
 */

import { useEffect, useMemo, useRef } from 'react';
import { formatClock } from '../../sim/engine/time';
import type { DeploymentView, SeriesView } from '../../sim/fabric/view';
import { useFabric } from '../context';
import { motionReduced } from '../datacenter/motion';
import type { FabricState } from '../store/store';
import { ChartFrame } from './ChartFrame';
import { chartClock, MARKER_TEXT, markersFor, readySummary, spanOf } from './chart-data';
import { themeRole } from './chart-theme';
import { useChartTheme } from '../presenter/theme';
import { paintReadyChart } from './paint-ready';
import { deploymentLabel, selectMarkers } from './select';

const selectChartClock = (s: FabricState) => chartClock(s.t);

export function ReadyChart({ dep, series }: { dep: DeploymentView; series: SeriesView }) {
  const allMarkers = useFabric(selectMarkers);
  const clock = useFabric(selectChartClock);
  const start = series.ready[0]?.t ?? 0;
  const markers = useMemo(() => markersFor(allMarkers, dep.service, dep.id, start), [allMarkers, dep.service, dep.id, start]);
  const span = useMemo(() => spanOf(series, markers, clock), [series, markers, clock]);
  const ref = useRef<SVGSVGElement>(null);
  const label = deploymentLabel(dep);
  const theme = useChartTheme();

  useEffect(() => {
    if (ref.current) paintReadyChart(ref.current, { series, markers, span, animate: !motionReduced(), theme });
  }, [series, markers, span, theme]);

  const legend = (
    <ul className="svc-chart-legend" aria-label="Lines">
      {series.roles.map((r, i) => (
        <li key={r}>
          <svg width="28" height="10" aria-hidden="true" focusable="false">
            <line x1="1" y1="5" x2="27" y2="5" stroke={themeRole(theme, i).colour} strokeWidth={theme.lineWidth} strokeDasharray={themeRole(theme, i).dash || undefined} />
          </svg>
          {r}
        </li>
      ))}
      <li className="svc-marker-key">Markers: F fault, R repair, D detection, H healing</li>
    </ul>
  );

  const table = (
    <>
      <table>
        <caption>Ready instances per role of {label}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {series.roles.map((r) => (
              <th key={r} scope="col">
                {r}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.ready.map((p, n) => (
            <tr key={`${p.t}-${n}`}>
              <th scope="row">{formatClock(p.t)}</th>
              {series.roles.map((r, i) => (
                <td key={r}>{p.ready[i] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {markers.length > 0 ? (
        <table>
          <caption>Events marked on the chart</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Kind</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {markers.map((m) => (
              <tr key={m.seq}>
                <th scope="row">{formatClock(m.t)}</th>
                <td>{MARKER_TEXT[m.kind] ?? m.kind}</td>
                <td>{m.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );

  return (
    <ChartFrame
      title="Ready instances per role"
      summary={readySummary(label, series, markers, span)}
      svgRef={ref}
      className="svc-ready-chart"
      exportName={`ready-${dep.id}`}
      legend={legend}
      table={table}
    />
  );
}
