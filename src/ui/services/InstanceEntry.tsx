/**
 * One role instance in the matrix: a button named by the instance id
 * (`shop/WebRole_IN_2`) and described by its status, host and version; its glyph and
 * status are also written on it. Memoised: a frame re-renders only the instances that
 * changed.
 */

import { memo } from 'react';
import type { InstanceView } from '../../sim/fabric/view';
import { Glyph } from '../datacenter/Glyph';
import { instanceState, STATE_GLYPHS } from './instance-status';

/** `ReadyRole; host c0-r1-h00; version v1`, plus why it waits when it does. */
export function describeInstance(i: InstanceView): string {
  const where = i.host === null ? 'no host' : `host ${i.host}`;
  const wait = i.waitReason ? `; waiting: ${i.waitReason}` : '';
  return `${i.status}; ${where}; version ${i.version}${wait}`;
}

export const InstanceEntry = memo(function InstanceEntry(props: {
  instance: InstanceView;
  tabStop: boolean;
  selected: boolean;
  menuOpen: boolean;
}) {
  const { instance: i, tabStop, selected, menuOpen } = props;
  const state = instanceState(i.status, i.host);
  const descId = `svc-desc-${i.id}`;
  return (
    <button
      type="button"
      className={`svc-inst state-${state}${selected ? ' is-selected' : ''}`}
      data-key={i.id}
      data-menu-owner=""
      aria-label={i.id}
      aria-describedby={descId}
      aria-haspopup="menu"
      aria-expanded={menuOpen}
      tabIndex={tabStop ? 0 : -1}
    >
      <Glyph glyph={STATE_GLYPHS[state]} size={14} />
      <span className="svc-inst-name">{`${i.role}_IN_${i.n}`}</span>
      <span className="svc-inst-status">{i.status}</span>
      <span className="svc-inst-meta">
        {i.host ?? 'no host'} · {i.version}
      </span>
      <span id={descId} className="visually-hidden">
        {describeInstance(i)}
      </span>
    </button>
  );
});
