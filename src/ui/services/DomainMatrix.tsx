/**
 * The fault domain x update domain matrix of a deployment (role grid): FD column
 * headers, UD row headers, each cell listing its instances with glyph and status. Cells
 * with an instance that is not ReadyRole are hatched and say so; the update domain an
 * upgrade is walking is outlined and labelled. One tab stop that arrow keys move (roving
 * tabindex, see matrix.ts); Enter or a click selects an instance (the inspector shows
 * it, the data center view outlines its host) and opens its action menu. With "Table
 * view" on for the Services tab, the same matrix is a plain read-only table instead
 * (a11y/MatrixTable.tsx).
 */

import { useCallback, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { DeploymentView, InstanceView } from '../../sim/fabric/view';
import { MatrixTable } from '../a11y/MatrixTable';
import { useTableView } from '../a11y/tables';
import { Glyph } from '../datacenter/Glyph';
import { useSelect } from '../datacenter/useSelect';
import { useUi, type UiState } from '../store/ui';
import { InstanceEntry } from './InstanceEntry';
import { InstanceMenu } from './InstanceMenu';
import { INSTANCE_STATES, STATE_GLYPHS, STATE_TEXT } from './instance-status';
import { buildMatrix, findPos, firstPos, isMatrixKey, moveInMatrix, posKey, type MatrixCell } from './matrix';
import { deploymentLabel, plural } from './select';

const selectSelected = (s: UiState) => s.selected;

function keyOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest('[data-key]') as HTMLElement | null) : null;
}

function cellLabel(c: MatrixCell): string {
  const hit = c.hit > 0 ? `; ${plural(c.hit, 'instance')} not ready` : '';
  return `FD ${c.fd}, UD ${c.ud}${hit}`;
}

function DomainGrid(props: { dep: DeploymentView; instances: readonly InstanceView[] }) {
  const { dep, instances } = props;
  const matrix = useMemo(() => buildMatrix(dep.fdCount, dep.udCount, instances), [dep.fdCount, dep.udCount, instances]);
  const selected = useUi(selectSelected);
  const select = useSelect();
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const ref = useRef<HTMLTableElement>(null);
  const keysId = useId();
  const label = deploymentLabel(dep);

  const focusPos = (focusKey ? findPos(matrix, focusKey) : undefined) ?? firstPos(matrix);
  const tabStop = focusPos ? posKey(matrix, focusPos) : null;
  const menuInstance = menuFor ? instances.find((i) => i.id === menuFor) : undefined;
  const walking = new Set(dep.upgrade ? dep.upgrade.ud.flatMap((s, k) => (s === 'inProgress' ? [k] : [])) : []);

  const focusKeyed = useCallback((key: string) => {
    const el = [...(ref.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].find((e) => e.dataset.key === key);
    el?.focus();
  }, []);

  const closeMenu = useCallback(
    (refocus: boolean) => {
      if (menuFor && refocus) focusKeyed(menuFor);
      setMenuFor(null);
    },
    [menuFor, focusKeyed],
  );

  const activate = (el: HTMLElement) => {
    const key = el.dataset.key;
    if (!key || !instances.some((i) => i.id === key)) return;
    setFocusKey(key);
    select(key);
    setMenuFor((open) => (open === key ? null : key));
  };

  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const el = keyOf(e.target);
    if (el && !(e.target instanceof Element && e.target.closest('[role="menu"]'))) activate(el);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const el = keyOf(e.target);
    if (!el || e.altKey || e.metaKey || (e.target instanceof Element && e.target.closest('[role="menu"]'))) return;
    if (!isMatrixKey(e.key)) return;
    const from = findPos(matrix, el.dataset.key ?? '');
    if (!from) return;
    e.preventDefault();
    const key = posKey(matrix, moveInMatrix(matrix, from, e.key, e.ctrlKey));
    setMenuFor(null);
    setFocusKey(key);
    focusKeyed(key);
  };

  const onFocus = (e: FocusEvent<HTMLTableElement>) => {
    const key = keyOf(e.target)?.dataset.key;
    if (key && key !== focusKey) setFocusKey(key);
  };

  if (!focusPos) return <p className="empty">This deployment has no instances yet.</p>;

  return (
    <div className="svc-matrix-wrap">
      <table
        ref={ref}
        role="grid"
        className="svc-matrix"
        aria-label={`Fault domain by update domain matrix of ${label}`}
        aria-describedby={keysId}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <thead>
          <tr role="row">
            <th role="columnheader" scope="col" className="svc-corner">
              UD \ FD
            </th>
            {matrix.rows[0]?.map((c) => (
              <th key={c.fd} role="columnheader" scope="col">
                FD {c.fd}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, ud) => (
            <tr key={ud} role="row" className={walking.has(ud) ? 'is-walking' : undefined}>
              <th role="rowheader" scope="row">
                UD {ud}
                {walking.has(ud) ? (
                  <>
                    <span className="visually-hidden">,</span> <span className="svc-walking">being upgraded</span>
                  </>
                ) : null}
              </th>
              {row.map((c) => {
                const empty = c.instances.length === 0;
                const cellKey = posKey(matrix, { ud, fd: c.fd, k: 0 });
                return (
                  <td
                    key={c.fd}
                    role="gridcell"
                    aria-label={cellLabel(c)}
                    className={`svc-cell${c.hit > 0 ? ' is-hit' : ''}${empty ? ' is-empty' : ''}`}
                    {...(empty ? { 'data-key': cellKey, tabIndex: cellKey === tabStop ? 0 : -1 } : {})}
                  >
                    {c.hit > 0 ? (
                      <span className="svc-hit" aria-hidden="true">
                        {c.hit} not ready
                      </span>
                    ) : null}
                    {empty ? <span className="svc-none">no instance</span> : null}
                    {c.instances.map((i) => (
                      <div key={i.id} className="svc-inst-wrap">
                        <InstanceEntry instance={i} tabStop={i.id === tabStop} selected={i.id === selected} menuOpen={i.id === menuFor} />
                        {menuInstance && menuInstance.id === i.id ? <InstanceMenu instance={menuInstance} onClose={closeMenu} /> : null}
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={keysId} className="visually-hidden">
        Arrow keys move between instances: left and right between fault domains, up and down through a cell and between update
        domains. Enter opens the actions of an instance.
      </p>
      <ul className="svc-legend" aria-label="Instance states">
        {INSTANCE_STATES.map((s) => (
          <li key={s}>
            <Glyph glyph={STATE_GLYPHS[s]} size={12} />
            {STATE_TEXT[s]}
          </li>
        ))}
        <li>
          <span className="svc-hatch" aria-hidden="true" />
          hatched: an instance in the cell is not ready
        </li>
      </ul>
    </div>
  );
}

/** The matrix as the grid, or as a plain table when "Table view" is on for the Services tab. */
export function DomainMatrix(props: { dep: DeploymentView; instances: readonly InstanceView[] }) {
  return useTableView('services') ? <MatrixTable {...props} /> : <DomainGrid {...props} />;
}
