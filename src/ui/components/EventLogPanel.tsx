import { memo } from 'react';
import type { LogRecord } from '../../sim/engine/log';
import { formatClock } from '../../sim/engine/time';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';

/** Rows drawn; the store keeps more, the worker's hash covers all. */
export const LOG_ROWS = 200;

const selectLog = (s: FabricState) => s.log;
const selectCount = (s: FabricState) => s.logCount;
const selectRunning = (s: FabricState) => s.running;

function fieldsText(r: LogRecord): string {
  return Object.keys(r.fields)
    .map((k) => `${k}=${String(r.fields[k])}`)
    .join(' ');
}

const Row = memo(function Row({ r }: { r: LogRecord }) {
  return (
    <li data-seq={r.seq}>
      <time className="t">{formatClock(r.t)}</time> <span className="kind">{r.kind}</span>{' '}
      <span className="subject">{r.subject}</span> <span className="fields">{fieldsText(r)}</span>
    </li>
  );
});

/** The newest events, newest first. Announced to screen readers only while paused (stepping). */
export function EventLogPanel() {
  const log = useFabric(selectLog);
  const count = useFabric(selectCount);
  const running = useFabric(selectRunning);
  const rows = log.slice(-LOG_ROWS).reverse();
  return (
    <section className="panel eventlog" aria-labelledby="eventlog-title">
      <h2 id="eventlog-title">
        Event log <span className="count" aria-label="Events logged">{count}</span>
      </h2>
      <div role="log" aria-label="Event log" aria-live={running ? 'off' : 'polite'} className="log" tabIndex={0}>
        <ol>
          {rows.map((r) => (
            <Row key={r.seq} r={r} />
          ))}
        </ol>
      </div>
    </section>
  );
}
