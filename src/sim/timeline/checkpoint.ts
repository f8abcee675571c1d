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
  /** Objects of the fresh graph already holding some original's state. */
  private readonly used = new Set<object>();

  /** The copy of `v`, reusing `into` (the fresh graph's object at the same place) when it fits. */
  value(v: unknown, into: unknown, path: string): unknown {
    if (typeof v === 'function') {
      if (typeof into === 'function') return into;
      throw new CheckpointError(`${path}: a function that a fresh simulation does not have here (a closure made while running)`);
    }
    if (v === null || typeof v !== 'object') return v;
    // The same object in both graphs is module-level data (a constant table): shared, not copied.
    if (into === v) return v;
    const seen = this.copies.get(v);
    if (seen !== undefined) {
      // A class instance of the fresh graph left unused here may be what its closures captured.
      if (into !== null && typeof into === 'object' && into !== seen && !this.used.has(into) && isInstance(into)) {
        throw new CheckpointError(`${path}: an object the fresh simulation does not share the way the original does`);
      }
      return seen;
    }
    const reuse = into !== null && typeof into === 'object' && !this.used.has(into) && !Object.isFrozen(into) ? into : undefined;
    if (ArrayBuffer.isView(v)) return this.typed(v as TypedArray, reuse);
    if (Array.isArray(v)) return this.array(v, reuse, path);
    if (v instanceof Map) return this.map(v, reuse, path);
    if (v instanceof Set) return this.set(v, reuse, path);
    return this.object(v as Obj, reuse, path);
  }

  private claim<T extends object>(original: object, copy: T): T {
    this.copies.set(original, copy);
    this.used.add(copy);
    return copy;
  }

  private typed(v: TypedArray, into: object | undefined): TypedArray {
    if (into && into.constructor === v.constructor && (into as TypedArray).length === v.length) {
      (into as TypedArray).set(v);
      return this.claim(v, into as TypedArray);
    }
    return this.claim(v, v.slice());
  }

  private array(v: unknown[], into: object | undefined, path: string): unknown[] {
    const out = Array.isArray(into) ? into : [];
    const before = out.slice();
    this.claim(v, out);
    out.length = v.length;
    for (let i = 0; i < v.length; i++) out[i] = this.value(v[i], before[i], `${path}[${i}]`);
    return out;
  }

  private map(v: Map<unknown, unknown>, into: object | undefined, path: string): Map<unknown, unknown> {
    const out = into instanceof Map ? into : new Map<unknown, unknown>();
    const before = new Map(out);
    this.claim(v, out);
    out.clear();
    for (const [k, x] of v) {
      const key = this.value(k, undefined, `${path}.key`);
      out.set(key, this.value(x, before.get(key), `${path}.get(${String(k)})`));
    }
    return out;
  }

  private set(v: Set<unknown>, into: object | undefined, path: string): Set<unknown> {
    const out = into instanceof Set ? into : new Set<unknown>();
    this.claim(v, out);
    out.clear();
    for (const x of v) out.add(this.value(x, undefined, `${path}.item`));
    return out;
  }

  private object(v: Obj, into: object | undefined, path: string): Obj {
    const proto = Object.getPrototypeOf(v) as object | null;
    const out = (into && Object.getPrototypeOf(into) === proto ? into : Object.create(proto)) as Obj;
    this.claim(v, out);
    const keys = Object.keys(v);
    for (const k of keys) {
      const d = Object.getOwnPropertyDescriptor(v, k)!;
      if (d.get || d.set) {
        // An accessor is code, like a function: the fresh graph's own one is bound right.
        const mine = out === into ? Object.getOwnPropertyDescriptor(out, k) : undefined;
        if (!mine?.get && !mine?.set) throw new CheckpointError(`${path}.${k}: an accessor that a fresh simulation does not have here`);
        continue;
      }
      out[k] = this.value(d.value, out[k], `${path}.${k}`);
    }
    // A field the original no longer has (an optional one deleted) goes too; methods stay.
    if (out === into) for (const k of Object.keys(out)) if (!(k in v) && typeof out[k] !== 'function') delete out[k];
    if (Object.isFrozen(v)) Object.freeze(out);
    return out;
  }
}

/** A copy of `sim` that runs on exactly as `sim` would from here, and shares nothing with it. */
export function cloneSimulation(sim: Simulation): Simulation {
  const fresh = new Simulation({ ...sim.setup, deploy: [] });
  const graft = new Graft();
  graft.value(sim, fresh, 'simulation');
  return fresh;
}
