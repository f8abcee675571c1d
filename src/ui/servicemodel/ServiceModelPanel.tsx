/**
 * The Service model panel: pick a sample or open (or drop) a .csdef and a .cscfg, edit
 * both in CodeMirror with inline error markers, see every error and warning (a row
 * jumps to its place), read what was understood, and deploy to production or staging
 * once there is no error. Validation runs in the page as the worker will run it; the
 * files are saved in the browser's IndexedDB (persistence.ts) and restored on the next
 * visit. Must be rendered inside a FabricProvider.
 */

import type { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { DEFAULT_HOST, defaultImageStore, hasErrors, type HostHardware, type ImageStore } from '../../sim/servicemodel';
import type { Slot } from '../../sim/fabric/model';
import { useActions } from '../context';
import { DeployBar, type SentDeploy } from './DeployBar';
import { DiagnosticsList, type ListedDiagnostic } from './DiagnosticsList';
import { revealAt } from './editorSetup';
import { EditorTabs } from './EditorTabs';
import type { FileKind } from './files';
import { ModelSummary } from './ModelSummary';
import { keptFiles, type SavedFilesStore } from './persistence';
import { browserFetch, SAMPLES_URL, type FetchLike } from './sampleSource';
import { SourceBar } from './SourceBar';
import { useServiceFiles } from './useServiceFiles';
import { useValidation } from './useValidation';

export interface ServiceModelPanelProps {
  /** Fetches the sample index and files (default: the page's fetch). */
  readonly fetch?: FetchLike;
  /** The sample index; file paths in it are relative to it (default `/samples/index.json`). */
  readonly samplesUrl?: string;
  /** The sample shown when nothing is saved (default `shop`, else the first listed). */
  readonly defaultSample?: string;
  /** VM role images the files are checked against (default: `defaultImageStore()`). */
  readonly images?: ImageStore;
  /** Host hardware every VM size must fit (default: `DEFAULT_HOST`). */
  readonly host?: HostHardware;
  /** Where the edited files are saved (default: the page's IndexedDB; null: not saved). */
  readonly store?: SavedFilesStore | null;
  /** Milliseconds after the last keystroke before validating (default 250). */
  readonly debounceMs?: number;
}

export function ServiceModelPanel(props: ServiceModelPanelProps) {
  const [defaults] = useState(() => ({ images: defaultImageStore(), store: props.store === undefined ? keptFiles() : null }));
  const images = props.images ?? defaults.images;
  const host = props.host ?? DEFAULT_HOST;
  const store = props.store === undefined ? defaults.store : props.store;
  const actions = useActions();
  const titleId = useId();
  const files = useServiceFiles({
    fetchFn: props.fetch ?? browserFetch,
    samplesUrl: props.samplesUrl ?? SAMPLES_URL,
    defaultSample: props.defaultSample ?? 'shop',
    store,
  });
  const { session } = files;
  const { result, current, validateNow } = useValidation(session.files, session.revision, session.loaded, images, host, props.debounceMs ?? 250);
  const [active, setActive] = useState<FileKind>('csdef');
  const [dragging, setDragging] = useState(false);
  const views = useRef<Partial<Record<FileKind, EditorView>>>({});
  /** A place to reveal once its editor's tab is shown. */
  const [jump, setJump] = useState<{ kind: FileKind; line: number; column: number; seq: number } | null>(null);

  useEffect(() => {
    if (!jump) return;
    const view = views.current[jump.kind];
    if (view) revealAt(view, jump.line, jump.column);
  }, [jump]);

  const onJump = useCallback((d: ListedDiagnostic) => {
    setActive(d.kind);
    setJump((j) => ({ kind: d.kind, line: d.line, column: d.column, seq: (j?.seq ?? 0) + 1 }));
  }, []);

  const onView = useCallback((kind: FileKind, view: EditorView | null) => {
    if (view) views.current[kind] = view;
    else delete views.current[kind];
  }, []);

  const onDeploy = (slot: Slot): SentDeploy | undefined => {
    const fresh = validateNow();
    if (!fresh.model || hasErrors(fresh.diagnostics)) return undefined;
    const { csdef, cscfg } = fresh.files;
    const service = fresh.model.name;
    const id = actions.act({ do: 'deploy', service, slot, files: { csdef: { name: csdef.name, bytes: csdef.text }, cscfg: { name: cscfg.name, bytes: cscfg.text } } });
    return { id, service, slot };
  };

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = [...e.dataTransfer.files];
    if (dropped.length > 0) files.openFiles(dropped);
  };

  const { problems, notes } = files.messages;
  const emptyText = session.loaded ? 'Checking the files…' : 'No files yet: pick a sample or open a .csdef and a .cscfg.';
  return (
    <section
      className={dragging ? 'panel servicemodel sm-dragging' : 'panel servicemodel'}
      aria-labelledby={titleId}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2 id={titleId}>Service model</h2>
      <SourceBar
        samples={files.samples}
        session={session}
        loading={files.loading}
        canSave={store !== null}
        onLoadSample={files.loadSample}
        onOpenFiles={files.openFiles}
        onClearSaved={files.clearSaved}
      />
      {problems.length > 0 ? (
        <div className="sm-problems" role="alert">
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          <button type="button" onClick={files.dismissMessages}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div role="status" className="sm-notes">
        {notes.map((n, i) => (
          <p key={i}>{n}</p>
        ))}
      </div>
      {files.saveProblem ? (
        <p className="sm-save-problem" role="alert">
          {files.saveProblem}
        </p>
      ) : null}
      <EditorTabs session={session} validation={result} active={active} onActive={setActive} onEdit={files.edit} onView={onView} />
      <DiagnosticsList validation={result} emptyText={emptyText} checking={!current} onJump={onJump} />
      <DeployBar validation={result} emptyText={emptyText} onDeploy={onDeploy} />
      <ModelSummary model={result?.model} />
    </section>
  );
}
