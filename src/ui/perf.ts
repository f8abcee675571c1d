/**
 * Measurements for the browser benchmark (`npm run bench:ui`), on only with `?perf=1`:
 * the size of what the worker posts (an estimate: typed arrays by their byteLength,
 * strings by their length, numbers 8 bytes), when the first snapshot was applied and
 * when the data center view first took input. Exposed as `window.__fabricPerf`; costs
 * nothing when the flag is off.
 */

import type { FromWorker } from '../worker/protocol';

export interface FabricPerf {
  /** Frames (and snapshots) received since the last reset, and their estimated bytes. */
  frames: number;
  bytes: number;
  /** Estimated bytes of each frame since the last reset, in order. */
  readonly frameBytes: number[];
  /** Bytes of the last snapshot, and of the largest since the last reset. */
  snapshotBytes: number;
  /** Milliseconds from navigation start: the first snapshot applied; the view ready for input. */
  firstSnapshotMs: number | undefined;
  interactiveMs: number | undefined;
  /** Simulated time of the last frame, ms. */
  t: number;
  /** Bytes of frames since the last reset by part: `log`, `hw`, `diff.devices`, ... */
  readonly parts: Record<string, number>;
  /** Milliseconds of each paint of the data center canvas since the last reset. */
  readonly paints: number[];
  reset(): void;
}

declare global {
  interface Window {
    __fabricPerf?: FabricPerf;
  }
}

/** An estimate of a structured-cloneable value's size in bytes, in one walk over it. */
export function estimateBytes(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return v.length;
    case 'number':
      return 8;
    case 'boolean':
      return 1;
    case 'object': {
      if (v === null) return 1;
      if (ArrayBuffer.isView(v)) return v.byteLength;
      if (v instanceof ArrayBuffer) return v.byteLength;
      if (Array.isArray(v)) {
        let n = 2;
        for (const x of v) n += estimateBytes(x) + 1;
        return n;
      }
      let n = 2;
      for (const k in v) n += k.length + estimateBytes((v as Record<string, unknown>)[k]) + 2;
      return n;
    }
    default:
      return 0;
  }
}

let perf: FabricPerf | undefined;

/** Turns the measurements on when the address asks for them (`?perf=1`). */
export function initPerf(search: string): FabricPerf | undefined {
  if (new URLSearchParams(search).get('perf') !== '1') return undefined;
  const p: FabricPerf = {
    frames: 0,
    bytes: 0,
    frameBytes: [],
    snapshotBytes: 0,
    firstSnapshotMs: undefined,
    interactiveMs: undefined,
    t: 0,
    parts: {},
    paints: [],
    reset() {
      p.paints.length = 0;
      p.frames = 0;
      p.bytes = 0;
      p.frameBytes.length = 0;
      for (const k of Object.keys(p.parts)) delete p.parts[k];
    },
  };
  perf = p;
  window.__fabricPerf = p;
  return p;
}

/** Counts a message from the worker (only frames and snapshots are counted as frames). */
export function perfMessage(msg: FromWorker): void {
  if (!perf || (msg.type !== 'frame' && msg.type !== 'snapshot')) return;
  const n = estimateBytes(msg);
  perf.frames++;
  perf.bytes += n;
  perf.frameBytes.push(n);
  if (msg.type === 'snapshot') perf.snapshotBytes = n;
  else {
    const parts = perf.parts;
    for (const [k, v] of Object.entries(msg.frame)) {
      if (k === 'diff') for (const [c, d] of Object.entries(msg.frame.diff)) parts[`diff.${c}`] = (parts[`diff.${c}`] ?? 0) + estimateBytes(d);
      else parts[k] = (parts[k] ?? 0) + estimateBytes(v);
    }
  }
  perf.t = msg.type === 'frame' ? msg.frame.t : msg.snapshot.t;
}

export function perfSnapshotApplied(): void {
  if (perf && perf.firstSnapshotMs === undefined) perf.firstSnapshotMs = performance.now();
}

/** The data center view is drawn and its layer holds its buttons: mark the next animation frame. */
export function perfInteractive(): void {
  const p = perf;
  if (!p || p.interactiveMs !== undefined || p.firstSnapshotMs === undefined) return;
  requestAnimationFrame(() => {
    p.interactiveMs ??= performance.now();
  });
}

/** A start time for perfPaint (0 when measurements are off). */
export function perfNow(): number {
  return perf ? performance.now() : 0;
}

/** Counts a paint of the data center canvas that started at `t0` (from perfNow). */
export function perfPaint(t0: number): void {
  if (perf) perf.paints.push(performance.now() - t0);
}
