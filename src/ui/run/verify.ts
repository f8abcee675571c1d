/**
 * A reopened link must reach the moment it was made at with the same event-log hash. If
 * it does not (the link was made by another version of the simulation), the page says
 * so rather than pretend it shows the shared run.
 */

import type { FabricStore } from '../store/store';

export function watchLinkHash(store: FabricStore, expect: { t: number; hash: string }, warn: (message: string) => void): () => void {
  const check = (): boolean => {
    const s = store.getState();
    if (s.connection !== 'ready' || s.hash === '') return false;
    if (s.t !== expect.t) return false;
    if (s.hash !== expect.hash) {
      warn(`This link reopens a different run from the one that was shared (event-log hash ${s.hash}, the link says ${expect.hash}): it was probably made by another version of Fabric Lab.`);
    }
    return true;
  };
  if (check()) return () => undefined;
  const unsubscribe = store.subscribe(() => {
    if (check()) unsubscribe();
  });
  return unsubscribe;
}
