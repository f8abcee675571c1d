/** Module-scope selectors of the walkthrough (stable, so components re-render only on change). */

import type { FabricState } from '../store/store';

export const selectLesson = (s: FabricState) => s.lesson;
export const selectRunning = (s: FabricState) => s.running;
