/**
 * Bytes to text for service model files, without TextDecoder (the simulation core has
 * only ES2022). The encoding is decided as XML 1.0 Appendix F says: by the byte-order
 * mark first, then by the first bytes (`<?` in UTF-16 without a mark), then by the XML
 * declaration's `encoding`. Real files come as UTF-8 with or without a mark and as
 * UTF-16 with a mark; US-ASCII, ISO-8859-1 and windows-1252 are read when declared.
 * Anything else is refused with a message that says how to save the file.
 */

import { charge } from '../hostile/work';
import { LineIndex } from './position';
import type { Pos } from './position';

/** The largest service model file read: 1 MiB. Real ones are a few kilobytes. */
export const MAX_FILE_BYTES = 1_048_576;

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'US-ASCII' | 'ISO-8859-1' | 'windows-1252';

export interface DecodeProblem extends Pos {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
}

export interface Decoded {
  /** The text without its byte-order mark; undefined when the bytes cannot be read. */
  readonly text: string | undefined;
  readonly encoding: TextEncodingName | undefined;
  readonly bom: boolean;
  readonly problems: readonly DecodeProblem[];
}

const START: Pos = { line: 1, column: 1 };

/** Bytes 0x80..0x9F of windows-1252; the five unassigned ones map to themselves (as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The UTF-8 length of a string, to apply the size cap to text given as a string. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** The size-cap message, or undefined when the file is small enough. */
export function sizeProblem(byteLength: number): DecodeProblem | undefined {
  if (byteLength <= MAX_FILE_BYTES) return undefined;
  return {
    ...START,
    severity: 'error',
    code: 'file-too-large',
    message:
      `The file is ${grouped(byteLength)} bytes; a service model file may be at most 1 MiB ` +
      `(1,048,576 bytes). Real .csdef and .cscfg files are a few kilobytes: is this the right file?`,
  };
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * UTF-16 without a byte-order mark and without `<?xml` shows as a zero byte in every
 * other position; says which order, or undefined.
 */
function utf16WithoutMark(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const n = Math.min(bytes.length & ~1, 64);
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd === n / 2 && even === 0) return 'UTF-16LE';
  if (even === n / 2 && odd === 0) return 'UTF-16BE';
  return undefined;
}

export function decodeXmlBytes(bytes: Uint8Array): Decoded {
  charge(bytes.length);
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  const b3 = bytes[3];
  if ((b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) || (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)) {
    return refuse('The file is UTF-32, which is not supported: save it as UTF-8 (or UTF-16).');
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return withMark(decodeUtf8(bytes, 3, 'UTF-8'), true);
  if (b0 === 0xff && b1 === 0xfe) return withMark(decodeUtf16(bytes, 2, true), true);
  if (b0 === 0xfe && b1 === 0xff) return withMark(decodeUtf16(bytes, 2, false), true);
  // `<?` in UTF-16 without a byte-order mark (XML 1.0 Appendix F).
  if (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) return withMark(decodeUtf16(bytes, 0, true), false);
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f) return withMark(decodeUtf16(bytes, 0, false), false);

  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) {
    return refuse(
      `The file looks like ${unmarked} (every other byte is zero) but has no byte-order mark and no XML declaration, ` +
        'so it cannot be read reliably: save it as UTF-8, or as UTF-16 with a byte-order mark.',
    );
  }
  const declared = declaredEncoding(latin1Head(bytes));
  if (declared === undefined) return decodeUtf8(bytes, 0, 'UTF-8');
  const name = declared.value.toLowerCase();
  const at = { line: 1, column: declared.index + 1 };
  switch (name) {
    case 'utf-8':
    case 'utf8':
      return decodeUtf8(bytes, 0, 'UTF-8');
    case 'us-ascii':
    case 'ascii':
      return decodeUtf8(bytes, 0, 'US-ASCII');
    case 'iso-8859-1':
    case 'iso8859-1':
    case 'iso_8859-1':
    case 'latin1':
    case 'l1':
      return decodeSingleByte(bytes, 'ISO-8859-1', at);
    case 'windows-1252':
    case 'cp1252':
    case 'x-cp1252':
      return decodeSingleByte(bytes, 'windows-1252', at);
    case 'utf-16':
    case 'utf-16le':
    case 'utf-16be':
    case 'unicode':
    case 'ucs-2':
      return refuse(
        `The XML declaration says encoding="${declared.value}", but the file has no byte-order mark and is written ` +
          'in single bytes (.NET says: "There is no Unicode byte order mark. Cannot switch to Unicode."). ' +
          'Change the declaration to encoding="utf-8", or save the file as UTF-16 with a byte-order mark.',
        at,
      );
    default:
      return refuse(
        `The XML declaration says encoding="${declared.value}", which this reader does not support. ` +
          'Save the file as UTF-8 (supported: UTF-8, UTF-16 with a byte-order mark, US-ASCII, ISO-8859-1, windows-1252).',
        at,
      );
  }
}

function refuse(message: string, at: Pos = START): Decoded {
  return { text: undefined, encoding: undefined, bom: false, problems: [{ ...at, severity: 'error', code: 'encoding', message }] };
}

/**
 * After decoding by a byte-order mark (or by UTF-16 `<?`), checks that the declaration
 * agrees; if it does not, the mark wins, as in .NET, with a warning.
 */
function withMark(d: Decoded, bom: boolean): Decoded {
  if (d.text === undefined || d.encoding === undefined) return { ...d, bom };
  const declared = declaredEncoding(d.text.slice(0, 256));
  if (declared === undefined) return { ...d, bom };
  const name = declared.value.toLowerCase();
  const utf16 = ['utf-16', 'unicode', 'ucs-2', d.encoding.toLowerCase()];
  const fits = d.encoding === 'UTF-8' ? name === 'utf-8' || name === 'utf8' : utf16.includes(name);
  if (fits) return { ...d, bom };
  const by = bom ? `starts with a ${d.encoding} byte-order mark` : `begins with "<?" in ${d.encoding}`;
  return {
    ...d,
    bom,
    problems: [
      ...d.problems,
      {
        line: 1,
        column: declared.index + 1,
        severity: 'warning',
        code: 'encoding-mismatch',
        message:
          `The file ${by} but its XML declaration says encoding="${declared.value}"; ` +
          `it was read as ${d.encoding}. Fix the declaration so that other tools agree.`,
      },
    ],
  };
}

function latin1Head(bytes: Uint8Array): string {
  let s = '';
  const n = Math.min(bytes.length, 256);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** The `encoding` pseudo-attribute of an XML declaration at the start of `head`, with the index of its value. */
function declaredEncoding(head: string): { value: string; index: number } | undefined {
  const m = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"'<>]*)\1/.exec(head);
  if (!m) return undefined;
  return { value: m[2]!, index: m.index + m[0].length - m[2]!.length - 1 };
}

/** Collects UTF-16 code units and turns them into a string in slices (no huge argument lists). */
class Units {
  private readonly buf: Uint16Array;
  length = 0;

  constructor(capacity: number) {
    this.buf = new Uint16Array(Math.max(1, capacity));
  }

  push(unit: number): void {
    this.buf[this.length++] = unit;
  }

  pushCodePoint(cp: number): void {
    if (cp < 0x10000) this.push(cp);
    else {
      const v = cp - 0x10000;
      this.push(0xd800 + (v >> 10));
      this.push(0xdc00 + (v & 0x3ff));
    }
  }

  toString(): string {
    let out = '';
    for (let i = 0; i < this.length; i += 8192) {
      out += String.fromCharCode(...this.buf.subarray(i, Math.min(this.length, i + 8192)));
    }
    return out;
  }
}

function decodeUtf8(bytes: Uint8Array, start: number, encoding: 'UTF-8' | 'US-ASCII'): Decoded {
  const out = new Units(bytes.length);
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out.push(b);
      i++;
      continue;
    }
    const len = encoding === 'US-ASCII' ? 0 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let cp = len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong 3- and 4-byte forms, UTF-16 surrogates and code points above U+10FFFF are invalid.
    if (ok && len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok && len === 4 && (cp < 0x10000 || cp > 0x10ffff)) ok = false;
    if (!ok) return badByte(bytes, start, i, out, encoding);
    out.pushCodePoint(cp);
    i += len;
  }
  return { text: out.toString(), encoding, bom: start > 0, problems: [] };
}

function badByte(bytes: Uint8Array, start: number, offset: number, before: Units, encoding: string): Decoded {
  const prefix = before.toString();
  const pos = new LineIndex(prefix).at(prefix.length);
  const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  const what =
    encoding === 'US-ASCII'
      ? `The file declares US-ASCII but byte ${offset} (0x${hex}) is not an ASCII character.`
      : `The file is not valid UTF-8: byte ${offset} (0x${hex}) does not start or continue a UTF-8 character.`;
  const hint =
    start > 0 || encoding === 'US-ASCII'
      ? ' Save the file as UTF-8.'
      : ' If it was saved in another encoding (e.g. windows-1252), say so in the XML declaration, or save it as UTF-8.';
  return { text: undefined, encoding: undefined, bom: false, problems: [{ ...pos, severity: 'error', code: 'encoding', message: what + hint }] };
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): Decoded {
  const encoding = littleEndian ? 'UTF-16LE' : 'UTF-16BE';
  if ((bytes.length - start) % 2 !== 0) {
    return refuse(`The file is ${encoding} but has an odd number of bytes (${bytes.length}): it is truncated or not UTF-16.`);
  }
  const out = new Units((bytes.length - start) / 2);
  for (let i = start; i < bytes.length; i += 2) {
    out.push(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  }
  return { text: out.toString(), encoding, bom: start > 0, problems: [] };
}

function decodeSingleByte(bytes: Uint8Array, encoding: 'ISO-8859-1' | 'windows-1252', at: Pos): Decoded {
  const out = new Units(bytes.length);
  let firstHigh = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 && firstHigh < 0) firstHigh = i;
    out.push(encoding === 'windows-1252' && b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
  }
  const text = out.toString();
  // The declaration wins (XML 1.0), but bytes that are valid UTF-8 were most likely saved as UTF-8.
  const asUtf8 = firstHigh < 0 ? undefined : decodeUtf8(bytes, 0, 'UTF-8').text;
  if (asUtf8 === undefined) return { text, encoding, bom: false, problems: [] };
  const pos = new LineIndex(text).at(firstHigh);
  const utf8Char = String.fromCodePoint(asUtf8.codePointAt(utf8Index(bytes, firstHigh))!);
  const read = text.slice(firstHigh, firstHigh + utf8ByteLength(bytes[firstHigh]!));
  return {
    text,
    encoding,
    bom: false,
    problems: [
      {
        ...pos,
        severity: 'warning',
        code: 'encoding-suspect',
        message:
          `The XML declaration (line ${at.line}, column ${at.column}) says ${encoding}, but the bytes are valid UTF-8: the file was most likely saved as UTF-8. ` +
          `It was read as ${encoding}, as declared, so "${utf8Char}" reads as "${read}". Change the declaration to encoding="utf-8".`,
      },
    ],
  };
}

/** The index in the UTF-8 decoded text of the character starting at byte `offset`. */
function utf8Index(bytes: Uint8Array, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b < 0x80 || b >= 0xc0) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

const utf8ByteLength = (b: number): number => (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1);
