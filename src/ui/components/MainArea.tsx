import { formatClock } from '../../sim/engine/time';
import type { ProbeView } from '../../sim/standin';
import { PROBE_COLLECTION } from '../../sim/standin';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';

const selectProbes = (s: FabricState) => s.view[PROBE_COLLECTION] as readonly ProbeView[] | undefined;
const selectConnection = (s: FabricState) => s.connection;

/** Where the data center and service views go. For now it lists the stand-in model's probes. */
export function MainArea() {
  const probes = useFabric(selectProbes) ?? [];
  const connection = useFabric(selectConnection);
  return (
    <main className="main" aria-labelledby="main-title">
      <h2 id="main-title">Data center</h2>
      {connection === 'connecting' ? <p>Starting the simulation…</p> : null}
      <table className="probes">
        <caption>Stand-in probes (replaced by the hardware model)</caption>
        <thead>
          <tr>
            <th scope="col">Probe</th>
            <th scope="col">Reports</th>
            <th scope="col">Last report</th>
          </tr>
        </thead>
        <tbody>
          {probes.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.id}</th>
              <td>{p.beats}</td>
              <td>{formatClock(p.lastAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
