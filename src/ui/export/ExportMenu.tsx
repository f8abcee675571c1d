/**
 * "Export": a menu button (role menu, items role menuitem) that saves the event log as
 * JSON Lines or CSV, the run report as Markdown or HTML, or the run file as JSON. It asks
 * the worker for the data (`exportData`), builds the file (files.ts) and downloads it;
 * a status line says what was saved, or why not. Arrow keys, Home and End move within
 * the menu; Escape or Tab closes it and focus returns to the button; a click outside
 * closes it.
 */

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useActions, useFabric } from '../context';
import { focusFirstItem, handleMenuKeys } from '../components/menuKeys';
import type { FabricState } from '../store/store';
import { downloadText } from './download';
import { EXPORT_ITEMS, exportFile, type ExportItem } from './files';
import './export.css';

const selectReady = (s: FabricState) => s.connection === 'ready';
const selectSeed = (s: FabricState) => s.seed;
const selectT = (s: FabricState) => s.t;

/** How long to wait for the worker's data (a long run is replayed for its log). */
export const EXPORT_TIMEOUT_MS = 120_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the simulation did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export function ExportMenu() {
  const actions = useActions();
  const ready = useFabric(selectReady);
  const seed = useFabric(selectSeed);
  const t = useFabric(selectT);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const statusId = useId();

  useEffect(() => {
    if (open) focusFirstItem(menuRef.current);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (e.target instanceof Node && rootRef.current?.contains(e.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const choose = async (item: ExportItem) => {
    close(true);
    if (busy) return;
    setBusy(true);
    setStatus(`Preparing ${item.label}…`);
    // name the file after the moment it was asked for
    const at = { seed, t };
    try {
      const data = await withTimeout(actions.exportData(item.what), EXPORT_TIMEOUT_MS);
      const file = exportFile(item.kind, data, at.seed, at.t);
      downloadText(file.text, file.name, file.type);
      setStatus(file.note);
    } catch (e) {
      setStatus(`${item.label} could not be saved: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
    }
  };

  return (
    <div ref={rootRef} className="export" role="group" aria-label="Export">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-describedby={statusId}
        aria-busy={busy || undefined}
        disabled={!ready}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onButtonKey}
      >
        Export
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          className="export-menu"
          role="menu"
          aria-label="Export"
          onKeyDown={(e) => handleMenuKeys(e, menuRef.current, () => close(true))}
        >
          {EXPORT_ITEMS.map((item) => (
            <button
              key={item.kind}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="action-menu-item"
              aria-disabled={busy ? 'true' : undefined}
              onClick={() => void choose(item)}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
      <span id={statusId} className="export-status" role="status">
        {status}
      </span>
    </div>
  );
}
