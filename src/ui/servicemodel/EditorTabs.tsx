/**
 * The two editors as tabs, "ServiceDefinition.csdef" and "ServiceConfiguration.cscfg",
 * each tab saying how many errors and warnings its file has. Both editors stay mounted
 * (the hidden one keeps its undo history). Arrow keys, Home and End move between tabs.
 */

import type { EditorView } from '@codemirror/view';
import { useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { FILE_KINDS, STANDARD_NAMES, type FileKind } from './files';
import { countsText } from './format';
import type { Session } from './useServiceFiles';
import type { Validation } from './useValidation';
import { XmlEditor } from './XmlEditor';

export interface EditorTabsProps {
  readonly session: Session;
  readonly validation: Validation | undefined;
  readonly active: FileKind;
  readonly onActive: (kind: FileKind) => void;
  readonly onEdit: (kind: FileKind, text: string) => void;
  readonly onView: (kind: FileKind, view: EditorView | null) => void;
}

export function editorLabel(kind: FileKind): string {
  return `${STANDARD_NAMES[kind]} editor`;
}

export function EditorTabs({ session, validation, active, onActive, onEdit, onView }: EditorTabsProps) {
  const baseId = useId();
  const hintId = `${baseId}-keys`;
  const tabs = useRef<Partial<Record<FileKind, HTMLButtonElement | null>>>({});
  const perFile = useMemo(() => {
    const of = (kind: FileKind) => validation?.diagnostics.filter((d) => d.kind === kind) ?? [];
    return { csdef: of('csdef'), cscfg: of('cscfg') };
  }, [validation]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, kind: FileKind) => {
    const i = FILE_KINDS.indexOf(kind);
    const n = FILE_KINDS.length;
    const to =
      e.key === 'ArrowRight' ? FILE_KINDS[(i + 1) % n] : e.key === 'ArrowLeft' ? FILE_KINDS[(i + n - 1) % n] : e.key === 'Home' ? FILE_KINDS[0] : e.key === 'End' ? FILE_KINDS[n - 1] : undefined;
    if (!to) return;
    e.preventDefault();
    onActive(to);
    tabs.current[to]?.focus();
  };

  return (
    <div className="sm-editors">
      <div role="tablist" aria-label="Files" className="sm-tabs">
        {FILE_KINDS.map((kind) => {
          const list = perFile[kind];
          const errors = list.filter((d) => d.severity === 'error').length;
          const warnings = list.length - errors;
          return (
            <button
              key={kind}
              ref={(el) => {
                tabs.current[kind] = el;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${kind}`}
              aria-selected={active === kind}
              aria-controls={`${baseId}-panel-${kind}`}
              tabIndex={active === kind ? 0 : -1}
              className={errors > 0 ? 'sm-tab sm-has-errors' : 'sm-tab'}
              onClick={() => onActive(kind)}
              onKeyDown={(e) => onKeyDown(e, kind)}
            >
              {list.length > 0 ? `${STANDARD_NAMES[kind]} (${countsText(errors, warnings)})` : STANDARD_NAMES[kind]}
            </button>
          );
        })}
      </div>
      {FILE_KINDS.map((kind) => {
        const file = session.files[kind];
        return (
          <div key={kind} role="tabpanel" id={`${baseId}-panel-${kind}`} aria-labelledby={`${baseId}-tab-${kind}`} hidden={active !== kind} className="sm-tabpanel">
            {file.name !== STANDARD_NAMES[kind] ? <p className="sm-filename">File: {file.name}</p> : null}
            <XmlEditor
              label={editorLabel(kind)}
              describedBy={hintId}
              text={file.text}
              revision={session.revision}
              diagnostics={perFile[kind]}
              diagnosedText={validation?.files[kind].text}
              onChange={(text) => onEdit(kind, text)}
              onView={(view) => onView(kind, view)}
            />
          </div>
        );
      })}
      <p id={hintId} className="sm-muted sm-keys">
        In an editor, Tab moves on to the next control, F8 goes to the next problem and Ctrl+Shift+M lists them all.
      </p>
    </div>
  );
}
