/**
 * src/sim/engine: the deterministic core every other part of the simulation runs on.
 * A virtual clock in whole milliseconds, an event queue ordered by (time, sequence),
 * seeded random streams named per concern, and an event log with a stable hash.
 * Nothing here reads the wall clock, unseeded randomness or any browser or Node global.
 */
export { Engine, RunawayError } from './engine';
export type { EngineOptions, EngineState, EventId, Handler, HandlerOptions, SimEvent, StepResult } from './engine';
export { EventLog, canonicalRecord } from './log';
export type { FieldValue, Fields, LogRecord } from './log';
export { Rng, RngStreams } from './prng';
export type { RngState } from './prng';
export { EventQueue } from './queue';
export { Fnv64, fnv1a32 } from './hash';
export * from './time';
