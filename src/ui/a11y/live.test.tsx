import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Marker, MarkerKind } from '../../sim/markers';
import type { Frame } from '../../worker/protocol';
import { FabricProvider } from '../context';
import { applyMessage } from '../store/apply';
import { createFabricStore, type FabricStore } from '../store/store';
import { Coalescer, LiveAnnouncer, MarkerWatch, summarise, TIMING, type Timers } from './live';

let seq = 0;
const marker = (kind: MarkerKind, label: string, t = 0): Marker => ({ seq: seq++, t, kind, subject: label.split(' ')[1] ?? '', label });

/** A rack failure as the markers tell it: the rack's fault, a detection, and the healing of two deployments. */
const rackFailure = (): Marker[] => [
  marker('fault', 'fault.inject c0-r1 (fail)'),
  marker('detection', 'health.detect c0-r1-h00 → PoweredOff'),
  marker('healing', 'fc.heal shop/production'),
  marker('healing', 'fc.heal blog/production'),
];

/** Timers the test moves by hand. */
function fakeTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let id = 0;
  const timers: Timers = {
    now: () => now,
    set: (fn, ms) => {
      queue.push({ at: now + ms, fn, id: ++id });
      return id;
    },
    clear: (h) => {
      queue = queue.filter((q) => q.id !== h);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (;;) {
      const due = queue.filter((q) => q.at <= now).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      queue = queue.filter((q) => q !== due);
      due.fn();
    }
  };
  return { timers, advance };
}

describe('what is announced', () => {
  it('says a burst in one sentence per kind', () => {
    expect(summarise(rackFailure())).toBe(
      'Fault: c0-r1 failed. Detected: c0-r1-h00 PoweredOff. Healing: shop/production and blog/production.',
    );
    const hosts = Array.from({ length: 40 }, (_, h) => marker('fault', `fault.inject c0-r1-h${String(h).padStart(2, '0')} (hang)`));
    expect(summarise(hosts)).toBe('40 faults: c0-r1-h00 failed (hang), c0-r1-h01 failed (hang), c0-r1-h02 failed (hang) and 37 more.');
    expect(summarise([marker('election', 'fc.raft.primary fc3'), marker('election', 'fc.raft.primary fc1')])).toBe(
      'FC election: fc1 is the primary (after 2 elections).',
    );
    expect(summarise([marker('fault', 'fc.replicaFail fc2'), marker('healing', 'fc.healingStopped fc')])).toBe(
      'Fault: FC replica fc2 failed. Healing: automatic healing stopped.',
    );
  });
});

describe('coalescing', () => {
  it('makes one announcement of a burst, and keeps announcements apart', () => {
    const { timers, advance } = fakeTimers();
    const said: string[] = [];
    const c = new Coalescer((t) => said.push(t), TIMING.polite, timers);
    // a rack failure arrives over several frames within the window
    for (const m of rackFailure()) {
      c.push([m]);
      advance(100);
    }
    expect(said).toEqual([]);
    advance(TIMING.polite.windowMs);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Fault: c0-r1 failed\. Detected/);
    // the next burst waits for the gap, and everything that comes meanwhile joins it
    c.push([marker('fault', 'fault.inject c1-r0-tor (fail)')]);
    advance(TIMING.polite.windowMs);
    expect(said).toHaveLength(1);
    c.push([marker('fault', 'fault.inject c1-r0-pdu (fail)')]);
    advance(TIMING.polite.gapMs);
    expect(said).toEqual([said[0], '2 faults: c1-r0-tor failed and c1-r0-pdu failed.']);
    c.dispose();
  });

  it('announces only markers that come in frames, never those of a snapshot', () => {
    const w = new MarkerWatch();
    const old = rackFailure();
    expect(w.take(old, 0, false)).toEqual([]);
    const next = marker('election', 'fc.raft.primary fc2');
    expect(w.take([...old, next], 1, false)).toEqual([next]);
    expect(w.take([...old, next], 2, false)).toEqual([]);
    // a seek: a snapshot replaces the markers (no new frame), then frames go on from there
    const replay = [marker('fault', 'fault.inject c0-r2 (fail)')];
    expect(w.take(replay, 2, false)).toEqual([]);
    const after = marker('repair', 'fault.repair c0-r2');
    expect(w.take([...replay, after], 3, false)).toEqual([after]);
    // while a seek replays history, nothing is news
    expect(w.take([...replay, after, marker('fault', 'fault.inject x')], 4, true)).toEqual([]);
  });
});

const frame = (markers: readonly Marker[], frameNo: number): Frame =>
  ({
    frameNo,
    t: 0,
    running: true,
    speed: 60,
    lagging: false,
    processed: 0,
    pending: 0,
    logCount: 0,
    hash: '',
    horizon: 0,
    userActions: 0,
    futureActions: 0,
    log: [],
    diff: {},
    hw: {},
    driverLog: [],
    driverCount: 0,
    inspection: null,
    markers,
  }) as unknown as Frame;

describe('the live regions', () => {
  function setup(store: FabricStore) {
    const { timers, advance } = fakeTimers();
    render(
      <FabricProvider store={store} send={vi.fn()}>
        <LiveAnnouncer timers={timers} />
      </FabricProvider>,
    );
    return { advance: (ms: number) => act(() => advance(ms)) };
  }

  it('announces a rack failure politely in one go, and an election assertively', () => {
    const store = createFabricStore({ markers: [marker('deployment', 'deploy.request shop')] });
    const { advance } = setup(store);
    const polite = screen.getByTestId('live-polite');
    const assertive = screen.getByTestId('live-assertive');
    expect(polite).toHaveAttribute('aria-live', 'polite');
    expect(assertive).toHaveAttribute('aria-live', 'assertive');
    const burst = rackFailure();
    act(() => applyMessage(store, { type: 'frame', frame: frame(burst.slice(0, 2), 1) }));
    act(() => applyMessage(store, { type: 'frame', frame: frame([...burst.slice(2), marker('election', 'fc.raft.primary fc4')], 2) }));
    expect(polite).toHaveTextContent(/^$/);
    advance(TIMING.polite.windowMs);
    expect(polite.textContent?.trim()).toBe('Fault: c0-r1 failed. Detected: c0-r1-h00 PoweredOff. Healing: shop/production and blog/production.');
    expect(assertive.textContent?.trim()).toBe('FC election: fc4 is the primary.');
    // repairs and deployments are not announced here (the event log has them)
    act(() => applyMessage(store, { type: 'frame', frame: frame([marker('repair', 'fault.repair c0-r1')], 3) }));
    advance(TIMING.polite.gapMs * 2);
    expect(polite.textContent?.trim()).toBe('Fault: c0-r1 failed. Detected: c0-r1-h00 PoweredOff. Healing: shop/production and blog/production.');
  });
});
