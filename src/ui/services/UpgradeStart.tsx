/**
 * Starts an in-place upgrade of the production deployment with the files open in the
 * Service model panel (its saved copy in localStorage, read when the button is pressed),
 * in manual, auto or simultaneous mode; or applies just the panel's .cscfg at run time
 * (instance counts and setting values, without a redeployment). Disabled, with the
 * reason beside it, for a staging slot, during another upgrade or while deploying.
 */

import { useId, useState } from 'react';
import type { Action } from '../../sim/actions';
import type { DeploymentView } from '../../sim/fabric/view';
import { browserStorage, readSaved, type SavedFiles } from '../servicemodel/persistence';
import { useSend } from './useSend';

export type UpgradeMode = Extract<Action, { do: 'upgrade' }>['mode'];

const MODES: readonly { readonly mode: UpgradeMode; readonly label: string; readonly text: string }[] = [
  { mode: 'manual', label: 'Manual', text: 'Manual: you start each update domain with "Walk next update domain".' },
  { mode: 'auto', label: 'Auto', text: 'Auto: the FC moves to the next update domain once the last one is healthy.' },
  { mode: 'simultaneous', label: 'Simultaneous', text: 'Simultaneous: every update domain at once (the service goes down).' },
];

/** Why the deployment cannot be upgraded now, or null. */
export function upgradeBlocker(dep: DeploymentView, ready: boolean): string | null {
  if (!ready) return 'Waiting for the simulation to start.';
  if (dep.slot !== 'production') return 'Upgrades and configuration changes apply to the production deployment.';
  if (dep.upgrade) return 'An upgrade is in progress: one at a time.';
  if (dep.status !== 'Running') return `Wait until the deployment is Running (it is ${dep.status}).`;
  return null;
}

/** The files of the Service model panel, or what is wrong. */
function panelFiles(): SavedFiles | string {
  const { saved, problem } = readSaved(browserStorage());
  if (saved) return saved;
  return problem ?? 'The Service model panel has no files yet: pick a sample or open a .csdef and a .cscfg there.';
}

export function UpgradeStart(props: { dep: DeploymentView; ready: boolean }) {
  const { dep, ready } = props;
  const [mode, setMode] = useState<UpgradeMode>('manual');
  const [problem, setProblem] = useState<string | null>(null);
  const { sent, send } = useSend();
  const ids = { mode: useId(), modeText: useId(), why: useId(), problem: useId() };
  const blocker = upgradeBlocker(dep, ready);

  const withFiles = (fn: (saved: SavedFiles) => void) => {
    const f = panelFiles();
    if (typeof f === 'string') {
      setProblem(f);
      return;
    }
    setProblem(null);
    fn(f);
  };

  const upgrade = () =>
    withFiles(({ files, edited }) => {
      const action: Action = {
        do: 'upgrade',
        service: dep.service,
        mode,
        files: { csdef: { name: files.csdef.name, bytes: files.csdef.text }, cscfg: { name: files.cscfg.name, bytes: files.cscfg.text } },
      };
      send(action, `Sent: ${mode} upgrade of ${dep.service} (production) to ${files.csdef.name} and ${files.cscfg.name}${edited ? ' (edited)' : ''}.`);
    });

  const configure = () =>
    withFiles(({ files }) =>
      send({ do: 'configure', service: dep.service, cscfg: { name: files.cscfg.name, bytes: files.cscfg.text } }, `Sent: apply ${files.cscfg.name} to ${dep.service} at run time.`),
    );

  const describedBy = [blocker ? ids.why : '', problem ? ids.problem : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="svc-upgrade-start" role="group" aria-label="Upgrade with the Service model panel's files">
      <p className="svc-hint">Uses the .csdef and .cscfg open in the Service model panel.</p>
      <div className="svc-buttons">
        <label htmlFor={ids.mode}>Upgrade mode</label>
        <select id={ids.mode} value={mode} aria-describedby={ids.modeText} onChange={(e) => setMode(e.target.value as UpgradeMode)}>
          {MODES.map((m) => (
            <option key={m.mode} value={m.mode}>
              {m.label}
            </option>
          ))}
        </select>
        <button type="button" disabled={blocker !== null} aria-describedby={describedBy} onClick={upgrade}>
          Start upgrade
        </button>
        <button type="button" disabled={blocker !== null} aria-describedby={describedBy} onClick={configure}>
          Apply .cscfg at run time
        </button>
      </div>
      <p id={ids.modeText} className="svc-hint">
        {MODES.find((m) => m.mode === mode)?.text}
      </p>
      {blocker ? (
        <p id={ids.why} className="svc-hint">
          {blocker}
        </p>
      ) : null}
      {problem ? (
        <p id={ids.problem} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <p className="svc-sent" role="status">
        {sent ?? ''}
      </p>
    </div>
  );
}
