/** The page's database: IndexedDB (fake-indexeddb here), the move from localStorage, full quotas, and memory when there is no IndexedDB. */

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../servicemodel/testing';
import { DB_NAME, DB_VERSION, isQuotaError, keptDb, KeptError, migrateLegacy, MemoryKept, openDb, STORE_NAMES } from './db';
import { persistStatus } from './status';
import { freshPageDb } from './testing';

const LEGACY = 'fabric-lab:servicemodel:files';
const files = { version: 1, sample: 'shop', edited: true, csdef: { name: 'a.csdef', text: '<A/>' }, cscfg: { name: 'a.cscfg', text: '<B/>' } };

beforeEach(async () => {
  localStorage.clear();
  await freshPageDb();
});

afterEach(() => vi.restoreAllMocks());

describe('the database in IndexedDB', () => {
  it('is fabric-lab version 1 with a store for service model files, scenarios and runs', async () => {
    const db = await openDb({ factory: new IDBFactory() });
    expect(db.kind).toBe('indexeddb');
    expect(db.notice).toBeNull();
    const factory = new IDBFactory();
    await openDb({ factory });
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open(DB_NAME);
      r.onsuccess = () => resolve(r.result);
    });
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    raw.close();
    db.close();
  });

  it('round-trips values by key in each store, and survives closing and opening again', async () => {
    const factory = new IDBFactory();
    const db = await openDb({ factory });
    await db.put('servicemodel', 'files', files, 'files');
    await db.put('scenarios', 'storm.json', { text: '{}', n: [1, 2] }, 'storm');
    await db.put('runs', '?seed=1', { t: 5 }, 'run');
    await db.put('runs', '', { t: 6 }, 'run');
    expect(await db.get('servicemodel', 'files')).toEqual(files);
    expect(await db.get('servicemodel', 'nothing')).toBeUndefined();
    expect(await db.keys('runs')).toEqual(['', '?seed=1']);
    expect(await db.entries('runs')).toEqual([
      { key: '', value: { t: 6 } },
      { key: '?seed=1', value: { t: 5 } },
    ]);
    db.close();

    const again = await openDb({ factory });
    expect(await again.get('scenarios', 'storm.json')).toEqual({ text: '{}', n: [1, 2] });
    await again.delete('runs', '', 'run');
    expect(await again.keys('runs')).toEqual(['?seed=1']);
    await again.clear(['runs']);
    expect(await again.keys('runs')).toEqual([]);
    expect(await again.keys('scenarios')).toEqual(['storm.json']);
    await again.clear();
    expect(await again.get('servicemodel', 'files')).toBeUndefined();
    again.close();
  });

  it('opens again by itself when the browser closes it (site data cleared)', async () => {
    const db = await openDb({ factory: new IDBFactory() });
    await db.put('runs', 'a', 1, 'run');
    // what a browser does when the person clears the site's data: the connection is closed under us
    const raw = (db as unknown as { db: IDBDatabase }).db;
    raw.close();
    raw.onclose?.(new Event('close'));
    expect(await db.get('runs', 'a')).toBe(1);
    db.close();
  });
});

describe('a full quota', () => {
  it('comes back as a clear message naming what could not be saved, and the store keeps what it had', async () => {
    const errors: string[] = [];
    const db = await openDb({ factory: new IDBFactory(), onError: (m) => errors.push(m) });
    await db.put('scenarios', 'old.json', 'kept', 'old');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = db.put('scenarios', 'storm.json', 'x'.repeat(1000), 'Your scenario storm');
    await expect(failure).rejects.toBeInstanceOf(KeptError);
    await expect(failure).rejects.toMatchObject({
      quota: true,
      message: expect.stringMatching(/^Your scenario storm could not be saved in this browser: its storage for this site is full\. Nothing on the page is lost, but a reload would lose it/),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Your scenario storm could not be saved/);
    vi.restoreAllMocks();
    expect(await db.keys('scenarios')).toEqual(['old.json']);
    db.close();
  });

  it('also when the transaction aborts with QuotaExceededError (how browsers report it at commit)', async () => {
    const db = await openDb({ factory: new IDBFactory() });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const req = put.apply(this, args);
      const tx = this.transaction;
      Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
      tx.abort();
      return req;
    });
    await expect(db.put('runs', '?seed=1', { t: 1 }, 'Your run (?seed=1)')).rejects.toMatchObject({ quota: true, message: expect.stringMatching(/^Your run \(\?seed=1\) could not be saved in this browser: its storage for this site is full/) });
    vi.restoreAllMocks();
    expect(await db.keys('runs')).toEqual([]);
    db.close();
  });

  it('is told apart from other failures', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new DOMException('no', 'DataCloneError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('other write failures name what and why', async () => {
    const db = await openDb({ factory: new IDBFactory() });
    await expect(db.put('runs', 'a', () => 1, 'Your run')).rejects.toMatchObject({ quota: false, message: expect.stringMatching(/^Your run could not be saved in this browser \(.+\)\./) });
    db.close();
  });
});

describe('without IndexedDB', () => {
  it('keeps things in memory and says once that nothing survives a reload', async () => {
    const db = await openDb({ factory: null });
    expect(db.kind).toBe('memory');
    expect(db.notice).toMatch(/^Nothing you make here will survive a reload: this browser does not let Fabric Lab keep data \(IndexedDB is not available\)/);
    await db.put('runs', 'a', { t: 1 }, 'run');
    expect(await db.get('runs', 'a')).toEqual({ t: 1 });
  });

  it('falls back when IndexedDB throws on open (a sandboxed frame) or refuses (a private window)', async () => {
    const throwing = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    const a = await openDb({ factory: throwing });
    expect(a.kind).toBe('memory');
    expect(a.notice).toContain('IndexedDB refused to open: denied');

    const refusing = {
      open: () => {
        const req = { error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError') } as unknown as IDBOpenDBRequest;
        setTimeout(() => req.onerror?.(Object.assign(new Event('error'), { preventDefault: () => undefined })));
        return req;
      },
    } as unknown as IDBFactory;
    const b = await openDb({ factory: refusing });
    expect(b.kind).toBe('memory');
    expect(b.notice).toContain('did not allow mutations');

    const silent = { open: () => ({}) } as unknown as IDBFactory;
    const c = await openDb({ factory: silent, timeoutMs: 20 });
    expect(c.kind).toBe('memory');
    expect(c.notice).toContain('IndexedDB did not answer');
  });

  it('the page says so once, in its status', async () => {
    vi.stubGlobal('indexedDB', undefined);
    try {
      const db = await keptDb();
      expect(db.kind).toBe('memory');
      expect(persistStatus.getState()).toMatchObject({ kind: 'memory', notice: db.notice });
      expect(await keptDb()).toBe(db);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a memory copy is a copy, as IndexedDB gives', async () => {
    const db = new MemoryKept();
    const v = { a: [1] };
    await db.put('runs', 'k', v, 'run');
    v.a.push(2);
    expect(await db.get('runs', 'k')).toEqual({ a: [1] });
  });
});

describe('the move from localStorage', () => {
  it('copies the service model files an earlier version kept, then removes them from localStorage', async () => {
    localStorage.setItem(LEGACY, JSON.stringify(files));
    const db = await keptDb();
    expect(db.kind).toBe('indexeddb');
    expect(await db.get('servicemodel', 'files')).toEqual(files);
    expect(localStorage.getItem(LEGACY)).toBeNull();
  });

  it('keeps a damaged value as its text (its reader says it is damaged), and never overwrites newer files', async () => {
    const storage = new MemoryStorage();
    const db = await openDb({ factory: new IDBFactory() });
    storage.setItem(LEGACY, '{"version":1,');
    await migrateLegacy(db, storage);
    expect(await db.get('servicemodel', 'files')).toBe('{"version":1,');
    await db.put('servicemodel', 'files', files, 'files');
    storage.setItem(LEGACY, JSON.stringify({ ...files, sample: 'old' }));
    await migrateLegacy(db, storage);
    expect(await db.get('servicemodel', 'files')).toEqual(files);
    expect(storage.getItem(LEGACY)).toBeNull();
    db.close();
  });

  it('leaves localStorage alone in memory, or when the copy fails', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY, JSON.stringify(files));
    const memory = await openDb({ factory: null });
    await migrateLegacy(memory, storage);
    expect(await memory.get('servicemodel', 'files')).toEqual(files);
    expect(storage.getItem(LEGACY)).not.toBeNull();

    const db = await openDb({ factory: new IDBFactory() });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await migrateLegacy(db, storage);
    vi.restoreAllMocks();
    expect(storage.getItem(LEGACY)).not.toBeNull();
    expect(await db.get('servicemodel', 'files')).toBeUndefined();
    db.close();
  });
});
