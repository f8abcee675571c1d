/**
 * Where the files come from: a sample picked in "Sample" (loaded at once; when the
 * files were edited, the person confirms first, so browsing the list with the arrow
 * keys never throws work away), "Reset to sample" after edits, a file picker for a
 * .csdef and a .cscfg (they can also be dropped on the panel), and "Clear saved files".
 */

import { useId, useState, type ChangeEvent } from 'react';
import type { SampleEntry } from './sampleSource';
import type { Session } from './useServiceFiles';

export interface SourceBarProps {
  readonly samples: readonly SampleEntry[] | undefined;
  readonly session: Session;
  readonly loading: boolean;
  readonly canSave: boolean;
  readonly onLoadSample: (entry: SampleEntry) => void;
  readonly onOpenFiles: (files: File[]) => void;
  readonly onClearSaved: () => void;
}

export function SourceBar(props: SourceBarProps) {
  const { samples, session, loading, canSave, onLoadSample, onOpenFiles, onClearSaved } = props;
  /** A sample picked while the files have edits, waiting for the person to confirm. */
  const [asking, setAsking] = useState<{ name: string; revision: number } | null>(null);
  const sampleId = useId();
  const fileId = useId();
  const hintId = useId();
  const pending = asking && asking.revision === session.revision ? asking.name : null;
  const current = samples?.find((s) => s.name === session.sample);
  const pendingEntry = pending === null ? undefined : samples?.find((s) => s.name === pending);

  const choose = (e: ChangeEvent<HTMLSelectElement>) => {
    const entry = samples?.find((s) => s.name === e.target.value);
    if (!entry) return;
    if (session.edited) setAsking({ name: entry.name, revision: session.revision });
    else onLoadSample(entry);
  };

  const open = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length > 0) onOpenFiles(files);
  };

  return (
    <div className="sm-source">
      <div className="sm-row">
        <label htmlFor={sampleId}>Sample</label>
        <select id={sampleId} value={pending ?? session.sample ?? ''} disabled={!samples || samples.length === 0} onChange={choose}>
          {!samples ? <option value="">Loading samples…</option> : null}
          {samples && session.sample === null ? <option value="">{session.loaded ? 'Your own files' : 'None'}</option> : null}
          {samples?.map((s) => (
            <option key={s.name} value={s.name}>
              {s.title}
            </option>
          ))}
        </select>
        {current && session.edited ? (
          <button type="button" onClick={() => onLoadSample(current)}>
            Reset to sample
          </button>
        ) : null}
        {loading ? <span className="sm-muted">Loading…</span> : null}
      </div>
      {current?.description ? <p className="sm-muted sm-description">{current.description}</p> : null}
      <div aria-live="polite">
        {pendingEntry ? (
          <div className="sm-confirm" role="group" aria-label="Replace your edited files?">
            <span>Replace your edited files with the sample "{pendingEntry.title}"?</span>{' '}
            <button
              type="button"
              onClick={() => {
                setAsking(null);
                onLoadSample(pendingEntry);
              }}
            >
              Replace files
            </button>{' '}
            <button type="button" onClick={() => setAsking(null)}>
              Keep my files
            </button>
          </div>
        ) : null}
      </div>
      <div className="sm-row">
        <label htmlFor={fileId}>Open files</label>
        <input id={fileId} type="file" multiple accept=".csdef,.cscfg" aria-describedby={hintId} onChange={open} />
      </div>
      <p id={hintId} className="sm-muted">
        A .csdef and a .cscfg, up to 1 MiB each; you can also drop them on this panel.
      </p>
      {canSave ? (
        <div className="sm-row">
          <span className="sm-muted">Your edits are saved in this browser.</span>
          <button type="button" onClick={onClearSaved}>
            Clear saved files
          </button>
        </div>
      ) : null}
    </div>
  );
}
