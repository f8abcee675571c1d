/**
 * Byte makers for the hostile-input catalogue, in plain ES2022 (no TextEncoder, no
 * CompressionStream): UTF-8 and UTF-16, base64url, and raw deflate written by hand, both
 * honest (stored blocks, which any inflater reads) and hostile (a bomb of fixed-Huffman
 * back-references: 13 bits that unpack to 258 bytes, a ratio of about 160 to 1).
 */

/** UTF-8 bytes of a string; a lone surrogate is written as its three-byte form (as WTF-8 does), to make bad bytes on purpose. */
export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** UTF-16 code units as bytes, with or without a byte-order mark. */
export function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let o = 0;
  if (bom) {
    out[o++] = littleEndian ? 0xff : 0xfe;
    out[o++] = littleEndian ? 0xfe : 0xff;
  }
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[o++] = littleEndian ? u & 0xff : u >> 8;
    out[o++] = littleEndian ? u >> 8 : u & 0xff;
  }
  return out;
}

/** Bytes with others in front or spliced in. */
export function concat(...parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding, as share links write their data. */
export function base64url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk += URL_ALPHABET[(n >> 18) & 63]! + URL_ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) chunk += URL_ALPHABET[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) chunk += URL_ALPHABET[n & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Raw deflate (RFC 1951) in stored blocks: no compression, read by any inflater. */
export function deflateStored(bytes: Uint8Array): Uint8Array {
  const parts: number[][] = [];
  let i = 0;
  do {
    const len = Math.min(65_535, bytes.length - i);
    const final = i + len >= bytes.length ? 1 : 0;
    parts.push([final, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff]);
    parts.push(Array.from(bytes.subarray(i, i + len)));
    i += len;
  } while (i < bytes.length);
  return concat(...parts);
}

/** Writes bits least significant first, as deflate packs them. */
class BitWriter {
  private readonly out: number[] = [];
  private acc = 0;
  private n = 0;

  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >> i) & 1) << this.n;
      if (++this.n === 8) {
        this.out.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }

  /** A Huffman code: most significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.n > 0 ? [...this.out, this.acc] : this.out);
  }
}

/**
 * A deflate bomb: one block of fixed Huffman codes, a space, then `matches` copies of
 * "the last 258 bytes again" (length code 285, distance code 0). It unpacks to
 * 1 + 258 × matches bytes from about 13 × matches / 8.
 */
export function deflateBomb(matches: number): Uint8Array {
  const w = new BitWriter();
  w.bits(1, 1); // the last block
  w.bits(1, 2); // fixed Huffman codes
  w.code(0x30 + 0x20, 8); // the literal ' '
  for (let i = 0; i < matches; i++) {
    w.code(0xc0 + (285 - 280), 8); // length 258
    w.code(0, 5); // distance 1
  }
  w.code(0, 7); // end of block
  return w.bytes();
}
