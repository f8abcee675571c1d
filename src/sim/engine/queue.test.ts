import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './queue';

describe('EventQueue', () => {
  it('pops by time, then by insertion sequence, through any interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(-1)), { maxLength: 3000 }), (ops) => {
        const q = new EventQueue<number>();
        const model: { t: number; s: number }[] = [];
        let seq = 0;
        for (const op of ops) {
          if (op >= 0) {
            q.push(op, seq, seq);
            model.push({ t: op, s: seq });
            seq++;
          } else {
            model.sort((a, b) => a.t - b.t || a.s - b.s);
            const want = model.shift();
            const got = q.pop();
            expect(got).toBe(want?.s);
            if (want) expect([q.lastTime, q.lastSeq]).toEqual([want.t, want.s]);
          }
          expect(q.size).toBe(model.length);
        }
      }),
    );
  });

  it('grows past its initial capacity', () => {
    const q = new EventQueue<number>();
    for (let i = 5000; i > 0; i--) q.push(i, 5000 - i, i);
    const out: number[] = [];
    while (q.size) out.push(q.pop()!);
    expect(out).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  });
});
