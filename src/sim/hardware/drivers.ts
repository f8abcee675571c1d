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
import { parseAssetId, type AssetRef } from './ids';
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
  /** The device, parsed once when the command is issued (its host index for a host). */
  readonly ref: AssetRef;
  readonly host: number;
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

/** Every driver op, numbered for the packed log. */
const OPS: readonly string[] = [...new Set(Object.values(DRIVER_OPS).flat())];
const OP_CODE: ReadonlyMap<string, number> = new Map(OPS.map((op, i) => [op, i]));
const OUTCOMES: readonly DriverLogEntry['outcome'][] = ['sent', 'ok', 'failed', 'timeout'];
const OUTCOME_CODE: Readonly<Record<DriverLogEntry['outcome'], number>> = { sent: 0, ok: 1, failed: 2, timeout: 3 };
const DETAILS: Readonly<Record<string, string>> = { ok: 'done', timeout: 'no answer: device unreachable', failed: 'device reported failure' };

/**
 * The newest entries of a driver log, packed: per entry its time, one number holding the
 * command number, op, attempt and outcome, and the command's arguments (the detail of a
 * `sent` entry is written from them only when asked). A host's log costs a few hundred
 * bytes instead of an object and a string per entry: the region has 100,000 of them.
 */
class PackedLog {
  /** Per entry: t, then cmd * 65536 + op * 1024 + attempt * 4 + outcome. */
  private readonly nums: number[] = [];
  private readonly args: Fields[] = [];
  /** Device of each entry (the data center's log only). */
  private readonly devices: string[] | undefined;
  /** Index of the oldest entry once the ring is full. */
  private head = 0;

  constructor(
    private readonly capacity: number,
    withDevices: boolean,
  ) {
    this.devices = withDevices ? [] : undefined;
  }

  get length(): number {
    return this.args.length;
  }

  push(t: number, cmd: number, op: string, attempt: number, outcome: DriverLogEntry['outcome'], args: Fields, device: string): void {
    const key = cmd * 65536 + (OP_CODE.get(op) ?? 0) * 1024 + Math.min(attempt, 255) * 4 + OUTCOME_CODE[outcome];
    if (this.args.length < this.capacity) {
      this.nums.push(t, key);
      this.args.push(args);
      this.devices?.push(device);
      return;
    }
    const i = this.head;
    this.nums[2 * i] = t;
    this.nums[2 * i + 1] = key;
    this.args[i] = args;
    if (this.devices) this.devices[i] = device;
    this.head = (i + 1) % this.capacity;
  }

  /** The newest `n` entries, oldest first; `device` names them when the log does not. */
  entries(n: number, device = ''): DriverLogEntry[] {
    const len = this.args.length;
    const k = Math.min(n, len);
    const out: DriverLogEntry[] = [];
    for (let j = len - k; j < len; j++) {
      const i = (this.head + j) % len;
      const key = this.nums[2 * i + 1]!;
      const cmd = Math.floor(key / 65536);
      const rest = key - cmd * 65536;
      const op = OPS[Math.floor(rest / 1024)]!;
      const outcome = OUTCOMES[rest % 4]!;
      out.push({
        cmd,
        t: this.nums[2 * i]!,
        device: this.devices ? this.devices[i]! : device,
        op,
        attempt: Math.floor((rest % 1024) / 4),
        outcome,
        detail: outcome === 'sent' ? `${op}${argsText(this.args[i]!)}` : DETAILS[outcome]!,
      });
    }
    return out;
  }
}

export class Drivers {
  private nextCmd = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly ring = new PackedLog(LOG_CAPACITY, true);
  private readonly byDevice = new Map<string, PackedLog>();
  /** Hosts' logs by host index (no id string to hash on the hot path). */
  private readonly byHost = new Map<number, PackedLog>();
  private total = 0;
  /** Applies an op's effect on the device when it succeeds (set by the model that owns the effect). */
  private readonly effects = new Map<string, (device: string, args: Fields) => void>();

  constructor(
    private readonly engine: Engine,
    private readonly dc: Datacenter,
    private readonly timing: TimingProfile,
  ) {
    engine.on('driver.answer', (ev) => this.answer(ev.data.cmd as number, ev.data.outcome as CommandOutcome), { quiet: true });
    engine.on('driver.retry', (ev) => this.send(this.pending.get(ev.data.cmd as number)), { quiet: true });
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
    const ref = parseAssetId(device);
    const kind = deviceKind(device, ref);
    if (!(DRIVER_OPS[kind] as readonly string[]).includes(op)) throw new Error(`the ${kind} driver has no command ${op}`);
    const cmd = this.nextCmd++;
    const host = ref?.kind === 'host' ? this.hostIndexOf(ref.c, ref.r, ref.h) : -1;
    const p: Pending = { cmd, device, kind, ref: ref!, host, op, args, reply, workMs, attempt: 1 };
    this.pending.set(cmd, p);
    this.send(p);
    return cmd;
  }

  /** A host's index from its parsed id (as Topology.hostIndex, without parsing again). */
  private hostIndexOf(c: number, r: number, h: number): number {
    const rack = this.dc.topology.rack(c, r);
    return rack && h < rack.hostCount ? rack.firstHost + h : -1;
  }

  private send(p: Pending | undefined): null {
    if (!p) return null;
    const cmd = p.cmd;
    const reach = this.reach(p.ref, p.host, p.op);
    this.record(p, 'sent');
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
      const now = this.reach(p.ref, p.host, p.op);
      if (now !== 'ok') outcome = now === 'dead' ? 'failed' : 'timeout';
    }
    if (outcome === 'ok') {
      this.record(p, 'ok');
      this.pending.delete(cmd);
      this.effects.get(`${p.kind}.${p.op}`)?.(p.device, p.args);
      this.reply(p, 'ok');
      return null;
    }
    this.record(p, outcome);
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
    // (built from a copy of the caller's data, then the outcome: the same fields as a
    // spread, without the spread's generic path for data of many shapes)
    const data = Object.assign({}, p.reply.data) as Record<string, FieldValue>;
    data.ok = outcome === 'ok';
    data.outcome = outcome;
    data.cmd = p.cmd;
    data.op = p.op;
    this.engine.after(0, p.reply.kind, p.reply.subject, data);
  }

  private latency(kind: DeviceKind): number {
    const median = kind === 'lb' ? LB_LATENCY_MS[this.dc.spec.loadBalancer] : this.timing.driverLatencyMs;
    return this.engine.rng('latency').latency(median, 1, median * 20);
  }

  /** Can the FC reach the device, is the device dead, or does the command vanish (timeout)? */
  reachability(device: string, kind: DeviceKind, op: string): 'ok' | 'dead' | 'unreachable' {
    const ref = parseAssetId(device);
    if (!ref) throw new Error(`no driver for ${device} (${kind})`);
    return this.reach(ref, ref.kind === 'host' ? this.dc.topology.hostIndex(device) : -1, op);
  }

  private reach(ref: AssetRef, h: number, op: string): 'ok' | 'dead' | 'unreachable' {
    const topo = this.dc.topology;
    switch (ref.kind) {
      case 'host': {
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
        throw new Error(`no driver for ${assetText(ref)}`);
    }
  }

  private record(p: Pending, outcome: DriverLogEntry['outcome']): void {
    const t = this.engine.now;
    this.total++;
    this.ring.push(t, p.cmd, p.op, p.attempt, outcome, p.args, p.device);
    let d = p.host >= 0 ? this.byHost.get(p.host) : this.byDevice.get(p.device);
    if (!d) {
      d = new PackedLog(PER_DEVICE, false);
      if (p.host >= 0) this.byHost.set(p.host, d);
      else this.byDevice.set(p.device, d);
    }
    d.push(t, p.cmd, p.op, p.attempt, outcome, p.args, p.device);
  }

  /** Driver log entries written so far. */
  get logCount(): number {
    return this.total;
  }

  /** The newest driver log entries, oldest first. */
  recent(n = LOG_CAPACITY): DriverLogEntry[] {
    return this.ring.entries(n);
  }

  /** Entries with index >= `from` in the order written (for frames), at most `max`. */
  since(from: number, max = 200): DriverLogEntry[] {
    const k = Math.min(this.total - from, max, this.ring.length);
    return k <= 0 ? [] : this.recent(k);
  }

  forDevice(device: string): readonly DriverLogEntry[] {
    const ref = parseAssetId(device);
    const log = ref?.kind === 'host' ? this.byHost.get(this.hostIndexOf(ref.c, ref.r, ref.h)) : this.byDevice.get(device);
    return log?.entries(PER_DEVICE, device) ?? [];
  }

  get inFlight(): number {
    return this.pending.size;
  }
}

export function deviceKind(device: string, ref = parseAssetId(device)): DeviceKind {
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

const assetText = (ref: AssetRef): string => JSON.stringify(ref);

function argsText(args: Fields): string {
  const keys = Object.keys(args);
  if (keys.length === 0) return '';
  return `(${keys.map((k) => `${k}=${String(args[k] as FieldValue)}`).join(', ')})`;
}
