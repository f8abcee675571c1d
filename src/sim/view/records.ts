/**
 * A keyed record store for the UI's read model, with change tracking: every change
 * since the last `takeDiff()` comes out as `{added, updated, removed}` per collection,
 * keyed by id (the shape of tldraw's RecordsDiff). A frame carries only what changed.
 */

export interface ViewRecord {
  readonly id: string;
}

export interface CollectionDiff<R extends ViewRecord = ViewRecord> {
  readonly added: R[];
  readonly updated: R[];
  readonly removed: string[];
}

export type ViewDiff = Record<string, CollectionDiff>;
export type ViewSnapshot = Record<string, ViewRecord[]>;

const enum Change {
  Added = 1,
  Updated = 2,
  Removed = 3,
}

export class ViewStore {
  private readonly collections = new Map<string, Map<string, ViewRecord>>();
  private readonly changes = new Map<string, Map<string, Change>>();

  private coll(name: string): Map<string, ViewRecord> {
    let c = this.collections.get(name);
    if (!c) {
      c = new Map();
      this.collections.set(name, c);
    }
    return c;
  }

  private mark(name: string, id: string, change: Change): void {
    let m = this.changes.get(name);
    if (!m) {
      m = new Map();
      this.changes.set(name, m);
    }
    const prev = m.get(id);
    if (prev === undefined) m.set(id, change);
    else if (prev === Change.Added && change === Change.Removed) m.delete(id);
    else if (prev === Change.Added) m.set(id, Change.Added);
    else if (prev === Change.Removed && change !== Change.Removed) m.set(id, Change.Updated);
    else m.set(id, change);
  }

  get<R extends ViewRecord>(name: string, id: string): R | undefined {
    return this.collections.get(name)?.get(id) as R | undefined;
  }

  /** Adds or replaces a record. Records are treated as immutable: put a new object to change one. */
  put<R extends ViewRecord>(name: string, rec: R): void {
    const c = this.coll(name);
    const existed = c.has(rec.id);
    c.set(rec.id, rec);
    this.mark(name, rec.id, existed ? Change.Updated : Change.Added);
  }

  remove(name: string, id: string): void {
    const c = this.collections.get(name);
    if (c?.delete(id)) this.mark(name, id, Change.Removed);
  }

  size(name: string): number {
    return this.collections.get(name)?.size ?? 0;
  }

  /** What changed since the previous call. */
  takeDiff(): ViewDiff {
    const out: ViewDiff = {};
    for (const [name, m] of this.changes) {
      if (m.size === 0) continue;
      const c = this.coll(name);
      const d: CollectionDiff = { added: [], updated: [], removed: [] };
      for (const [id, ch] of m) {
        if (ch === Change.Removed) d.removed.push(id);
        else (ch === Change.Added ? d.added : d.updated).push(c.get(id)!);
      }
      out[name] = d;
    }
    this.changes.clear();
    return out;
  }

  /** Every record of every collection; also clears the pending diff. */
  snapshot(): ViewSnapshot {
    this.changes.clear();
    const out: ViewSnapshot = {};
    for (const [name, c] of this.collections) out[name] = [...c.values()];
    return out;
  }
}

/** Applies a diff to a plain snapshot (what the UI keeps), returning a new object per changed collection. */
export function applyDiff(snap: ViewSnapshot, diff: ViewDiff): ViewSnapshot {
  const out: ViewSnapshot = { ...snap };
  for (const name of Object.keys(diff)) {
    const d = diff[name]!;
    const byId = new Map((snap[name] ?? []).map((r) => [r.id, r] as const));
    for (const id of d.removed) byId.delete(id);
    for (const r of d.added) byId.set(r.id, r);
    for (const r of d.updated) byId.set(r.id, r);
    out[name] = [...byId.values()];
  }
  return out;
}
