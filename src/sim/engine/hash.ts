/**
 * Stable hashing. FNV-1a (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/)
 * over the UTF-8 bytes of a string, in a 32-bit and a 64-bit variant. The 64-bit state
 * is kept as two unsigned 32-bit halves so that no BigInt is needed on the hot path.
 */

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** Calls `byte` for each UTF-8 byte of `s` (lone surrogates become U+FFFD, as TextEncoder does). */
function forEachUtf8Byte(s: string, byte: (b: number) => void): void {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      byte(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      byte(0xc0 | (c >> 6));
      byte(0x80 | (c & 63));
    } else if (c < 0x10000) {
      byte(0xe0 | (c >> 12));
      byte(0x80 | ((c >> 6) & 63));
      byte(0x80 | (c & 63));
    } else {
      byte(0xf0 | (c >> 18));
      byte(0x80 | ((c >> 12) & 63));
      byte(0x80 | ((c >> 6) & 63));
      byte(0x80 | (c & 63));
    }
  }
}

/** FNV-1a 32-bit of the UTF-8 encoding of `s`. */
export function fnv1a32(s: string): number {
  let h = FNV32_OFFSET;
  forEachUtf8Byte(s, (b) => {
    h = Math.imul(h ^ b, FNV32_PRIME);
  });
  return h >>> 0;
}

const TWO32 = 4294967296;
// FNV-64 prime is 2^40 + 0x1b3; offset basis 0xcbf29ce484222325.
const P_LO = 0x1b3;

/** Incremental FNV-1a 64-bit over UTF-8. */
export class Fnv64 {
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;

  /**
   * Feeds the UTF-8 bytes of `s`. ASCII takes a fast path: the state in four 16-bit limbs,
   * so that each step is small-integer arithmetic (no division, no closure).
   */
  update(s: string): this {
    const n = s.length;
    let i = 0;
    // (h3:h2:h1:h0) * (2^40 + 0x1b3) mod 2^64, limb by limb; every term stays below 2^27
    let h0 = this.lo & 0xffff;
    let h1 = this.lo >>> 16;
    let h2 = this.hi & 0xffff;
    let h3 = this.hi >>> 16;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      h0 ^= c;
      const t0 = h0 * P_LO;
      const t1 = h1 * P_LO + (t0 >>> 16);
      const t2 = h2 * P_LO + (h0 << 8) + (t1 >>> 16);
      h3 = (h3 * P_LO + (h1 << 8) + (t2 >>> 16)) & 0xffff;
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
    }
    let lo = ((h1 << 16) | h0) >>> 0;
    let hi = ((h3 << 16) | h2) >>> 0;
    if (i < n) {
      // the rest byte by byte, through the UTF-8 encoder
      const mix = (b: number): void => {
        lo = (lo ^ b) >>> 0;
        const loProduct = lo * P_LO; // < 2^41, exact in a double
        hi = (Math.imul(hi, P_LO) + Math.floor(loProduct / TWO32) + (lo << 8)) >>> 0;
        lo = loProduct >>> 0;
      };
      forEachUtf8Byte(i === 0 ? s : s.slice(i), mix);
    }
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** The digest as 16 lowercase hex digits. */
  hex(): string {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }

  save(): readonly [number, number] {
    return [this.hi, this.lo];
  }

  restore(state: readonly [number, number]): void {
    [this.hi, this.lo] = state;
  }
}
