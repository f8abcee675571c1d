/**
 * A resumed run's notice: "Resumed your run at … with N actions." and how to start
 * afresh instead (what the address names, without the kept run). Set once at start by
 * boot.ts; shown by ResumeNotice in the top bar until dismissed or used.
 */

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { InitOptions } from '../../worker/protocol';

export interface Resumed {
  readonly message: string;
  /** Forgets the kept run and gives the start the address names. */
  readonly fresh: () => Promise<InitOptions>;
}

export const resumeStore = createStore<{ resumed: Resumed | null }>()(() => ({ resumed: null }));

export function offerAfresh(resumed: Resumed): void {
  resumeStore.setState({ resumed });
}

export function dismissResumed(): void {
  resumeStore.setState({ resumed: null });
}

export function useResumed(): Resumed | null {
  return useStore(resumeStore, (s) => s.resumed);
}
