/**
 * The inspector: the selected asset's status (with its glyph) and what it means, its
 * facts, its recent history and the driver commands sent to it, as the worker reports
 * them for the asset chosen with actions.inspect. A role instance (selected in the
 * Services view) gets its own view: disk layers, startup tasks, Reboot and Reimage.
 */

import type { Inspection } from '../../sim/hardware/inspect';
import { isHostStatus } from '../../sim/hardware/status';
import { useFabric } from '../context';
import { Glyph } from '../datacenter/Glyph';
import { DEVICE_FAILED, DEVICE_UP, STATUS_GLYPHS } from '../datacenter/glyphs';
import { useSelect } from '../datacenter/useSelect';
import { InstanceInspection } from '../services/InstanceInspection';
import type { FabricState } from '../store/store';
import { useUi, type UiState } from '../store/ui';
import { DriverEntry, entryKey } from './DriverEntry';
import { HistoryList } from './HistoryList';

const selectSelected = (s: UiState) => s.selected;
const selectInspection = (s: FabricState) => s.inspection;

const KIND_TEXT: Record<string, string> = {
  host: 'Host',
  tor: 'Top-of-rack switch',
  pdu: 'Power distribution unit',
  agg: 'Aggregation switch',
  lb: 'Load balancer',
  rack: 'Rack (fault domain)',
  container: 'Container',
};

function StatusGlyph({ status }: { status: string }) {
  if (isHostStatus(status)) return <Glyph glyph={STATUS_GLYPHS[status]} size={18} />;
  if (status === 'Failed') return <Glyph glyph={DEVICE_FAILED} size={18} />;
  return <Glyph glyph={DEVICE_UP} size={18} />;
}

/** `Failed: the rack is cut off`, not `Failed: failed: the rack is cut off`. */
function StatusText({ status, text }: { status: string; text: string }) {
  const rest = text.toLowerCase().startsWith(status.toLowerCase()) ? text.slice(status.length) : `: ${text}`;
  return (
    <span>
      <strong>{status}</strong>
      {rest}
    </span>
  );
}

function Details({ i, onClear }: { i: Inspection; onClear: () => void }) {
  const commands = [...i.commands].reverse();
  return (
    <div className="inspection">
      <div className="inspection-head">
        <h3>{i.id}</h3>
        <span className="inspection-kind">{KIND_TEXT[i.kind] ?? i.kind}</span>
        <button type="button" className="link" onClick={onClear}>
          Clear selection
        </button>
      </div>
      <p className="inspection-status">
        <StatusGlyph status={i.status} />
        <StatusText status={i.status} text={i.statusText} />
      </p>
      <dl className="facts">
        {i.facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h4>History</h4>
      <HistoryList inspection={i} />
      <h4>Driver commands</h4>
      {commands.length === 0 ? (
        <p className="empty">No commands sent to it yet.</p>
      ) : (
        <ol className="log commands" aria-label={`Driver commands sent to ${i.id}`}>
          {commands.map((e) => (
            <DriverEntry key={entryKey(e)} e={e} showDevice={false} />
          ))}
        </ol>
      )}
    </div>
  );
}

export function Inspector() {
  const selected = useUi(selectSelected);
  const inspection = useFabric(selectInspection);
  const select = useSelect();
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" tabIndex={0}>
      <h2 id="inspector-title">Inspector</h2>
      {selected === null ? (
        <p className="empty">
          Select an asset in the data center (click it, or press Enter on it) to see its status, history and driver commands, or a role
          instance in the Services view to see its disks and startup tasks.
        </p>
      ) : inspection && inspection.id === selected ? (
        inspection.kind === 'instance' ? (
          <InstanceInspection i={inspection} onClear={() => select(null)} />
        ) : (
          <Details i={inspection} onClear={() => select(null)} />
        )
      ) : (
        <p className="empty">Loading {selected}…</p>
      )}
    </section>
  );
}
