/**
 * Keeps the saved copy of the files up to date: a change is written shortly after it
 * happens (300 ms after the last one, not on every keystroke), and at once when the page
 * is hidden (`pagehide`, `visibilitychange` to hidden) or the panel unmounts. Writes go
 * one after another, so the last change is the one kept. A failed write (a full
 * storage) is reported, never thrown; the edits stay in the editors.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedFiles, SavedFilesStore } from './persistence';

export const SAVE_DELAY_MS = 300;

export function useSavedFiles(store: SavedFilesStore | null, current: SavedFiles | null) {
  const [problem, setProblem] = useState<string | null>(null);
  const pending = useRef<SavedFiles | null>(null);
  /** The writes and clears in flight, in order. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const enqueue = useCallback(<T,>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next;
    return next;
  }, []);

  const flush = useCallback(() => {
    const p = pending.current;
    if (!p || !store) return;
    pending.current = null;
    void enqueue(() => store.write(p)).then((failed) => {
      if (mounted.current) setProblem(failed);
    });
  }, [store, enqueue]);

  useEffect(() => {
    if (!current) return;
    pending.current = current;
    const timer = setTimeout(flush, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [current, flush]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [flush]);

  /** Forgets the saved copy until the next change; resolves false (with `saveProblem` saying why) when that failed. */
  const clear = useCallback(async (): Promise<boolean> => {
    pending.current = null;
    if (!store) return true;
    const failed = await enqueue(() => store.clear());
    if (mounted.current) setProblem(failed);
    return failed === null;
  }, [store, enqueue]);

  return { saveProblem: problem, clearSaved: clear };
}
