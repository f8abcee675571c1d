import { diagnosticCount } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../sim/servicemodel';
import { stubLayout } from './testing';
import { XmlEditor, type XmlEditorProps } from './XmlEditor';

stubLayout();

const TEXT = '<A>\n  <B name="x" />\n</A>';
const error: Diagnostic = { severity: 'error', file: 'f.csdef', line: 2, column: 6, element: 'B', message: 'bad', code: 'value' };

function setup(overrides: Partial<XmlEditorProps> = {}) {
  let view: EditorView | null = null;
  const onChange = vi.fn();
  const props: XmlEditorProps = { label: 'F editor', text: TEXT, revision: 0, diagnostics: [], diagnosedText: TEXT, onChange, onView: (v) => (view = v), ...overrides };
  const r = render(<XmlEditor {...props} />);
  const rerender = (more: Partial<XmlEditorProps>) => r.rerender(<XmlEditor {...props} {...more} />);
  return { view: () => view!, onChange, rerender, unmount: r.unmount };
}

describe('the CodeMirror wrapper', () => {
  it('reports typing, but not replacements from outside', () => {
    const { view, onChange, rerender } = setup();
    const v = view();
    v.dispatch({ changes: { from: 0, insert: '<!-- -->' } });
    expect(onChange).toHaveBeenLastCalledWith(`<!-- -->${TEXT}`);
    onChange.mockClear();
    rerender({ text: '<C/>', revision: 1 });
    expect(view()).toBe(v);
    expect(v.state.doc.toString()).toBe('<C/>');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('leaves the document alone when only the text prop catches up with typing', () => {
    const { view, rerender } = setup();
    view().dispatch({ changes: { from: 0, insert: 'x' } });
    rerender({ text: 'stale' });
    expect(view().state.doc.toString()).toBe(`x${TEXT}`);
  });

  it('shows diagnostics only on the text they were computed for', () => {
    const { view, rerender } = setup({ diagnostics: [error] });
    expect(diagnosticCount(view().state)).toBe(1);
    rerender({ diagnostics: [error, { ...error, line: 1, column: 1 }], diagnosedText: 'older text' });
    expect(diagnosticCount(view().state)).toBe(1);
    rerender({ diagnostics: [], diagnosedText: TEXT });
    expect(diagnosticCount(view().state)).toBe(0);
  });

  it('labels the editable content and destroys the view on unmount', () => {
    const views: (EditorView | null)[] = [];
    const { unmount } = setup({ onView: (v) => views.push(v) });
    const v = views[0]!;
    expect(v.contentDOM).toHaveAttribute('aria-label', 'F editor');
    expect(v.contentDOM).toHaveAttribute('role', 'textbox');
    const destroy = vi.spyOn(v, 'destroy');
    unmount();
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(views).toEqual([v, null]);
  });
});
