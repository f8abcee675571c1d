/**
 * What the user typed survives a reload: both files' names and text and the sample they
 * came from, kept as one value in the browser's IndexedDB (store `servicemodel`, key
 * `files`; see ../persist/db.ts, which also moves the copy earlier versions kept in
 * localStorage under `fabric-lab:servicemodel:files`). Reading checks the shape (a
 * damaged or foreign value is ignored, with a message); writing reports a full storage
 * (the quota) as a message instead of throwing, so the edits stay in the editors.
 */

import { keptDb, pageLocalStorage, type KeptDb } from '../persist/db';
import type { EditorFile, FilePair } from './files';

/** Where earlier versions kept the files in localStorage (moved to IndexedDB on first use). */
export const STORAGE_PREFIX = 'fabric-lab:servicemodel:';
export const SAVED_KEY = `${STORAGE_PREFIX}files`;
/** The key of the files in the database's `servicemodel` store. */
export const FILES_KEY = 'files';
const VERSION = 1;
const WHAT = 'Your edited service model files';

export interface SavedFiles {
  readonly sample: string | null;
  readonly files: FilePair;
  /** Changed by the person since they came from the sample or from disk. */
  readonly edited: boolean;
}

/** Where the panel keeps its files: the page's database, or a test's. */
export interface SavedFilesStore {
  read(): Promise<{ saved?: SavedFiles; problem?: string }>;
  /** Saves the files; resolves with why it failed, or null. */
  write(saved: SavedFiles): Promise<string | null>;
  /** Forgets the saved files; resolves with why it failed, or null. */
  clear(): Promise<string | null>;
}

function isFile(v: unknown): v is EditorFile {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.name === 'string' && typeof o.text === 'string';
}

export const DAMAGED = 'The saved files were damaged and have been ignored.';

/** The saved value as the database holds it (the same shape earlier versions kept as JSON). */
export function savedValue(saved: SavedFiles): Record<string, unknown> {
  return { version: VERSION, sample: saved.sample, edited: saved.edited, csdef: saved.files.csdef, cscfg: saved.files.cscfg };
}

/** Checks a saved value's shape: the files, or undefined when it is damaged or foreign. */
export function checkSaved(data: unknown): SavedFiles | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const o = data as Record<string, unknown>;
  const sample = o.sample === null || typeof o.sample === 'string' ? o.sample : undefined;
  if (o.version !== VERSION || sample === undefined || !isFile(o.csdef) || !isFile(o.cscfg)) return undefined;
  const files = { csdef: { name: o.csdef.name, text: o.csdef.text }, cscfg: { name: o.cscfg.name, text: o.cscfg.text } };
  return { sample, files, edited: o.edited !== false };
}

/** The files kept in a database (by default the page's). */
export function keptFiles(db: Promise<KeptDb> | KeptDb = keptDb()): SavedFilesStore {
  const open = () => Promise.resolve(db);
  return {
    async read() {
      let value: unknown;
      try {
        value = await (await open()).get('servicemodel', FILES_KEY);
      } catch (e) {
        return { problem: `Saved files could not be read (${(e as Error).message}).` };
      }
      if (value === undefined) return {};
      const saved = checkSaved(value);
      return saved ? { saved } : { problem: DAMAGED };
    },
    async write(saved) {
      try {
        await (await open()).put('servicemodel', FILES_KEY, savedValue(saved), WHAT);
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    },
    async clear() {
      try {
        await (await open()).delete('servicemodel', FILES_KEY, 'The saved service model files');
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    },
  };
}

// ---- the files open in the panel now, for the Services view's upgrades ------------------

let open: SavedFiles | null = null;

/** Called by the panel whenever its files change (null: none yet). */
export function setPanelFiles(files: SavedFiles | null): void {
  open = files;
}

/** The files open in the Service model panel now (not waiting for the saved copy). */
export function panelFiles(): SavedFiles | null {
  return open;
}

/** localStorage, or null when the browser refuses it. */
export function browserStorage(): Storage | null {
  return pageLocalStorage();
}

/**
 * The panel's files as an upgrade uses them: those open in the panel now, else a copy
 * an earlier version left in localStorage (not yet moved to IndexedDB).
 */
export function readSaved(storage: Storage | null): { saved?: SavedFiles; problem?: string } {
  if (open) return { saved: open };
  if (!storage) return {};
  let raw: string | null;
  try {
    raw = storage.getItem(SAVED_KEY);
  } catch (e) {
    return { problem: `Saved files could not be read (${(e as Error).message}).` };
  }
  if (raw === null) return {};
  try {
    const saved = checkSaved(JSON.parse(raw));
    if (saved) return { saved };
  } catch {
    // not JSON
  }
  return { problem: DAMAGED };
}
