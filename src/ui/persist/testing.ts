/**
 * Helpers for tests of what the page keeps: a database whose storage is full (every
 * write fails as a full quota does), and a fresh page database between tests that use
 * fake-indexeddb (`import 'fake-indexeddb/auto'` at the top of the test file).
 */

import { DB_NAME, MemoryKept, resetKeptDb, saveFailure, type StoreName } from './db';

/** A database in memory whose every write fails with QuotaExceededError. */
export class FullKept extends MemoryKept {
  override async put(_store: StoreName, _key: string, _value: unknown, what: string): Promise<void> {
    throw saveFailure(new DOMException('The quota has been exceeded.', 'QuotaExceededError'), what);
  }
}

/** Forgets the page's database and deletes it from (fake) IndexedDB, so the next test starts empty. */
export async function freshPageDb(): Promise<void> {
  // writes of the last test's components (a panel flushing as it unmounts) finish first
  await new Promise((r) => setTimeout(r, 20));
  await resetKeptDb();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('deleteDatabase failed'));
  });
}
