/**
 * What the user typed survives a reload: both files' names and text and the sample they
 * came from, saved as one JSON value in localStorage under `fabric-lab:servicemodel:`.
 * Reading checks the shape (a damaged or foreign value is ignored, with a message);
 * writing reports a full storage (the quota) as a message instead of throwing, so the
 * edits stay in memory.
 */

import type { EditorFile, FilePair } from './files';

export const STORAGE_PREFIX = 'fabric-lab:servicemodel:';
export const SAVED_KEY = `${STORAGE_PREFIX}files`;
const VERSION = 1;

export interface SavedFiles {
  readonly sample: string | null;
  readonly files: FilePair;
  /** Changed by the person since they came from the sample or from disk. */
  readonly edited: boolean;
}

/** localStorage, or null when the browser refuses it (privacy settings, sandboxed frames). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function isFile(v: unknown): v is EditorFile {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.name === 'string' && typeof o.text === 'string';
}

export function readSaved(storage: Storage | null): { saved?: SavedFiles; problem?: string } {
  if (!storage) return {};
  let raw: string | null;
  try {
    raw = storage.getItem(SAVED_KEY);
  } catch (e) {
    return { problem: `Saved files could not be read (${(e as Error).message}).` };
  }
  if (raw === null) return {};
  try {
    const data: unknown = JSON.parse(raw);
    const o = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const sample = o.sample === null || typeof o.sample === 'string' ? o.sample : undefined;
    if (o.version === VERSION && sample !== undefined && isFile(o.csdef) && isFile(o.cscfg)) {
      const files = { csdef: { name: o.csdef.name, text: o.csdef.text }, cscfg: { name: o.cscfg.name, text: o.cscfg.text } };
      return { saved: { sample, files, edited: o.edited !== false } };
    }
  } catch {
    // fall through: not JSON
  }
  return { problem: 'The saved files were damaged and have been ignored.' };
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
}

/** Saves the files; returns why it failed, or null. */
export function writeSaved(storage: Storage | null, saved: SavedFiles): string | null {
  if (!storage) return null;
  const value = JSON.stringify({ version: VERSION, sample: saved.sample, edited: saved.edited, csdef: saved.files.csdef, cscfg: saved.files.cscfg });
  try {
    storage.setItem(SAVED_KEY, value);
    return null;
  } catch (e) {
    const why = isQuotaError(e) ? "the browser's storage for this site is full" : (e as Error).message;
    return `Your edits could not be saved in this browser (${why}). They stay in the editors, but a reload would lose them.`;
  }
}

/** Forgets the saved files; returns why it failed, or null. */
export function clearSaved(storage: Storage | null): string | null {
  if (!storage) return null;
  try {
    storage.removeItem(SAVED_KEY);
    return null;
  } catch (e) {
    return `The saved files could not be cleared (${(e as Error).message}).`;
  }
}
