/**
 * Applying a frame's record diff to the store's snapshot, at the cost of what changed:
 * each collection keeps an index from id to position (remembered per array), so a frame
 * that updates a few of 2,500 deployments copies the array once and replaces those few,
 * instead of rebuilding a map of every record. The result is the same as applyDiff of
 * sim/view/records.ts: updated records keep their place, new ones are appended in order.
 */

import type { ViewDiff, ViewRecord, ViewSnapshot } from '../../sim/view/records';

const indexes = new WeakMap<readonly ViewRecord[], Map<string, number>>();

function indexOf(list: readonly ViewRecord[]): Map<string, number> {
  let m = indexes.get(list);
  if (!m) {
    m = new Map();
    for (let i = 0; i < list.length; i++) m.set(list[i]!.id, i);
    indexes.set(list, m);
  }
  return m;
}

export function applyViewDiff(snap: ViewSnapshot, diff: ViewDiff): ViewSnapshot {
  const out: ViewSnapshot = { ...snap };
  for (const name of Object.keys(diff)) {
    const d = diff[name]!;
    let next: ViewRecord[];
    let idx: Map<string, number>;
    const prev = snap[name] ?? [];
    if (d.removed.length > 0) {
      const gone = new Set(d.removed);
      next = prev.filter((r) => !gone.has(r.id));
      idx = new Map();
      for (let i = 0; i < next.length; i++) idx.set(next[i]!.id, i);
    } else {
      next = prev.slice();
      // the index moves to the new array: positions of the records kept do not change
      idx = indexOf(prev);
      indexes.delete(prev);
    }
    for (const list of [d.added, d.updated]) {
      for (const r of list) {
        const i = idx.get(r.id);
        if (i === undefined) {
          idx.set(r.id, next.length);
          next.push(r);
        } else next[i] = r;
      }
    }
    indexes.set(next, idx);
    out[name] = next;
  }
  return out;
}
