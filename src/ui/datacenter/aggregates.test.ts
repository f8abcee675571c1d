import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOST_FAULTS, HOST_STATUSES } from '../../sim/hardware/status';
import type { DeviceView } from '../../sim/hardware/view';
import type { HostChange } from '../store/store';
import { Aggregates } from './aggregates';
import { buildGeometry } from './geometry';
import { presetLayout } from './layout-fixture';

const geo = buildGeometry(presetLayout('demo'));
const n = geo.layout.hostCount;

/** What a fresh count of every host gives. */
function counted(status: Uint8Array, fault: Uint8Array) {
  const a = new Aggregates(geo);
  a.refreshHosts(status, fault);
  return a;
}

function same(a: Aggregates, b: Aggregates): void {
  expect([...a.rackCounts]).toEqual([...b.rackCounts]);
  expect([...a.containerCounts]).toEqual([...b.containerCounts]);
  expect([...a.totals]).toEqual([...b.totals]);
  expect([...a.rackUndetected]).toEqual([...b.rackUndetected]);
  expect([...a.containerUndetected]).toEqual([...b.containerUndetected]);
  expect(a.undetectedTotal).toBe(b.undetectedTotal);
}

const change = fc.record({ h: fc.nat(n - 1), s: fc.nat(HOST_STATUSES.length - 1), f: fc.nat(HOST_FAULTS.length - 1) });

describe('aggregates', () => {
  it('follow the frames host by host to what counting every host gives, and count again when they fell behind', () => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 6 }), { maxLength: 12 }), fc.nat(6), (frames, gap) => {
        const status = new Uint8Array(n);
        const fault = new Uint8Array(n);
        const agg = new Aggregates(geo);
        let version = 1;
        let changes: HostChange[] = [];
        agg.syncHosts(status, fault, version, changes);
        frames.forEach((frame, i) => {
          // the store applies a frame in place and keeps its indices (at most 4 frames here)
          for (const c of frame) {
            status[c.h] = c.s;
            fault[c.h] = c.f;
          }
          version++;
          changes = [...changes, { version, index: Uint32Array.from(frame.map((c) => c.h)) }].slice(-4);
          // a reader that syncs only every `gap + 1` frames
          if (i % (gap + 1) === 0) agg.syncHosts(status, fault, version, changes);
        });
        agg.syncHosts(status, fault, version, changes);
        same(agg, counted(status, fault));
      }),
    );
  });

  it('read only the device records that changed', () => {
    const agg = new Aggregates(geo);
    const tor: DeviceView = { id: 'c0-r1-tor', kind: 'tor', status: 'Failed' };
    const lb: DeviceView = { id: 'lb0', kind: 'lb', status: 'Up' };
    agg.refreshDevices([tor, lb]);
    expect(agg.torFailed[1]).toBe(1);
    agg.refreshDevices([{ ...tor, status: 'Up' }, { ...lb, status: 'Failed' }]);
    expect(agg.torFailed[1]).toBe(0);
    expect(agg.lbFailed[0]).toBe(1);
    // a record removed: read again in full
    agg.refreshDevices([{ id: 'c1-agg1', kind: 'agg', status: 'Failed' }]);
    expect([...agg.lbFailed]).toEqual([0, 0]);
    expect(agg.aggFailed[3]).toBe(1);
  });
});
