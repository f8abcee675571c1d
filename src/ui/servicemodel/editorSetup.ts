/**
 * The CodeMirror 6 configuration of a service model file editor: XML highlighting, line
 * numbers, undo history, lint markers in the text and the gutter, an accessible label on
 * the content element; and the two things the panel does to an editor from outside:
 * show the reader's diagnostics as lint markers, and move the cursor to a diagnostic.
 */

import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { Annotation, type Extension, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import type { Diagnostic } from '../../sim/servicemodel';
import { offsetOf, rangeAt } from './positions';

/**
 * CodeMirror's default highlighting with its three light colours darkened (tag names
 * #085, escapes #e40, invalid #f00), so that every colour reaches 4.5:1 on white and on
 * the active line's tint (axe's colour-contrast check, docs/presenting.md).
 */
const DARKER: Readonly<Record<string, string>> = { '#085': '#00704a', '#e40': '#b33200', '#f00': '#c80000' };
export const readableHighlightStyle = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) => (typeof spec.color === 'string' && DARKER[spec.color] ? { ...spec, color: DARKER[spec.color] } : spec)),
);

/** Marks a change that replaces the document from outside (a sample, a dropped file), not typing. */
export const fromOutside = Annotation.define<boolean>();

/** `label` names the editable content; `describedBy` is the id of a hint about its keys. */
export function editorExtensions(label: string, describedBy: string | undefined, onChange: (text: string) => void): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    history(),
    drawSelection(),
    bracketMatching(),
    syntaxHighlighting(readableHighlightStyle, { fallback: true }),
    xml(),
    lintGutter(),
    // Tab is left alone, so keyboard users can leave the editor with Tab.
    keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    // tabindex: the content is reachable with Tab (it already is, being contenteditable), and
    // says so to checkers that look for a focusable element in the scrolling box
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0', ...(describedBy ? { 'aria-describedby': describedBy } : {}) }),
    // Files dropped on an editor are opened by the panel, not pasted into the text.
    EditorView.domEventHandlers({ drop: (e) => e.dataTransfer?.types.includes('Files') ?? false }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged && !u.transactions.some((t) => t.annotation(fromOutside))) onChange(u.state.doc.toString());
    }),
  ];
}

/** The reader's diagnostics as CodeMirror lint diagnostics (messages are plain text). */
export function toLintDiagnostics(doc: Text, diagnostics: readonly Diagnostic[]): LintDiagnostic[] {
  return diagnostics.map((d) => ({
    ...rangeAt(doc, d.line, d.column),
    severity: d.severity,
    message: d.message,
    source: d.code,
  }));
}

export function showDiagnostics(view: EditorView, diagnostics: readonly Diagnostic[]): void {
  view.dispatch(setDiagnostics(view.state, toLintDiagnostics(view.state.doc, diagnostics)));
}

/** Replaces the whole document (a file loaded from outside); undoable like an edit. */
export function replaceDocument(view: EditorView, text: string): void {
  if (view.state.doc.toString() === text) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: fromOutside.of(true) });
}

/** Puts the cursor at a 1-based line and column, scrolls it into view and focuses the editor. */
export function revealAt(view: EditorView, line: number, column: number): void {
  const pos = offsetOf(view.state.doc, line, column);
  view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  view.focus();
}
