import { describe, expect, it } from 'vitest';
import { MemoryKept } from '../persist/db';
import { FullKept } from '../persist/testing';
import { checkSaved, DAMAGED, keptFiles, panelFiles, readSaved, SAVED_KEY, savedValue, setPanelFiles } from './persistence';
import { MemoryStorage } from './testing';

const files = { csdef: { name: 'a.csdef', text: '<A/>' }, cscfg: { name: 'a.cscfg', text: '<B/>' } };

describe('the saved copy of the files', () => {
  it('round-trips files, names and sample under servicemodel/files', async () => {
    const db = new MemoryKept();
    const store = keptFiles(db);
    expect(await store.read()).toEqual({});
    expect(await store.write({ sample: 'shop', files, edited: true })).toBeNull();
    expect(await db.keys('servicemodel')).toEqual(['files']);
    expect(await store.read()).toEqual({ saved: { sample: 'shop', files, edited: true } });
    expect(await store.clear()).toBeNull();
    expect(await store.read()).toEqual({});
  });

  it('ignores a value of another shape, saying so', async () => {
    const db = new MemoryKept();
    for (const bad of ['not json', { version: 2 }, { version: 1, sample: 3, csdef: {}, cscfg: {} }, null, 7]) {
      await db.put('servicemodel', 'files', bad, 'test');
      expect(await keptFiles(db).read()).toEqual({ problem: DAMAGED });
      expect(checkSaved(bad)).toBeUndefined();
    }
  });

  it('reports a full storage instead of throwing, naming what was not saved', async () => {
    const failed = await keptFiles(new FullKept()).write({ sample: null, files, edited: false });
    expect(failed).toMatch(/^Your edited service model files could not be saved in this browser: its storage for this site is full\. Nothing on the page is lost/);
  });

  it('reads the same value earlier versions kept in localStorage', () => {
    expect(checkSaved(JSON.parse(JSON.stringify(savedValue({ sample: 'shop', files, edited: false }))))).toEqual({ sample: 'shop', files, edited: false });
  });
});

describe('the files open in the panel, for upgrades', () => {
  it('are the panel’s current files, else a copy left in localStorage', () => {
    const storage = new MemoryStorage();
    expect(readSaved(storage)).toEqual({});
    storage.setItem(SAVED_KEY, JSON.stringify(savedValue({ sample: null, files, edited: true })));
    expect(readSaved(storage)).toEqual({ saved: { sample: null, files, edited: true } });
    storage.setItem(SAVED_KEY, '{"version":1');
    expect(readSaved(storage)).toEqual({ problem: DAMAGED });
    setPanelFiles({ sample: 'hello', files, edited: false });
    expect(panelFiles()).toEqual({ sample: 'hello', files, edited: false });
    expect(readSaved(storage)).toEqual({ saved: { sample: 'hello', files, edited: false } });
    setPanelFiles(null);
    expect(readSaved(null)).toEqual({});
  });
});
