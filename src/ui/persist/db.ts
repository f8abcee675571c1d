/**
 * What the page keeps in this browser, in IndexedDB: the database `fabric-lab` (version
 * 1) with one object store per kind of thing kept, each keyed by a string:
 *
 * - `servicemodel`: the Service model panel's two files (key `files`);
 * - `scenarios`: scenario files opened from the person's computer (key: the file name);
 * - `runs`: the current run of each address (key: `location.search + location.hash`).
 *
 * A small promise wrapper over the standard API, written by hand. A write resolves once
 * its transaction has committed. When IndexedDB is missing or refuses to open (private
 * windows, sandboxed frames, a browser that never answers), the same interface runs in
 * memory and says once, in `notice`, that nothing will survive a reload. A write that
 * fails (a full quota: QuotaExceededError thrown by put or aborting the transaction)
 * rejects with a KeptError whose message names what could not be saved; whatever the
 * page holds in memory stays as it is.
 */

import { reportPersistError, resetPersistStatus, setKeptKind } from './status';

export const DB_NAME = 'fabric-lab';
export const DB_VERSION = 1;

export type StoreName = 'servicemodel' | 'scenarios' | 'runs';
export const STORE_NAMES: readonly StoreName[] = ['servicemodel', 'scenarios', 'runs'];

/** How long to wait for IndexedDB to open before keeping things in memory instead. */
const OPEN_TIMEOUT_MS = 5000;

export interface KeptEntry {
  readonly key: string;
  readonly value: unknown;
}

export interface KeptDb {
  /** `memory`: nothing survives a reload. */
  readonly kind: 'indexeddb' | 'memory';
  /** Why nothing survives a reload (memory only), to be shown once. */
  readonly notice: string | null;
  get(store: StoreName, key: string): Promise<unknown>;
  entries(store: StoreName): Promise<KeptEntry[]>;
  keys(store: StoreName): Promise<string[]>;
  /** Saves `value` under `key`; `what` names it in the error (e.g. "Your scenario storm"). */
  put(store: StoreName, key: string, value: unknown, what: string): Promise<void>;
  delete(store: StoreName, key: string, what: string): Promise<void>;
  /** Empties these stores (default: all of them) in one transaction. */
  clear(stores?: readonly StoreName[]): Promise<void>;
  close(): void;
}

/** A failure of the browser's storage, with a message for the person. */
export class KeptError extends Error {
  override name = 'KeptError';
  constructor(
    message: string,
    /** The storage for this site is full. */
    readonly quota: boolean,
  ) {
    super(message);
  }
}

export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

const why = (e: unknown): string => (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as Error).message) : String(e));

/** The message for a write that failed: what, why, and that nothing on the page was lost. */
export function saveFailure(e: unknown, what: string): KeptError {
  if (isQuotaError(e)) {
    return new KeptError(
      `${what} could not be saved in this browser: its storage for this site is full. Nothing on the page is lost, but a reload would lose it; "Saved data" in the top bar shows what is kept and can clear some of it.`,
      true,
    );
  }
  return new KeptError(`${what} could not be saved in this browser (${why(e)}). Nothing on the page is lost, but a reload would lose it.`, false);
}

function readFailure(e: unknown): KeptError {
  return new KeptError(`What this browser keeps for Fabric Lab could not be read (${why(e)}).`, false);
}

function deleteFailure(e: unknown, what: string): KeptError {
  return new KeptError(`${what} could not be cleared from this browser (${why(e)}).`, false);
}

// ---- IndexedDB ---------------------------------------------------------------------

/** Runs `body` in a transaction; resolves with what it returns once the transaction has committed. */
function transact<T>(db: IDBDatabase, stores: readonly StoreName[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction | undefined;
    let result: () => T;
    try {
      tx = db.transaction([...stores], mode);
      result = body(tx);
    } catch (e) {
      try {
        tx?.abort();
      } catch {
        // already finished
      }
      reject(e);
      return;
    }
    const t = tx;
    t.oncomplete = () => resolve(result());
    t.onabort = () => reject(t.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });
}

function openRaw(factory: IDBFactory, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error(`IndexedDB did not answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const done = (fn: () => void) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      fn();
    };
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(DB_NAME, DB_VERSION);
    } catch (e) {
      done(() => reject(e));
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const s of STORE_NAMES) if (!db.objectStoreNames.contains(s)) db.createObjectStore(s);
    };
    req.onsuccess = () => {
      const db = req.result;
      if (settled) db.close();
      else done(() => resolve(db));
    };
    req.onerror = (e) => {
      e.preventDefault();
      done(() => reject(req.error ?? new Error('IndexedDB refused to open')));
    };
  });
}

class IdbKept implements KeptDb {
  readonly kind = 'indexeddb';
  readonly notice = null;
  private db: IDBDatabase | undefined;
  private reopening: Promise<IDBDatabase> | undefined;
  private closedByUs = false;

  constructor(
    db: IDBDatabase,
    private readonly factory: IDBFactory,
    private readonly onError: (message: string) => void,
  ) {
    this.adopt(db);
  }

  private adopt(db: IDBDatabase): void {
    this.db = db;
    // another tab upgrading or deleting the database, or the browser clearing the site's data
    db.onversionchange = () => {
      db.close();
      if (this.db === db) this.db = undefined;
    };
    db.onclose = () => {
      if (this.db === db) this.db = undefined;
    };
  }

  /** The open database, opened again if the browser closed it under us. */
  private async open(): Promise<IDBDatabase> {
    if (this.db) return this.db;
    if (this.closedByUs) throw new Error('the saved data was closed');
    this.reopening ??= openRaw(this.factory, OPEN_TIMEOUT_MS).finally(() => (this.reopening = undefined));
    const db = await this.reopening;
    if (!this.db) this.adopt(db);
    return this.db ?? db;
  }

  private async read<T>(store: StoreName, body: (s: IDBObjectStore) => () => T): Promise<T> {
    try {
      return await transact(await this.open(), [store], 'readonly', (tx) => body(tx.objectStore(store)));
    } catch (e) {
      throw this.fail(readFailure(e));
    }
  }

  private fail(err: KeptError): KeptError {
    this.onError(err.message);
    return err;
  }

  get(store: StoreName, key: string): Promise<unknown> {
    return this.read(store, (s) => {
      const r = s.get(key);
      return () => r.result as unknown;
    });
  }

  entries(store: StoreName): Promise<KeptEntry[]> {
    return this.read(store, (s) => {
      const keys = s.getAllKeys();
      const values = s.getAll();
      return () => keys.result.map((key, i) => ({ key: String(key), value: values.result[i] as unknown }));
    });
  }

  keys(store: StoreName): Promise<string[]> {
    return this.read(store, (s) => {
      const keys = s.getAllKeys();
      return () => keys.result.map(String);
    });
  }

  async put(store: StoreName, key: string, value: unknown, what: string): Promise<void> {
    try {
      await transact(await this.open(), [store], 'readwrite', (tx) => {
        tx.objectStore(store).put(value, key);
        return () => undefined;
      });
    } catch (e) {
      throw this.fail(saveFailure(e, what));
    }
  }

  async delete(store: StoreName, key: string, what: string): Promise<void> {
    try {
      await transact(await this.open(), [store], 'readwrite', (tx) => {
        tx.objectStore(store).delete(key);
        return () => undefined;
      });
    } catch (e) {
      throw this.fail(deleteFailure(e, what));
    }
  }

  async clear(stores: readonly StoreName[] = STORE_NAMES): Promise<void> {
    try {
      await transact(await this.open(), stores, 'readwrite', (tx) => {
        for (const s of stores) tx.objectStore(s).clear();
        return () => undefined;
      });
    } catch (e) {
      throw this.fail(deleteFailure(e, 'The saved data'));
    }
  }

  close(): void {
    this.closedByUs = true;
    this.db?.close();
    this.db = undefined;
  }
}

// ---- memory --------------------------------------------------------------------------

/** The same interface in memory: values are copied in and out as IndexedDB would copy them. */
export class MemoryKept implements KeptDb {
  readonly kind = 'memory';
  private readonly stores = new Map<StoreName, Map<string, unknown>>(STORE_NAMES.map((s) => [s, new Map()]));

  constructor(readonly notice: string | null = null) {}

  private store(name: StoreName): Map<string, unknown> {
    return this.stores.get(name)!;
  }

  async get(store: StoreName, key: string): Promise<unknown> {
    const v = this.store(store).get(key);
    return v === undefined ? undefined : structuredClone(v);
  }

  async entries(store: StoreName): Promise<KeptEntry[]> {
    return [...this.store(store)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value: structuredClone(value) }));
  }

  async keys(store: StoreName): Promise<string[]> {
    return [...this.store(store).keys()].sort();
  }

  async put(store: StoreName, key: string, value: unknown, what: string): Promise<void> {
    let copy: unknown;
    try {
      copy = structuredClone(value);
    } catch (e) {
      throw saveFailure(e, what);
    }
    this.store(store).set(key, copy);
  }

  async delete(store: StoreName, key: string): Promise<void> {
    this.store(store).delete(key);
  }

  async clear(stores: readonly StoreName[] = STORE_NAMES): Promise<void> {
    for (const s of stores) this.store(s).clear();
  }

  close(): void {}
}

export function memoryNotice(reason: string): string {
  return `Nothing you make here will survive a reload: this browser does not let Fabric Lab keep data (${reason}). Your edited service model files, your scenarios and your run stay only until this page is closed or reloaded.`;
}

/** The page's IndexedDB, or null when touching it is refused (sandboxed frames throw). */
function pageIndexedDb(): IDBFactory | null {
  try {
    return typeof indexedDB === 'undefined' ? null : indexedDB;
  } catch {
    return null;
  }
}

export interface OpenOptions {
  /** The IndexedDB to use (default: the page's; null: none). */
  readonly factory?: IDBFactory | null;
  readonly timeoutMs?: number;
  /** Told every failure's message (the page shows them in the Saved data dialog). */
  readonly onError?: (message: string) => void;
}

/** Opens the database, or falls back to memory (with a notice) when IndexedDB cannot be used. */
export async function openDb(options: OpenOptions = {}): Promise<KeptDb> {
  const factory = options.factory === undefined ? pageIndexedDb() : options.factory;
  if (!factory) return new MemoryKept(memoryNotice('IndexedDB is not available'));
  try {
    const db = await openRaw(factory, options.timeoutMs ?? OPEN_TIMEOUT_MS);
    return new IdbKept(db, factory, options.onError ?? (() => undefined));
  } catch (e) {
    return new MemoryKept(memoryNotice(`IndexedDB refused to open: ${why(e)}`));
  }
}

// ---- what earlier versions kept in localStorage ----------------------------------------

/** localStorage, or null when the browser refuses it (privacy settings, sandboxed frames). */
export function pageLocalStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** Values earlier versions kept in localStorage, and where they live now. */
export const LEGACY_KEYS: readonly { readonly from: string; readonly store: StoreName; readonly key: string; readonly what: string }[] = [
  { from: 'fabric-lab:servicemodel:files', store: 'servicemodel', key: 'files', what: 'Your edited service model files' },
];

/**
 * Moves what earlier versions kept in localStorage into the database, once: a value is
 * copied (as parsed JSON, or the raw text when it is not JSON; its reader checks it) when
 * the database has none there yet, then removed from localStorage. In memory, or when the
 * copy fails, localStorage keeps it for a later visit.
 */
export async function migrateLegacy(db: KeptDb, storage: Storage | null): Promise<void> {
  if (!storage) return;
  for (const item of LEGACY_KEYS) {
    let raw: string | null;
    try {
      raw = storage.getItem(item.from);
    } catch {
      continue;
    }
    if (raw === null) continue;
    try {
      if ((await db.get(item.store, item.key)) === undefined) {
        let value: unknown = raw;
        try {
          value = JSON.parse(raw);
        } catch {
          // kept as text: the reader says it is damaged
        }
        await db.put(item.store, item.key, value, item.what);
      }
      if (db.kind === 'indexeddb') storage.removeItem(item.from);
    } catch {
      // reported by the database; localStorage keeps the value
    }
  }
}

// ---- the page's one database -----------------------------------------------------------

let shared: Promise<KeptDb> | undefined;

/** The page's database, opened (and earlier data migrated) on first use. */
export function keptDb(): Promise<KeptDb> {
  shared ??= (async () => {
    const db = await openDb({ onError: reportPersistError });
    setKeptKind(db.kind, db.notice);
    await migrateLegacy(db, pageLocalStorage());
    return db;
  })();
  return shared;
}

/** For tests: closes the page's database and forgets it (the next keptDb() opens it again). */
export async function resetKeptDb(): Promise<void> {
  const p = shared;
  shared = undefined;
  resetPersistStatus();
  if (p) (await p).close();
}
