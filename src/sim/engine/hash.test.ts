import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fnv64, fnv1a32 } from './hash';

/** A slow but obviously correct reference: BigInt over TextEncoder bytes. */
function reference64(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(s)) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('FNV-1a', () => {
  it('matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(new Fnv64().update('').hex()).toBe('cbf29ce484222325');
    expect(new Fnv64().update('a').hex()).toBe('af63dc4c8601ec8c');
    expect(new Fnv64().update('foobar').hex()).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 encoding of any string, incrementally', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(new Fnv64().update(a).update(b).hex()).toBe(reference64(a + b));
      }),
    );
  });

  it('resumes from a saved state', () => {
    const h = new Fnv64().update('first half');
    const copy = new Fnv64();
    copy.restore(h.save());
    expect(copy.update(' second').hex()).toBe(h.update(' second').hex());
  });
});
