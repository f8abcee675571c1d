/**
 * The load of the browser benchmark, as a scenario: the `region` preset (50 containers x
 * 40 racks x 50 hosts) with the fast timing profile, many services deployed in waves
 * over the first simulated minutes, and faults all along (host crashes and hangs, ToR
 * switches and PDUs failing and being repaired), drawn from a fixed seed so every run
 * plays the same. The benchmark serves it at `bench/region-load.json`; it is not a file
 * under public/scenarios (the test suite plays every one of those headless).
 */

export interface RegionLoadOptions {
  /** Services deployed (each `svcN`, a web role and a worker role). */
  readonly services: number;
  /** Instances of each role. */
  readonly instancesPerRole: number;
  /** Simulated hours the faults cover. */
  readonly hours: number;
  /** Host faults per simulated hour. */
  readonly hostFaultsPerHour: number;
  /** Rack faults (a ToR switch or a PDU, repaired 20 minutes later) per simulated hour. */
  readonly rackFaultsPerHour: number;
}

/** 2,500 services of 100 instances: 250,000 role instances on 100,000 hosts. */
export const DEFAULT_LOAD: RegionLoadOptions = { services: 2500, instancesPerRole: 50, hours: 24, hostFaultsPerHour: 30, rackFaultsPerHour: 4 };

const CONTAINERS = 50;
const RACKS = 40;
const HOSTS = 50;

function csdef(name: string): string {
  return (
    `<ServiceDefinition name="${name}" upgradeDomainCount="5" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceDefinition">` +
    `<WebRole name="Web" vmsize="Small"><Endpoints><InputEndpoint name="In80" protocol="http" port="80" /></Endpoints></WebRole>` +
    `<WorkerRole name="Worker" vmsize="Small"></WorkerRole></ServiceDefinition>`
  );
}

function cscfg(name: string, n: number): string {
  return (
    `<ServiceConfiguration serviceName="${name}" osFamily="2" osVersion="*" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration">` +
    `<Role name="Web"><Instances count="${n}" /></Role><Role name="Worker"><Instances count="${n}" /></Role></ServiceConfiguration>`
  );
}

/** A small deterministic generator (mulberry32): the same steps (and gestures) on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (ms: number): string => `${Math.round(ms / 1000)}s`;
const pad = (n: number): string => String(n).padStart(2, '0');

export function regionLoadScenario(o: RegionLoadOptions = DEFAULT_LOAD): unknown {
  const services = Array.from({ length: o.services }, (_, i) => {
    const name = `svc${i}`;
    return { name, csdef: csdef(name), cscfg: cscfg(name, o.instancesPerRole) };
  });
  type Step = { at: string; do: string; [k: string]: unknown };
  const steps: { ms: number; step: Step }[] = [];
  // deployments in waves: ten services a simulated second
  services.forEach((s, i) => steps.push({ ms: Math.floor(i / 10) * 1000, step: { at: '', do: 'deploy', service: s.name } }));
  const rand = rng(20260601);
  const pick = (n: number) => Math.floor(rand() * n);
  const start = 5 * 60_000;
  const end = o.hours * 3_600_000;
  const hostEvery = 3_600_000 / o.hostFaultsPerHour;
  for (let t = start; t < end; t += hostEvery) {
    const host = `c${pick(CONTAINERS)}-r${pick(RACKS)}-h${pad(pick(HOSTS))}`;
    steps.push({ ms: t, step: { at: '', do: 'fail', target: host, mode: rand() < 0.7 ? 'crash' : 'hang' } });
  }
  const rackEvery = 3_600_000 / o.rackFaultsPerHour;
  for (let t = start + rackEvery / 2; t < end; t += rackEvery) {
    const device = `c${pick(CONTAINERS)}-r${pick(RACKS)}-${rand() < 0.5 ? 'tor' : 'pdu'}`;
    steps.push({ ms: t, step: { at: '', do: 'fail', target: device } });
    steps.push({ ms: t + 20 * 60_000, step: { at: '', do: 'repair', target: device } });
  }
  steps.sort((a, b) => a.ms - b.ms);
  return {
    scenario: 1,
    name: `Region load: ${o.services} services of ${2 * o.instancesPerRole} instances, faults for ${o.hours} h`,
    description: 'The browser benchmark (npm run bench:ui): the region preset under load, with faults.',
    seed: 7,
    timing: 'fast',
    datacenter: { preset: 'region' },
    services,
    steps: steps.map(({ ms, step }) => ({ ...step, at: at(ms) })),
  };
}
