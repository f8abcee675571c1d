import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff, type ViewDiff, type ViewRecord, type ViewSnapshot } from '../../sim/view/records';
import { applyViewDiff } from './records';

interface Rec extends ViewRecord {
  readonly v: number;
}

const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const rec = fc.record({ id, v: fc.nat(9) });
const diff = fc.record({ added: fc.array(rec, { maxLength: 3 }), updated: fc.array(rec, { maxLength: 3 }), removed: fc.array(id, { maxLength: 2 }) });

describe('applyViewDiff', () => {
  it('gives what applyDiff gives, frame after frame, and never changes the snapshot it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('x', 'y'), diff), { maxLength: 12 }), (diffs) => {
        let mine: ViewSnapshot = {};
        let theirs: ViewSnapshot = {};
        for (const d of diffs as ViewDiff[]) {
          const before = JSON.stringify(mine);
          const next = applyViewDiff(mine, d);
          expect(JSON.stringify(mine)).toBe(before);
          mine = next;
          theirs = applyDiff(theirs, d);
          expect(mine).toEqual(theirs);
        }
      }),
    );
  });

  it('keeps a record updated in place at its position', () => {
    const a: Rec = { id: 'a', v: 1 };
    const b: Rec = { id: 'b', v: 1 };
    const s1 = applyViewDiff({}, { x: { added: [a, b], updated: [], removed: [] } });
    const a2: Rec = { id: 'a', v: 2 };
    const s2 = applyViewDiff(s1, { x: { added: [], updated: [a2], removed: [] } });
    expect(s2.x).toEqual([a2, b]);
    expect(s1.x).toEqual([a, b]);
    expect(s2.x![1]).toBe(b);
  });
});
