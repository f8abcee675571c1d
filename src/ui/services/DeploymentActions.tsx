/**
 * What can be done to a deployment from the Services view: delete it (after a second
 * click to confirm), scale a role, swap the VIPs of production and staging (when both
 * slots are deployed) and start a host OS update across the data center. Each button
 * says why when it is disabled; what was sent is announced as a status.
 */

import { useId, useState } from 'react';
import type { DeploymentView } from '../../sim/fabric/view';
import { ScaleForm } from './ScaleForm';
import { deploymentLabel } from './select';
import { useSend } from './useSend';

export function DeploymentActions(props: { dep: DeploymentView; canSwap: boolean; ready: boolean }) {
  const { dep, canSwap, ready } = props;
  const { sent, send } = useSend();
  const [confirming, setConfirming] = useState(false);
  const swapWhy = useId();
  const label = deploymentLabel(dep);
  const slot = dep.slot === 'staging' ? 'staging' : 'production';

  const remove = () => {
    setConfirming(false);
    send({ do: 'delete', service: dep.service, slot }, `Sent: delete ${label}.`);
  };

  return (
    <div className="svc-actions" role="group" aria-label={`Actions for ${label}`}>
      <div className="svc-buttons">
        {confirming ? (
          <span className="svc-confirm" role="group" aria-label="Confirm the deletion">
            <span>Delete {label}? Its instances stop and its VIP is released.</span>
            <button type="button" className="danger" onClick={remove} autoFocus>
              Delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" disabled={!ready || dep.status === 'Deleting'} onClick={() => setConfirming(true)}>
            Delete deployment
          </button>
        )}
        <button
          type="button"
          disabled={!ready || !canSwap}
          aria-describedby={canSwap ? undefined : swapWhy}
          onClick={() => send({ do: 'swap', service: dep.service }, `Sent: VIP swap of ${dep.service}: staging becomes production.`)}
        >
          VIP swap
        </button>
        <button type="button" disabled={!ready} onClick={() => send({ do: 'updateHostOs' }, 'Sent: a host OS update rolls across the data center.')}>
          Host OS update
        </button>
      </div>
      {canSwap ? null : (
        <p id={swapWhy} className="svc-hint">
          A VIP swap needs {dep.service} deployed to both production and staging.
        </p>
      )}
      <ScaleForm dep={dep} ready={ready} onScale={(role, count) => send({ do: 'scale', role: `${dep.service}/${role}`, count }, `Sent: scale ${dep.service}/${role} to ${count}.`)} />
      <p className="svc-sent" role="status">
        {sent ?? ''}
      </p>
    </div>
  );
}
