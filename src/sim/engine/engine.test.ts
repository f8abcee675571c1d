import { describe, expect, it } from 'vitest';
import { Engine, RunawayError } from './engine';

function recorder(seed = 1) {
  const e = new Engine({ seed });
  const seen: string[] = [];
  e.on('ping', (ev) => {
    seen.push(`${e.now}:${ev.subject}`);
  });
  return { e, seen };
}

describe('Engine', () => {
  it('runs events by time, then in the order they were scheduled', () => {
    const { e, seen } = recorder();
    e.schedule(20, 'ping', 'c');
    e.schedule(10, 'ping', 'a');
    e.schedule(10, 'ping', 'b');
    e.schedule(0, 'ping', 'z');
    expect(e.runUntil(100)).toBe(4);
    expect(seen).toEqual(['0:z', '10:a', '10:b', '20:c']);
    expect(e.now).toBe(100);
  });

  it('runUntil stops at the boundary inclusively and moves the clock even when idle', () => {
    const { e, seen } = recorder();
    e.schedule(10, 'ping', 'a');
    e.schedule(11, 'ping', 'b');
    e.runUntil(10);
    expect(seen).toEqual(['10:a']);
    expect(e.now).toBe(10);
    e.runFor(5);
    expect(seen).toEqual(['10:a', '11:b']);
    expect(e.now).toBe(15);
  });

  it('refuses times in the past, fractions and unknown kinds', () => {
    const { e } = recorder();
    e.runUntil(100);
    expect(() => e.schedule(99, 'ping', 'x')).toThrow(/already at 100/);
    expect(() => e.schedule(100.5, 'ping', 'x')).toThrow(/whole number/);
    expect(() => e.schedule(200, 'nope', 'x')).toThrow(/no handler for event kind "nope"/);
    expect(() => e.runUntil(50)).toThrow(/already at 100/);
    expect(() => e.on('ping', () => undefined)).toThrow(/already registered/);
  });

  it('cancels pending events only', () => {
    const { e, seen } = recorder();
    const a = e.schedule(10, 'ping', 'a');
    const b = e.schedule(20, 'ping', 'b');
    expect(e.pending).toBe(2);
    expect(e.cancel(b)).toBe(true);
    expect(e.cancel(b)).toBe(false);
    expect(e.pending).toBe(1);
    e.runUntil(15);
    expect(e.cancel(a)).toBe(false); // already ran
    e.runUntil(30);
    expect(seen).toEqual(['10:a']);
    expect(e.pending).toBe(0);
    expect(e.nextTime()).toBeUndefined();
  });

  it('logs one record per event, with the handler outcome, except for quiet kinds', () => {
    const e = new Engine({ seed: 1 });
    e.on('fault', () => ({ reach: 3 }));
    e.on('timer', () => undefined, { quiet: true });
    e.schedule(1, 'timer', 't');
    e.schedule(2, 'fault', 'c0-r1-tor', { mode: 'crash' });
    e.runUntil(10);
    expect(e.processed).toBe(2);
    expect(e.log.count).toBe(1);
    expect(e.log.recent()[0]).toEqual({ seq: 0, t: 2, kind: 'fault', subject: 'c0-r1-tor', fields: { mode: 'crash', reach: 3 } });
  });

  it('stepLogged runs quiet events until one writes a record', () => {
    const e = new Engine({ seed: 1 });
    e.on('timer', () => undefined, { quiet: true });
    e.on('visible', () => undefined);
    e.schedule(1, 'timer', 'a');
    e.schedule(2, 'timer', 'b');
    e.schedule(3, 'visible', 'c');
    e.schedule(4, 'visible', 'd');
    const r = e.stepLogged();
    expect(r?.record?.subject).toBe('c');
    expect(e.now).toBe(3);
    expect(e.log.count).toBe(1);
  });

  it('stops a zero-delay loop with a RunawayError naming the event', () => {
    const e = new Engine({ seed: 1, maxEventsPerInstant: 1000 });
    e.on('loop', (_ev, eng) => {
      eng.after(0, 'loop', 'spin');
    });
    e.schedule(5, 'loop', 'spin');
    expect(() => e.runUntil(10)).toThrow(RunawayError);
    expect(() => new Engine({ seed: 1 }).runUntil(1)).not.toThrow();
  });

  it('stops a run that exceeds its event budget', () => {
    const e = new Engine({ seed: 1, maxEventsPerCall: 100 });
    e.on('tick', (_ev, eng) => {
      eng.after(1, 'tick', 'x');
    });
    e.schedule(0, 'tick', 'x');
    expect(() => e.runUntil(1000)).toThrow(/more than 100 events/);
  });

  it('resumes from a checkpoint to the same hash as a straight run', () => {
    const build = () => {
      const e = new Engine({ seed: 9 });
      e.on('arrive', (ev, eng) => {
        const r = eng.rng('latency');
        if (eng.now < 50_000) eng.after(r.int(1, 1000), 'arrive', ev.subject, { n: (ev.data.n as number) + 1 });
        return { draw: r.int(0, 99) };
      });
      for (let i = 0; i < 5; i++) e.schedule(i, 'arrive', `a${i}`, { n: 0 });
      return e;
    };
    const straight = build();
    straight.runUntil(60_000);
    const first = build();
    first.runUntil(20_000);
    const saved = structuredClone(first.save());
    const resumed = build();
    resumed.restore(saved);
    resumed.runUntil(60_000);
    expect(resumed.log.count).toBe(straight.log.count);
    expect(resumed.log.hash()).toBe(straight.log.hash());
  });

  it('refuses a non-integer seed', () => {
    expect(() => new Engine({ seed: 1.5 })).toThrow(/seed/);
  });
});
