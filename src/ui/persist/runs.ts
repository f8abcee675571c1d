/**
 * The current run survives a reload and a crash: its record (start, seed, the user's
 * timed actions, the moment; the same record links and run files carry) is kept in
 * IndexedDB (store `runs`) under the page's address (`location.search + location.hash`;
 * when "Copy link" puts a link in the address bar, the run moves to that address). The client tells when the record
 * changes, and at most every 2 s while time moves; each is written, the newest winning,
 * one write at a time. Only the 10 most recent addresses are kept. Opening the same
 * address again resumes the run (see ../run/start.ts); its text is checked then as any
 * run file is.
 */

import type { RunFile } from '../../sim/timeline/record';
import { runFileToJson } from '../../sim/timeline/record';
import { keptDb, type KeptDb } from './db';

export const MAX_KEPT_RUNS = 10;
const VERSION = 1;

/** What keepRuns needs of the page's FabricClient. */
export interface RunSource {
  subscribeRun(fn: (run: RunFile) => void): () => void;
}

/** A kept run, as the Saved data dialog lists it. */
export interface KeptRunInfo {
  readonly address: string;
  /** When it was written (ms since 1970). */
  readonly savedAt: number;
  /** Its moment, simulated ms. */
  readonly t: number;
  /** How many actions of the user it holds. */
  readonly actions: number;
  /** Characters of its record. */
  readonly size: number;
}

/** An address as a person reads it: the default page, or the address cut short. */
export function addressLabel(address: string, max = 80): string {
  if (address === '') return 'the default page (no address)';
  return address.length <= max ? address : `${address.slice(0, max)}… (${address.length.toLocaleString('en-US')} characters)`;
}

async function prune(db: KeptDb): Promise<void> {
  const all = await listRuns(db);
  for (const old of all.slice(MAX_KEPT_RUNS)) await db.delete('runs', old.address, `The saved run of ${addressLabel(old.address)}`);
}

/**
 * Saves the client's run record under the page's address (`at`: fixed, or read at each
 * write) whenever it changes, until the returned
 * function is called. A run at time 0 with no actions has nothing to resume: it removes
 * what was kept for the address instead. Failures (a full quota) are reported by the database and retried with
 * the next record.
 */
export function keepRuns(client: RunSource, at: string | (() => string), db: Promise<KeptDb> | KeptDb = keptDb()): () => void {
  let latest: RunFile | undefined;
  let busy = false;
  let stopped = false;
  let pruned = false;
  let written: string | undefined;

  const write = async (run: RunFile) => {
    const kept = await db;
    const address = typeof at === 'function' ? at() : at;
    // the page's address changed under the run (a copied link is put in the address bar):
    // the run moves with it, so that a reload of what the address bar shows resumes it
    if (written !== undefined && written !== address) await kept.delete('runs', written, `The saved run of ${addressLabel(written)}`);
    written = address;
    // nothing to resume: forget what was kept for the address (a run started afresh)
    if (run.t === 0 && run.actions.length === 0) return kept.delete('runs', address, `The saved run of ${addressLabel(address)}`);
    const text = runFileToJson(run);
    const value = { version: VERSION, address, savedAt: Date.now(), t: run.t, actions: run.actions.length, size: text.length, run: text };
    await kept.put('runs', address, value, `Your run (${addressLabel(address)})`);
    if (!pruned) {
      pruned = true;
      await prune(kept);
    }
  };

  const pump = async () => {
    if (busy) return;
    busy = true;
    try {
      while (latest && !stopped) {
        const run = latest;
        latest = undefined;
        try {
          await write(run);
        } catch {
          // reported by the database (shown in Saved data); the next record tries again
        }
      }
    } finally {
      busy = false;
    }
  };

  const unsubscribe = client.subscribeRun((run) => {
    if (stopped) return;
    latest = run;
    void pump();
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

function info(key: string, v: unknown): KeptRunInfo | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (o.version !== VERSION || typeof o.run !== 'string' || typeof o.savedAt !== 'number') return undefined;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  return { address: key, savedAt: o.savedAt, t: num(o.t), actions: num(o.actions), size: o.run.length };
}

/** The kept runs, the most recent first (values of another shape are listed as damaged: t 0, no actions). */
export async function listRuns(db: KeptDb): Promise<KeptRunInfo[]> {
  const out = (await db.entries('runs')).map(({ key, value }) => info(key, value) ?? { address: key, savedAt: 0, t: 0, actions: 0, size: 0 });
  return out.sort((a, b) => b.savedAt - a.savedAt);
}

/**
 * The kept run of an address as run-file text, for planStart to check and resume;
 * undefined when there is none. A value of another shape comes back as its JSON, which
 * the run-file reader refuses with a message.
 */
export function savedRunLookup(db: KeptDb): (address: string) => Promise<string | undefined> {
  return async (address) => {
    const v = await db.get('runs', address);
    if (v === undefined) return undefined;
    if (typeof v === 'object' && v !== null && typeof (v as { run?: unknown }).run === 'string' && (v as { version?: unknown }).version === VERSION) return (v as { run: string }).run;
    return JSON.stringify(v) ?? 'undefined';
  };
}

export function deleteRun(db: KeptDb, address: string): Promise<void> {
  return db.delete('runs', address, `The saved run of ${addressLabel(address)}`);
}
