/**
 * Diagnostics: what the reader and the validator say about a pair of service model
 * files. Every diagnostic names the file, a 1-based line and column (columns count
 * UTF-16 code units, as editors do), the element it is about and a message in the
 * wording Azure users know. An error means Azure would refuse the deployment; a
 * warning means it would deploy but something deserves a look.
 */

import { charge } from '../hostile/work';

export type Severity = 'error' | 'warning';

/**
 * Diagnostics kept per load: a file of thousands of problems (hostile, or not a service
 * model at all) lists the first ones and a count of the rest, so that no file can flood
 * the editor and the list.
 */
export const MAX_DIAGNOSTICS = 500;

export interface Diagnostic {
  readonly severity: Severity;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
  /** The element the diagnostic is about, e.g. `InputEndpoint`; empty when the file has none yet. */
  readonly element: string;
  readonly message: string;
  /** A short stable name of the rule, e.g. `setting-undeclared`, for tests and filters. */
  readonly code: string;
}

/** A place in a file: where an element or attribute was read. */
export interface Where {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly element: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Collects diagnostics; the readers and every rule write through one of these. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  /** What was found beyond MAX_DIAGNOSTICS: counted, not kept. */
  private dropped: { errors: number; warnings: number; first: Diagnostic } | undefined;

  error(at: Where, code: string, message: string): void {
    this.add('error', at, code, message);
  }

  warning(at: Where, code: string, message: string): void {
    this.add('warning', at, code, message);
  }

  /** Adds a diagnostic made elsewhere (e.g. by checkFits). */
  push(d: Diagnostic): void {
    charge(1);
    if (this.items.length < MAX_DIAGNOSTICS) {
      this.items.push(d);
      return;
    }
    this.dropped ??= { errors: 0, warnings: 0, first: d };
    if (d.severity === 'error') this.dropped.errors++;
    else this.dropped.warnings++;
  }

  private add(severity: Severity, at: Where, code: string, message: string): void {
    this.push({
      severity,
      file: at.file,
      line: Math.max(1, at.line),
      column: Math.max(1, at.column),
      element: at.element,
      message,
      code,
    });
  }

  /** The diagnostics kept, and one more that counts those beyond the limit. */
  all(): Diagnostic[] {
    const d = this.dropped;
    if (!d) return this.items;
    const n = d.errors + d.warnings;
    const counts = [d.errors ? `${d.errors} error${d.errors === 1 ? '' : 's'}` : '', d.warnings ? `${d.warnings} warning${d.warnings === 1 ? '' : 's'}` : '']
      .filter((x) => x !== '')
      .join(' and ');
    return [
      ...this.items,
      {
        ...d.first,
        severity: d.errors > 0 ? 'error' : 'warning',
        code: 'too-many-diagnostics',
        message: `${n} more problem${n === 1 ? '' : 's'} (${counts}) from here on ${n === 1 ? 'is' : 'are'} not listed: only the first ${MAX_DIAGNOSTICS} are. Is this the right file?`,
      },
    ];
  }
}

/**
 * Orders diagnostics for display: by the order of the files given, then line, column,
 * errors before warnings, then message. Stable for equal entries.
 */
export function sortDiagnostics(items: readonly Diagnostic[], fileOrder: readonly string[]): Diagnostic[] {
  const rank = (f: string): number => {
    const i = fileOrder.indexOf(f);
    return i < 0 ? fileOrder.length : i;
  };
  return [...items].sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
