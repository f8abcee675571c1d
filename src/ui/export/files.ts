/**
 * What each Export menu item saves: the worker's reply turned into a file's text, name,
 * media type and a sentence for the status line. Pure, so it is tested without a DOM.
 */

import { runFileToJson } from '../../sim/timeline/record';
import { reportHtml, reportMarkdown } from '../../sim/report/format';
import { toCsv, toJsonLines } from '../../sim/report/logfile';
import type { Exported, ExportWhat } from '../../worker/protocol';
import { fileStem } from './download';

export type ExportKind = 'jsonl' | 'csv' | 'md' | 'html' | 'run';

export interface ExportItem {
  readonly kind: ExportKind;
  readonly label: string;
  readonly what: ExportWhat;
}

/** The Export menu, in order. */
export const EXPORT_ITEMS: readonly ExportItem[] = [
  { kind: 'jsonl', label: 'Event log (JSON Lines)', what: 'log' },
  { kind: 'csv', label: 'Event log (CSV)', what: 'log' },
  { kind: 'md', label: 'Run report (Markdown)', what: 'report' },
  { kind: 'html', label: 'Run report (HTML)', what: 'report' },
  { kind: 'run', label: 'Run file (JSON)', what: 'run' },
];

export interface ExportFile {
  readonly name: string;
  readonly text: string;
  /** Media type, without the charset. */
  readonly type: string;
  /** What was saved, for the status line. */
  readonly note: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The file for a menu item from the worker's reply; `seed` and `t` name it when the reply does not. */
export function exportFile(kind: ExportKind, data: Exported, seed: number | undefined, t: number): ExportFile {
  switch (data.what) {
    case 'log': {
      if (kind !== 'jsonl' && kind !== 'csv') break;
      const name = `${fileStem(seed, t)}.${kind}`;
      const n = data.records.length;
      const note = data.truncated
        ? `Saved ${name}: the newest ${n.toLocaleString('en')} of ${plural(data.total, 'record')} (older ones are no longer kept).`
        : `Saved ${name} (${plural(n, 'record')}).`;
      return kind === 'jsonl'
        ? { name, text: toJsonLines(data.records), type: 'application/jsonl', note }
        : { name, text: toCsv(data.records), type: 'text/csv', note };
    }
    case 'report': {
      if (kind !== 'md' && kind !== 'html') break;
      const r = data.report;
      const name = `${fileStem(r.run.seed, r.simulatedMs)}-report.${kind}`;
      const note = `Saved ${name}.`;
      return kind === 'md' ? { name, text: reportMarkdown(r), type: 'text/markdown', note } : { name, text: reportHtml(r), type: 'text/html', note };
    }
    case 'run': {
      if (kind !== 'run') break;
      const run = data.run;
      const name = `${fileStem(run.base.kind === 'setup' ? run.base.seed : seed, run.t)}-run.json`;
      // runFileToJson writes the service files as text (or base64), as parseRunFile reads them.
      return { name, text: `${JSON.stringify(JSON.parse(runFileToJson(run)), null, 2)}\n`, type: 'application/json', note: `Saved ${name}.` };
    }
  }
  throw new Error(`the worker sent a ${data.what} export for a ${kind} file`);
}
