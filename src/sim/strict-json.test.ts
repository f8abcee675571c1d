import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonShape, describe as describeValue, parseJson, type JsonLimits } from './strict-json';

class TestError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

const LIMITS: JsonLimits = { chars: 1_000_000, depth: 64, values: 100_000, what: 'the test text' };
const parse = (text: string): unknown => parseJson(text, TestError, LIMITS);

describe('parseJson', () => {
  it('gives what JSON.parse gives for any JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        expect(parse(text)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  // JSON.parse takes a key given twice silently (the last wins); parseJson refuses it
  it('accepts exactly what JSON.parse accepts, on damaged JSON (duplicate keys aside)', () => {
    const damaged = fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.string({ maxLength: 3, unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', '.', ' ', 'n', 'u', '\u0001', 'x') })).map(([t, i, junk]) => {
      const at = i % (t.length + 1);
      return t.slice(0, at) + junk + t.slice(at);
    });
    fc.assert(
      fc.property(damaged, (text) => {
        let expected: unknown;
        let ok = true;
        try {
          expected = JSON.parse(text);
        } catch {
          ok = false;
        }
        let got: unknown;
        let error: unknown;
        try {
          got = parse(text);
        } catch (e) {
          error = e;
        }
        if (ok) {
          if (error !== undefined) expect((error as Error).message).toMatch(/appears twice/);
          else expect(got).toStrictEqual(expected);
        } else {
          expect(error).toBeInstanceOf(TestError);
          expect((error as Error).message).toMatch(/not valid JSON at line \d+, column \d+: /);
        }
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it('keeps "__proto__" as a field, as JSON.parse does, never as the prototype', () => {
    const v = parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['{"a": 1, "a": 2}', /^a: not valid JSON at line 1, column 10: the key "a" appears twice/],
    ['{\n  "steps": [\n    {"at": 1,}\n  ]\n}', /^steps\[0\]: not valid JSON at line 3, column 14: expected a property name/],
    ['[1 2]', /^\[0\]: not valid JSON at line 1, column 4: unexpected "2" after an array item/],
    ['"\\ud800"', /^$/],
  ])('says where: %s', (text, message) => {
    if (message.source === '^$') expect(parse(text)).toBe('\ud800');
    else expect(() => parse(text)).toThrow(message);
  });

  it('stops at the limits, however big the text', () => {
    expect(() => parse('['.repeat(100_000))).toThrow(/nested more than 64 levels deep/);
    expect(() => parse(`[${'0,'.repeat(100_000)}0]`)).toThrow(/at most 100,000 values/);
    expect(() => parse(' '.repeat(1_000_001))).toThrow(/^\(root\): the test text may be at most 1,000,000 characters/);
  });
});

describe('checkJsonShape', () => {
  it('refuses depth, size, cycles and what JSON cannot hold, with the path', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => checkJsonShape({ a: deep }, TestError, LIMITS)).toThrow(/^a(\[0\])+…(\[0\])+: objects and arrays are nested more than 64/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => checkJsonShape(cyclic, TestError, LIMITS)).toThrow(/nested more than 64/);
    expect(() => checkJsonShape({ a: new Array(1e9) }, TestError, LIMITS)).toThrow(/^a: is an array of 1,000,000,000 items/);
    expect(() => checkJsonShape(Number.NaN, TestError, LIMITS)).toThrow(/^\(root\): is NaN, which JSON cannot hold/);
    expect(() => checkJsonShape({ f: () => 1 }, TestError, LIMITS)).toThrow(/^f: is a function/);
    expect(() => checkJsonShape({ a: undefined, b: [1, 'x', null, true] }, TestError, LIMITS)).not.toThrow();
  });

  it('describes any value in a few words', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(describeValue(deep)).toBe('an object');
    expect(describeValue('x'.repeat(1e6))).toBe(`the string "${'x'.repeat(40)}…"`);
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe('number Infinity');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([1, 2])).toBe('an array of 2 items');
  });
});
