/**
 * A deployment at a glance: status, version, DNS name, VIP, availability (glyph and
 * words), downtime, outages and mean time to recover; ready/total per role; and the
 * contrast the seed insists on: the durable storage the service writes survives every
 * fault, while an instance's differencing disk is lost on reimage and host loss.
 */

import type { ReactNode } from 'react';
import { formatDuration } from '../../sim/engine/time';
import type { DeploymentView } from '../../sim/fabric/view';
import { Glyph } from '../datacenter/Glyph';
import { STATUS_GLYPHS } from '../datacenter/glyphs';
import { plural } from './select';

const ROLE_TYPE: Readonly<Record<string, string>> = { WebRole: 'web role', WorkerRole: 'worker role', VirtualMachineRole: 'VM role' };

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

export function DeploymentSummary({ dep }: { dep: DeploymentView }) {
  const deploying = dep.status === 'Deploying';
  return (
    <div className="svc-summary">
      <dl className="svc-facts" aria-label="Deployment facts">
        <Fact label="Status">
          <strong>{dep.status}</strong>
        </Fact>
        <Fact label="Version">{dep.version}</Fact>
        <Fact label="DNS name">{dep.dns || '(not yet)'}</Fact>
        <Fact label="VIP">{dep.vip || '(not yet)'}</Fact>
        <Fact label="Availability">
          <span className="svc-avail">
            <Glyph glyph={dep.available ? STATUS_GLYPHS.Healthy : STATUS_GLYPHS.Down} size={14} />
            {dep.available ? 'Available' : deploying ? 'Not yet available' : 'Unavailable'}
          </span>
        </Fact>
        <Fact label="Downtime">{dep.downMs > 0 ? formatDuration(Math.round(dep.downMs / 1000) * 1000) : 'none'}</Fact>
        <Fact label="Outages">{dep.outages}</Fact>
        <Fact label="Mean time to recover">{dep.outages > 0 ? formatDuration(Math.round(dep.mttrMs / 1000) * 1000) : 'no outage yet'}</Fact>
      </dl>
      <table className="svc-roles">
        <caption>Roles: ready instances of goal</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Kind</th>
            <th scope="col">Ready</th>
          </tr>
        </thead>
        <tbody>
          {dep.roles.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>
                {ROLE_TYPE[r.type] ?? r.type}, {r.vmsize}
                {r.behindLoadBalancer ? ', behind the load balancer' : ''}
              </td>
              <td className={r.ready < r.total ? 'svc-short' : undefined}>
                <span className="svc-ready">
                  {r.ready}/{r.total}
                  <span className="visually-hidden"> ready</span>
                </span>
                <span className="svc-bar" aria-hidden="true">
                  <span style={{ width: `${r.total > 0 ? (100 * r.ready) / r.total : 0}%` }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="svc-storage">
        <p className="svc-durable">
          <strong>Durable storage:</strong> {plural(dep.durableBlobs, 'blob')} written — survives every fault
        </p>
        <p className="svc-volatile">
          <strong>Differencing disks:</strong> lost on reimage and host loss
        </p>
      </div>
    </div>
  );
}
