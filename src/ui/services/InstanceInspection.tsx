/**
 * The inspector's view of a role instance: status (glyph and words), Reboot and Reimage,
 * where it runs (host, FD, UD, computer name, DIP), the disk layers with their sizes and
 * what each operation keeps or rebuilds (fidelity.md, "Disks"), the status history and
 * the startup task log, as the worker reports them for the inspected instance.
 */

import { formatClock } from '../../sim/engine/time';
import type { DiskRow, Inspection } from '../../sim/hardware/inspect';
import { useActions } from '../context';
import { Glyph } from '../datacenter/Glyph';
import { instanceState, STATE_GLYPHS } from './instance-status';
import { HistoryList } from '../components/HistoryList';

export const DISK_OPERATIONS = ['VM reboot', 'Portal reboot', 'Portal reimage', 'Host loss'] as const;

/** `30 GiB`, `20 MiB`. */
export function sizeText(mib: number): string {
  if (mib >= 1024) {
    const gib = mib / 1024;
    return `${gib >= 10 ? Math.round(gib) : Math.round(gib * 10) / 10} GiB`;
  }
  return `${Math.round(mib)} MiB`;
}

function DiskTable({ id, disks }: { id: string; disks: readonly DiskRow[] }) {
  return (
    <table className="disk-table">
      <caption>Disk layers of {id}: kept or rebuilt by each operation</caption>
      <thead>
        <tr>
          <th scope="col">Drive</th>
          <th scope="col">What it is</th>
          <th scope="col">Size</th>
          {DISK_OPERATIONS.map((op) => (
            <th key={op} scope="col">
              {op}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {disks.map((d) => (
          <tr key={d.drive}>
            <th scope="row">{d.drive}</th>
            <td>
              {d.label}
              <span className="disk-gen"> (generation {d.generation})</span>
            </td>
            <td className="num">{sizeText(d.sizeMiB)}</td>
            {d.survives.map((kept, k) => (
              <td key={DISK_OPERATIONS[k]} className={kept ? 'disk-kept' : 'disk-rebuilt'}>
                <span aria-hidden="true">{kept ? '✓ ' : '↻ '}</span>
                {kept ? 'kept' : 'rebuilt'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InstanceInspection({ i, onClear }: { i: Inspection; onClear: () => void }) {
  const actions = useActions();
  const host = i.facts.find(([label]) => label === 'Host')?.[1];
  const placed = host !== undefined && host !== '(none)';
  const log = i.startupLog ?? [];
  return (
    <div className="inspection">
      <div className="inspection-head">
        <h3>{i.id}</h3>
        <span className="inspection-kind">Role instance</span>
        <button type="button" className="link" onClick={onClear}>
          Clear selection
        </button>
      </div>
      <p className="inspection-status">
        <Glyph glyph={STATE_GLYPHS[instanceState(i.status, placed ? host : null)]} size={18} />
        <span>
          <strong>{i.status}</strong>
          {i.statusText && i.statusText !== i.status ? `: ${i.statusText}` : ''}
        </span>
      </p>
      <div className="inspection-actions" role="group" aria-label={`Actions for ${i.id}`}>
        <button type="button" disabled={!placed} onClick={() => actions.act({ do: 'reboot', target: i.id })}>
          Reboot
        </button>
        <button type="button" disabled={!placed} onClick={() => actions.act({ do: 'reimage', target: i.id })}>
          Reimage
        </button>
      </div>
      <dl className="facts">
        {i.facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {i.disks && i.disks.length > 0 ? <DiskTable id={i.id} disks={i.disks} /> : null}
      <h4>Status history</h4>
      <HistoryList inspection={i} />
      <h4>Startup tasks</h4>
      {log.length === 0 ? (
        <p className="empty">This role has no startup tasks.</p>
      ) : (
        <ol className="log startup-log" aria-label={`Startup task log of ${i.id}`}>
          {log.map((l, n) => (
            <li key={`${l.t}-${n}`}>
              <time className="t">{formatClock(l.t)}</time> {l.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
