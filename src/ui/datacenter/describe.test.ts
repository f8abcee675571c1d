import { describe, expect, it } from 'vitest';
import { HOST_FAULTS, HostCode } from '../../sim/hardware/status';
import type { ContainerView, DeviceView } from '../../sim/hardware/view';
import { Aggregates } from './aggregates';
import { assetOf } from './assets';
import { describeAsset, menuFor, type FabricFacts } from './describe';
import { buildGeometry } from './geometry';
import { presetLayout } from './layout-fixture';

const geo = buildGeometry(presetLayout('classroom'));

function facts(opts: { status?: Record<number, number>; fault?: Record<number, string>; devices?: DeviceView[]; containers?: ContainerView[] } = {}): FabricFacts {
  const status = new Uint8Array(12);
  const fault = new Uint8Array(12);
  for (const [i, s] of Object.entries(opts.status ?? {})) status[Number(i)] = s;
  for (const [i, f] of Object.entries(opts.fault ?? {})) fault[Number(i)] = HOST_FAULTS.indexOf(f as (typeof HOST_FAULTS)[number]);
  const agg = new Aggregates(geo);
  agg.refreshHosts(status, fault);
  agg.refreshDevices(opts.devices ?? []);
  return { status, fault, agg, containers: new Map((opts.containers ?? []).map((c) => [c.id, c])) };
}

const asset = (id: string) => {
  const a = assetOf(geo, id);
  if (!a) throw new Error(id);
  return a;
};

const menu = (id: string, f: FabricFacts) => menuFor(asset(id), f).map((i) => `${i.label}${i.enabled ? '' : ' (disabled)'}`);

describe('descriptions', () => {
  it('say a host status in the words of scenarios.md, and a fault not yet detected', () => {
    const f = facts({ status: { 5: HostCode.Unreachable }, fault: { 5: 'partitioned', 6: 'crash' } });
    expect(describeAsset(asset('c0-r1-h01'), f)).toBe('Unreachable: alive, but the FC cannot reach it');
    expect(describeAsset(asset('c0-r1-h02'), f)).toBe('Healthy: reachable and in service; fault not yet detected: crash');
    expect(describeAsset(asset('c0-r0-h00'), f)).toBe('Healthy: reachable and in service');
  });

  it('say how devices, racks and containers are', () => {
    const f = facts({
      status: { 4: HostCode.Unreachable, 5: HostCode.Unreachable },
      devices: [
        { id: 'c0-r1-tor', kind: 'tor', status: 'Failed' },
        { id: 'c0-agg0', kind: 'agg', status: 'Failed' },
        { id: 'lb1', kind: 'lb', status: 'Failed' },
      ],
      containers: [{ id: 'c0', state: 'InService', failed: false, failedHosts: 0, hosts: 12 }],
    });
    expect(describeAsset(asset('c0-r1-tor'), f)).toBe('Failed: the rack is cut off');
    expect(describeAsset(asset('c0-r1-pdu'), f)).toBe('Up: working');
    expect(describeAsset(asset('c0-agg0'), f)).toBe('Failed: c0-agg1 carries the traffic');
    expect(describeAsset(asset('lb1'), f)).toBe('Failed: lb0 serves every VIP');
    expect(describeAsset(asset('c0-r1'), f)).toBe('4 hosts: 2 Healthy, 2 Unreachable; ToR switch failed');
    expect(describeAsset(asset('c0-r2'), f)).toBe('4 hosts: all Healthy');
    expect(describeAsset(asset('c0'), f)).toBe('In service; 12 hosts: 10 Healthy, 2 Unreachable');
  });
});

describe('the action menu', () => {
  it('offers a healthy host every fault and power cycle, but no repair', () => {
    expect(menu('c0-r0-h01', facts())).toEqual(['Fail (crash)', 'Hang', 'Hardware fault', 'Repair (disabled)', 'Power cycle']);
    expect(menuFor(asset('c0-r0-h01'), facts()).map((i) => i.action)).toEqual([
      { do: 'fail', target: 'c0-r0-h01', mode: 'crash' },
      { do: 'fail', target: 'c0-r0-h01', mode: 'hang' },
      { do: 'fail', target: 'c0-r0-h01', mode: 'hardware' },
      { do: 'repair', target: 'c0-r0-h01' },
      { do: 'powerCycle', target: 'c0-r0-h01' },
    ]);
  });

  it('offers a failed host its repair and no second fault', () => {
    const f = facts({ status: { 1: HostCode.Down }, fault: { 1: 'crash', 2: 'unpowered' } });
    expect(menu('c0-r0-h01', f)).toEqual(['Fail (crash) (disabled)', 'Hang (disabled)', 'Hardware fault (disabled)', 'Repair', 'Power cycle']);
    expect(menu('c0-r0-h02', f)).toContain('Power cycle (disabled)');
    expect(menu('c0-r0-h03', facts({ status: { 3: HostCode.OutForRepair } }))).toContain('Repair');
  });

  it('offers a device, rack or container Fail or Repair, as fits its state', () => {
    const f = facts({
      devices: [{ id: 'c0-r1-tor', kind: 'tor', status: 'Failed' }],
      containers: [{ id: 'c0', state: 'InService', failed: false, failedHosts: 0, hosts: 12 }],
    });
    expect(menu('c0-r1-tor', f)).toEqual(['Fail (disabled)', 'Repair']);
    expect(menu('c0-r0-tor', f)).toEqual(['Fail', 'Repair (disabled)']);
    expect(menu('c0-r1', f)).toEqual(['Fail', 'Repair']);
    expect(menu('c0', f)).toEqual(['Fail', 'Repair (disabled)']);
    expect(menu('lb0', f)).toEqual(['Fail', 'Repair (disabled)']);
    expect(menuFor(asset('c0-r1-tor'), f)[1]!.action).toEqual({ do: 'repair', target: 'c0-r1-tor' });
    expect(menuFor(asset('c0-agg1'), f)[0]!.action).toEqual({ do: 'fail', target: 'c0-agg1' });
  });
});

describe('aggregates', () => {
  it('count hosts per status for racks, containers and the whole, and undetected faults', () => {
    const f = facts({ status: { 0: HostCode.Down, 4: HostCode.Unreachable, 5: HostCode.Unreachable }, fault: { 9: 'hang' } });
    expect(f.agg.unhealthyInRack(0)).toBe(1);
    expect(f.agg.unhealthyInRack(1)).toBe(2);
    expect(f.agg.unhealthyInContainer(0)).toBe(3);
    expect(f.agg.totals[HostCode.Healthy]).toBe(9);
    expect(f.agg.rackUndetected[2]).toBe(1);
    expect(f.agg.undetectedTotal).toBe(1);
  });
});
