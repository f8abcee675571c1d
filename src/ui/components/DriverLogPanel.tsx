/**
 * The driver log: every command the FC sent to a device and its outcome, newest first.
 * Announced to screen readers only while paused, like the event log.
 */

import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import { DriverEntry, entryKey } from './DriverEntry';

/** Rows drawn; the store keeps more. */
export const DRIVER_ROWS = 200;

const selectDriverLog = (s: FabricState) => s.driverLog;
const selectDriverCount = (s: FabricState) => s.driverCount;
const selectRunning = (s: FabricState) => s.running;

export function DriverLogPanel() {
  const log = useFabric(selectDriverLog);
  const count = useFabric(selectDriverCount);
  const running = useFabric(selectRunning);
  const rows = log.slice(-DRIVER_ROWS).reverse();
  return (
    <section className="panel driverlog" aria-labelledby="driverlog-title">
      <h2 id="driverlog-title">
        Driver log <span className="count" aria-label="Driver commands logged">{count}</span>
      </h2>
      {rows.length === 0 ? <p className="empty">No driver commands yet: the FC sends them when it reboots or repairs a device.</p> : null}
      <div role="log" aria-label="Driver log" aria-live={running ? 'off' : 'polite'} className="log" tabIndex={0}>
        <ol>
          {rows.map((e) => (
            <DriverEntry key={entryKey(e)} e={e} />
          ))}
        </ol>
      </div>
    </section>
  );
}
