import { describe, expect, it } from 'vitest';
import { assetOf } from './assets';
import { buildGeometry } from './geometry';
import { presetLayout } from './layout-fixture';
import { navigate, type NavKey } from './navigation';

const demo = buildGeometry(presetLayout('demo'));
const cluster = buildGeometry(presetLayout('cluster'));

function move(from: string, key: NavKey, geo = demo, overview = false): string | undefined {
  const a = assetOf(geo, from);
  if (!a) throw new Error(`no ${from}`);
  return navigate(geo, a, key, overview)?.id;
}

describe('arrow keys', () => {
  it('move up and down within a rack, through its head', () => {
    expect(move('c0-r1-h03', 'ArrowDown')).toBe('c0-r1-h04');
    expect(move('c0-r1-h03', 'ArrowUp')).toBe('c0-r1-h02');
    expect(move('c0-r1-h00', 'ArrowUp')).toBe('c0-r1-pdu');
    expect(move('c0-r1-pdu', 'ArrowUp')).toBe('c0-r1-tor');
    expect(move('c0-r1-tor', 'ArrowUp')).toBe('c0-r1');
    expect(move('c0-r1', 'ArrowUp')).toBe('c0');
    expect(move('c0', 'ArrowUp')).toBe('lb0');
    expect(move('c0-r1-tor', 'ArrowDown')).toBe('c0-r1-pdu');
    expect(move('c0-r1-pdu', 'ArrowDown')).toBe('c0-r1-h00');
    expect(move('c0-r1-h07', 'ArrowDown')).toBeUndefined();
  });

  it('move left and right between racks, on the same row, across containers', () => {
    expect(move('c0-r1-h03', 'ArrowRight')).toBe('c0-r2-h03');
    expect(move('c0-r1-h03', 'ArrowLeft')).toBe('c0-r0-h03');
    expect(move('c0-r3-h05', 'ArrowRight')).toBe('c1-r0-h05');
    expect(move('c0-r0-h05', 'ArrowLeft')).toBeUndefined();
    expect(move('c1-r3-h05', 'ArrowRight')).toBeUndefined();
    expect(move('c0-r2-tor', 'ArrowRight')).toBe('c0-r3-tor');
    expect(move('c0-r2-pdu', 'ArrowLeft')).toBe('c0-r1-pdu');
  });

  it('Home, End, Page Up and Page Down go along the rack', () => {
    expect(move('c0-r1-h03', 'Home')).toBe('c0-r1-h00');
    expect(move('c0-r1-h03', 'End')).toBe('c0-r1-h07');
    expect(move('c0-r1-tor', 'End')).toBe('c0-r1-h07');
    expect(move('c0-r4-h03', 'PageDown', cluster)).toBe('c0-r4-h13');
    expect(move('c0-r4-h45', 'PageDown', cluster)).toBe('c0-r4-h49');
    expect(move('c0-r4-h05', 'PageUp', cluster)).toBe('c0-r4-h00');
  });

  it('reach the aggregation pair and the load balancers', () => {
    expect(move('c0', 'ArrowRight')).toBe('c0-agg0');
    expect(move('c0-agg0', 'ArrowRight')).toBe('c0-agg1');
    expect(move('c0-agg1', 'ArrowRight')).toBe('c1');
    expect(move('c1', 'ArrowLeft')).toBe('c0-agg1');
    expect(move('c0-agg1', 'ArrowDown')).toBe('c0-r3');
    expect(move('lb0', 'ArrowRight')).toBe('lb1');
    expect(move('lb1', 'ArrowDown')).toBe('c0');
  });

  it('move between containers in the grid when zoomed out', () => {
    const region = buildGeometry(presetLayout('region'));
    expect(move('c0', 'ArrowRight', region, true)).toBe('c1');
    expect(move('c0', 'ArrowDown', region, true)).toBe(`c${region.cols}`);
    expect(move(`c${region.cols}`, 'ArrowUp', region, true)).toBe('c0');
    expect(move('c0', 'End', region, true)).toBe('c49');
  });
});
