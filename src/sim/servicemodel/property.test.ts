/**
 * Properties over arbitrary input: whatever the bytes, the loader returns diagnostics
 * rather than throwing, and every diagnostic is positioned (line and column >= 1).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXmlBytes } from './decode';
import type { Diagnostic } from './diagnostics';
import { loadServiceModel } from './load';
import { encodeUtf8 } from './testing';

const SAMPLES = resolve(__dirname, '../../../public/samples');
const DEF = readFileSync(join(SAMPLES, 'legacy-app/ServiceDefinition.csdef'));
const CFG = readFileSync(join(SAMPLES, 'legacy-app/ServiceConfiguration.cscfg'));

const positioned = (ds: readonly Diagnostic[]): boolean =>
  ds.every((d) => Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1 && d.message.length > 0);

const loadBytes = (def: Uint8Array, cfg: Uint8Array) =>
  loadServiceModel({ csdef: { name: 'd.csdef', bytes: def }, cscfg: { name: 'c.cscfg', bytes: cfg } });

describe('properties of the loader', () => {
  it('random bytes give positioned diagnostics, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }), (a, b) => {
        const r = loadBytes(a, b);
        expect(positioned(r.diagnostics)).toBe(true);
        expect(r.model === undefined || r.diagnostics.length >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a document cut anywhere before its last ">" gives an error at a line inside the cut text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DEF.lastIndexOf(0x3e) }), (n) => {
        const cut = DEF.subarray(0, n);
        const r = loadBytes(cut, CFG);
        expect(positioned(r.diagnostics)).toBe(true);
        const lines = cut.reduce((k, b) => k + (b === 10 ? 1 : 0), 1);
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.every((d) => d.line <= lines)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a document with random characters spliced in never throws', () => {
    const text = new TextDecoder().decode(CFG);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), fc.string({ maxLength: 12, unit: 'binary' }), (at, junk) => {
        const r = loadBytes(DEF, encodeUtf8(text.slice(0, at) + junk + text.slice(at)));
        expect(positioned(r.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('UTF-8 decoding agrees with the platform decoder on valid text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const bytes = encodeUtf8(`<a>${s}</a>`);
        expect(decodeXmlBytes(bytes).text).toBe(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('UTF-8 decoding accepts exactly what a strict platform decoder accepts', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (tail) => {
        const bytes = Uint8Array.from([0x3c, 0x61, 0x3e, ...tail]);
        let expected: string | undefined;
        try {
          expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          expected = undefined;
        }
        expect(decodeXmlBytes(bytes).text).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
