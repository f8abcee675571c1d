import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { offsetOf, rangeAt } from './positions';

const doc = Text.of(['<ServiceConfiguration serviceName="shop">', '  <Role name="Web Role">', '    <Instances count="3" />', '', '</ServiceConfiguration>']);
const marked = (line: number, column: number) => {
  const r = rangeAt(doc, line, column);
  return doc.sliceString(r.from, r.to);
};

describe('diagnostic positions in the editor', () => {
  it('maps 1-based line and column to an offset', () => {
    expect(offsetOf(doc, 1, 1)).toBe(0);
    expect(offsetOf(doc, 2, 9)).toBe(doc.line(2).from + 8);
  });

  it('clamps places beyond the document (text edited since)', () => {
    expect(offsetOf(doc, 99, 1)).toBe(doc.line(5).from);
    expect(offsetOf(doc, 2, 500)).toBe(doc.line(2).to);
    expect(offsetOf(doc, 0, 0)).toBe(0);
  });

  it('marks the attribute, tag or word that starts at the place', () => {
    expect(marked(2, 9)).toBe('name="Web Role"');
    expect(marked(3, 5)).toBe('<Instances');
    expect(marked(1, 2)).toBe('ServiceConfiguration');
    expect(marked(3, 26)).toBe('/');
    expect(marked(4, 1)).toBe('');
  });
});
