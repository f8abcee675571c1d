/**
 * Line and column of a character index in a text. Line breaks are `\n`, `\r\n` and a
 * lone `\r`, as XML 1.0 normalises them; lines and columns are 1-based and columns
 * count UTF-16 code units, so they match what an editor shows.
 */

export interface Pos {
  readonly line: number;
  readonly column: number;
}

export class LineIndex {
  /** Index of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The position of the character at `index` (clamped to the text). */
  at(index: number): Pos {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    const i = Math.max(0, index);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: i - starts[lo]! + 1 };
  }
}
