/**
 * Event-log records as files: JSON Lines (one object per record) and CSV (RFC 4180,
 * with cells that a spreadsheet would run as a formula defused). Pure functions of the
 * records; the worker replays a run to collect them.
 */

import type { LogRecord } from '../engine/log';
import { formatClock } from '../engine/time';

/** Simulated time as `d+hh:mm:ss.mmm`, e.g. `0+02:05:09.250`. */
export function formatLogTime(ms: number): string {
  const frac = ms % 1000;
  return `${formatClock(ms)}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}`;
}

/** One JSON object per line: `{t, time, seq, kind, subject, fields}`; a newline after each. */
export function toJsonLines(records: readonly LogRecord[]): string {
  let out = '';
  for (const r of records) {
    out += `${JSON.stringify({ t: r.t, time: formatLogTime(r.t), seq: r.seq, kind: r.kind, subject: r.subject, fields: r.fields })}\n`;
  }
  return out;
}

/** Cells a spreadsheet would read as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a leading `=`, `+`, `-` or `@` (or tab, carriage return) gets a single
 * quote in front so that a spreadsheet shows it as text (OWASP, CSV injection); a cell
 * with a comma, a quote or a line break is quoted, quotes doubled (RFC 4180).
 */
export function csvCell(value: string): string {
  const v = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const CSV_COLUMNS = ['t_ms', 'time', 'seq', 'kind', 'subject', 'fields'] as const;

/** A header row and one row per record, CRLF line ends (RFC 4180); `fields` as JSON. */
export function toCsv(records: readonly LogRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    lines.push([String(r.t), formatLogTime(r.t), String(r.seq), r.kind, r.subject, JSON.stringify(r.fields)].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
