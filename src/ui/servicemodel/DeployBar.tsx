/**
 * Deploy to production or staging. The buttons are disabled while the files have errors
 * (or the simulation is not running yet), with the reason beside them and tied to them
 * by aria-describedby. After a deployment is sent, the worker's refusal (the store's
 * `actionError` for that action) or the Fabric Controller's (a `refusals` record for the
 * service) is shown as an alert.
 */

import { useId, useState } from 'react';
import type { Slot } from '../../sim/fabric/model';
import { REFUSALS, type RefusalView } from '../../sim/fabric/view';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import { plural } from './format';
import type { Validation } from './useValidation';

const selectReady = (s: FabricState) => s.connection === 'ready';
const selectActionError = (s: FabricState) => s.actionError;
const selectRefusals = (s: FabricState) => s.view[REFUSALS] as readonly RefusalView[] | undefined;

/** A deployment the panel sent: the action's id and what it asked for. */
export interface SentDeploy {
  readonly id: number;
  readonly service: string;
  readonly slot: Slot;
}

function reasonOf(validation: Validation | undefined, emptyText: string, ready: boolean): { ok: boolean; text: string } {
  if (!validation) return { ok: false, text: emptyText };
  if (validation.errors > 0) return { ok: false, text: `Fix ${plural(validation.errors, 'error')} before deploying.` };
  const model = validation.model;
  if (!model) return { ok: false, text: 'Both files are needed before deploying.' };
  if (!ready) return { ok: false, text: 'Waiting for the simulation to start.' };
  const instances = model.roles.reduce((n, r) => n + r.instances, 0);
  return { ok: true, text: `Deploys the service "${model.name}": ${plural(model.roles.length, 'role')}, ${plural(instances, 'instance')}.` };
}

export interface DeployBarProps {
  readonly validation: Validation | undefined;
  /** Why there is nothing to deploy yet, before there is a validation. */
  readonly emptyText: string;
  /** Validates the files as they are now and sends the deployment; undefined when they have errors. */
  readonly onDeploy: (slot: Slot) => SentDeploy | undefined;
}

export function DeployBar({ validation, emptyText, onDeploy }: DeployBarProps) {
  const ready = useFabric(selectReady);
  const actionError = useFabric(selectActionError);
  const refusals = useFabric(selectRefusals);
  const [sent, setSent] = useState<SentDeploy | null>(null);
  const reasonId = useId();
  const reason = reasonOf(validation, emptyText, ready);
  const service = validation?.model?.name ?? sent?.service;
  const refusal = service === undefined ? undefined : refusals?.find((r) => r.id === service);
  const refusedAction = sent && actionError?.id === sent.id ? actionError : undefined;

  const deploy = (slot: Slot) => setSent(onDeploy(slot) ?? null);

  return (
    <div className="sm-deploy" role="group" aria-label="Deploy">
      <div className="sm-deploy-buttons">
        <button type="button" disabled={!reason.ok} aria-describedby={reasonId} onClick={() => deploy('production')}>
          Deploy to production
        </button>
        <button type="button" disabled={!reason.ok} aria-describedby={reasonId} onClick={() => deploy('staging')}>
          Deploy to staging
        </button>
      </div>
      <p id={reasonId} className={reason.ok ? 'sm-reason' : 'sm-reason sm-reason-blocked'}>
        {reason.text}
      </p>
      {sent ? (
        <p className="sm-sent" role="status">
          Sent: deploy "{sent.service}" to {sent.slot}.
        </p>
      ) : null}
      {refusedAction ? (
        <div className="sm-refusal" role="alert">
          <strong>Deployment refused:</strong> {refusedAction.message}
        </div>
      ) : null}
      {refusal ? (
        <div className="sm-refusal" role="alert">
          <strong>The Fabric Controller refused to deploy {refusal.id}:</strong> {refusal.reason}
        </div>
      ) : null}
    </div>
  );
}
