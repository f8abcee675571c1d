/**
 * The app's keyboard shortcuts, as data, and the one global key handler that runs them.
 *
 * A shortcut is `{ keys, label, description, run }`: `keys` are KeyboardEvent.key values
 * (`' '`, `'.'`, `'PageDown'`, `'?'`), `label` is how the sheet writes it. A shortcut
 * without `run` is only listed: its keys are handled where the focus is (the data center
 * view's arrow keys, a menu's Escape), and the sheet documents them all in one place.
 *
 * Components add their own with `useShortcut(spec)` (the walkthrough panel, for one);
 * the shortcut sheet (`?`) lists every registered one. When two enabled shortcuts share
 * a key, the one registered last wins, so a panel can take over a key while it is shown.
 *
 * The handler listens on the document and ignores keys typed into a text field, a
 * select, a contenteditable element or the CodeMirror editor, keys with Ctrl, Alt or
 * Meta, keys another handler already took (defaultPrevented), and keys inside an open
 * modal dialog. Space is also left to buttons, links, tabs and menu items that have the
 * focus (Space activates them) and to a focused scroll box (Space scrolls it).
 */

import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Actions } from './actions';
import type { FabricState } from './store/store';

export interface ShortcutSpec {
  /** KeyboardEvent.key values that trigger it (Shift is part of the key: '?' is Shift+/ on most layouts). */
  readonly keys: readonly string[];
  /** How the sheet writes the key, e.g. "Space", "Page Down". */
  readonly label: string;
  readonly description: string;
  /** A heading of the sheet: "Simulation", "Presenting", "Data center view"... */
  readonly group: string;
  /** What the key does; absent for a key handled where the focus is (listed only). */
  readonly run?: (e: KeyboardEvent) => void;
  /** The key does something only now (default: always). A disabled shortcut lets the key through. */
  readonly enabled?: () => boolean;
  /** Also when a button, link, tab, menu item or scroll box has the focus (default true; false for Space, which activates or scrolls them). */
  readonly onControls?: boolean;
}

export interface Registered extends ShortcutSpec {
  readonly id: number;
}

type Listener = () => void;

/** The registered shortcuts: a tiny external store for useSyncExternalStore. */
export class ShortcutRegistry {
  private items: readonly Registered[] = [];
  private nextId = 1;
  private readonly listeners = new Set<Listener>();

  /** Adds a shortcut; returns the function that removes it. */
  register(spec: ShortcutSpec): () => void {
    const item: Registered = { ...spec, id: this.nextId++ };
    this.items = [...this.items, item];
    this.emit();
    return () => {
      this.items = this.items.filter((i) => i !== item);
      this.emit();
    };
  }

  /** Every registered shortcut, oldest first (a new array after each change). */
  list = (): readonly Registered[] => this.items;

  subscribe = (fn: Listener): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** The shortcut a key runs now: the newest enabled one with a `run` for this key. */
  match(key: string, onControl: boolean): Registered | undefined {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const s = this.items[i]!;
      if (!s.run || !s.keys.includes(key)) continue;
      if (onControl && s.onControls === false) continue;
      if (s.enabled && !s.enabled()) continue;
      return s;
    }
    return undefined;
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}

/** The app's registry. */
export const shortcuts = new ShortcutRegistry();

/** Where typed keys are text, never shortcuts. */
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), .cm-editor';
/** Controls that Space activates, and scroll boxes that took a tab stop (Space scrolls them). */
const CONTROLS =
  'button, a[href], summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"], [role="option"], [role="switch"], [role="checkbox"], [role="radio"], [role="gridcell"], [role="treeitem"], [role="slider"], [tabindex]:not([tabindex="-1"])';

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null;
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(CONTROLS) !== null;
}

function inModal(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[aria-modal="true"], dialog[open]') !== null;
}

/** Runs the shortcut of a key event, if any; true when one ran. */
export function handleShortcutKey(e: KeyboardEvent, registry: ShortcutRegistry = shortcuts): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return false;
  if (isTypingTarget(e.target) || inModal(e.target)) return false;
  const s = registry.match(e.key, isControl(e.target));
  if (!s?.run) return false;
  e.preventDefault();
  if (!e.repeat) s.run(e);
  return true;
}

/** Installs the global handler on a document (once per app); returns its removal. */
export function installShortcutHandler(doc: Document = document, registry: ShortcutRegistry = shortcuts): () => void {
  const onKey = (e: KeyboardEvent) => void handleShortcutKey(e, registry);
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}

/**
 * Registers a shortcut while the component is mounted. `run` and `enabled` may change
 * from render to render (the latest are used); the keys, label, description and group
 * are read when it mounts and when they change.
 */
export function useShortcut(spec: ShortcutSpec, registry: ShortcutRegistry = shortcuts): void {
  const latest = useRef(spec);
  useEffect(() => {
    latest.current = spec;
  });
  const { keys, label, description, group, onControls } = spec;
  const hasRun = spec.run !== undefined;
  const hasEnabled = spec.enabled !== undefined;
  const keyText = keys.join('\u0000');
  useEffect(
    () =>
      registry.register({
        keys: keyText.split('\u0000'),
        label,
        description,
        group,
        ...(onControls !== undefined ? { onControls } : {}),
        ...(hasRun ? { run: (e: KeyboardEvent) => latest.current.run?.(e) } : {}),
        ...(hasEnabled ? { enabled: () => latest.current.enabled?.() ?? true } : {}),
      }),
    [registry, keyText, label, description, group, onControls, hasRun, hasEnabled],
  );
}

/** Every registered shortcut, kept up to date (for the sheet). */
export function useShortcutList(registry: ShortcutRegistry = shortcuts): readonly Registered[] {
  return useSyncExternalStore(registry.subscribe, registry.list, registry.list);
}

/** What the app's own shortcuts need. */
export interface AppShortcutContext {
  readonly actions: Pick<Actions, 'play' | 'pause' | 'lesson' | 'stepTo'>;
  /** The fabric store's current state (running, lesson). */
  readonly fabric: () => Pick<FabricState, 'running' | 'lesson' | 'connection'>;
  /** Presenter mode is on. */
  readonly presenting: () => boolean;
  readonly openSheet: () => void;
}

/**
 * The app's shortcuts. Space and `.` play and pause; Page Down and Page Up are a
 * presentation clicker's keys: the next and previous stop of a walkthrough when one is
 * playing, otherwise the next and previous fault (in presenter mode only, so that
 * outside it they scroll as usual); `?` opens this list. The rest are handled where the
 * focus is and listed for reference.
 */
export function appShortcuts(c: AppShortcutContext): ShortcutSpec[] {
  const ready = () => c.fabric().connection === 'ready';
  const togglePlay = () => (c.fabric().running ? c.actions.pause() : c.actions.play());
  const inLesson = () => c.fabric().lesson !== null;
  const clicker = () => ready() && (inLesson() || c.presenting());
  return [
    { keys: [' '], label: 'Space', group: 'Simulation', description: 'Play or pause the simulation', run: togglePlay, enabled: ready, onControls: false },
    { keys: ['.'], label: '.', group: 'Simulation', description: 'Play or pause (the "blank" key of a presentation clicker)', run: togglePlay, enabled: ready },
    {
      keys: ['PageDown'],
      label: 'Page Down',
      group: 'Presenting',
      description: 'Next: the next stop of the walkthrough, or else the next fault (in presenter mode)',
      run: () => (inLesson() ? c.actions.lesson('next') : c.actions.stepTo('next', 'fault')),
      enabled: clicker,
    },
    {
      keys: ['PageUp'],
      label: 'Page Up',
      group: 'Presenting',
      description: 'Previous: the previous stop of the walkthrough, or else the previous fault (in presenter mode)',
      run: () => (inLesson() ? c.actions.lesson('back') : c.actions.stepTo('prev', 'fault')),
      enabled: clicker,
    },
    { keys: ['?'], label: '?', group: 'Help', description: 'Show the keyboard shortcuts', run: () => c.openSheet() },
    { keys: [], label: 'Escape', group: 'Help', description: 'Close a menu or this list; focus returns where it was' },
    ...LISTED,
  ];
}

/** Keys handled where the focus is, listed in the sheet. */
export const LISTED: readonly ShortcutSpec[] = [
  { keys: [], label: 'Arrow keys', group: 'Data center view', description: 'Move between assets: up and down within a rack, left and right between racks' },
  { keys: [], label: 'Home / End', group: 'Data center view', description: 'First or last host of the rack' },
  { keys: [], label: 'Enter', group: 'Data center view', description: "Open the asset's actions (a zoomed-out container zooms in)" },
  { keys: [], label: 'Shift+F10', group: 'Data center view', description: "Open the asset's actions (also the Menu key)" },
  { keys: [], label: '+ / −', group: 'Data center view', description: 'Zoom in or out' },
  { keys: [], label: 'Arrow keys', group: 'Fault domain × update domain matrix', description: 'Left and right between fault domains, up and down through a cell and the update domains' },
  { keys: [], label: 'Ctrl+Home / Ctrl+End', group: 'Fault domain × update domain matrix', description: 'First or last instance of the matrix' },
  { keys: [], label: 'Enter', group: 'Fault domain × update domain matrix', description: "Open the instance's actions" },
  { keys: [], label: 'Arrow keys', group: 'Tabs, menus and the FC ring', description: 'Move between tabs, menu items and FC replicas' },
];
