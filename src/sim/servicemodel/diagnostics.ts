/**
 * Diagnostics: what the reader and the validator say about a pair of service model
 * files. Every diagnostic names the file, a 1-based line and column (columns count
 * UTF-16 code units, as editors do), the element it is about and a message in the
 * wording Azure users know. An error means Azure would refuse the deployment; a
 * warning means it would deploy but something deserves a look.
 */

export type Severity = 'error' | 'warning';

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

  error(at: Where, code: string, message: string): void {
    this.add('error', at, code, message);
  }

  warning(at: Where, code: string, message: string): void {
    this.add('warning', at, code, message);
  }

  private add(severity: Severity, at: Where, code: string, message: string): void {
    this.items.push({
      severity,
      file: at.file,
      line: Math.max(1, at.line),
      column: Math.max(1, at.column),
      element: at.element,
      message,
      code,
    });
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
