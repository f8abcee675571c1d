/**
 * The Services view: pick a deployment (every service, production and staging), read its
 * summary, act on it (delete, scale, VIP swap, host OS update), upgrade it with the
 * Service model panel's files and follow the walk, see its fault domain x update domain
 * matrix, and its ready instances and availability over time. Asks the worker to watch
 * the chosen deployment, so a large run still sends its instances and charts.
 */

import { useEffect, useId, useMemo, useState } from 'react';
import { ActionError } from '../components/ActionError';
import { useActions, useFabric } from '../context';
import { AvailabilityChart } from './AvailabilityChart';
import { DeploymentActions } from './DeploymentActions';
import { DeploymentSummary } from './DeploymentSummary';
import { DomainMatrix } from './DomainMatrix';
import { ReadyChart } from './ReadyChart';
import {
  deploymentLabel,
  deploymentOrder,
  hasBothSlots,
  inOrder,
  instancesOf,
  selectDeployments,
  selectInstances,
  selectReady,
  selectSeries,
  seriesOf,
} from './select';
import { UpgradePanel } from './UpgradePanel';

export function ServicesView() {
  const deployments = useFabric(selectDeployments);
  const allInstances = useFabric(selectInstances);
  const allSeries = useFabric(selectSeries);
  const ready = useFabric(selectReady);
  const actions = useActions();
  const [chosen, setChosen] = useState<string | null>(null);
  const ids = { picker: useId(), summary: useId(), upgrade: useId(), matrix: useId(), charts: useId() };

  const order = deploymentOrder(deployments);
  const sorted = useMemo(() => inOrder(deployments, order), [deployments, order]);
  // the options change only when deployments come or go (labels are service and slot)
  const options = useMemo(
    () =>
      inOrder(deployments, order).map((d) => (
        <option key={d.id} value={d.id}>
          {deploymentLabel(d)}
        </option>
      )),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- records updated in place keep their labels
    [order],
  );
  const dep = sorted.find((d) => d.id === chosen) ?? sorted[0];
  const depId = dep?.id;
  const instances = useMemo(() => (dep ? instancesOf(allInstances, dep) : []), [allInstances, dep]);
  const series = depId ? seriesOf(allSeries, depId) : undefined;
  const goal = dep ? dep.roles.reduce((n, r) => n + r.total, 0) : 0;

  useEffect(() => {
    if (depId) actions.watch([depId]);
  }, [actions, depId]);

  return (
    <div className="svc">
      <div className="svc-toolbar">
        <h2 className="svc-title">Services</h2>
        {sorted.length > 0 ? (
          <div className="svc-picker">
            <label htmlFor={ids.picker}>Deployment</label>
            <select id={ids.picker} value={depId} onChange={(e) => setChosen(e.target.value)}>
              {options}
            </select>
          </div>
        ) : null}
        {dep ? (
          <p className="svc-headline">
            <strong>{dep.status}</strong> · {dep.version} · {dep.dns || 'no DNS name yet'}
          </p>
        ) : null}
      </div>
      <ActionError />
      <div className="svc-body">
        {!dep ? (
          <p className="empty">
            {ready ? 'No deployments yet: deploy a service from the Service model panel.' : 'Starting the simulation…'}
          </p>
        ) : (
          <>
            <section className="svc-section svc-overview" aria-labelledby={ids.summary}>
              <h3 id={ids.summary}>{deploymentLabel(dep)}</h3>
              <DeploymentSummary dep={dep} />
              <DeploymentActions key={dep.id} dep={dep} ready={ready} canSwap={hasBothSlots(sorted, dep.service)} />
            </section>
            <section className="svc-section" aria-labelledby={ids.upgrade}>
              <h3 id={ids.upgrade}>Upgrade</h3>
              <UpgradePanel key={dep.id} dep={dep} ready={ready} />
            </section>
            <section className="svc-section" aria-labelledby={ids.matrix}>
              <h3 id={ids.matrix}>Fault domains × update domains</h3>
              <p className="svc-hint">
                A fault domain is a rack (its switch and power); an update domain is what an upgrade takes down at once. One fault or one
                upgrade step takes out one column or one row.
              </p>
              {instances.length < goal ? (
                <p className="svc-hint" role="note">
                  Showing {instances.length} of {goal} instances: the records of the others have not arrived from the simulation.
                </p>
              ) : null}
              <DomainMatrix dep={dep} instances={instances} />
            </section>
            <section className="svc-section" aria-labelledby={ids.charts}>
              <h3 id={ids.charts}>Over time</h3>
              {series ? (
                <>
                  <ReadyChart dep={dep} series={series} />
                  <AvailabilityChart dep={dep} series={series} />
                </>
              ) : (
                <p className="empty">No chart data for this deployment yet.</p>
              )}
            </section>
          </>
        )}
      </div>
    </div>
  );
}
