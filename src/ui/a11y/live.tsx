/**
 * Live regions that tell a screen reader what the fabric just did, built from the
 * store's timeline markers: a polite region for faults, detections and healing, and an
 * assertive one for FC elections (a new primary). Only markers that arrive in frames
 * are announced: the markers already there when the page starts, and those a snapshot
 * brings (a seek, a replay), are history, not news.
 *
 * Markers come in bursts (a rack failure is a fault, a detection per instant and the
 * healing of every deployment on the rack; at 3600x a minute of faults arrives at
 * once), so they are coalesced: the first one opens a short window, everything that
 * arrives in it becomes one sentence ("2 faults: c0-r1-tor failed, c0-r1-pdu failed.
 * Detected: c0-r1-h00 Unreachable."), and two announcements of a region are at least a
 * few seconds apart.
 */

import { useEffect, useRef, useState } from 'react';
import type { Marker, MarkerKind } from '../../sim/markers';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';

export type Politeness = 'polite' | 'assertive';

/** Which region announces a marker kind (none: not announced). */
export const POLITENESS: Partial<Record<MarkerKind, Politeness>> = {
  fault: 'polite',
  detection: 'polite',
  healing: 'polite',
  election: 'assertive',
};

/** How long a burst is collected, and the least time between two announcements of a region (ms of wall time). */
export const TIMING: Readonly<Record<Politeness, { readonly windowMs: number; readonly gapMs: number }>> = {
  polite: { windowMs: 1000, gapMs: 4000 },
  assertive: { windowMs: 400, gapMs: 2000 },
};

/** Subjects named in one sentence before "and N more". */
const NAMED = 3;

interface Phrase {
  readonly kind: MarkerKind;
  readonly text: string;
}

/** A marker in words: `c0-r1-h00 failed (hang)`, `c0-r1-h00 Unreachable`, `fc3 is the primary`. */
export function phraseOf(m: Marker): Phrase {
  const logKind = m.label.split(' ', 1)[0] ?? '';
  const status = /→ (.+)$/.exec(m.label)?.[1];
  const mode = /\(([^)]+)\)$/.exec(m.label)?.[1];
  switch (logKind) {
    case 'fault.inject':
      return { kind: m.kind, text: `${m.subject} failed${mode && mode !== 'fail' ? ` (${mode})` : ''}` };
    case 'instance.fail':
      return { kind: m.kind, text: `${m.subject} failed` };
    case 'fc.replicaFail':
      return { kind: m.kind, text: `FC replica ${m.subject} failed` };
    case 'health.detect':
      return { kind: m.kind, text: status ? `${m.subject} ${status}` : m.subject };
    case 'fc.heal':
      return { kind: m.kind, text: m.subject };
    case 'fc.healingStopped':
      return { kind: m.kind, text: 'automatic healing stopped' };
    case 'fc.healingResumed':
      return { kind: m.kind, text: 'automatic healing resumed' };
    case 'fc.raft.primary':
      return { kind: m.kind, text: `${m.subject} is the primary` };
    default:
      return { kind: m.kind, text: m.label };
  }
}

const HEAD: Partial<Record<MarkerKind, (n: number) => string>> = {
  fault: (n) => (n === 1 ? 'Fault' : `${n} faults`),
  detection: (n) => (n === 1 ? 'Detected' : `${n} detections`),
  healing: () => 'Healing',
  election: () => 'FC election',
};

const ORDER: readonly MarkerKind[] = ['fault', 'detection', 'healing', 'election'];

function listText(items: readonly string[]): string {
  const named = items.slice(0, NAMED);
  const more = items.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

/** One sentence per kind for a burst of markers, kinds in a fixed order. */
export function summarise(markers: readonly Marker[]): string {
  const byKind = new Map<MarkerKind, string[]>();
  for (const m of markers) {
    const p = phraseOf(m);
    const list = byKind.get(p.kind) ?? [];
    list.push(p.text);
    byKind.set(p.kind, list);
  }
  const parts: string[] = [];
  for (const kind of ORDER) {
    const all = byKind.get(kind);
    if (!all) continue;
    if (kind === 'election') {
      // only the outcome matters
      const n = all.length;
      parts.push(`FC election: ${all.at(-1)}${n > 1 ? ` (after ${n} elections)` : ''}.`);
      continue;
    }
    const unique = [...new Set(all)];
    parts.push(`${HEAD[kind]?.(all.length) ?? kind}: ${listText(unique)}.`);
  }
  return parts.join(' ');
}

export interface Timers {
  readonly now: () => number;
  readonly set: (fn: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Collects markers and emits one summary per burst: a window of `windowMs` after the
 * first marker, and at least `gapMs` after the previous announcement.
 */
export class Coalescer {
  private pending: Marker[] = [];
  private timer: unknown = undefined;
  private last = -Infinity;

  constructor(
    private readonly emit: (text: string) => void,
    private readonly timing: { readonly windowMs: number; readonly gapMs: number },
    private readonly timers: Timers = realTimers,
  ) {}

  push(markers: readonly Marker[]): void {
    if (markers.length === 0) return;
    this.pending.push(...markers);
    if (this.timer !== undefined) return;
    const wait = Math.max(this.timing.windowMs, this.last + this.timing.gapMs - this.timers.now());
    this.timer = this.timers.set(() => this.flush(), wait);
  }

  /** Announces what is pending now. */
  flush(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const text = summarise(this.pending);
    this.pending = [];
    this.last = this.timers.now();
    this.emit(text);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}

/**
 * Which markers of the store are news: those with a seq above the last one seen that
 * came in a frame. A snapshot (the first one, a seek) only moves the mark.
 */
export class MarkerWatch {
  private seen = -1;
  private frames = -1;

  /** The new markers to announce given the store's markers and frame count now. */
  take(markers: readonly Marker[], frames: number, replaying: boolean): Marker[] {
    const newest = markers.at(-1)?.seq ?? -1;
    const fromFrame = frames !== this.frames && this.frames >= 0;
    this.frames = frames;
    if (!fromFrame || replaying || newest < this.seen) {
      this.seen = newest;
      return [];
    }
    const out: Marker[] = [];
    for (let i = markers.length - 1; i >= 0 && markers[i]!.seq > this.seen; i--) out.push(markers[i]!);
    this.seen = Math.max(this.seen, newest);
    return out.reverse();
  }
}

const selectMarkers = (s: FabricState) => s.markers;
const selectFrames = (s: FabricState) => s.frames;
const selectSeeking = (s: FabricState) => s.seeking !== undefined;

interface Said {
  readonly text: string;
  /** Bumped on every announcement, so the same sentence twice is still a change. */
  readonly n: number;
}

const EMPTY: Said = { text: '', n: 0 };

/** The two live regions (visually hidden). Render once, in App. */
export function LiveAnnouncer({ timers }: { timers?: Timers }) {
  const markers = useFabric(selectMarkers);
  const frames = useFabric(selectFrames);
  const seeking = useFabric(selectSeeking);
  const [polite, setPolite] = useState<Said>(EMPTY);
  const [assertive, setAssertive] = useState<Said>(EMPTY);
  const watch = useRef(new MarkerWatch());
  const coalescers = useRef<Record<Politeness, Coalescer> | null>(null);

  useEffect(() => {
    const say = (set: (f: (s: Said) => Said) => void) => (text: string) => set((s) => ({ text, n: s.n + 1 }));
    const c = {
      polite: new Coalescer(say(setPolite), TIMING.polite, timers),
      assertive: new Coalescer(say(setAssertive), TIMING.assertive, timers),
    };
    coalescers.current = c;
    return () => {
      c.polite.dispose();
      c.assertive.dispose();
      coalescers.current = null;
    };
  }, [timers]);

  useEffect(() => {
    const news = watch.current.take(markers, frames, seeking);
    const c = coalescers.current;
    if (!c || news.length === 0) return;
    const polite = news.filter((m) => POLITENESS[m.kind] === 'polite');
    const assertive = news.filter((m) => POLITENESS[m.kind] === 'assertive');
    c.polite.push(polite);
    c.assertive.push(assertive);
  }, [markers, frames, seeking]);

  // a no-break space on every other announcement makes a repeated sentence a change
  const text = (s: Said) => (s.text ? `${s.text}${s.n % 2 === 0 ? '\u00a0' : ''}` : '');
  return (
    <div className="visually-hidden">
      <div aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {text(polite)}
      </div>
      <div aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {text(assertive)}
      </div>
    </div>
  );
}
