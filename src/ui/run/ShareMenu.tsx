/**
 * "Share": copy a link that reopens this run at this moment, or open a run file saved
 * earlier (Export > Run file). A link that cannot be copied to the clipboard is shown in
 * a text field to copy by hand.
 */

import { useId, useRef, useState } from 'react';
import { formatClock } from '../../sim/engine/time';
import { parseRunFile } from '../../sim/timeline/record';
import { useActions, useFabric } from '../context';
import type { FabricState } from '../store/store';
import { encodeRunLink } from './link';

const selectReady = (s: FabricState) => s.connection === 'ready';
const selectUserActions = (s: FabricState) => s.userActions;

/** Largest run file read (the run reader has its own, smaller limits on what is inside). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function ShareMenu() {
  const actions = useActions();
  const ready = useFabric(selectReady);
  const userActions = useFabric(selectUserActions);
  const [status, setStatus] = useState<string>('');
  const [manual, setManual] = useState<string | undefined>();
  const fileRef = useRef<HTMLInputElement>(null);
  const statusId = useId();

  const copyLink = async () => {
    setManual(undefined);
    setStatus('Making the link…');
    try {
      const data = await actions.exportData('run');
      if (data.what !== 'run') throw new Error('the worker sent something else');
      const url = `${window.location.origin}${window.location.pathname}#${await encodeRunLink(data.run)}`;
      window.history.replaceState(null, '', url);
      try {
        await navigator.clipboard.writeText(url);
        setStatus(`Link to ${formatClock(data.run.t)} copied (${url.length} characters).`);
      } catch {
        setManual(url);
        setStatus('The clipboard is not available here: copy the link from the field.');
      }
    } catch (e) {
      setStatus(`The link could not be made: ${(e as Error).message}`);
    }
  };

  const openFile = async (file: File) => {
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is ${file.size} bytes; a run file is at most ${MAX_FILE_BYTES}`);
      const run = parseRunFile(await file.text());
      if (userActions > 0 && !window.confirm('Opening this run replaces the current one and its actions. Copy a link to it first if you want to keep it. Open the file?')) return;
      actions.restart({ seed: run.base.kind === 'setup' ? run.base.seed : 0, base: run.base, actions: run.actions, startAt: run.t, running: false });
      setStatus(`Opened ${file.name} at ${formatClock(run.t)}.`);
    } catch (e) {
      setStatus(`${file.name} could not be opened: ${(e as Error).message}`);
    }
  };

  return (
    <div className="share" role="group" aria-label="Share">
      <button type="button" onClick={() => void copyLink()} disabled={!ready} aria-describedby={statusId}>
        Copy link to this moment
      </button>
      <button type="button" onClick={() => fileRef.current?.click()} disabled={!ready}>
        Open run file…
      </button>
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Run file to open"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void openFile(f);
        }}
      />
      {manual !== undefined && <input className="share-link" readOnly value={manual} aria-label="Link to this moment" onFocus={(e) => e.target.select()} />}
      <span id={statusId} className="share-status" role="status">
        {status}
      </span>
    </div>
  );
}
