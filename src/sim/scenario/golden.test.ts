import { describe, expect, it } from 'vitest';
import { readGolden, scenarioHashes } from '../../cli/golden-lib';

/**
 * Every shipped scenario has a golden event-log hash (golden.json). A change that moves
 * one must be deliberate: update the file with `npm run golden -- --update` and say why
 * in the commit. The browser worker is checked against the same file (e2e/golden.spec.ts).
 */
describe('golden hashes', () => {
  const pinned = readGolden();
  const now = scenarioHashes();
  it('every shipped scenario is pinned, and nothing pinned is gone', () => {
    expect(Object.keys(now).sort()).toEqual(Object.keys(pinned).sort());
  });
  for (const [file, g] of Object.entries(now)) {
    it(`${file} ends at its pinned hash`, () => {
      expect({ t: g.t, hash: g.hash }).toEqual(pinned[file]);
    });
  }
});
