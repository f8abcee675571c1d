/**
 * The upgrade part of the Services view: the progress of the upgrade in progress, or,
 * once it has finished (the deployment record then carries none), its tiles all
 * completed; and the control that starts the next one.
 */

import { useState } from 'react';
import type { DeploymentView } from '../../sim/fabric/view';
import { UpgradeProgress } from './UpgradeProgress';
import { UpgradeStart } from './UpgradeStart';

type Upgrade = NonNullable<DeploymentView['upgrade']>;

/** The upgrade as it ended: every update domain completed. */
const finishedCopy = (u: Upgrade): Upgrade => ({ ...u, ud: u.ud.map(() => 'completed'), current: -1 });

export function UpgradePanel(props: { dep: DeploymentView; ready: boolean }) {
  const { dep, ready } = props;
  const [last, setLast] = useState<{ readonly id: string; readonly upgrade: Upgrade } | null>(null);
  // remember the latest upgrade seen, to show how it ended once the record drops it
  if (dep.upgrade && (last?.id !== dep.id || last.upgrade !== dep.upgrade)) setLast({ id: dep.id, upgrade: dep.upgrade });
  const ended = !dep.upgrade && last?.id === dep.id ? finishedCopy(last.upgrade) : null;
  return (
    <div className="svc-upgrade-panel">
      {dep.upgrade ? <UpgradeProgress dep={dep} upgrade={dep.upgrade} ready={ready} /> : null}
      {ended ? <UpgradeProgress dep={dep} upgrade={ended} ready={ready} finished /> : null}
      {dep.upgrade ? null : <UpgradeStart dep={dep} ready={ready} />}
    </div>
  );
}
