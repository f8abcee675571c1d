import { describe, expect, it } from 'vitest';
import { assetRect } from './assets';
import { buildGeometry } from './geometry';
import { layerItems } from './layer-items';
import { presetLayout } from './layout-fixture';

describe('layerItems', () => {
  it('keeps to the layout it is given when the view was worked out for a larger one (a run restarted on a smaller data center)', () => {
    const small = buildGeometry(presetLayout('demo'));
    // the view of the cluster preset's first container, zoomed to host level: racks 0 to 19
    const staleView = { lod: 'hosts' as const, hosts: true, visible: [{ c: 0, r0: 0, r1: 19, row0: 0, row1: 49 }] };
    const items = layerItems(small, staleView, undefined);
    const racks = items.filter((a) => a.kind === 'rack');
    expect(racks).toHaveLength(small.containers[0]!.rackCount);
    for (const a of items) {
      const r = assetRect(small, a);
      expect(Number.isFinite(r.x) && Number.isFinite(r.y), a.id).toBe(true);
    }
  });
});
