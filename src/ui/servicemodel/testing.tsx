/**
 * Helpers for the panel's component tests: the real samples of public/samples served
 * from memory by a fake fetch, an in-memory Storage (optionally full) standing for the
 * localStorage of earlier versions, the panel rendered (its files kept in memory)
 * in a FabricProvider with a spy sender, access to the CodeMirror views, and the layout
 * functions jsdom lacks (stubbed per test file, not globally).
 */

import { EditorView } from '@codemirror/view';
import { render, screen } from '@testing-library/react';
import { afterAll, beforeAll, vi } from 'vitest';
import type { ToWorker } from '../../worker/protocol';
import { FabricProvider } from '../context';
import { createFabricStore, type FabricState } from '../store/store';
import { MemoryKept } from '../persist/db';
import { editorLabel } from './EditorTabs';
import type { FileKind } from './files';
import { keptFiles } from './persistence';
import type { FetchLike } from './sampleSource';
import { ServiceModelPanel, type ServiceModelPanelProps } from './ServiceModelPanel';

/** public/samples as the server has them, keyed by URL path (`/samples/shop/ServiceDefinition.csdef`). */
const SAMPLES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../../../public/samples/**/*', { query: '?raw', import: 'default', eager: true })).map(([k, v]) => [
    k.slice(k.indexOf('/samples/')),
    v,
  ]),
);

export function sampleText(sample: string, file: string): string {
  const text = SAMPLES[`/samples/${sample}/${file}`];
  if (text === undefined) throw new Error(`no sample file ${sample}/${file}`);
  return text;
}

/** Serves public/samples from memory; records the URLs asked for. */
export function sampleFetch(): FetchLike & { urls: string[] } {
  const urls: string[] = [];
  const fn = async (url: string) => {
    urls.push(url);
    const text = SAMPLES[decodeURIComponent(new URL(url).pathname)];
    return text === undefined ? new Response('not found', { status: 404 }) : new Response(text);
  };
  return Object.assign(fn, { urls });
}

/** A Storage in memory; `full` makes every write fail as a full localStorage does. */
export class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  full = false;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

export function renderPanel(props: ServiceModelPanelProps = {}, state: Partial<FabricState> = { connection: 'ready' }) {
  const store = createFabricStore(state);
  const sent: ToWorker[] = [];
  const send = vi.fn((m: ToWorker) => void sent.push(m));
  const kept = new MemoryKept();
  const fetch = sampleFetch();
  render(
    <FabricProvider store={store} send={send}>
      <ServiceModelPanel fetch={fetch} store={keptFiles(kept)} {...props} />
    </FabricProvider>,
  );
  return { store, sent, kept, fetch };
}

/** The CodeMirror view of one file's editor (found by its accessible label, shown or not). */
export function editorView(kind: FileKind): EditorView {
  const content = screen.getByRole('textbox', { name: editorLabel(kind), hidden: true });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error(`no editor view for ${kind}`);
  return view;
}

/** Replaces a file's text as typing would (through the editor, not from outside). */
export function typeInto(kind: FileKind, text: string): void {
  const view = editorView(kind);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.type' });
}

/** jsdom has no layout: give ranges and elements empty rectangles while this file's tests run. */
export function stubLayout(): void {
  const empty = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) } as DOMRect;
  const list = Object.assign([] as DOMRect[], { item: () => null }) as unknown as DOMRectList;
  const saved = { rects: Range.prototype.getClientRects, box: Range.prototype.getBoundingClientRect };
  beforeAll(() => {
    Range.prototype.getClientRects = () => list;
    Range.prototype.getBoundingClientRect = () => empty;
  });
  afterAll(() => {
    Range.prototype.getClientRects = saved.rects;
    Range.prototype.getBoundingClientRect = saved.box;
  });
}
