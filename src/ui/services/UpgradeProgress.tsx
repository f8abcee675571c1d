/**
 * An upgrade in progress: from and to which version, in which mode, rolling back or not,
 * and a tile per update domain (pending, in progress, completed, failed: glyph and word).
 * In manual mode "Walk next update domain" starts the next one once the previous one is
 * done; "Roll back" stays available while some update domain is not yet completed.
 */

import { useId } from 'react';
import type { DeploymentView } from '../../sim/fabric/view';
import { Glyph } from '../datacenter/Glyph';
import { DEVICE_UP, STATUS_GLYPHS, type GlyphStyle } from '../datacenter/glyphs';
import { useSend } from './useSend';

type Upgrade = NonNullable<DeploymentView['upgrade']>;

const UD_STATES: Readonly<Record<string, { readonly text: string; readonly glyph: GlyphStyle }>> = {
  pending: { text: 'pending', glyph: DEVICE_UP },
  inProgress: { text: 'in progress', glyph: STATUS_GLYPHS.BurnIn },
  completed: { text: 'completed', glyph: STATUS_GLYPHS.Healthy },
  failed: { text: 'failed', glyph: STATUS_GLYPHS.Down },
};

const udState = (s: string) => UD_STATES[s] ?? { text: s, glyph: DEVICE_UP };

/** Why "Walk next update domain" cannot be used now, or null. */
export function walkBlocker(u: Upgrade): string | null {
  if (u.rollingBack) return 'The FC walks the update domains of a rollback itself.';
  if (u.mode !== 'manual') return `In ${u.mode} mode the FC walks the update domains itself.`;
  if (u.current >= 0) return `Update domain ${u.current} is still being upgraded.`;
  if (u.ud.includes('failed')) return 'An update domain failed: roll back.';
  if (!u.ud.includes('pending')) return 'Every update domain has been walked.';
  return null;
}

/** Rollback is allowed while some update domain is not completed (fidelity.md: while some instance is not upgraded). */
export const canRollBack = (u: Upgrade): boolean => !u.rollingBack && u.ud.some((s) => s !== 'completed');

export function UpgradeProgress(props: { dep: DeploymentView; upgrade: Upgrade; ready: boolean; finished?: boolean }) {
  const { dep, upgrade: u, ready, finished = false } = props;
  const { sent, send } = useSend();
  const whyId = useId();
  const walkWhy = walkBlocker(u);
  const done = u.ud.filter((s) => s === 'completed').length;
  return (
    <div className="svc-upgrade">
      <p className="svc-upgrade-head">
        <strong>{u.rollingBack ? 'Rollback' : u.configOnly ? 'Configuration change' : 'Upgrade'}</strong> from <strong>{u.from}</strong> to{' '}
        <strong>{u.to}</strong>, {u.mode} mode{u.rollingBack ? ', rolling back' : ''}
        {finished ? ': finished, every update domain completed.' : `: ${done} of ${u.ud.length} update domains completed.`}
      </p>
      <ol className="svc-uds" aria-label="Update domains">
        {u.ud.map((s, k) => {
          const st = udState(s);
          const walked = s === 'inProgress';
          return (
            <li key={k} className={`svc-ud ud-${s}${walked ? ' is-walking' : ''}`}>
              <Glyph glyph={st.glyph} size={16} />
              <span className="svc-ud-name">UD {k}</span>
              <span className="svc-ud-state">
                {st.text}
                {walked && u.mode !== 'simultaneous' ? ', being walked' : ''}
              </span>
            </li>
          );
        })}
      </ol>
      {finished ? null : (
      <div className="svc-buttons">
        {u.mode === 'manual' && !u.rollingBack ? (
          <button
            type="button"
            disabled={!ready || walkWhy !== null}
            aria-describedby={walkWhy ? whyId : undefined}
            onClick={() => send({ do: 'walk', service: dep.service }, `Sent: walk the next update domain of ${dep.service}.`)}
          >
            Walk next update domain
          </button>
        ) : null}
        {canRollBack(u) ? (
          <button type="button" disabled={!ready} onClick={() => send({ do: 'rollback', service: dep.service }, `Sent: roll ${dep.service} back to ${u.from}.`)}>
            Roll back
          </button>
        ) : null}
      </div>
      )}
      {!finished && walkWhy && u.mode === 'manual' && !u.rollingBack ? (
        <p id={whyId} className="svc-hint">
          {walkWhy}
        </p>
      ) : null}
      <p className="svc-sent" role="status">
        {sent ?? ''}
      </p>
    </div>
  );
}
