/**
 * Free capacity, indexed so that placement never scans the data center: per host the
 * cores, memory and disk in use (typed arrays); per rack the free cores of its eligible
 * hosts; and a max-heap of racks by free cores (lazy: stale entries are skipped) to find
 * room for a new fault domain in O(log racks). Finding a host inside a rack scans only
 * that rack, and a rack without the free cores in all is passed over at once. Placing n
 * instances costs about n log(racks) + n x hosts-per-rack.
 */

import type { Datacenter } from '../hardware/datacenter';

export interface Demand {
  readonly cores: number;
  readonly memoryMiB: number;
  readonly diskGiB: number;
}

export class Capacity {
  usedCores = new Uint16Array(0);
  usedMemory = new Float64Array(0);
  usedDisk = new Float64Array(0);
  /** Instances the FC has placed on each host. */
  instances = new Uint16Array(0);
  /** Free cores of eligible hosts, per rack. */
  rackFree = new Int32Array(0);
  private eligibleFlag = new Uint8Array(0);
  private heap: [number, number][] = [];

  constructor(private readonly dc: Datacenter) {
    this.grow();
  }

  /** Takes in hosts and racks of containers added since the last call (the FC calls it when a container is added). */
  grow(): void {
    const n = this.dc.hostCount;
    if (n === this.usedCores.length) return;
    const g16 = (a: Uint16Array) => {
      const b = new Uint16Array(n);
      b.set(a);
      return b;
    };
    const g64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const old = this.usedCores.length;
    this.usedCores = g16(this.usedCores);
    this.instances = g16(this.instances);
    this.usedMemory = g64(this.usedMemory);
    this.usedDisk = g64(this.usedDisk);
    const flags = new Uint8Array(n);
    flags.set(this.eligibleFlag);
    this.eligibleFlag = flags;
    const racks = new Int32Array(this.dc.topology.racks.length);
    racks.set(this.rackFree);
    this.rackFree = racks;
    for (let h = old; h < n; h++) this.refresh(h);
  }

  /** Whether the FC may place new instances on the host now. */
  eligible(h: number): boolean {
    if (this.dc.statusOf(h) !== 'Healthy') return false;
    const c = this.dc.containers[this.dc.topology.rackOf(h).container]!;
    return c.state === 'InService' && !c.failed;
  }

  freeCores(h: number): number {
    return this.dc.spec.host.cores - this.usedCores[h]!;
  }

  fits(h: number, d: Demand): boolean {
    const host = this.dc.spec.host;
    return (
      this.usedCores[h]! + d.cores <= host.cores &&
      this.usedMemory[h]! + d.memoryMiB <= host.memoryMiB &&
      this.usedDisk[h]! + d.diskGiB <= host.diskGiB
    );
  }

  /** Whether the index counts the host as eligible (what `eligible` said when last re-read). */
  indexedEligible(h: number): boolean {
    return this.eligibleFlag[h] === 1;
  }

  /** Re-reads a host's eligibility (after its status or its container changed); true when it has just become eligible. */
  refresh(h: number): boolean {
    if (h >= this.eligibleFlag.length) this.grow();
    const now = this.eligible(h) ? 1 : 0;
    if (now === this.eligibleFlag[h]) return false;
    this.eligibleFlag[h] = now;
    const r = this.dc.topology.rackOf(h).index;
    this.rackFree[r]! += (now ? 1 : -1) * this.freeCores(h);
    this.pushRack(r);
    return now === 1;
  }

  /**
   * Re-reads the eligibility of every host of a container (after the container was added,
   * changed service state, failed or was repaired), taking in a new container's hosts
   * first: costs the container's hosts, not the data center's. True when some host has
   * just become eligible.
   */
  refreshContainer(c: number): boolean {
    this.grow();
    const info = this.dc.topology.containers[c]!;
    let gained = false;
    for (let h = info.firstHost; h < info.firstHost + info.hostCount; h++) gained = this.refresh(h) || gained;
    return gained;
  }

  reserve(h: number, d: Demand): void {
    this.usedCores[h]! += d.cores;
    this.usedMemory[h]! += d.memoryMiB;
    this.usedDisk[h]! += d.diskGiB;
    this.instances[h]!++;
    this.dc.touchHost(h);
    if (this.eligibleFlag[h]) {
      const r = this.dc.topology.rackOf(h).index;
      this.rackFree[r]! -= d.cores;
      this.pushRack(r);
    }
  }

  release(h: number, d: Demand): void {
    this.usedCores[h]! -= d.cores;
    this.usedMemory[h]! -= d.memoryMiB;
    this.usedDisk[h]! -= d.diskGiB;
    this.instances[h]!--;
    this.dc.touchHost(h);
    if (this.eligibleFlag[h]) {
      const r = this.dc.topology.rackOf(h).index;
      this.rackFree[r]! += d.cores;
      this.pushRack(r);
    }
  }

  /** The eligible host of a rack where `d` fits with the most free cores left (spreads load), or -1. */
  hostInRack(rack: number, d: Demand): number {
    // no eligible host of a rack with fewer free cores in all can take it: a full rack costs O(1)
    if (this.rackFree[rack]! < d.cores) return -1;
    const info = this.dc.topology.racks[rack]!;
    let best = -1;
    let bestFree = -1;
    for (let h = info.firstHost; h < info.firstHost + info.hostCount; h++) {
      if (!this.eligibleFlag[h] || !this.fits(h, d)) continue;
      const free = this.freeCores(h);
      if (free > bestFree) {
        best = h;
        bestFree = free;
      }
    }
    return best;
  }

  /**
   * Racks not in `exclude` with a host where `d` fits, the roomiest first, at most `k`.
   * Uses the heap; racks are returned to it afterwards.
   */
  roomiestRacks(k: number, d: Demand, exclude: ReadonlySet<number>): number[] {
    const out: number[] = [];
    const popped: [number, number][] = [];
    const seen = new Set<number>();
    while (out.length < k && this.heap.length > 0) {
      const top = this.popHeap()!;
      const [free, r] = top;
      if (free !== this.rackFree[r] || seen.has(r)) continue; // stale entry
      seen.add(r);
      popped.push(top);
      if (free < d.cores) break; // nothing further down has room
      if (!exclude.has(r) && this.hostInRack(r, d) >= 0) out.push(r);
    }
    for (const e of popped) this.pushHeapEntry(e);
    if (this.heap.length > 4 * this.rackFree.length + 64) this.rebuildHeap();
    return out;
  }

  private pushRack(r: number): void {
    this.pushHeapEntry([this.rackFree[r]!, r]);
  }

  // max-heap on free cores, then lower rack index first
  private before(a: [number, number], b: [number, number]): boolean {
    return a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);
  }

  private pushHeapEntry(e: [number, number]): void {
    const h = this.heap;
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(e, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = e;
  }

  private popHeap(): [number, number] | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= h.length) break;
        if (c + 1 < h.length && this.before(h[c + 1]!, h[c]!)) c++;
        if (!this.before(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }

  private rebuildHeap(): void {
    this.heap = [];
    for (let r = 0; r < this.rackFree.length; r++) this.pushRack(r);
  }
}
