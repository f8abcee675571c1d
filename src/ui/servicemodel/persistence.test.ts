import { describe, expect, it } from 'vitest';
import { clearSaved, readSaved, SAVED_KEY, writeSaved } from './persistence';
import { MemoryStorage } from './testing';

const files = { csdef: { name: 'a.csdef', text: '<A/>' }, cscfg: { name: 'a.cscfg', text: '<B/>' } };

describe('the saved copy of the files', () => {
  it('round-trips files and sample under the fabric-lab:servicemodel: prefix', () => {
    const storage = new MemoryStorage();
    expect(writeSaved(storage, { sample: 'shop', files, edited: true })).toBeNull();
    expect([...storage.items.keys()]).toEqual(['fabric-lab:servicemodel:files']);
    expect(readSaved(storage)).toEqual({ saved: { sample: 'shop', files, edited: true } });
    expect(clearSaved(storage)).toBeNull();
    expect(readSaved(storage)).toEqual({});
  });

  it('ignores a value of another shape, saying so', () => {
    const storage = new MemoryStorage();
    for (const bad of ['not json', '{"version":2}', '{"version":1,"sample":3,"csdef":{},"cscfg":{}}', 'null']) {
      storage.setItem(SAVED_KEY, bad);
      expect(readSaved(storage)).toEqual({ problem: 'The saved files were damaged and have been ignored.' });
    }
  });

  it('reports a full storage instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(writeSaved(storage, { sample: null, files, edited: false })).toMatch(/^Your edits could not be saved in this browser \(the browser's storage for this site is full\)/);
  });

  it('does nothing without a storage', () => {
    expect(readSaved(null)).toEqual({});
    expect(writeSaved(null, { sample: null, files, edited: false })).toBeNull();
  });
});
