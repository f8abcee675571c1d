import { memo } from 'react';
import type { LogRecord } from '../../sim/engine/log';
import { formatClock } from '../../sim/engine/time';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import { useFabricThrottled } from '../store/throttle';

/** Rows drawn; the store keeps more, the worker's hash covers all. */
export const LOG_ROWS = 200;
/**
 * While the run plays, the rows are redrawn at most this often (ms), and only the newest
 * LOG_ROWS_RUNNING of them (a busy run replaces them all at every redraw); paused, all
 * LOG_ROWS at once.
 */
export const LOG_REFRESH_MS = 250;
export const LOG_ROWS_RUNNING = 30;

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

const Rows = memo(function Rows({ running }: { running: boolean }) {
  const log = useFabricThrottled(selectLog, LOG_REFRESH_MS, running);
  const rows = log.slice(-(running ? LOG_ROWS_RUNNING : LOG_ROWS)).reverse();
  return (
    <ol>
      {rows.map((r) => (
        <Row key={r.seq} r={r} />
      ))}
    </ol>
  );
});

/** The newest events, newest first. Announced to screen readers only while paused (stepping). */
export function EventLogPanel() {
  const count = useFabric(selectCount);
  const running = useFabric(selectRunning);
  return (
    <section className="panel eventlog" aria-labelledby="eventlog-title">
      <h2 id="eventlog-title">
        Event log <span className="count" aria-label="Events logged">{count}</span>
      </h2>
      <div role="log" aria-label="Event log" aria-live={running ? 'off' : 'polite'} className="log" tabIndex={0}>
        <Rows running={running} />
      </div>
    </section>
  );
}
