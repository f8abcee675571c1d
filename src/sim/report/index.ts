/**
 * src/sim/report: the run report and the event log's file formats, all pure.
 *
 * - types.ts: RunReport, plain data (identity, faults, healings, availability per
 *   deployment, fault and update domains, recovery times, FC elections)
 * - ledger.ts: RunLedger, the running summaries a Simulation keeps for the report
 *   (bounded rings, fed by the event log's records and the FC's observer hook)
 * - build.ts: buildReport(sim), the report of a run at its current moment
 * - format.ts: the report as Markdown or as a standalone HTML document
 * - logfile.ts: event-log records as JSON Lines or CSV
 * - ring.ts: a bounded ring buffer and duration statistics
 */

export { buildReport, faultWhat } from './build';
export { RunLedger } from './ledger';
export { reportHtml, reportMarkdown, escapeHtml } from './format';
export { toCsv, toJsonLines, formatLogTime } from './logfile';
export type * from './types';
export { REPORT_VERSION } from './types';
