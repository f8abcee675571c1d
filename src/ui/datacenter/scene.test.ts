import { describe, expect, it } from 'vitest';
import { Aggregates } from './aggregates';
import { buildGeometry } from './geometry';
import { presetLayout } from './layout-fixture';
import { onlyHiddenHostsChanged, type Scene } from './scene';

const geo = buildGeometry(presetLayout('demo'));
const status = new Uint8Array(geo.layout.hostCount);
const fault = new Uint8Array(geo.layout.hostCount);
const agg = new Aggregates(geo);
const base: Scene = { geo, status, fault, agg, containers: new Map(), selected: undefined, sprites: undefined, hostVersion: 3, changes: [], devices: [] };
const rackOf = (h: number) => agg.hostRack[h]!;
/** Racks 0 to 3 (container c0) are in view. */
const inView = (rack: number) => rack < 4;

describe('a new scene needs no repaint', () => {
  it('when only hosts out of view changed', () => {
    const next: Scene = { ...base, hostVersion: 5, changes: [{ version: 4, index: Uint32Array.of(40) }, { version: 5, index: Uint32Array.of(33, 63) }] };
    expect(onlyHiddenHostsChanged(base, next, rackOf, inView)).toBe(true);
  });

  it('but does when a host in view changed, or it cannot tell what changed', () => {
    const seen: Scene = { ...base, hostVersion: 4, changes: [{ version: 4, index: Uint32Array.of(40, 3) }] };
    expect(onlyHiddenHostsChanged(base, seen, rackOf, inView)).toBe(false);
    // the changes kept begin after the version painted
    const gap: Scene = { ...base, hostVersion: 6, changes: [{ version: 6, index: Uint32Array.of(40) }] };
    expect(onlyHiddenHostsChanged(base, gap, rackOf, inView)).toBe(false);
  });

  it('and does when anything but the hosts changed', () => {
    expect(onlyHiddenHostsChanged(base, { ...base, devices: [] }, rackOf, inView)).toBe(false);
    expect(onlyHiddenHostsChanged(base, { ...base, containers: new Map() }, rackOf, inView)).toBe(false);
    expect(onlyHiddenHostsChanged(base, { ...base }, rackOf, inView)).toBe(true);
  });
});
