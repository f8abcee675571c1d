/** The current run kept under the page's address: written as it changes, the newest winning, at most 10 addresses; resumed by the same address. */

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseRunFile, type RunFile } from '../../sim/timeline/record';
import { planKeptStart } from './boot';
import { keptDb, MemoryKept } from './db';
import { resumeStore } from './resume';
import { addressLabel, deleteRun, keepRuns, listRuns, MAX_KEPT_RUNS, savedRunLookup, type RunSource } from './runs';
import { freshPageDb } from './testing';

const run = (t: number, actions = 1): RunFile => ({
  fabricLab: 'run',
  version: 1,
  base: { kind: 'setup', seed: 7, datacenter: { preset: 'classroom' }, timing: 'fast', deploy: [] },
  actions: Array.from({ length: actions }, (_, i) => ({ at: i * 1000, action: { do: 'fail', target: 'c0-r0-tor' } as const })),
  t,
  hash: '0123456789abcdef',
  events: 10,
});

/** A client whose run changes when the test says. */
function fakeClient() {
  const listeners = new Set<(r: RunFile) => void>();
  const client: RunSource & { emit(r: RunFile): void; listening(): number } = {
    subscribeRun(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    emit: (r) => listeners.forEach((fn) => fn(r)),
    listening: () => listeners.size,
  };
  return client;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(async () => {
  await freshPageDb();
  resumeStore.setState({ resumed: null });
});

describe('keeping the run', () => {
  it('writes each record under the address, the newest winning, until stopped', async () => {
    const db = new MemoryKept();
    const client = fakeClient();
    const stop = keepRuns(client, '?seed=7', db);
    client.emit(run(1000));
    client.emit(run(2000));
    client.emit(run(3000, 2));
    await settle();
    const text = await savedRunLookup(db)('?seed=7');
    expect(parseRunFile(text!)).toEqual(run(3000, 2));
    expect(await listRuns(db)).toEqual([{ address: '?seed=7', savedAt: expect.any(Number), t: 3000, actions: 2, size: text!.length }]);
    stop();
    expect(client.listening()).toBe(0);
    expect(await savedRunLookup(db)('?other')).toBeUndefined();
  });

  it('moves the run to the address the page shows when it changes (a copied link in the address bar)', async () => {
    const db = new MemoryKept();
    const client = fakeClient();
    let address = '?seed=7';
    keepRuns(client, () => address, db);
    client.emit(run(1000));
    await settle();
    expect(await db.keys('runs')).toEqual(['?seed=7']);
    address = '#run=1.abc';
    client.emit(run(2000, 3));
    await settle();
    expect(await db.keys('runs')).toEqual(['#run=1.abc']);
    expect(parseRunFile((await savedRunLookup(db)('#run=1.abc'))!)).toEqual(run(2000, 3));
  });

  it('forgets the address when its run has nothing to resume (started afresh)', async () => {
    const db = new MemoryKept();
    const client = fakeClient();
    keepRuns(client, '', db);
    client.emit(run(5000));
    await settle();
    expect(await db.keys('runs')).toEqual(['']);
    client.emit(run(0, 0));
    await settle();
    expect(await db.keys('runs')).toEqual([]);
  });

  it('keeps only the 10 most recent addresses', async () => {
    const db = new MemoryKept();
    for (let i = 0; i < 12; i++) {
      const client = fakeClient();
      keepRuns(client, `?seed=${i}`, db);
      client.emit(run(1000 + i));
      await settle();
    }
    const kept = await listRuns(db);
    expect(kept).toHaveLength(MAX_KEPT_RUNS);
    expect(kept.map((r) => r.address)).toEqual(Array.from({ length: 10 }, (_, i) => `?seed=${11 - i}`));
    await deleteRun(db, '?seed=11');
    expect(await db.keys('runs')).not.toContain('?seed=11');
  });

  it('gives a kept value of another shape back as text the run reader refuses', async () => {
    const db = new MemoryKept();
    await db.put('runs', 'x', { version: 1, t: 'soon' }, 'test');
    const text = (await savedRunLookup(db)('x'))!;
    expect(() => parseRunFile(text)).toThrow(/this is not a Fabric Lab run/);
  });

  it('labels addresses for people', () => {
    expect(addressLabel('')).toBe('the default page (no address)');
    expect(addressLabel('?seed=1')).toBe('?seed=1');
    expect(addressLabel(`#run=1.${'a'.repeat(200)}`)).toMatch(/^#run=1\.a+… \(207 characters\)$/);
  });
});

describe('the page start with what is kept (fake IndexedDB)', () => {
  const site: typeof fetch = async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
  const at = { search: '?seed=7&dc=classroom&sample=none', hash: '' };

  it('resumes the same address after a reload, offers to start afresh, and keeps going', async () => {
    const first = fakeClient();
    const plan = await planKeptStart(at, first, site);
    expect(plan.resumed).toBeUndefined();
    first.emit(run(5_025_000, 3));
    await settle();

    const second = fakeClient();
    const again = await planKeptStart(at, second, site);
    expect(again.resumed?.message).toBe('Resumed your run at 0+01:23:45 with 3 actions.');
    expect(again.options).toMatchObject({ startAt: 5_025_000, running: false, actions: run(5_025_000, 3).actions });
    const offer = resumeStore.getState().resumed;
    expect(offer?.message).toBe(again.resumed?.message);

    // another address starts what it names
    const other = await planKeptStart({ search: '?seed=8&sample=none', hash: '' }, fakeClient(), site);
    expect(other.resumed).toBeUndefined();
    expect(other.options.seed).toBe(8);

    // starting afresh forgets the kept run and gives what the address names
    const fresh = await offer!.fresh();
    expect(fresh).toMatchObject({ seed: 7 });
    expect(fresh.startAt).toBeUndefined();
    expect(await (await keptDb()).get('runs', at.search)).toBeUndefined();
  });
});
