/**
 * A small React wrapper around one CodeMirror EditorView: created once on mount and
 * destroyed on unmount. Typing reports the new text through `onChange`; the document is
 * replaced only when the file changes from outside (`revision` bumped). Diagnostics are
 * shown as lint markers only when they were computed for the text the editor holds, so
 * a result that arrives after more typing never lands on the wrong characters.
 */

import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Diagnostic } from '../../sim/servicemodel';
import { editorExtensions, replaceDocument, showDiagnostics } from './editorSetup';

export interface XmlEditorProps {
  /** The accessible label of the editable content, e.g. "ServiceDefinition.csdef editor". */
  readonly label: string;
  /** The id of a hint about the editor's keys. */
  readonly describedBy?: string;
  readonly text: string;
  /** Bumped whenever `text` was replaced from outside (a sample, a file, the saved copy). */
  readonly revision: number;
  /** This file's diagnostics, computed for `diagnosedText`. */
  readonly diagnostics: readonly Diagnostic[];
  readonly diagnosedText: string | undefined;
  readonly onChange: (text: string) => void;
  /** Receives the view once created, and null when it is destroyed. */
  readonly onView?: (view: EditorView | null) => void;
}

export function XmlEditor(props: XmlEditorProps) {
  const { label, describedBy, text, revision, diagnostics, diagnosedText } = props;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ text, onChange: props.onChange, onView: props.onView });
  const appliedRevision = useRef(revision);

  useLayoutEffect(() => {
    latest.current = { text, onChange: props.onChange, onView: props.onView };
  });

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const v = new EditorView({
      parent,
      state: EditorState.create({ doc: latest.current.text, extensions: editorExtensions(label, describedBy, (t) => latest.current.onChange(t)) }),
    });
    view.current = v;
    latest.current.onView?.(v);
    return () => {
      latest.current.onView?.(null);
      view.current = null;
      v.destroy();
    };
  }, [label, describedBy]);

  useEffect(() => {
    const v = view.current;
    if (!v || appliedRevision.current === revision) return;
    appliedRevision.current = revision;
    replaceDocument(v, text);
  }, [revision, text]);

  useEffect(() => {
    const v = view.current;
    if (!v || diagnosedText === undefined || v.state.doc.toString() !== diagnosedText) return;
    showDiagnostics(v, diagnostics);
  }, [diagnostics, diagnosedText]);

  return <div className="sm-editor" ref={host} />;
}
