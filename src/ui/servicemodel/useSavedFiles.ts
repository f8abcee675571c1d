/**
 * Keeps the saved copy of the files up to date: a change is written shortly after it
 * happens (not on every keystroke), and at once when the page is hidden or the panel
 * unmounts. A failed write (a full storage) is reported, never thrown.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import { clearSaved, writeSaved, type SavedFiles } from './persistence';

const SAVE_DELAY_MS = 300;

export function useSavedFiles(storage: Storage | null, current: SavedFiles | null) {
  const [problem, setProblem] = useState<string | null>(null);
  const pending = useRef<SavedFiles | null>(null);

  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    setProblem(writeSaved(storage, p));
  }, [storage]);

  useEffect(() => {
    if (!current) return;
    pending.current = current;
    const timer = setTimeout(flush, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [current, flush]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  /** Forgets the saved copy until the next change; false (with `saveProblem` saying why) when that failed. */
  const clear = useCallback((): boolean => {
    pending.current = null;
    const failed = clearSaved(storage);
    setProblem(failed);
    return failed === null;
  }, [storage]);

  return { saveProblem: problem, clearSaved: clear };
}
