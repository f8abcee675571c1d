/**
 * The errors and warnings of the last validation, one focusable row each: severity as a
 * word (not only a colour), file:line:column and the message as text. Activating a row
 * (click, Enter or Space) opens that file's editor at the place.
 */

import { useId } from 'react';
import { countsText, plural } from './format';
import type { Validation } from './useValidation';

/** Rows drawn; real files have a handful of diagnostics. */
export const MAX_ROWS = 200;

export type ListedDiagnostic = Validation['diagnostics'][number];

export interface DiagnosticsListProps {
  readonly validation: Validation | undefined;
  /** What to say before there is a validation. */
  readonly emptyText: string;
  /** The files changed since the validation shown. */
  readonly checking: boolean;
  readonly onJump: (d: ListedDiagnostic) => void;
}

export function DiagnosticsList({ validation, emptyText, checking, onJump }: DiagnosticsListProps) {
  const titleId = useId();
  const rows = validation?.diagnostics.slice(0, MAX_ROWS) ?? [];
  const hidden = (validation?.diagnostics.length ?? 0) - rows.length;
  return (
    <div className="sm-diagnostics">
      <h3 id={titleId}>Errors and warnings</h3>
      <p className="sm-counts">
        <span role="status">{validation ? countsText(validation.errors, validation.warnings) : emptyText}</span>
        {validation && checking ? <span className="sm-muted"> (checking your changes…)</span> : null}
      </p>
      {rows.length > 0 ? (
        <ol className="sm-diag-list" aria-labelledby={titleId}>
          {rows.map((d, i) => (
            <li key={`${i}:${d.file}:${d.line}:${d.column}:${d.code}`}>
              <button type="button" className={`sm-diag sm-diag-${d.severity}`} onClick={() => onJump(d)}>
                <span className="sm-sev">
                  <span aria-hidden="true">{d.severity === 'error' ? '✖' : '⚠'}</span> {d.severity === 'error' ? 'Error' : 'Warning'}
                </span>{' '}
                <span className="sm-where">
                  {d.file}:{d.line}:{d.column}
                </span>{' '}
                <span className="sm-msg">{d.message}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {hidden > 0 ? <p className="sm-muted">…and {plural(hidden, 'more diagnostic')}, not listed.</p> : null}
    </div>
  );
}
