/**
 * "Table view": the data center and the services' fault domain × update domain matrix
 * as plain text tables (for a screen reader, a magnifier, a printout). One switch per
 * view, kept for the page in a small store; the toggle (a button with aria-pressed) sits
 * beside the view tabs and applies to the tab shown.
 */

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type TableView = 'datacenter' | 'services';

export const tableStore = createStore<Readonly<Record<TableView, boolean>>>()(() => ({ datacenter: false, services: false }));

export function setTableView(view: TableView, on: boolean): void {
  tableStore.setState({ [view]: on });
}

export function useTableView(view: TableView): boolean {
  return useStore(tableStore, (s) => s[view]);
}

const WHAT: Readonly<Record<TableView, string>> = {
  datacenter: 'Shows the data center as tables of containers, racks and hosts instead of the drawing',
  services: 'Shows the fault domain by update domain matrix as a plain table',
};

/** The toggle of one view (aria-pressed), described by what it switches. */
export function TableViewToggle({ view, controls }: { view: TableView; controls?: string }) {
  const on = useTableView(view);
  const descId = `table-view-${view}`;
  return (
    <>
      <button
        type="button"
        className="table-view-toggle"
        aria-pressed={on}
        aria-controls={controls}
        aria-describedby={descId}
        onClick={() => setTableView(view, !on)}
      >
        Table view
      </button>
      <span id={descId} className="visually-hidden">
        {WHAT[view]}
      </span>
    </>
  );
}
