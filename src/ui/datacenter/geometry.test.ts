import { describe, expect, it } from 'vitest';
import { assetName, assetRect, isAsset, resolveAsset } from './assets';
import { G, buildGeometry, hostCellRect, hostGlyphRect, intersects, pduRect, rackRect, torRect } from './geometry';
import { layerItems } from './layer-items';
import { presetLayout as layoutOf } from './layout-fixture';
import { DOM_HOSTS_MAX, fitTransform, hostsInDom, lodFor, revealTransform, visibleContainers, visibleHostCount, worldView, type Viewport } from './viewport';

const vp = (k: number, x: number, y: number, width = 1000, height = 700): Viewport => ({ k, x, y, width, height, dpr: 1 });

describe('geometry', () => {
  it('numbers racks and hosts densely, in the worker host order', () => {
    const geo = buildGeometry(layoutOf('demo'));
    expect(geo.rackCount).toBe(8);
    expect([...geo.rackFirstHost]).toEqual([0, 8, 16, 24, 32, 40, 48, 56]);
    expect([...geo.rackContainer]).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(geo.containers[1]).toMatchObject({ firstRack: 4, firstHost: 32, hostCount: 32, hostCols: 1, hostRows: 8 });
  });

  it('stacks a rack of eight in one column, one of fifty in two columns of 25', () => {
    const demo = buildGeometry(layoutOf('demo'));
    const a = hostGlyphRect(demo, 0, 0);
    const b = hostGlyphRect(demo, 0, 1);
    expect(b.x).toBe(a.x);
    expect(b.y - a.y).toBe(G.hostPitch);
    const cluster = buildGeometry(layoutOf('cluster'));
    expect(cluster.containers[0]).toMatchObject({ hostCols: 2, hostRows: 25 });
    expect(hostGlyphRect(cluster, 0, 25)).toMatchObject({ x: hostGlyphRect(cluster, 0, 0).x + G.host + G.colGap, y: hostGlyphRect(cluster, 0, 0).y });
  });

  it('puts the ToR and PDU at the head of their rack, above the hosts, and nothing overlaps', () => {
    const geo = buildGeometry(layoutOf('classroom'));
    const tor = torRect(geo, 1);
    const pdu = pduRect(geo, 1);
    const h0 = hostCellRect(geo, 1, 0);
    expect(tor.y + tor.h).toBeLessThanOrEqual(pdu.y);
    expect(pdu.y + pdu.h).toBeLessThanOrEqual(h0.y);
    expect(intersects(rackRect(geo, 0), rackRect(geo, 1))).toBe(false);
    expect(intersects(hostCellRect(geo, 1, 0), hostCellRect(geo, 1, 1))).toBe(false);
    for (const id of ['c0-agg0', 'c0-agg1', 'lb0', 'lb1', 'c0-r2-tor']) {
      const a = resolveAsset(geo, id);
      if (!isAsset(a)) throw new Error(a.error);
      const r = assetRect(geo, a);
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(geo.width);
    }
  });

  it('lays 50 containers of the region preset out in a grid inside the world', () => {
    const geo = buildGeometry(layoutOf('region'));
    expect(geo.containers).toHaveLength(50);
    expect(geo.cols).toBeGreaterThan(1);
    for (const k of geo.containers) {
      expect(k.x + k.w).toBeLessThanOrEqual(geo.width);
      expect(k.y + k.h).toBeLessThanOrEqual(geo.height);
    }
    expect(intersects(geo.containers[0]!, geo.containers[1]!)).toBe(false);
    expect(intersects(geo.containers[0]!, geo.containers[geo.cols]!)).toBe(false);
  });
});

describe('asset ids', () => {
  const geo = buildGeometry(layoutOf('demo'));

  it('names assets exactly as the UI says them', () => {
    const names = ['c0-r3-h07', 'c0-r3-tor', 'c0-r3-pdu', 'c0-agg1', 'lb0', 'c1', 'c1-r2'].map((id) => {
      const a = resolveAsset(geo, id);
      return isAsset(a) ? assetName(a) : a.error;
    });
    expect(names).toEqual(['Host c0-r3-h07', 'Switch c0-r3-tor', 'PDU c0-r3-pdu', 'Switch c0-agg1', 'Load balancer lb0', 'Container c1', 'Rack c1-r2']);
  });

  it('finds a host index from its id, ignoring case and spaces', () => {
    expect(resolveAsset(geo, ' C1-R2-H05 ')).toMatchObject({ kind: 'host', id: 'c1-r2-h05', index: 32 + 16 + 5 });
  });

  it('says what is wrong with an id that names nothing here', () => {
    const error = (id: string) => {
      const a = resolveAsset(geo, id);
      return isAsset(a) ? '' : a.error;
    };
    expect(error('')).toMatch(/^Type an asset id/);
    expect(error('rack7')).toMatch(/"rack7" is not an asset id; ids look like c0, c0-r1/);
    expect(error('c5-r0-h00')).toBe('There is no container c5: this data center has c0 to c1.');
    expect(error('c0-r9')).toBe('There is no rack c0-r9: c0 has racks r0 to r3.');
    expect(error('c0-r1-h08')).toBe('There is no host c0-r1-h08: c0-r1 has hosts h00 to h07.');
    expect(error('fc2')).toMatch(/FC replica/);
  });
});

describe('viewport', () => {
  it('picks the level of detail from the on-screen size of hosts and racks', () => {
    expect(lodFor(2)).toBe('hosts');
    expect(lodFor(0.45)).toBe('hosts');
    expect(lodFor(0.3)).toBe('racks');
    expect(lodFor(0.05)).toBe('containers');
  });

  it('fits a rectangle centred, never beyond the largest scale', () => {
    const t = fitTransform({ x: 0, y: 0, w: 100, h: 100 }, 1000, 700, 2);
    expect(t.k).toBe(2);
    expect(t.x).toBe(400);
    expect(t.y).toBe(250);
  });

  it('moves just enough to reveal a rectangle, and not at all when it is in view', () => {
    const t = { k: 1, x: 0, y: 0 };
    expect(revealTransform(t, { x: 100, y: 100, w: 20, h: 20 }, 1, 500, 500)).toEqual(t);
    expect(revealTransform(t, { x: 600, y: 100, w: 20, h: 20 }, 1, 500, 500)).toEqual({ k: 1, x: -(620 - 468), y: 0 });
  });

  it('finds the racks and host rows in view by arithmetic', () => {
    const geo = buildGeometry(layoutOf('cluster'));
    const k0 = geo.containers[0]!;
    // zoomed on the top-left corner of the container: a few racks and rows only
    const v = visibleContainers(geo, vp(2, -k0.x * 2, -k0.y * 2, 400, 400));
    expect(v).toHaveLength(1);
    expect(v[0]!.r0).toBe(0);
    expect(v[0]!.r1).toBeLessThan(5);
    expect(v[0]!.row0).toBe(0);
    expect(v[0]!.row1).toBeLessThanOrEqual(6);
    expect(worldView(vp(2, -100, -50, 400, 400))).toEqual({ x: 50, y: 25, w: 200, h: 200 });
  });

  it('gives the DOM layer host buttons only when there are not too many', () => {
    const geo = buildGeometry(layoutOf('region'));
    const wide = visibleContainers(geo, vp(0.5, 0, 0, 3000, 2000));
    expect(visibleHostCount(geo, wide)).toBeGreaterThan(DOM_HOSTS_MAX);
    expect(hostsInDom(geo, 0.5, wide)).toBe(false);
    const near = visibleContainers(geo, vp(1.5, 0, 0, 800, 600));
    expect(hostsInDom(geo, 1.5, near)).toBe(true);
  });
});

describe('the DOM layer holds', () => {
  const geo = buildGeometry(layoutOf('demo'));

  it('load balancers always, the containers in view with their aggregation switches, hosts at host level', () => {
    const all = visibleContainers(geo, vp(0.2, 0, 0, 2000, 2000));
    const far = layerItems(geo, { lod: 'containers', visible: all, hosts: false }, undefined).map((a) => a.id);
    expect(far).toEqual(['lb0', 'lb1', 'c0', 'c0-agg0', 'c0-agg1', 'c1', 'c1-agg0', 'c1-agg1']);
    const one = layerItems(geo, { lod: 'containers', visible: all.slice(1), hosts: false }, undefined).map((a) => a.id);
    expect(one).toEqual(['lb0', 'lb1', 'c1', 'c1-agg0', 'c1-agg1']);
    const visible = visibleContainers(geo, vp(1.5, 0, 0, 2000, 2000));
    const near = layerItems(geo, { lod: 'hosts', visible, hosts: true }, undefined);
    expect(near).toHaveLength(8 + 8 * 3 + 64);
    expect(near.map((a) => a.id).slice(5, 11)).toEqual(['c0-r0', 'c0-r0-tor', 'c0-r0-pdu', 'c0-r0-h00', 'c0-r0-h01', 'c0-r0-h02']);
  });

  it('the focused asset even when it is out of view', () => {
    const a = resolveAsset(geo, 'c1-r3-h07');
    if (!isAsset(a)) throw new Error(a.error);
    const items = layerItems(geo, { lod: 'containers', visible: [], hosts: false }, a);
    expect(items.at(-1)?.id).toBe('c1-r3-h07');
    expect(items.filter((i) => i.kind === 'host')).toHaveLength(1);
    const c1 = resolveAsset(geo, 'c1-agg1');
    if (!isAsset(c1)) throw new Error(c1.error);
    expect(layerItems(geo, { lod: 'containers', visible: [], hosts: false }, c1).map((i) => i.id)).toEqual(['lb0', 'lb1', 'c1-agg1']);
  });
});
