/**
 * The keyboard shortcuts of the app: `<KeyboardShortcuts />` (once, in App) registers the
 * app's own shortcuts (src/ui/shortcuts.ts), installs the global key handler and renders
 * the shortcut sheet: a modal dialog listing every registered shortcut by group, opened
 * with `?` or the top bar's "Keyboard shortcuts" button. Focus moves into it and stays
 * there (Tab and Shift+Tab cycle); Escape, the Close button or a click outside closes it,
 * and focus returns to where it was.
 */

import { ModalSheet } from '../components/ModalSheet';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useActions, useFabric } from '../context';
import { displayStore } from '../presenter/display';
import type { FabricState } from '../store/store';
import { appShortcuts, installShortcutHandler, shortcuts, useShortcutList, type Registered } from '../shortcuts';

/** Whether the sheet is open: one per page, opened from the key handler or the top bar. */
const sheetStore = createStore<{ open: boolean }>()(() => ({ open: false }));

export function openShortcutSheet(): void {
  sheetStore.setState({ open: true });
}

export function closeShortcutSheet(): void {
  sheetStore.setState({ open: false });
}

export function useShortcutSheetOpen(): boolean {
  return useStore(sheetStore, (s) => s.open);
}

const selectRunning = (s: FabricState) => s.running;
const selectLesson = (s: FabricState) => s.lesson;
const selectConnection = (s: FabricState) => s.connection;


/** The registered shortcuts by group, in the order their groups first appear. */
export function groupShortcuts(list: readonly Registered[]): [string, Registered[]][] {
  const groups = new Map<string, Registered[]>();
  for (const s of list) {
    const g = groups.get(s.group) ?? [];
    // a later registration of the same key in a group replaces the earlier one in the list
    const same = g.findIndex((o) => o.label === s.label && o.run !== undefined && s.run !== undefined);
    if (same >= 0) g.splice(same, 1, s);
    else g.push(s);
    groups.set(s.group, g);
  }
  return [...groups];
}

function Sheet({ onClose }: { onClose: () => void }) {
  const groups = groupShortcuts(useShortcutList());
  return (
    <ModalSheet title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcut-body" tabIndex={0} role="group" aria-label="Shortcuts by place">
        {groups.map(([group, items]) => (
          <table key={group} className="shortcut-table">
            <caption>{group}</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">What it does</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <kbd>{s.label}</kbd>
                  </th>
                  <td>{s.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </ModalSheet>
  );
}

/** Registers the app's shortcuts, handles keys on the page, and shows the sheet when asked. */
export function KeyboardShortcuts() {
  const actions = useActions();
  const running = useFabric(selectRunning);
  const lesson = useFabric(selectLesson);
  const connection = useFabric(selectConnection);
  const open = useShortcutSheetOpen();
  // the shortcuts read the run's state when a key is pressed
  const fabric = useRef({ running, lesson, connection });
  useEffect(() => {
    fabric.current = { running, lesson, connection };
  }, [running, lesson, connection]);

  useEffect(() => {
    const offs = appShortcuts({
      actions,
      fabric: () => fabric.current,
      presenting: () => displayStore.getState().presenter,
      openSheet: openShortcutSheet,
    }).map((s) => shortcuts.register(s));
    const offHandler = installShortcutHandler(document);
    return () => {
      offHandler();
      offs.forEach((off) => off());
      closeShortcutSheet();
    };
  }, [actions]);

  return open ? <Sheet onClose={closeShortcutSheet} /> : null;
}
