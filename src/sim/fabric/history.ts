/**
 * Running summaries of a deployment for the charts: ready instances per role over time
 * and availability transitions, in bounded buffers (no full history: CloudSim Plus #287),
 * plus downtime, MTTR-style recovery times and the instance-hours the service ran, from
 * which its durable storage writes are counted.
 */

/** Points kept per deployment; older points are thinned by half when full. */
const MAX_POINTS = 720;

export interface ReadyPoint {
  readonly t: number;
  /** Ready instances per role, in package role order. */
  readonly ready: readonly number[];
}

export interface AvailabilityChange {
  readonly t: number;
  readonly up: boolean;
}

export class DeploymentHistory {
  readonly ready: ReadyPoint[] = [];
  readonly availability: AvailabilityChange[] = [];
  /** Completed outages, ms each (for mean time to recover). */
  readonly outages: number[] = [];
  private readyInstanceMs = 0;
  private lastT: number;
  private lastReadyTotal = 0;

  constructor(t: number, roles: number) {
    this.lastT = t;
    this.ready.push({ t, ready: new Array<number>(roles).fill(0) });
  }

  /** Records the ready counts at time t (only when they changed). */
  recordReady(t: number, ready: readonly number[]): void {
    const last = this.ready[this.ready.length - 1]!;
    this.accumulate(t);
    this.lastReadyTotal = ready.reduce((a, b) => a + b, 0);
    if (last.ready.length === ready.length && last.ready.every((v, i) => v === ready[i])) return;
    if (last.t === t) this.ready[this.ready.length - 1] = { t, ready: [...ready] };
    else this.ready.push({ t, ready: [...ready] });
    if (this.ready.length > MAX_POINTS) {
      // keep the first point, then every other one: the shape survives, the size halves
      const kept = this.ready.filter((_, i) => i === 0 || i % 2 === 1 || i === this.ready.length - 1);
      this.ready.splice(0, this.ready.length, ...kept);
    }
  }

  recordAvailability(t: number, up: boolean): void {
    const last = this.availability[this.availability.length - 1];
    if (last?.up === up) return;
    if (up && last && !last.up) this.outages.push(t - last.t);
    this.availability.push({ t, up });
    if (this.availability.length > MAX_POINTS) this.availability.splice(1, 2);
  }

  private accumulate(t: number): void {
    this.readyInstanceMs += this.lastReadyTotal * (t - this.lastT);
    this.lastT = t;
  }

  /** Instance-hours spent ready up to time t. */
  readyInstanceHours(t: number): number {
    return (this.readyInstanceMs + this.lastReadyTotal * (t - this.lastT)) / 3_600_000;
  }

  /** Mean time to recover over completed outages, ms (0 when none). */
  mttrMs(): number {
    return this.outages.length ? this.outages.reduce((a, b) => a + b, 0) / this.outages.length : 0;
  }
}
