/**
 * "Saved data" in the top bar: a modal dialog listing what this browser keeps for Fabric
 * Lab (the Service model panel's files with their sizes, the scenarios opened from the
 * computer, the run kept for each address with its moment and number of actions, and
 * the browser's storage estimate when it gives one), with "Clear" for each and "Clear
 * everything" (asked first). Storage errors and the notice that nothing is kept (no
 * IndexedDB) are shown here too. Keys as every dialog of the app (modalKeys): Escape
 * closes it, Tab stays in it; focus returns to the button.
 */

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatClock } from '../../sim/engine/time';
import { ModalSheet } from '../components/ModalSheet';
import { checkSaved, FILES_KEY, type SavedFiles } from '../servicemodel/persistence';
import { keptDb, type KeptDb } from './db';
import { addressLabel, deleteRun, listRuns, type KeptRunInfo } from './runs';
import { deleteScenario, listScenarios, type KeptScenario } from './scenarios';
import { dismissPersistErrors, usePersistStatus } from './status';
import './persist.css';

/** A size for people: bytes, KB, MB or GB (powers of 1,024). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n.toLocaleString('en-US')} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${units[i]}`;
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

interface Listing {
  /** The edited files; 'damaged' when what is kept cannot be read as files. */
  readonly files: SavedFiles | 'damaged' | undefined;
  readonly scenarios: readonly KeptScenario[];
  readonly runs: readonly KeptRunInfo[];
  readonly estimate?: { readonly usage: number; readonly quota: number };
}

async function estimate(): Promise<Listing['estimate']> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e && typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : undefined;
  } catch {
    return undefined;
  }
}

async function list(db: KeptDb): Promise<Listing> {
  const value = await db.get('servicemodel', FILES_KEY);
  const [scenarios, runs, est] = await Promise.all([listScenarios(db), listRuns(db), estimate()]);
  return { files: value === undefined ? undefined : (checkSaved(value) ?? 'damaged'), scenarios, runs, ...(est ? { estimate: est } : {}) };
}

export interface SavedDataProps {
  /** The database to list (default: the page's). */
  readonly db?: Promise<KeptDb> | KeptDb;
}

export function SavedDataButton(props: SavedDataProps) {
  const [open, setOpen] = useState(false);
  const errors = usePersistStatus((s) => s.errors.length);
  const memory = usePersistStatus((s) => s.kind === 'memory');
  const hintId = useId();
  return (
    <div className="saved-data">
      <button type="button" aria-haspopup="dialog" aria-describedby={errors > 0 || memory ? hintId : undefined} onClick={() => setOpen(true)}>
        Saved data
      </button>
      {errors > 0 || memory ? (
        <span id={hintId} className="saved-data-hint">
          {errors > 0 ? `${errors} storage error${errors === 1 ? '' : 's'}` : 'not kept after a reload'}
        </span>
      ) : null}
      {open ? <SavedDataDialog db={props.db} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

export function SavedDataDialog({ db: given, onClose }: SavedDataProps & { onClose: () => void }) {
  const [dbPromise] = useState(() => given ?? keptDb());
  const notice = usePersistStatus((s) => s.notice);
  const errors = usePersistStatus((s) => s.errors);
  const [listing, setListing] = useState<Listing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const base = useId();

  const reload = useCallback(async () => {
    try {
      setListing(await list(await Promise.resolve(dbPromise)));
      setProblem(null);
    } catch (e) {
      setProblem((e as Error).message);
    }
  }, [dbPromise]);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const l = await list(await Promise.resolve(dbPromise));
        if (live) setListing(l);
      } catch (e) {
        if (live) setProblem((e as Error).message);
      }
    })();
    return () => {
      live = false;
    };
  }, [dbPromise]);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  /** Runs a clear, says what was done (or why not), lists again and keeps focus in the dialog. */
  const clear = async (what: string, job: (db: KeptDb) => Promise<void>) => {
    try {
      await job(await Promise.resolve(dbPromise));
      setStatus(`Cleared ${what}.`);
    } catch (e) {
      setStatus(`${what[0]!.toUpperCase()}${what.slice(1)} could not be cleared: ${(e as Error).message}`);
    }
    setConfirming(false);
    await reload();
    ref.current?.focus();
  };

  const files = listing?.files;
  const nothing = listing !== null && files === undefined && listing.scenarios.length === 0 && listing.runs.length === 0;

  return (
    <ModalSheet title="Saved data" onClose={onClose} onEscape={() => (confirming ? setConfirming(false) : onClose())} className="persist-dialog" sheetRef={ref}>
      <div className="persist-body">
        <p className="persist-muted">
          What this browser keeps for Fabric Lab, on this computer only. The run of this page and the service model files are kept again as they change.
        </p>
        {notice ? <p className="persist-notice">{notice}</p> : null}
        {errors.length > 0 || problem ? (
          <div className="persist-errors" role="alert">
            <ul>
              {problem ? <li>{problem}</li> : null}
              {errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
            {errors.length > 0 ? (
              <button type="button" onClick={dismissPersistErrors}>
                Dismiss errors
              </button>
            ) : null}
          </div>
        ) : null}
        {listing?.estimate ? (
          <p>
            Storage: {formatBytes(listing.estimate.usage)} used of the {formatBytes(listing.estimate.quota)} this browser allows this site.
          </p>
        ) : null}
        {listing === null && !problem ? <p>Reading what is kept…</p> : null}
        {nothing ? <p>Nothing is kept.</p> : null}

        {listing ? (
          <>
            <section aria-labelledby={`${base}-files`}>
              <h3 id={`${base}-files`}>Service model files</h3>
              {files === undefined ? (
                <p className="persist-muted">None.</p>
              ) : (
                <div className="persist-item">
                  {files === 'damaged' ? (
                    <span>Damaged saved files (they are ignored)</span>
                  ) : (
                    <span>
                      <ul aria-label="Service model files">
                        {[files.files.csdef, files.files.cscfg].map((f) => (
                          <li key={f.name}>
                            {f.name} ({formatBytes(utf8Bytes(f.text))})
                          </li>
                        ))}
                      </ul>
                      <span className="persist-muted">{files.edited ? 'Edited in the Service model panel.' : files.sample ? `The sample ${files.sample}, as loaded.` : 'Your own files, as opened.'}</span>
                    </span>
                  )}
                  <button type="button" aria-label="Clear the service model files" onClick={() => void clear('the service model files', (db) => db.delete('servicemodel', FILES_KEY, 'The saved service model files'))}>
                    Clear
                  </button>
                </div>
              )}
            </section>

            <section aria-labelledby={`${base}-scenarios`}>
              <h3 id={`${base}-scenarios`}>Your scenarios</h3>
              {listing.scenarios.length === 0 ? (
                <p className="persist-muted">None.</p>
              ) : (
                <ul className="persist-list" aria-label="Your scenarios">
                  {listing.scenarios.map((s) => (
                    <li key={s.file} className="persist-item">
                      <span>
                        <span className="persist-name">{s.title}</span> <span className="persist-muted">{`"${s.name}", ${formatBytes(s.size)}`}</span>
                      </span>
                      <button type="button" aria-label={`Clear scenario ${s.title}`} onClick={() => void clear(`the scenario ${s.title}`, (db) => deleteScenario(db, s.file))}>
                        Clear
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section aria-labelledby={`${base}-runs`}>
              <h3 id={`${base}-runs`}>Saved runs</h3>
              {listing.runs.length === 0 ? (
                <p className="persist-muted">None.</p>
              ) : (
                <ul className="persist-list" aria-label="Saved runs">
                  {listing.runs.map((r) => (
                    <li key={r.address} className="persist-item">
                      <span>
                        <span className="persist-name persist-address">{addressLabel(r.address)}</span>{' '}
                        <span className="persist-muted">
                          at {formatClock(r.t)}, {r.actions} action{r.actions === 1 ? '' : 's'}
                        </span>
                      </span>
                      <button type="button" aria-label={`Clear the run of ${addressLabel(r.address)}`} onClick={() => void clear(`the run of ${addressLabel(r.address)}`, (db) => deleteRun(db, r.address))}>
                        Clear
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <div className="persist-all">
              {confirming ? (
                <div role="group" aria-label="Clear everything?">
                  <p>Clear everything this browser keeps for Fabric Lab? This cannot be undone.</p>
                  <button type="button" onClick={() => void clear('everything', (db) => db.clear())}>
                    Yes, clear everything
                  </button>{' '}
                  <button ref={cancelRef} type="button" onClick={() => setConfirming(false)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <button type="button" onClick={() => setConfirming(true)} disabled={nothing}>
                  Clear everything
                </button>
              )}
            </div>
          </>
        ) : null}
        <p className="persist-status" role="status">
          {status}
        </p>
      </div>
    </ModalSheet>
  );
}
