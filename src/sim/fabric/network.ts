/**
 * Network identities the FC hands out: a VIP per deployment slot, a DIP per instance
 * placement, a DNS name per service (`<service>.cloudapp.net` for production, a
 * `<guid>.cloudapp.net` for staging), and a VLAN per deployment. Pools are simple
 * counters over address ranges; names come from the seeded `names` stream.
 */

import type { Rng } from '../engine/prng';

const ip = (n: number): string => `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** Public VIPs from 65.52.0.0/14 and private DIPs from 10.0.0.0/8 (illustrative ranges). */
const VIP_BASE = (65 << 24) | (52 << 16);
const DIP_BASE = 10 << 24;

export class Network {
  private nextVip = 1;
  private nextDip = 1;
  private nextVlan = 100;
  private readonly freeVips: number[] = [];

  constructor(private readonly names: Rng) {}

  allocateVip(): string {
    const n = this.freeVips.length ? this.freeVips.pop()! : this.nextVip++;
    return ip((VIP_BASE + n) >>> 0);
  }

  releaseVip(vip: string): void {
    const parts = vip.split('.').map(Number);
    const n = (((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0) - (VIP_BASE >>> 0);
    this.freeVips.push(n);
  }

  /** A new DIP for a new placement (a re-created instance gets a new one). */
  allocateDip(): string {
    return ip((DIP_BASE + this.nextDip++) >>> 0);
  }

  allocateVlan(): number {
    return this.nextVlan++;
  }

  /** A staging DNS label: 32 hex digits, like the GUIDs Azure used. */
  stagingName(): string {
    let s = '';
    for (let i = 0; i < 4; i++) s += this.names.nextU32().toString(16).padStart(8, '0');
    return `${s}.cloudapp.net`;
  }

  /** A computer name for a new VM: a new one each time an instance is re-created (fidelity.md). */
  computerName(): string {
    return `RD00155D${this.names.nextU32().toString(16).toUpperCase().padStart(8, '0').slice(0, 6)}`;
  }
}
