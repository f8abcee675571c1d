/**
 * From a diagnostic's place (1-based line and column, columns in UTF-16 code units as the
 * reader counts them) to offsets in a CodeMirror document: the cursor position, and the
 * range an inline marker covers (the attribute, tag name or word that starts there).
 * Positions beyond the document (a diagnostic for text edited since) are clamped.
 */

import type { Text } from '@codemirror/state';

/** The document offset of a 1-based line and column, clamped to the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, Math.trunc(line)), doc.lines));
  return l.from + Math.min(Math.max(0, Math.trunc(column) - 1), l.length);
}

const ATTRIBUTE = /^[\w.:-]+\s*=\s*(?:"[^"\n]*"|'[^'\n]*')/;
const TAG = /^<\/?[\w.:-]+/;
const WORD = /^[\w.:-]+/;

/** The range a marker covers: `name="value"`, `<Tag`, a word, or one character; empty at a line's end. */
export function rangeAt(doc: Text, line: number, column: number): { from: number; to: number } {
  const from = offsetOf(doc, line, column);
  const rest = doc.sliceString(from, doc.lineAt(from).to);
  const match = ATTRIBUTE.exec(rest) ?? TAG.exec(rest) ?? WORD.exec(rest);
  const length = match ? match[0].length : Math.min(1, rest.length);
  return { from, to: from + length };
}
