/**
 * The main area: two views behind tabs, "Data center" and "Services" (role tablist;
 * arrow keys, Home and End move between the tabs and show their view). A hidden view
 * stays mounted and keeps its state; the Services view is mounted the first time it is
 * shown, so a run that never opens it does not pay for it. Beside the tabs, "Table view"
 * (a11y/tables.tsx) shows the active view as text tables: the data center's containers,
 * racks and hosts (the drawing stays mounted, hidden), or the services' matrix.
 */

import { Activity, useId, useRef, useState, type KeyboardEvent } from 'react';
import { DatacenterTable } from '../a11y/DatacenterTable';
import { TableViewToggle, useTableView } from '../a11y/tables';
import { DatacenterView } from '../datacenter';
import { ServicesView } from '../services';

const VIEWS = [
  { key: 'datacenter', label: 'Data center' },
  { key: 'services', label: 'Services' },
] as const;

type ViewKey = (typeof VIEWS)[number]['key'];

function View({ view, active }: { view: ViewKey; active: boolean }) {
  const asTable = useTableView(view);
  // the Services view's matrix switches itself; the drawing stays mounted under the table.
  // Hidden, the Services view keeps its state but renders only when the page is idle (a
  // large run changes its deployments on every frame).
  if (view === 'services')
    return (
      <Activity mode={active ? 'visible' : 'hidden'}>
        <ServicesView />
      </Activity>
    );
  return (
    <>
      <div className="dc-drawing" hidden={asTable}>
        <DatacenterView />
      </div>
      {asTable ? <DatacenterTable /> : null}
    </>
  );
}

export function MainArea() {
  const [active, setActive] = useState<ViewKey>('datacenter');
  const [opened, setOpened] = useState<ReadonlySet<ViewKey>>(() => new Set(['datacenter']));
  const tabs = useRef<Partial<Record<ViewKey, HTMLButtonElement | null>>>({});
  const base = useId();

  const show = (key: ViewKey, focus: boolean) => {
    setActive(key);
    setOpened((o) => (o.has(key) ? o : new Set([...o, key])));
    if (focus) tabs.current[key]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, key: ViewKey) => {
    const i = VIEWS.findIndex((v) => v.key === key);
    const n = VIEWS.length;
    const to =
      e.key === 'ArrowRight' ? VIEWS[(i + 1) % n] : e.key === 'ArrowLeft' ? VIEWS[(i + n - 1) % n] : e.key === 'Home' ? VIEWS[0] : e.key === 'End' ? VIEWS[n - 1] : undefined;
    if (!to) return;
    e.preventDefault();
    show(to.key, true);
  };

  return (
    <main className="main dc-main">
      <div className="view-bar">
        <div role="tablist" aria-label="Views" className="view-tabs">
          {VIEWS.map((v) => (
            <button
              key={v.key}
              ref={(el) => {
                tabs.current[v.key] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${v.key}`}
              aria-selected={active === v.key}
              aria-controls={`${base}-panel-${v.key}`}
              tabIndex={active === v.key ? 0 : -1}
              className="view-tab"
              onClick={() => show(v.key, false)}
              onKeyDown={(e) => onKeyDown(e, v.key)}
            >
              {v.label}
            </button>
          ))}
        </div>
        <TableViewToggle key={active} view={active} controls={`${base}-panel-${active}`} />
      </div>
      {VIEWS.map((v) => (
        <div
          key={v.key}
          role="tabpanel"
          id={`${base}-panel-${v.key}`}
          aria-labelledby={`${base}-tab-${v.key}`}
          hidden={active !== v.key}
          className={`view-panel view-${v.key}`}
        >
          {opened.has(v.key) ? <View view={v.key} active={active === v.key} /> : null}
        </div>
      ))}
    </main>
  );
}
