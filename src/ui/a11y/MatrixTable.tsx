/**
 * A deployment's fault domain × update domain matrix as a plain table (the Services
 * tab's "Table view"): a caption, a column header per fault domain and a row header
 * per update domain (the one an upgrade is walking says so), and in each cell its
 * instances in words: id, status, host and version. Read-only: the grid of
 * DomainMatrix.tsx is where instances are acted on. Built from the same matrix.ts.
 */

import type { DeploymentView, InstanceView } from '../../sim/fabric/view';
import { buildMatrix } from '../services/matrix';
import { deploymentLabel, plural } from '../services/select';

export function MatrixTable({ dep, instances }: { dep: DeploymentView; instances: readonly InstanceView[] }) {
  const matrix = buildMatrix(dep.fdCount, dep.udCount, instances);
  const walking = new Set(dep.upgrade ? dep.upgrade.ud.flatMap((s, k) => (s === 'inProgress' ? [k] : [])) : []);
  const label = deploymentLabel(dep);
  const notReady = instances.filter((i) => i.status !== 'ReadyRole').length;
  return (
    // focusable: the table scrolls sideways when wide (many fault domains, large type)
    <div className="svc-matrix-wrap" tabIndex={0} role="group" aria-label={`Matrix table of ${label}`}>
      <table className="svc-matrix-table">
        <caption>
          Fault domains × update domains of {label}: {plural(instances.length, 'instance')}
          {notReady > 0 ? `, ${notReady} not ready` : ', all ready'}
        </caption>
        <thead>
          <tr>
            <td className="svc-corner" />
            {Array.from({ length: matrix.fdCount }, (_, fd) => (
              <th key={fd} scope="col">
                Fault domain {fd}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, ud) => (
            <tr key={ud}>
              <th scope="row">
                Update domain {ud}
                {walking.has(ud) ? ', being upgraded' : ''}
              </th>
              {row.map((c) => (
                <td key={c.fd}>
                  {c.instances.length === 0 ? (
                    'no instance'
                  ) : (
                    <ul className="svc-matrix-list">
                      {c.instances.map((i) => (
                        <li key={i.id}>
                          {i.id}: {i.status}, {i.host === null ? 'no host' : `host ${i.host}`}, version {i.version}
                          {i.waitReason ? `, waiting: ${i.waitReason}` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
