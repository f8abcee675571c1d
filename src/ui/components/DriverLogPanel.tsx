/**
 * The driver log: every command the FC sent to a device and its outcome, newest first.
 * Announced to screen readers only while paused, like the event log.
 */

import { memo } from 'react';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import { useFabricThrottled } from '../store/throttle';
import { LOG_REFRESH_MS, LOG_ROWS_RUNNING } from './EventLogPanel';
import { DriverEntry, entryKey } from './DriverEntry';

/** Rows drawn (while the run plays, LOG_ROWS_RUNNING, see EventLogPanel); the store keeps more. */
export const DRIVER_ROWS = 200;

const selectDriverLog = (s: FabricState) => s.driverLog;
const selectDriverCount = (s: FabricState) => s.driverCount;
const selectRunning = (s: FabricState) => s.running;

const selectEmpty = (s: FabricState) => s.driverLog.length === 0;

const Rows = memo(function Rows({ running }: { running: boolean }) {
  const log = useFabricThrottled(selectDriverLog, LOG_REFRESH_MS, running);
  const rows = log.slice(-(running ? LOG_ROWS_RUNNING : DRIVER_ROWS)).reverse();
  return (
    <ol>
      {rows.map((e) => (
        <DriverEntry key={entryKey(e)} e={e} />
      ))}
    </ol>
  );
});

export function DriverLogPanel() {
  const empty = useFabric(selectEmpty);
  const count = useFabric(selectDriverCount);
  const running = useFabric(selectRunning);
  return (
    <section className="panel driverlog" aria-labelledby="driverlog-title">
      <h2 id="driverlog-title">
        Driver log <span className="count" aria-label="Driver commands logged">{count}</span>
      </h2>
      {empty ? <p className="empty">No driver commands yet: the FC sends them when it reboots or repairs a device.</p> : null}
      <div role="log" aria-label="Driver log" aria-live={running ? 'off' : 'polite'} className="log" tabIndex={0}>
        <Rows running={running} />
      </div>
    </section>
  );
}
