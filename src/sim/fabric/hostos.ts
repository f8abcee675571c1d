/**
 * Host OS updates (fidelity.md): the FC updates the hosts in turn, so that no two update
 * domains of one role are down at the same time. Per host it drains the load balancer,
 * tells the roles they are stopping and allows them 5 minutes, shuts the VMs down,
 * reboots the host with the new OS and starts the VMs again (15 to 20 minutes a host).
 * Hosts go in batches: a batch holds hosts whose instances are, role by role, all in one
 * update domain; empty hosts fill batches up to a tenth of the data center. The result
 * is a wave across the data center.
 */

import type { Engine } from '../engine/engine';
import type { Fields } from '../engine/log';
import { MINUTE, SECOND } from '../engine/time';
import type { Hardware } from '../hardware/hardware';
import type { FabricController } from './controller';

/** How long roles get to stop after the Stopping notice (fidelity.md: 5 minutes). */
const STOP_GRACE_MS = { realistic: 5 * MINUTE, fast: 20 * SECOND } as const;

export class HostOsUpdate {
  private pending: number[] = [];
  private batch = new Set<number>();
  private batchNo = 0;
  private version = 0;
  active = false;
  /** Hosts updated in the current wave, and their total. */
  done = 0;
  total = 0;

  constructor(
    private readonly engine: Engine,
    private readonly hw: Hardware,
    private readonly fc: FabricController,
    private readonly profile: 'realistic' | 'fast',
  ) {
    engine.on('hostos.start', () => this.startNow());
    engine.on('hostos.batch', () => this.nextBatch());
    engine.on('hostos.reboot', (ev) => this.reboot(this.hostIndex(ev.subject)), { quiet: true });
    engine.on('hostos.check', (ev) => this.check(ev.data.batch as number), { quiet: true });
    engine.on('hostos.completed', () => ({ hosts: this.total, version: `host OS ${this.version}` }));
  }

  private hostIndex(id: string): number {
    return this.hw.dc.topology.hostIndex(id);
  }

  request(): void {
    if (this.active) throw new Error('a host OS update is already rolling across the data center');
    this.active = true;
    this.fc.decide('hostos.start', 'fc');
  }

  private startNow(): Fields {
    this.version++;
    const dc = this.hw.dc;
    this.pending = [];
    for (let h = 0; h < dc.hostCount; h++) if (dc.statusOf(h) === 'Healthy') this.pending.push(h);
    this.total = this.pending.length;
    this.done = 0;
    this.batchNo = 0;
    this.engine.after(0, 'hostos.batch', 'fc');
    return { hosts: this.total, version: `host OS ${this.version}` };
  }

  /** Picks the next batch: per (deployment, role) at most one update domain. */
  private nextBatch(): Fields | null {
    const cap = Math.max(1, Math.ceil(this.hw.dc.hostCount / 10));
    const udOf = new Map<string, number>();
    const rest: number[] = [];
    this.batch = new Set();
    for (const h of this.pending) {
      if (this.batch.size >= cap || this.hw.dc.statusOf(h) !== 'Healthy') {
        rest.push(h);
        continue;
      }
      const insts = [...this.fc.instancesOnHost(h)];
      const fits = insts.every((i) => {
        const ud = udOf.get(`${i.deployment}|${i.role}`);
        return ud === undefined || ud === i.ud;
      });
      if (!fits) {
        rest.push(h);
        continue;
      }
      for (const i of insts) udOf.set(`${i.deployment}|${i.role}`, i.ud);
      this.batch.add(h);
    }
    this.pending = rest.filter((h) => this.hw.dc.statusOf(h) === 'Healthy');
    if (this.batch.size === 0) {
      this.active = false;
      this.engine.after(0, 'hostos.completed', 'fc');
      return null;
    }
    this.batchNo++;
    for (const h of this.batch) {
      this.fc.drainHost(h);
      this.engine.after(STOP_GRACE_MS[this.profile], 'hostos.reboot', this.hw.dc.topology.hostId(h));
    }
    this.engine.after(STOP_GRACE_MS[this.profile] + this.hw.timing.hostBootMs + MINUTE, 'hostos.check', 'fc', { batch: this.batchNo });
    return { batch: this.batchNo, hosts: this.batch.size, remaining: this.pending.length };
  }

  private reboot(h: number): null {
    if (!this.batch.has(h)) return null;
    this.fc.shutDownVms(h);
    this.hw.health.startBoot(h);
    return null;
  }

  /** The batch is done when its hosts are back and their instances ready again. */
  private check(batch: number): null {
    if (batch !== this.batchNo || this.batch.size === 0) return null;
    const waiting = [...this.batch].some((h) => {
      if (this.hw.dc.rebooting[h]) return true;
      return [...this.fc.instancesOnHost(h)].some((i) => i.status !== 'ReadyRole' && i.phase !== 'unplaced');
    });
    if (waiting) {
      this.engine.after(MINUTE, 'hostos.check', 'fc', { batch });
      return null;
    }
    this.done += this.batch.size;
    this.batch = new Set();
    this.engine.after(0, 'hostos.batch', 'fc');
    return null;
  }

  /** Hosts being updated now (for the data center view's wave). */
  updating(): ReadonlySet<number> {
    return this.batch;
  }
}
