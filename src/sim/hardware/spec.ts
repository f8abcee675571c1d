/**
 * The data center's shape and settings: how many containers, racks and hosts, the host
 * hardware, and the thresholds of inventory management. Presets give named shapes.
 */

export interface HostHardware {
  readonly cores: number;
  readonly memoryMiB: number;
  readonly diskGiB: number;
}

/**
 * Default host: 8 cores, so that one ExtraLarge instance (8 cores, 14 GiB, 2,040 GiB
 * temporary disk) fills a whole host (fidelity.md, "Topology" and "VM sizes").
 */
export const DEFAULT_HOST: HostHardware = { cores: 8, memoryMiB: 14 * 1024, diskGiB: 2040 };

export type LoadBalancerKind = 'hardware' | 'software';

export interface DatacenterSpec {
  readonly containers: number;
  readonly racksPerContainer: number;
  readonly hostsPerRack: number;
  readonly host: HostHardware;
  /** Fault domains a deployment is spread over (distinct racks). Default 3 (fidelity.md: "typically 2 or 3"). */
  readonly faultDomains: number;
  /** Driver of the load balancer pair. */
  readonly loadBalancer: LoadBalancerKind;
  /**
   * Hosts in Human Investigate above which automatic healing stops, as in the 2012
   * leap-day outage (fidelity.md). The real number is not public: a simulator parameter.
   */
  readonly humanInvestigateThreshold: number;
  /**
   * Share of a container's hosts that may be failed before the whole container is
   * evacuated and serviced (fidelity.md: "ran until a set percentage of its servers had
   * failed"). The real percentage is not public: a simulator parameter.
   */
  readonly evacuationThreshold: number;
  /** Share of new hosts that fail burn-in (a simulator parameter). */
  readonly burnInFailureRate: number;
}

export const LIMITS = {
  containers: 100,
  racksPerContainer: 100,
  /** Host ids carry two digits: h00..h99. */
  hostsPerRack: 100,
  hosts: 200_000,
} as const;

export interface ShapeInput {
  readonly containers: number;
  readonly racksPerContainer: number;
  readonly hostsPerRack: number;
}

export const PRESETS: Readonly<Record<string, ShapeInput>> = {
  /** One container, three racks of four: every fault fits on a projector. */
  classroom: { containers: 1, racksPerContainer: 3, hostsPerRack: 4 },
  /** The default: two containers of four racks of eight hosts, one screen. */
  demo: { containers: 2, racksPerContainer: 4, hostsPerRack: 8 },
  /** About one Azure cluster of 2012: 1,000 servers in 20 racks of 50 (fidelity.md). */
  cluster: { containers: 1, racksPerContainer: 20, hostsPerRack: 50 },
  /** An availability zone of 100,000 servers (Protean's range, fidelity.md). */
  region: { containers: 50, racksPerContainer: 40, hostsPerRack: 50 },
};

export const DEFAULT_PRESET = 'demo';

export class SpecError extends Error {
  override name = 'SpecError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const KNOWN_FIELDS = [
  'preset',
  'containers',
  'racksPerContainer',
  'hostsPerRack',
  'host',
  'faultDomains',
  'loadBalancer',
  'humanInvestigateThreshold',
  'evacuationThreshold',
  'burnInFailureRate',
] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function count(v: unknown, path: string, max: number, min = 1): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new SpecError(path, `must be a whole number, got ${JSON.stringify(v)}`);
  if (v < min) throw new SpecError(path, `must be at least ${min}, got ${v}`);
  if (v > max) throw new SpecError(path, `must be at most ${max}, got ${v}`);
  return v;
}

function share(v: unknown, path: string): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new SpecError(path, `must be a number from 0 to 1, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * Reads a data center description: `{preset}` or explicit counts, with optional
 * settings. Every problem is a SpecError naming the JSON path (e.g. `datacenter.hostsPerRack`).
 */
export function resolveSpec(input: unknown, path = 'datacenter'): DatacenterSpec {
  if (!isRecord(input)) throw new SpecError(path, 'must be an object');
  for (const k of Object.keys(input)) {
    if (!(KNOWN_FIELDS as readonly string[]).includes(k)) {
      throw new SpecError(`${path}.${k}`, `unknown field; known fields: ${KNOWN_FIELDS.join(', ')}`);
    }
  }
  let shape: ShapeInput;
  if (input.preset !== undefined) {
    const p = input.preset;
    if (typeof p !== 'string' || !Object.hasOwn(PRESETS, p)) {
      throw new SpecError(`${path}.preset`, `unknown preset ${JSON.stringify(p)}; presets: ${Object.keys(PRESETS).join(', ')}`);
    }
    for (const k of ['containers', 'racksPerContainer', 'hostsPerRack']) {
      if (input[k] !== undefined) throw new SpecError(`${path}.${k}`, 'cannot be given together with a preset');
    }
    shape = PRESETS[p]!;
  } else {
    for (const k of ['containers', 'racksPerContainer', 'hostsPerRack'] as const) {
      if (input[k] === undefined) throw new SpecError(`${path}.${k}`, 'is required (or give a preset)');
    }
    shape = {
      containers: count(input.containers, `${path}.containers`, LIMITS.containers),
      racksPerContainer: count(input.racksPerContainer, `${path}.racksPerContainer`, LIMITS.racksPerContainer),
      hostsPerRack: count(input.hostsPerRack, `${path}.hostsPerRack`, LIMITS.hostsPerRack),
    };
  }
  const hosts = shape.containers * shape.racksPerContainer * shape.hostsPerRack;
  if (hosts > LIMITS.hosts) throw new SpecError(path, `${hosts} hosts is more than the maximum of ${LIMITS.hosts}`);

  let host = DEFAULT_HOST;
  if (input.host !== undefined) {
    const h = input.host;
    if (!isRecord(h)) throw new SpecError(`${path}.host`, 'must be an object with cores, memoryMiB, diskGiB');
    for (const k of Object.keys(h)) {
      if (!['cores', 'memoryMiB', 'diskGiB'].includes(k)) throw new SpecError(`${path}.host.${k}`, 'unknown field; known: cores, memoryMiB, diskGiB');
    }
    host = {
      cores: h.cores === undefined ? DEFAULT_HOST.cores : count(h.cores, `${path}.host.cores`, 1024),
      memoryMiB: h.memoryMiB === undefined ? DEFAULT_HOST.memoryMiB : count(h.memoryMiB, `${path}.host.memoryMiB`, 16 * 1024 * 1024),
      diskGiB: h.diskGiB === undefined ? DEFAULT_HOST.diskGiB : count(h.diskGiB, `${path}.host.diskGiB`, 1024 * 1024),
    };
  }
  const totalRacks = shape.containers * shape.racksPerContainer;
  const faultDomains = input.faultDomains === undefined ? 3 : count(input.faultDomains, `${path}.faultDomains`, 100);
  if (faultDomains > totalRacks) {
    throw new SpecError(`${path}.faultDomains`, `${faultDomains} fault domains need ${faultDomains} racks; the data center has ${totalRacks}`);
  }
  const lb = input.loadBalancer ?? 'hardware';
  if (lb !== 'hardware' && lb !== 'software') throw new SpecError(`${path}.loadBalancer`, `must be "hardware" or "software", got ${JSON.stringify(lb)}`);
  return {
    ...shape,
    host,
    faultDomains,
    loadBalancer: lb,
    humanInvestigateThreshold:
      input.humanInvestigateThreshold === undefined
        ? Math.max(3, Math.ceil(hosts * 0.02))
        : count(input.humanInvestigateThreshold, `${path}.humanInvestigateThreshold`, LIMITS.hosts, 0),
    evacuationThreshold: input.evacuationThreshold === undefined ? 0.25 : share(input.evacuationThreshold, `${path}.evacuationThreshold`),
    burnInFailureRate: input.burnInFailureRate === undefined ? 0.02 : share(input.burnInFailureRate, `${path}.burnInFailureRate`),
  };
}
