import { describe, expect, it } from 'vitest';
import { EventLog, canonicalRecord } from './log';

describe('canonical record encoding', () => {
  it('sorts field names and writes one JSON line', () => {
    expect(canonicalRecord({ t: 5, kind: 'k', subject: 's', fields: { b: 1, a: 'x', c: null, d: true } })).toBe(
      '[5,"k","s",{"a":"x","b":1,"c":null,"d":true}]\n',
    );
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalRecord({ t: 0, kind: 'k', subject: 's', fields: { x: NaN } })).toThrow(/finite/);
  });
});

describe('EventLog', () => {
  it('keeps the newest records and hashes all of them', () => {
    const a = new EventLog(3);
    const b = new EventLog(100);
    for (let i = 0; i < 10; i++) {
      a.append(i, 'tick', `s${i}`, { i });
      b.append(i, 'tick', `s${i}`, { i });
    }
    expect(a.count).toBe(10);
    expect(a.recent().map((r) => r.seq)).toEqual([7, 8, 9]);
    expect(a.since(8).map((r) => r.seq)).toEqual([8, 9]);
    expect(a.since(0).map((r) => r.seq)).toEqual([7, 8, 9]);
    expect(a.since(0, 2).map((r) => r.seq)).toEqual([8, 9]);
    expect(a.hash()).toBe(b.hash());
  });

  it('changes its hash when any record differs', () => {
    const a = new EventLog();
    const b = new EventLog();
    a.append(1, 'k', 's', { x: 1 });
    b.append(1, 'k', 's', { x: 2 });
    expect(a.hash()).not.toBe(b.hash());
  });
});
