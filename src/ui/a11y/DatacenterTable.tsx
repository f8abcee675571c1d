/**
 * The data center as text tables (the "Table view" view of the Data center tab):
 * the containers with their state, hosts by status and aggregation pair; the load
 * balancers; the racks, a page at a time, filtered by container and to those with a
 * problem, each with its ToR switch, PDU, hosts by status and role instances; and the
 * hosts of one rack with status, fault and instance count. A page holds at most
 * RACKS_PER_PAGE racks and one rack's hosts, so even the 100,000-host region never
 * renders more than a few hundred rows. Words come from describe.ts, as in the
 * drawing's descriptions and tooltips.
 */

import { useId, useMemo, useState } from 'react';
import { HOST_FAULTS, HOST_STATUSES } from '../../sim/hardware/status';
import { STATUS_COUNT } from '../datacenter/aggregates';
import { assetOf, hostAsset, type Asset } from '../datacenter/assets';
import { countsText, describeAsset } from '../datacenter/describe';
import { isUndetected } from '../datacenter/glyphs';
import { useFacts, type ViewFacts } from '../datacenter/useFacts';
import { useSelect } from '../datacenter/useSelect';
import { useUi, type UiState } from '../store/ui';

/** Racks listed on one page. */
export const RACKS_PER_PAGE = 20;

const selectSelected = (s: UiState) => s.selected;

const fmt = (n: number) => n.toLocaleString('en');

/** The fault of a host in words: `none`, `hang (not yet detected)`, `rebooting (planned: host OS update)`. */
export function faultText(status: number, fault: number): string {
  const name = HOST_FAULTS[fault] ?? 'unknown';
  if (fault === 0) return 'none';
  if (name === 'rebooting') return 'rebooting (planned: host OS update)';
  return isUndetected(status, fault) ? `${name} (not yet detected)` : name;
}

/** A rack has a problem: a host not Healthy, a fault not yet detected, or its ToR switch or PDU failed. */
export function rackHasProblem(f: ViewFacts, rack: number): boolean {
  const { agg, geo } = f;
  return (
    agg.rackCounts[rack * STATUS_COUNT]! !== geo.rackHosts[rack]! ||
    agg.rackUndetected[rack]! > 0 ||
    agg.torFailed[rack] === 1 ||
    agg.pduFailed[rack] === 1
  );
}

/** The global indices of the racks that pass the filter, in order. */
export function filterRacks(f: ViewFacts, container: number | null, problemsOnly: boolean): number[] {
  const { geo } = f;
  const out: number[] = [];
  const from = container === null ? 0 : geo.containers[container]?.firstRack ?? 0;
  const to = container === null ? geo.rackCount : from + (geo.containers[container]?.rackCount ?? 0);
  for (let r = from; r < to; r++) if (!problemsOnly || rackHasProblem(f, r)) out.push(r);
  return out;
}

function rackAsset(f: ViewFacts, rack: number, kind: 'rack' | 'tor' | 'pdu'): Asset {
  const c = f.geo.rackContainer[rack]!;
  const base = `c${c}-r${f.geo.rackLocal[rack]!}`;
  return { kind, id: kind === 'rack' ? base : `${base}-${kind}`, c, rack };
}

/** The rack an asset belongs to (a host, a rack, its ToR switch or PDU), if any. */
function rackOf(a: Asset | undefined): number | undefined {
  return a && (a.kind === 'host' || a.kind === 'rack' || a.kind === 'tor' || a.kind === 'pdu') ? a.rack : undefined;
}

function instancesOnRack(f: ViewFacts, rack: number): number {
  const first = f.geo.rackFirstHost[rack]!;
  let n = 0;
  for (let h = 0; h < f.geo.rackHosts[rack]!; h++) n += f.instances[first + h] ?? 0;
  return n;
}

const instancesText = (n: number) => (n >= 255 ? '255 or more' : String(n));

function ContainersTable({ facts }: { facts: ViewFacts }) {
  const { geo, agg } = facts;
  return (
    <table className="dc-table">
      <caption>Containers</caption>
      <thead>
        <tr>
          <th scope="col">Container</th>
          <th scope="col">State</th>
          <th scope="col">Racks</th>
          <th scope="col">Hosts</th>
          <th scope="col">Aggregation switches</th>
        </tr>
      </thead>
      <tbody>
        {geo.containers.map((k, c) => {
          const rec = facts.containers.get(k.id);
          const state = rec ? (rec.failed ? 'Failed: no power' : rec.state) : 'InService';
          const aggs = [0, 1].map((n) => `${k.id}-agg${n}: ${describeAsset({ kind: 'agg', id: `${k.id}-agg${n}`, c, n }, facts)}`);
          return (
            <tr key={k.id}>
              <th scope="row">{k.id}</th>
              <td>{state}</td>
              <td>{fmt(k.rackCount)}</td>
              <td>{countsText(agg.containerCounts, c * STATUS_COUNT)}</td>
              <td>{aggs.join('; ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function LoadBalancers({ facts }: { facts: ViewFacts }) {
  return (
    <table className="dc-table">
      <caption>Load balancers</caption>
      <thead>
        <tr>
          <th scope="col">Load balancer</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {[0, 1].map((n) => (
          <tr key={n}>
            <th scope="row">lb{n}</th>
            <td>{describeAsset({ kind: 'lb', id: `lb${n}`, n }, facts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HostsTable({ facts, rack, id }: { facts: ViewFacts; rack: number; id: string }) {
  const select = useSelect();
  const selected = useUi(selectSelected);
  const rackId = rackAsset(facts, rack, 'rack').id;
  const hosts = facts.geo.rackHosts[rack]!;
  const rows = Array.from({ length: hosts }, (_, h) => hostAsset(facts.geo, rack, h));
  return (
    <table className="dc-table dc-hosts" id={id}>
      <caption>
        Hosts of rack {rackId}: ToR switch {describeAsset(rackAsset(facts, rack, 'tor'), facts)}; PDU{' '}
        {describeAsset(rackAsset(facts, rack, 'pdu'), facts)}
      </caption>
      <thead>
        <tr>
          <th scope="col">Host</th>
          <th scope="col">Status</th>
          <th scope="col">Fault</th>
          <th scope="col">Role instances</th>
          <th scope="col">Inspector</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          if (a.kind !== 'host') return null;
          const s = facts.status[a.index] ?? 0;
          const fault = facts.fault[a.index] ?? 0;
          return (
            <tr key={a.id} className={selected === a.id ? 'is-selected' : undefined}>
              <th scope="row">{a.id}</th>
              <td>{HOST_STATUSES[s] ?? 'Healthy'}</td>
              <td>{faultText(s, fault)}</td>
              <td>{instancesText(facts.instances[a.index] ?? 0)}</td>
              <td>
                <button type="button" className="dc-table-inspect" aria-pressed={selected === a.id} onClick={() => select(a.id)}>
                  Inspect{' '}
                  <span className="visually-hidden">{a.id}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function DatacenterTable() {
  const facts = useFacts();
  const { geo, agg } = facts;
  const selected = useUi(selectSelected);
  const [container, setContainer] = useState<number | null>(null);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [page, setPage] = useState(0);
  const [chosenRack, setChosenRack] = useState<number | null>(null);
  const ids = { container: useId(), problems: useId(), hosts: useId(), range: useId() };

  // the filter depends on the hosts' state: facts is a new object whenever it changes
  const racks = useMemo(() => filterRacks(facts, container, problemsOnly), [facts, container, problemsOnly]);
  const pages = Math.max(1, Math.ceil(racks.length / RACKS_PER_PAGE));
  const at = Math.min(page, pages - 1);
  const shown = racks.slice(at * RACKS_PER_PAGE, (at + 1) * RACKS_PER_PAGE);
  const selectedRack = rackOf(selected ? assetOf(geo, selected) : undefined);
  const hostsRack = chosenRack ?? selectedRack ?? shown[0];

  if (geo.containers.length === 0) return <p className="empty">Starting the simulation…</p>;

  const filter = (next: { container?: number | null; problemsOnly?: boolean }) => {
    if (next.container !== undefined) setContainer(next.container);
    if (next.problemsOnly !== undefined) setProblemsOnly(next.problemsOnly);
    setPage(0);
  };

  return (
    <div className="dc-tables">
      <div className="dc-table-head">
        <h2 className="dc-title">Data center</h2>
        <p className="dc-summary">
          {geo.containers.length} {geo.containers.length === 1 ? 'container' : 'containers'} · {fmt(geo.rackCount)} racks ·{' '}
          {fmt(geo.layout.hostCount)} hosts · {countsText(agg.totals, 0).replace(/^[\d,]+ hosts?: /, '')}
        </p>
      </div>
      <ContainersTable facts={facts} />
      <LoadBalancers facts={facts} />
      <section className="dc-racks" aria-labelledby={`${ids.range}-title`}>
        <h3 id={`${ids.range}-title`}>Racks</h3>
        <div className="dc-table-filter" role="group" aria-label="Filter racks">
          <label htmlFor={ids.container}>Container</label>
          <select
            id={ids.container}
            value={container === null ? '' : String(container)}
            onChange={(e) => filter({ container: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">All containers</option>
            {geo.containers.map((k, c) => (
              <option key={k.id} value={String(c)}>
                {k.id}
              </option>
            ))}
          </select>
          <input id={ids.problems} type="checkbox" checked={problemsOnly} onChange={(e) => filter({ problemsOnly: e.target.checked })} />
          <label htmlFor={ids.problems}>Only racks with a problem</label>
        </div>
        <div className="dc-table-pager">
          <p id={ids.range} aria-live="polite">
            {racks.length === 0
              ? 'No rack matches the filter.'
              : `Racks ${fmt(at * RACKS_PER_PAGE + 1)}–${fmt(at * RACKS_PER_PAGE + shown.length)} of ${fmt(racks.length)}`}
          </p>
          {pages > 1 ? (
            <>
              <button type="button" aria-disabled={at === 0 ? 'true' : undefined} onClick={() => at > 0 && setPage(at - 1)}>
                Previous racks
              </button>
              <button type="button" aria-disabled={at >= pages - 1 ? 'true' : undefined} onClick={() => at < pages - 1 && setPage(at + 1)}>
                Next racks
              </button>
            </>
          ) : null}
        </div>
        {shown.length > 0 ? (
          <table className="dc-table">
            <caption>
              Racks {fmt(at * RACKS_PER_PAGE + 1)}–{fmt(at * RACKS_PER_PAGE + shown.length)}
              {container !== null ? ` of ${geo.containers[container]?.id}` : ''}
              {problemsOnly ? ' with a problem' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Rack</th>
                <th scope="col">ToR switch</th>
                <th scope="col">PDU</th>
                <th scope="col">Hosts</th>
                <th scope="col">Role instances</th>
                <th scope="col">Host list</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const id = rackAsset(facts, r, 'rack').id;
                const open = r === hostsRack;
                return (
                  <tr key={id} className={open ? 'is-selected' : undefined}>
                    <th scope="row">{id}</th>
                    <td>{describeAsset(rackAsset(facts, r, 'tor'), facts)}</td>
                    <td>{describeAsset(rackAsset(facts, r, 'pdu'), facts)}</td>
                    <td>
                      {countsText(agg.rackCounts, r * STATUS_COUNT)}
                      {agg.rackUndetected[r]! > 0 ? `; ${agg.rackUndetected[r]} with a fault not yet detected` : ''}
                    </td>
                    <td>{instancesText(instancesOnRack(facts, r))}</td>
                    <td>
                      <button type="button" aria-pressed={open} aria-controls={open ? ids.hosts : undefined} onClick={() => setChosenRack(r)}>
                        Show hosts{' '}
                        <span className="visually-hidden">of {id}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
      {hostsRack !== undefined ? <HostsTable facts={facts} rack={hostsRack} id={ids.hosts} /> : null}
    </div>
  );
}
