/**
 * Device drivers. The FC never touches a device directly: it issues a typed command to
 * the driver of that kind of device, which answers after a latency drawn from the
 * seeded `latency` stream, or times out when the device cannot be reached. Failed
 * commands are retried with exponential backoff and jitter; the caller hears only the
 * final outcome, as an event it named. Every attempt and outcome goes to the driver log.
 *
 * Management paths (a simulator choice, documented in docs/hardware.md): a host's power
 * is switched at its rack's PDU, whose management port sits behind the rack's ToR
 * switch; everything in a container is reached through its aggregation pair.
 */

import type { Engine } from '../engine/engine';
import type { FieldValue, Fields } from '../engine/log';
import { parseAssetId } from './ids';
import type { Datacenter } from './datacenter';
import type { LoadBalancerKind } from './spec';
import type { TimingProfile } from './timing';

export type DeviceKind = 'host' | 'tor' | 'pdu' | 'agg' | 'lb';

/** The commands each driver takes. A hardware and a software load balancer share one interface. */
export const DRIVER_OPS = {
  host: ['powerOn', 'powerOff', 'powerCycle', 'pxeBoot', 'copyBaseVhd', 'createVm', 'startRole', 'stopRole', 'rebootVm', 'reimageVm', 'destroyVm', 'runBurnIn', 'ping'],
  tor: ['createVlan', 'addPort', 'removePort', 'ping'],
  agg: ['ping'],
  pdu: ['outletOn', 'outletOff', 'ping'],
  lb: ['allocateVip', 'releaseVip', 'addDip', 'removeDip', 'probe', 'ping'],
} as const satisfies Record<DeviceKind, readonly string[]>;

export type DriverOp<K extends DeviceKind = DeviceKind> = (typeof DRIVER_OPS)[K][number];

export type CommandOutcome = 'ok' | 'failed' | 'timeout';

export interface DriverLogEntry {
  readonly cmd: number;
  readonly t: number;
  readonly device: string;
  readonly op: string;
  readonly attempt: number;
  readonly outcome: CommandOutcome | 'sent';
  readonly detail: string;
}

/** Where the caller hears the final outcome: an event of its own kind, with `ok`, `outcome`, `cmd` added. */
export interface Reply {
  readonly kind: string;
  readonly subject: string;
  readonly data?: Fields;
}

interface Pending {
  readonly cmd: number;
  readonly device: string;
  readonly kind: DeviceKind;
  readonly op: string;
  readonly args: Fields;
  readonly reply: Reply;
  /** Extra time the command takes on the device (e.g. copying a VHD), on top of latency. */
  readonly workMs: number;
  attempt: number;
}

/** Median command latency of each load balancer driver (simulator parameters). */
const LB_LATENCY_MS: Record<LoadBalancerKind, number> = { hardware: 20, software: 150 };

const POWER_OPS: ReadonlySet<string> = new Set(['powerOn', 'powerOff', 'powerCycle']);

const LOG_CAPACITY = 2000;
const PER_DEVICE = 20;

export class Drivers {
  private nextCmd = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly ring: DriverLogEntry[] = [];
  private ringStart = 0;
  private readonly byDevice = new Map<string, DriverLogEntry[]>();
  private total = 0;
  /** Applies an op's effect on the device when it succeeds (set by the model that owns the effect). */
  private readonly effects = new Map<string, (device: string, args: Fields) => void>();

  constructor(
    private readonly engine: Engine,
    private readonly dc: Datacenter,
    private readonly timing: TimingProfile,
  ) {
    engine.on('driver.answer', (ev) => this.answer(ev.data.cmd as number, ev.data.outcome as CommandOutcome), { quiet: true });
    engine.on('driver.retry', (ev) => this.send(ev.data.cmd as number), { quiet: true });
  }

  /** Registers what a successful `kind.op` does to the world. */
  onSuccess(kind: DeviceKind, op: string, effect: (device: string, args: Fields) => void): void {
    this.effects.set(`${kind}.${op}`, effect);
  }

  /**
   * Issues a command. `workMs` is how long the device itself works on it once reached
   * (a VHD copy, a burn-in run). Returns the command number.
   */
  issue(device: string, op: string, args: Fields, reply: Reply, workMs = 0): number {
    const kind = deviceKind(device);
    if (!(DRIVER_OPS[kind] as readonly string[]).includes(op)) throw new Error(`the ${kind} driver has no command ${op}`);
    const cmd = this.nextCmd++;
    this.pending.set(cmd, { cmd, device, kind, op, args, reply, workMs, attempt: 1 });
    this.send(cmd);
    return cmd;
  }

  private send(cmd: number): null {
    const p = this.pending.get(cmd);
    if (!p) return null;
    const reach = this.reachability(p.device, p.kind, p.op);
    this.record(p, 'sent', `${p.op}${argsText(p.args)}`);
    const lat = this.latency(p.kind);
    if (reach === 'ok') this.engine.after(lat + p.workMs, 'driver.answer', p.device, { cmd, outcome: 'ok' });
    else if (reach === 'dead') this.engine.after(lat, 'driver.answer', p.device, { cmd, outcome: 'failed' });
    else this.engine.after(this.timing.driverTimeoutMs, 'driver.answer', p.device, { cmd, outcome: 'timeout' });
    return null;
  }

  private answer(cmd: number, sent: CommandOutcome): null {
    const p = this.pending.get(cmd);
    if (!p) return null;
    // The device may have failed while it worked on the command.
    let outcome = sent;
    if (outcome === 'ok') {
      const now = this.reachability(p.device, p.kind, p.op);
      if (now !== 'ok') outcome = now === 'dead' ? 'failed' : 'timeout';
    }
    if (outcome === 'ok') {
      this.record(p, 'ok', 'done');
      this.pending.delete(cmd);
      this.effects.get(`${p.kind}.${p.op}`)?.(p.device, p.args);
      this.reply(p, 'ok');
      return null;
    }
    this.record(p, outcome, outcome === 'timeout' ? 'no answer: device unreachable' : 'device reported failure');
    if (p.attempt < this.timing.driverAttempts) {
      const backoff = this.timing.driverBackoffMs * 2 ** (p.attempt - 1);
      const jitter = this.engine.rng('latency').int(0, Math.floor(backoff / 2));
      p.attempt++;
      this.engine.after(backoff + jitter, 'driver.retry', p.device, { cmd });
      return null;
    }
    this.pending.delete(cmd);
    this.reply(p, outcome);
    return null;
  }

  private reply(p: Pending, outcome: CommandOutcome): void {
    this.engine.after(0, p.reply.kind, p.reply.subject, { ...p.reply.data, ok: outcome === 'ok', outcome, cmd: p.cmd, op: p.op });
  }

  private latency(kind: DeviceKind): number {
    const median = kind === 'lb' ? LB_LATENCY_MS[this.dc.spec.loadBalancer] : this.timing.driverLatencyMs;
    return this.engine.rng('latency').latency(median, 1, median * 20);
  }

  /** Can the FC reach the device, is the device dead, or does the command vanish (timeout)? */
  reachability(device: string, kind: DeviceKind, op: string): 'ok' | 'dead' | 'unreachable' {
    const ref = parseAssetId(device);
    const topo = this.dc.topology;
    switch (ref?.kind) {
      case 'host': {
        const h = topo.hostIndex(device);
        if (!this.dc.networkUp(h)) return 'unreachable';
        // Power commands are switched at the rack's PDU outlet: they work on a hung or
        // crashed host, and fail when the PDU itself is dead.
        if (POWER_OPS.has(op)) return this.dc.pduUp[topo.rackOf(h).index] === 1 && !this.dc.containers[topo.rackOf(h).container]!.failed ? 'ok' : 'dead';
        return this.dc.responsive(h) ? 'ok' : 'unreachable';
      }
      case 'tor':
      case 'pdu': {
        const rack = topo.rack(ref.c, ref.r)!;
        const cont = this.dc.containers[ref.c]!;
        const aggUp = cont.aggUp[0] || cont.aggUp[1];
        if (ref.kind === 'tor') return this.dc.torUp[rack.index] === 0 || cont.failed ? 'unreachable' : aggUp ? 'ok' : 'unreachable';
        if (this.dc.torUp[rack.index] === 0 || !aggUp) return 'unreachable';
        return this.dc.pduUp[rack.index] === 0 || cont.failed ? 'dead' : 'ok';
      }
      case 'agg': {
        const cont = this.dc.containers[ref.c]!;
        return cont.aggUp[ref.n] && !cont.failed ? 'ok' : 'unreachable';
      }
      case 'lb':
        return this.dc.lbUp[ref.n] ? 'ok' : 'unreachable';
      default:
        throw new Error(`no driver for ${device} (${kind})`);
    }
  }

  private record(p: Pending, outcome: DriverLogEntry['outcome'], detail: string): void {
    const e: DriverLogEntry = { cmd: p.cmd, t: this.engine.now, device: p.device, op: p.op, attempt: p.attempt, outcome, detail };
    this.total++;
    if (this.ring.length < LOG_CAPACITY) this.ring.push(e);
    else {
      this.ring[this.ringStart] = e;
      this.ringStart = (this.ringStart + 1) % LOG_CAPACITY;
    }
    let d = this.byDevice.get(p.device);
    if (!d) {
      d = [];
      this.byDevice.set(p.device, d);
    }
    d.push(e);
    if (d.length > PER_DEVICE) d.shift();
  }

  /** Driver log entries written so far. */
  get logCount(): number {
    return this.total;
  }

  /** The newest driver log entries, oldest first. */
  recent(n = LOG_CAPACITY): DriverLogEntry[] {
    const all = [...this.ring.slice(this.ringStart), ...this.ring.slice(0, this.ringStart)];
    return all.slice(-n);
  }

  /** Entries with index >= `from` in the order written (for frames), at most `max`. */
  since(from: number, max = 200): DriverLogEntry[] {
    const k = Math.min(this.total - from, max, this.ring.length);
    return k <= 0 ? [] : this.recent(k);
  }

  forDevice(device: string): readonly DriverLogEntry[] {
    return this.byDevice.get(device) ?? [];
  }

  get inFlight(): number {
    return this.pending.size;
  }
}

export function deviceKind(device: string): DeviceKind {
  const ref = parseAssetId(device);
  switch (ref?.kind) {
    case 'host':
    case 'tor':
    case 'pdu':
    case 'agg':
    case 'lb':
      return ref.kind;
    default:
      throw new Error(`${device} is not a device with a driver`);
  }
}

function argsText(args: Fields): string {
  const keys = Object.keys(args);
  if (keys.length === 0) return '';
  return `(${keys.map((k) => `${k}=${String(args[k] as FieldValue)}`).join(', ')})`;
}
