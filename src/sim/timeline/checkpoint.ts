/**
 * Checkpoints: a copy of a running Simulation that can later be resumed as if the
 * original had stopped there.
 *
 * A simulation is a graph of plain data and class instances wired together with a few
 * closures (event handlers, clocks, hooks) made by its constructor. Copying the data is
 * easy; copying the closures is not, because each one captures the object it was made
 * for. So a checkpoint is taken by building a fresh simulation from the same setup (its
 * constructor makes the same objects and the same closures, bound to the new objects)
 * and grafting the original's state onto it: every field is copied into the object at
 * the same place in the new graph, functions are kept from the new graph, and an object
 * reached twice is copied once (a memo keyed by the original object).
 *
 * The graft refuses what it cannot copy faithfully, rather than produce a simulation
 * that drifts: a function the fresh graph does not have at that place (a closure made
 * after construction), or an object the fresh graph shares differently from the
 * original. Tests run every shipped scenario through checkpoints and compare the event-
 * log hash with a straight run.
 */

import { Simulation } from '../simulation';

export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

type Obj = Record<string, unknown>;
type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray;

const isInstance = (o: object): boolean => {
  const proto = Object.getPrototypeOf(o) as object | null;
  return proto !== null && proto !== Object.prototype && !Array.isArray(o) && !(o instanceof Map) && !(o instanceof Set) && !ArrayBuffer.isView(o);
};

class Graft {
  /** Original object → its copy. */
  private readonly copies = new Map<object, unknown>();
  /**
   * Objects of the fresh graph already holding some original's state. Only the fresh
   * graph's objects can be offered for reuse, so the copies made anew are never in it:
   * it stays as small as the fresh simulation, however large the original.
   */
  private readonly used = new Set<object>();
  /** Where the graft is (field names and indexes from the root), for error messages only. */
  private readonly at: (string | number)[] = [];

  private path(): string {
    let out = 'simulation';
    for (const k of this.at) out += typeof k === 'number' ? `[${k}]` : k.startsWith('.') ? k : `.${k}`;
    return out;
  }

  /** The copy of `v`, reusing `into` (the fresh graph's object at the same place) when it fits. */
  value(v: unknown, into: unknown): unknown {
    if (typeof v === 'function') {
      if (typeof into === 'function') return into;
      throw new CheckpointError(`${this.path()}: a function that a fresh simulation does not have here (a closure made while running)`);
    }
    if (v === null || typeof v !== 'object') return v;
    // The same object in both graphs is module-level data (a constant table): shared, not copied.
    if (into === v) return v;
    const seen = this.copies.get(v);
    if (seen !== undefined) {
      // A class instance of the fresh graph left unused here may be what its closures captured.
      if (into !== null && typeof into === 'object' && into !== seen && !this.used.has(into) && isInstance(into)) {
        throw new CheckpointError(`${this.path()}: an object the fresh simulation does not share the way the original does`);
      }
      return seen;
    }
    const reuse = into !== null && typeof into === 'object' && !this.used.has(into) && !Object.isFrozen(into) ? into : undefined;
    if (ArrayBuffer.isView(v)) return this.typed(v as TypedArray, reuse);
    if (Array.isArray(v)) return this.array(v, reuse);
    if (v instanceof Map) return this.map(v, reuse);
    if (v instanceof Set) return this.set(v, reuse);
    return this.object(v as Obj, reuse);
  }

  private claim<T extends object>(original: object, copy: T, reused: boolean): T {
    this.copies.set(original, copy);
    if (reused) this.used.add(copy);
    return copy;
  }

  private typed(v: TypedArray, into: object | undefined): TypedArray {
    if (into && into.constructor === v.constructor && (into as TypedArray).length === v.length) {
      (into as TypedArray).set(v);
      return this.claim(v, into as TypedArray, true);
    }
    return this.claim(v, v.slice(), false);
  }

  private array(v: unknown[], into: object | undefined): unknown[] {
    const reused = Array.isArray(into);
    const n = v.length;
    if (!reused) {
      // a new copy: an exact-size copy of the same kind of array (a list of numbers stays
      // unboxed), then its objects replaced by their copies
      const out = v.slice();
      this.claim(v, out, false);
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (x !== null && (typeof x === 'object' || typeof x === 'function')) {
          this.at.push(i);
          out[i] = this.value(x, undefined);
          this.at.pop();
        }
      }
      return out;
    }
    const out = into as unknown[];
    const before = out.slice();
    this.claim(v, out, true);
    out.length = n;
    for (let i = 0; i < n; i++) {
      this.at.push(i);
      out[i] = this.value(v[i], before[i]);
      this.at.pop();
    }
    return out;
  }

  private map(v: Map<unknown, unknown>, into: object | undefined): Map<unknown, unknown> {
    const reused = into instanceof Map;
    const out = reused ? into : new Map<unknown, unknown>();
    const before = reused ? new Map(out) : undefined;
    this.claim(v, out, reused);
    out.clear();
    for (const [k, x] of v) {
      this.at.push('.key');
      const key = this.value(k, undefined);
      this.at.pop();
      this.at.push(`.get(${String(k)})`);
      out.set(key, this.value(x, before?.get(key)));
      this.at.pop();
    }
    return out;
  }

  private set(v: Set<unknown>, into: object | undefined): Set<unknown> {
    const reused = into instanceof Set;
    const out = reused ? into : new Set<unknown>();
    this.claim(v, out, reused);
    out.clear();
    this.at.push('.item');
    for (const x of v) out.add(this.value(x, undefined));
    this.at.pop();
    return out;
  }

  private object(v: Obj, into: object | undefined): Obj {
    const proto = Object.getPrototypeOf(v) as object | null;
    const reused = into !== undefined && Object.getPrototypeOf(into) === proto;
    const keys = Object.keys(v);
    let accessors = false;
    for (const k of keys) {
      const d = Object.getOwnPropertyDescriptor(v, k)!;
      if (d.get || d.set) accessors = true;
    }
    // A plain object copied anew is made by spreading it: the same fast shape as the
    // original (one built field by field goes to slow dictionary properties past a dozen).
    const plain = !reused && !accessors && proto === Object.prototype;
    const out = (reused ? into : plain ? { ...v } : Object.create(proto)) as Obj;
    this.claim(v, out, reused);
    for (const k of keys) {
      this.at.push(k);
      if (accessors) {
        const d = Object.getOwnPropertyDescriptor(v, k)!;
        if (d.get || d.set) {
          // An accessor is code, like a function: the fresh graph's own one is bound right.
          const mine = reused ? Object.getOwnPropertyDescriptor(out, k) : undefined;
          if (!mine?.get && !mine?.set) throw new CheckpointError(`${this.path()}: an accessor that a fresh simulation does not have here`);
          this.at.pop();
          continue;
        }
      }
      const x = v[k];
      if (x !== null && (typeof x === 'object' || typeof x === 'function')) out[k] = this.value(x, reused ? out[k] : undefined);
      else if (!plain) out[k] = x;
      this.at.pop();
    }
    // A field the original no longer has (an optional one deleted) goes too; methods stay.
    if (reused) for (const k of Object.keys(out)) if (!(k in v) && typeof out[k] !== 'function') delete out[k];
    if (Object.isFrozen(v)) Object.freeze(out);
    return out;
  }
}

/** A copy of `sim` that runs on exactly as `sim` would from here, and shares nothing with it. */
export function cloneSimulation(sim: Simulation): Simulation {
  const fresh = new Simulation({ ...sim.setup, deploy: [] });
  const graft = new Graft();
  graft.value(sim, fresh);
  return fresh;
}
