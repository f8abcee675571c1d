/**
 * One driver log entry as a list row: when, which device, the command, the attempt and
 * its outcome in words (the outcome is also marked by a symbol, never colour alone).
 */

import { memo } from 'react';
import type { DriverLogEntry } from '../../sim/hardware/drivers';
import { formatClock } from '../../sim/engine/time';

const OUTCOME_MARK: Record<DriverLogEntry['outcome'], string> = { sent: '→', ok: '✓', failed: '✗', timeout: '…' };

export const entryKey = (e: DriverLogEntry): string => `${e.cmd}.${e.attempt}.${e.outcome}`;

export const DriverEntry = memo(function DriverEntry({ e, showDevice = true }: { e: DriverLogEntry; showDevice?: boolean }) {
  return (
    <li className={`driver-entry outcome-${e.outcome}`} data-cmd={e.cmd}>
      <time className="t">{formatClock(e.t)}</time>{' '}
      {showDevice ? (
        <>
          <span className="subject">{e.device}</span>{' '}
        </>
      ) : null}
      <span className="kind">{e.op}</span> <span className="cmd">#{e.cmd}{e.attempt > 1 ? ` try ${e.attempt}` : ''}</span>{' '}
      <span className="outcome">
        <span aria-hidden="true">{OUTCOME_MARK[e.outcome]} </span>
        {e.outcome}
      </span>{' '}
      <span className="fields">{e.detail}</span>
    </li>
  );
});
