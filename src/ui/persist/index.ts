/**
 * What the page keeps in this browser (docs/persistence.md): the IndexedDB database
 * `fabric-lab` (db.ts, with a memory fallback and quota messages), the current run kept
 * per address and resumed (runs.ts, boot.ts, resume.ts), scenario files opened from the
 * computer (scenarios.ts), the "Saved data" dialog (SavedData.tsx) and the storage status
 * (status.ts). The Service model panel keeps its files through ../servicemodel/persistence.ts.
 */

export { keptDb, type KeptDb } from './db';
export { planKeptStart } from './boot';
export { keepRuns, type RunSource } from './runs';
export { SavedDataButton } from './SavedData';
export { ResumeNotice } from './ResumeNotice';
