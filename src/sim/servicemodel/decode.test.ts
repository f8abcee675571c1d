import { describe, expect, it } from 'vitest';
import { decodeXmlBytes, MAX_FILE_BYTES } from './decode';
import { loadDefinition } from './load';
import { csdef, encodeUtf8, webRole } from './testing';

const utf16 = (s: string, littleEndian: boolean, bom = true): Uint8Array => {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (littleEndian) out.push(u & 0xff, u >> 8);
    else out.push(u >> 8, u & 0xff);
  }
  return Uint8Array.from(out);
};

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A definition whose role name holds characters outside ASCII. */
const DOC = csdef(webRole('Wëb-Rölle-日本-😀'));

describe('decoding service model files', () => {
  it('reads UTF-8 without and with a byte-order mark', () => {
    const plain = decodeXmlBytes(encodeUtf8(DOC));
    expect(plain).toMatchObject({ text: DOC, encoding: 'UTF-8', bom: false, problems: [] });
    const marked = decodeXmlBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...encodeUtf8(DOC)]));
    expect(marked).toMatchObject({ text: DOC, encoding: 'UTF-8', bom: true, problems: [] });
  });

  it.each([
    ['UTF-16LE', true],
    ['UTF-16BE', false],
  ] as const)('reads %s with a byte-order mark (and the declaration may say utf-8 or utf-16)', (encoding, le) => {
    const doc = DOC.replace('encoding="utf-8"', 'encoding="utf-16"');
    expect(decodeXmlBytes(utf16(doc, le))).toMatchObject({ text: doc, encoding, bom: true, problems: [] });
    const noDecl = DOC.replace(/^<\?xml[^>]*>\n/, '');
    expect(decodeXmlBytes(utf16(noDecl, le))).toMatchObject({ text: noDecl, encoding, problems: [] });
    // The mark wins over a declaration that disagrees, with a warning.
    const lying = decodeXmlBytes(utf16(DOC, le));
    expect(lying.text).toBe(DOC);
    expect(lying.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'encoding-mismatch', line: 1 })]);
    const result = loadDefinition({ name: 'x.csdef', bytes: utf16(doc, le) });
    expect(result.diagnostics).toEqual([]);
    expect(result.definition?.roles[0]?.name).toBe('Wëb-Rölle-日本-😀');
  });

  it('reads UTF-16 without a mark when the file starts with "<?" (XML 1.0 Appendix F)', () => {
    const doc = DOC.replace('utf-8', 'utf-16');
    expect(decodeXmlBytes(utf16(doc, true, false))).toMatchObject({ text: doc, encoding: 'UTF-16LE', bom: false });
    expect(decodeXmlBytes(utf16(doc, false, false))).toMatchObject({ text: doc, encoding: 'UTF-16BE', bom: false });
  });

  it('reads windows-1252 and ISO-8859-1 when the declaration says so', () => {
    const doc = '<?xml version="1.0" encoding="windows-1252"?><a>caf\u00e9 \u20ac</a>';
    const bytes = Uint8Array.from([...latin1(doc.replace('\u20ac', '\u0080'))]);
    expect(decodeXmlBytes(bytes)).toMatchObject({ text: doc, encoding: 'windows-1252' });
    const iso = '<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\u00e9</a>';
    expect(decodeXmlBytes(latin1(iso))).toMatchObject({ text: iso, encoding: 'ISO-8859-1' });
  });

  it('refuses an encoding it cannot decode, pointing at the declaration', () => {
    const doc = '<?xml version="1.0" encoding="shift_jis"?>\n<a/>';
    const d = decodeXmlBytes(latin1(doc));
    expect(d.text).toBeUndefined();
    expect(d.problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'encoding', line: 1, column: doc.indexOf('shift_jis') + 1 }),
    ]);
    expect(d.problems[0]!.message).toMatch(/encoding="shift_jis", which this reader does not support\. Save the file as UTF-8/);
  });

  it('refuses encoding="utf-16" in a file written in single bytes, as .NET does', () => {
    const d = decodeXmlBytes(encodeUtf8('<?xml version="1.0" encoding="utf-16"?>\n<a/>'));
    expect(d.problems[0]!.message).toMatch(/There is no Unicode byte order mark\. Cannot switch to Unicode\./);
  });

  it('refuses UTF-32 and an odd-length UTF-16 file', () => {
    expect(decodeXmlBytes(Uint8Array.from([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0])).problems[0]!.message).toMatch(/UTF-32/);
    expect(decodeXmlBytes(Uint8Array.from([0xff, 0xfe, 0x3c])).problems[0]!.message).toMatch(/odd number of bytes/);
  });

  it('reports invalid UTF-8 with the line and column of the bad byte', () => {
    const bytes = Uint8Array.from([...encodeUtf8('<a>\n  <b>é'), 0xe9, ...encodeUtf8('</b></a>')]);
    const d = decodeXmlBytes(bytes);
    expect(d.text).toBeUndefined();
    expect(d.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'encoding', line: 2, column: 7 })]);
    expect(d.problems[0]!.message).toMatch(/not valid UTF-8: byte 11 \(0xE9\).*windows-1252/);
  });

  it.each([
    ['an overlong form', [0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence', [0xe6, 0x97]],
  ])('refuses %s in UTF-8', (_what, seq) => {
    expect(decodeXmlBytes(Uint8Array.from([0x3c, 0x61, 0x3e, ...seq])).text).toBeUndefined();
  });

  it('caps a file at 1 MiB with a clear message', () => {
    const filler = (n: number): string => `<a>${' '.repeat(n - 7)}</a>`;
    expect(MAX_FILE_BYTES).toBe(1_048_576);
    const ok = loadDefinition({ name: 'big.csdef', bytes: encodeUtf8(filler(MAX_FILE_BYTES)) });
    expect(ok.diagnostics.map((d) => d.code)).toEqual(['root']);
    const big = loadDefinition({ name: 'big.csdef', bytes: encodeUtf8(filler(MAX_FILE_BYTES + 1)) });
    expect(big.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'file-too-large', file: 'big.csdef', line: 1, column: 1 }),
    ]);
    expect(big.diagnostics[0]!.message).toMatch(/^The file is 1,048,577 bytes; a service model file may be at most 1 MiB \(1,048,576 bytes\)/);
    // Text given as a string is measured in UTF-8 bytes too.
    expect(loadDefinition({ name: 's.csdef', bytes: filler(MAX_FILE_BYTES + 1) }).diagnostics[0]!.code).toBe('file-too-large');
  });
});
