import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../sim/engine/time';
import type { InstanceView, SeriesView } from '../../sim/fabric/view';
import type { Marker } from '../../sim/markers';
import { availabilityBands, chartClock, markersFor, roleStats, spanOf } from './chart-data';
import { highlightedAssetId } from './highlight';
import { buildMatrix, findPos, firstPos, moveInMatrix, posKey } from './matrix';

function inst(role: string, roleIndex: number, n: number, status = 'ReadyRole', host: string | null = 'c0-r0-h00'): InstanceView {
  return {
    id: `shop/${role}_IN_${n}`,
    instance: `shop/${role}_IN_${n}`,
    deployment: 'shop/production',
    role,
    n,
    fd: (n + roleIndex) % 3,
    ud: n % 3,
    host,
    status,
    computerName: '',
    dip: '',
    version: 'v1',
    inPool: status === 'ReadyRole',
    waitReason: '',
    diffDisk: 'fresh',
    lastOp: 'deploy',
  };
}

/** 2 roles x 6 instances over 3 FDs and 3 UDs: two instances of a role share a cell. */
const six = [0, 1, 2, 3, 4, 5].flatMap((n) => [inst('WebRole', 0, n), inst('WorkerRole', 1, n, n === 4 ? 'UnresponsiveRole' : 'ReadyRole')]);

describe('the matrix', () => {
  it('puts every instance in its FD column and UD row, and counts the ones not ready', () => {
    const m = buildMatrix(3, 3, six);
    expect(m.rows).toHaveLength(3);
    expect(m.rows[0]!.map((c) => c.instances.map((i) => i.id))).toEqual([
      ['shop/WebRole_IN_0', 'shop/WebRole_IN_3'],
      ['shop/WorkerRole_IN_0', 'shop/WorkerRole_IN_3'],
      [],
    ]);
    expect(m.rows[1]![2]!.hit).toBe(1);
    expect(m.rows.flat().reduce((n, c) => n + c.hit, 0)).toBe(1);
  });

  it('moves focus through a cell, across fault domains and down update domains', () => {
    const m = buildMatrix(3, 3, six);
    const start = firstPos(m)!;
    expect(posKey(m, start)).toBe('shop/WebRole_IN_0');
    const down = moveInMatrix(m, start, 'ArrowDown');
    expect(posKey(m, down)).toBe('shop/WebRole_IN_3');
    expect(posKey(m, moveInMatrix(m, down, 'ArrowDown'))).toBe('cell:1:0');
    expect(posKey(m, moveInMatrix(m, down, 'ArrowRight'))).toBe('shop/WorkerRole_IN_3');
    expect(posKey(m, moveInMatrix(m, moveInMatrix(m, down, 'ArrowRight'), 'ArrowRight'))).toBe('cell:0:2');
    expect(posKey(m, moveInMatrix(m, start, 'ArrowLeft'))).toBe('shop/WebRole_IN_0');
    expect(posKey(m, moveInMatrix(m, start, 'ArrowUp'))).toBe('shop/WebRole_IN_0');
    const end = moveInMatrix(m, start, 'End', true);
    expect(end).toEqual({ ud: 2, fd: 2, k: 1 });
    expect(posKey(m, moveInMatrix(m, end, 'ArrowUp'))).toBe(posKey(m, { ud: 2, fd: 2, k: 0 }));
    expect(findPos(m, 'cell:1:0')).toEqual({ ud: 1, fd: 0, k: 0 });
    expect(findPos(m, 'shop/WorkerRole_IN_4')).toEqual({ ud: 1, fd: 2, k: 1 });
    expect(findPos(m, 'nothing')).toBeUndefined();
  });
});

describe('the data center highlight of a selection', () => {
  it('is the asset itself, or the host of a selected role instance', () => {
    const list = [inst('WebRole', 0, 1, 'ReadyRole', 'c0-r1-h02'), inst('WebRole', 0, 2, 'CreatingVM', null)];
    expect(highlightedAssetId(null, list)).toBeNull();
    expect(highlightedAssetId('c0-r3-tor', list)).toBe('c0-r3-tor');
    expect(highlightedAssetId('shop/WebRole_IN_1', list)).toBe('c0-r1-h02');
    expect(highlightedAssetId('shop/WebRole_IN_2', list)).toBeNull();
    expect(highlightedAssetId('shop/WebRole_IN_9', list)).toBeNull();
  });
});

describe('chart data', () => {
  const series: SeriesView = {
    id: 'shop/production',
    roles: ['WebRole', 'WorkerRole'],
    ready: [
      { t: 0, ready: [0, 0] },
      { t: 4 * MINUTE, ready: [3, 3] },
      { t: 12 * MINUTE, ready: [2, 3] },
      { t: 26 * MINUTE, ready: [3, 3] },
    ],
    availability: [
      { t: 4 * MINUTE, up: true },
      { t: 30 * MINUTE, up: false },
      { t: 33 * MINUTE, up: true },
    ],
  };

  it('moves the charts\' clock in steps of about a fortieth of the time', () => {
    expect(chartClock(90_000)).toBe(MINUTE);
    expect(chartClock(41 * MINUTE + 5000)).toBe(40 * MINUTE);
    expect(chartClock(5 * 60 * MINUTE + 7 * MINUTE)).toBe(5 * 60 * MINUTE);
  });

  it('splits the span into up, down and not-yet bands', () => {
    const span = spanOf(series, [], 40 * MINUTE);
    expect(span).toEqual({ start: 0, end: 40 * MINUTE });
    expect(availabilityBands(series.availability, span)).toEqual([
      { t0: 0, t1: 4 * MINUTE, state: 'none' },
      { t0: 4 * MINUTE, t1: 30 * MINUTE, state: 'up' },
      { t0: 30 * MINUTE, t1: 33 * MINUTE, state: 'down' },
      { t0: 33 * MINUTE, t1: 40 * MINUTE, state: 'up' },
    ]);
  });

  it('finds how low each role dipped after first reaching its most', () => {
    expect(roleStats(series)).toEqual([
      { name: 'WebRole', now: 3, most: 3, lowest: 2 },
      { name: 'WorkerRole', now: 3, most: 3, lowest: 3 },
    ]);
  });

  it('keeps the markers that concern the deployment', () => {
    const m = (seq: number, kind: Marker['kind'], subject: string): Marker => ({ seq, t: seq * MINUTE, kind, subject, label: `${kind} ${subject}` });
    const all = [
      m(1, 'deployment', 'shop'),
      m(2, 'fault', 'c0-r1-h00'),
      m(3, 'fault', 'shop/WebRole_IN_1'),
      m(4, 'fault', 'blog/WebRole_IN_0'),
      m(5, 'healing', 'shop/production'),
      m(6, 'healing', 'blog/production'),
      m(7, 'detection', 'c0-r1-h00'),
    ];
    expect(markersFor(all, 'shop', 'shop/production', 0).map((x) => x.seq)).toEqual([2, 3, 5, 7]);
    expect(markersFor(all, 'shop', 'shop/production', 4 * MINUTE).map((x) => x.seq)).toEqual([5, 7]);
  });
});
