import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostId, parseAssetId } from './ids';

/** The host pattern alone (parseAssetId reads host ids by hand first: it must agree). */
const HOST = /^c(0|[1-9]\d*)-r(0|[1-9]\d*)-h(\d\d)$/;
const byPattern = (id: string) => {
  const m = HOST.exec(id);
  return m ? { kind: 'host', c: +m[1]!, r: +m[2]!, h: +m[3]! } : undefined;
};

describe('asset ids', () => {
  it('reads host ids by hand exactly as their pattern does', () => {
    const piece = fc.constantFrom('c', 'r', 'h', '-', '0', '1', '7', '9', '00', '07', '10', 'tor', 'pdu', 'agg1', 'x', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 9 }), (parts) => {
        const id = parts.join('');
        const got = parseAssetId(id);
        expect(got?.kind === 'host' ? got : undefined).toEqual(byPattern(id));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.nat(60), fc.nat(100), fc.nat(99), (c, r, h) => {
        expect(parseAssetId(hostId(c, r, h))).toEqual({ kind: 'host', c, r, h });
      }),
    );
    for (const bad of ['c01-r3-h07', 'c1-r03-h07', 'c1-r3-h7', 'c1-r3-h100', 'c-r3-h07', 'c1-r3-h0a']) expect(parseAssetId(bad)).toBeUndefined();
  });
});
