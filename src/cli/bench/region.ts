/**
 * The region benchmark: the `region` preset (50 containers x 40 racks x 50 hosts), 2,500
 * services of 100 instances (250,000 role instances) deployed until every instance is
 * ReadyRole, then 24 simulated hours with faults at realistic rates (faultplan.ts).
 * First the region alone (deploy time, bytes per host and per instance, one checkpoint
 * of the deployed region), then the run as the app plays it, through a Timeline with its
 * checkpoints (deploy, 24 h with faults, events per second, peak heap).
 *
 * It runs in a child process started with --expose-gc (`spawnRegion`), so that the
 * heap it measures is its own: garbage collections before each memory reading, and the
 * peak sampled between slices of the run (v8 heap statistics after each simulated
 * slice, garbage included).
 */

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { MINUTE, SECOND, HOUR } from '../../sim/engine/time';
import { Simulation } from '../../sim/simulation';
import { serviceFiles } from '../../sim/servicemodel/synthetic';
import { cloneSimulation } from '../../sim/timeline/checkpoint';
import { Timeline } from '../../sim/timeline/timeline';
import { faultPlan } from './faultplan';
import { round } from './harness';

export interface RegionOptions {
  readonly services: number;
  /** Instances of each of the two roles (web and worker) of every service. */
  readonly perRole: number;
  readonly hours: number;
  readonly seed: number;
}

export const FULL_REGION: RegionOptions = { services: 2500, perRole: 50, hours: 24, seed: 1 };
export const QUICK_REGION: RegionOptions = { services: 100, perRole: 50, hours: 2, seed: 1 };

export interface RegionBench {
  readonly regionHosts: number;
  readonly regionServices: number;
  readonly regionInstances: number;
  /** From the deploy calls (parse, validate) until every instance is ReadyRole (the engine alone). */
  readonly regionDeployMs: number;
  /** The same through a Timeline (the user's deploy actions, checkpoints). */
  readonly regionTimelineDeployMs: number;
  /** Events of that deployment (`regionDeployEvents` is the 10,000-instance one of the fabric benchmark). */
  readonly regionDeployEventsAll: number;
  readonly regionDeploySimMs: number;
  readonly regionHours: number;
  readonly region24hWallMs: number;
  readonly region24hEvents: number;
  readonly eventsPerSecond: number;
  readonly regionFaults: Record<string, number>;
  /** Planned repairs that found nothing to repair (a hang the FC's reboot had cleared). */
  readonly regionSkippedActions: number;
  readonly regionReadyAtEnd: number;
  readonly regionWaitingAtEnd: number;
  readonly timelineCheckpoints: number;
  readonly bytesPerHost: number;
  readonly bytesPerInstance: number;
  readonly checkpointMs: number;
  readonly checkpointMB: number;
  /** The run's heap (part 2), sampled after every slice, garbage included, under a 1 GiB cap. */
  readonly peakHeapMB: number;
  /** The run's child process's largest resident set. */
  readonly maxRssMB: number;
}

const MB = 1024 * 1024;
/** The child's old-space limit: the region run must fit in 1 GiB. */
export const HEAP_CAP_MB = 1024;

function gcHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return v8.getHeapStatistics().used_heap_size;
}

function deployFiles(o: RegionOptions) {
  return Array.from({ length: o.services }, (_, s) =>
    serviceFiles(`svc${s}`, [
      { name: 'Web', instances: o.perRole, port: 80 },
      { name: 'Worker', instances: o.perRole },
    ], 5),
  );
}

const allRunning = (sim: Simulation, services: number): boolean => {
  const deps = sim.fabric.deployments;
  if (deps.size !== services) return false;
  for (const d of deps.values()) if (d.status !== 'Running') return false;
  return true;
};

/** Part 1: the region alone (deploy time, memory, one checkpoint). */
export type RegionAlone = Pick<
  RegionBench,
  'regionHosts' | 'regionServices' | 'regionInstances' | 'regionDeployMs' | 'regionDeployEventsAll' | 'regionDeploySimMs' | 'bytesPerHost' | 'bytesPerInstance' | 'checkpointMs' | 'checkpointMB'
>;
/** Part 2: the run through a Timeline (deploy again, 24 h with faults, peak heap). */
export type RegionRun = Omit<RegionBench, keyof RegionAlone>;

/** Part 1, in this process (a child); `progress` writes to stderr. */
export function regionAlone(o: RegionOptions, progress: (msg: string) => void = () => undefined): RegionAlone {
  const files = deployFiles(o);

  // Part 1, the region on its own: build it, deploy every service until every instance
  // is ReadyRole (the engine alone), read the heap, and copy the deployed region once as
  // the Timeline's checkpoints do.
  const h0 = gcHeap();
  let sim: Simulation | undefined = new Simulation({ seed: o.seed, datacenter: { preset: 'region' } });
  const hosts = sim.hardware.dc.hostCount;
  const h1 = gcHeap();
  progress(`region: deploying ${o.services} services (${o.services * o.perRole * 2} instances)`);
  const t0 = performance.now();
  for (let s = 0; s < o.services; s++) sim.deploy(`svc${s}`, 'production', files[s]);
  while (!allRunning(sim, o.services)) {
    if (sim.now > 2 * HOUR) throw new Error('region benchmark: the services did not all reach Running in 2 hours');
    sim.engine.runFor(10 * SECOND);
  }
  const deployMs = performance.now() - t0;
  const deployEvents = sim.engine.processed;
  const deploySimMs = sim.now;
  let instances = 0;
  for (const d of sim.fabric.deployments.values()) for (const l of d.roles.values()) instances += l.length;
  const h2 = gcHeap();
  progress(`region: deployed in ${round(deployMs / 1000, 1)} s, heap ${round(h2 / MB, 0)} MB`);
  const c0 = performance.now();
  let copy: Simulation | undefined = cloneSimulation(sim);
  const checkpointMs = performance.now() - c0;
  const h3 = gcHeap();
  if (copy.engine.log.hash() !== sim.engine.log.hash()) throw new Error('region benchmark: the checkpoint differs from the run');
  progress(`region: one checkpoint in ${round(checkpointMs / 1000, 1)} s, ${round((h3 - h2) / MB, 0)} MB`);
  copy = undefined;
  sim = undefined;
  void copy;
  void sim;
  return {
    regionHosts: hosts,
    regionServices: o.services,
    regionInstances: instances,
    regionDeployMs: round(deployMs, 0),
    regionDeployEventsAll: deployEvents,
    regionDeploySimMs: deploySimMs,
    bytesPerHost: Math.round((h1 - h0) / hosts),
    bytesPerInstance: Math.round((h2 - h1) / Math.max(1, instances)),
    checkpointMs: round(checkpointMs, 0),
    checkpointMB: round((h3 - h2) / MB, 1),
  };
}

/** Part 2, in this process (a child started with the 1 GiB heap cap). */
export function regionRun(o: RegionOptions, progress: (msg: string) => void = () => undefined): RegionRun {
  const files = deployFiles(o);

  // Part 2, the run as the app plays it: a Timeline from the start (its first checkpoint
  // is the empty region, later ones as its policy allows), the services deployed as the
  // user's actions at time 0, then 24 hours with faults at realistic rates. The peak heap
  // is sampled after every slice.
  let peakHeap = 0;
  const sample = () => {
    const used = v8.getHeapStatistics().used_heap_size;
    if (used > peakHeap) peakHeap = used;
  };
  const timeline = new Timeline(new Simulation({ seed: o.seed, datacenter: { preset: 'region' } }), [], {});
  const t1 = performance.now();
  for (let s = 0; s < o.services; s++) timeline.act({ do: 'deploy', service: `svc${s}`, files: files[s]! });
  while (!allRunning(timeline.sim, o.services)) {
    if (timeline.now > 2 * HOUR) throw new Error('region benchmark: the services did not all reach Running in 2 hours');
    timeline.advance(timeline.now + 10 * SECOND);
    sample();
  }
  const timelineDeployMs = performance.now() - t1;
  const ms = o.hours * HOUR;
  const plan = faultPlan(timeline.sim.hardware.dc.topology, ms, o.seed);
  progress(`region: deployed through a Timeline in ${round(timelineDeployMs / 1000, 1)} s; ${o.hours} h with ${plan.actions.length} fault and repair actions`);
  const t2 = performance.now();
  const e2 = timeline.sim.engine.processed;
  const start = timeline.now;
  let skipped = 0;
  const runTo = (t: number) => {
    while (timeline.now < t) {
      timeline.advance(Math.min(t, timeline.now + MINUTE));
      sample();
    }
  };
  for (const p of plan.actions) {
    runTo(start + p.at);
    try {
      timeline.act(p.action);
    } catch {
      skipped++;
    }
  }
  runTo(start + ms);
  const runMs = performance.now() - t2;
  const runEvents = timeline.sim.engine.processed - e2;
  // the child's largest resident set
  const maxRss = process.resourceUsage().maxRSS * 1024;
  let ready = 0;
  for (const d of timeline.sim.fabric.deployments.values()) for (const r of d.readyCounts) ready += r;
  progress(`region: ${o.hours} h in ${round(runMs / 1000, 1)} s, peak heap ${round(peakHeap / MB, 0)} MB`);

  return {
    regionTimelineDeployMs: round(timelineDeployMs, 0),
    regionHours: o.hours,
    region24hWallMs: round(runMs, 0),
    region24hEvents: runEvents,
    eventsPerSecond: Math.round(runEvents / (runMs / 1000)),
    regionFaults: plan.counts,
    regionSkippedActions: skipped,
    regionReadyAtEnd: ready,
    regionWaitingAtEnd: timeline.sim.fabric.waitingCount(),
    timelineCheckpoints: timeline.checkpointCount,
    peakHeapMB: round(peakHeap / MB, 0),
    maxRssMB: round(maxRss / MB, 0),
  };
}

/** Runs one part of the region benchmark in a child process and returns what it prints. */
function spawnPart<T>(part: 'alone' | 'run', o: RegionOptions, progress: (msg: string) => void): Promise<T> {
  const child = fileURLToPath(new URL('./region-child.ts', import.meta.url));
  // The run's heap is capped at 1 GiB (the target): it must fit, garbage collection
  // included, or the child dies out of memory and the benchmark says so. Part 1 holds a
  // second copy of the region on purpose (the checkpoint it measures): no cap there.
  const cap = part === 'run' ? [`--max-old-space-size=${HEAP_CAP_MB}`] : [];
  const args = [...process.execArgv, '--expose-gc', ...cap, child, part, JSON.stringify(o)];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      err += text;
      for (const line of text.split('\n')) if (line.startsWith('region:')) progress(`  ${line.slice(8)}`);
    });
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) {
        const oom = /heap out of memory|Reached heap limit/.test(err);
        reject(new Error(oom && part === 'run' ? `the region run did not fit in ${HEAP_CAP_MB} MiB of heap (out of memory)` : `the region benchmark failed (exit ${code}):\n${err.slice(-4000)}`));
        return;
      }
      try {
        resolve(JSON.parse(out) as T);
      } catch (e) {
        reject(new Error(`the region benchmark printed no JSON: ${(e as Error).message}\n${out.slice(0, 500)}`));
      }
    });
  });
}

/**
 * Runs the region benchmark in two child processes (node --expose-gc, with the loader
 * this process runs under), so that their heap figures are their own: the region alone,
 * then the run under the 1 GiB cap. Progress goes to `progress`.
 */
export async function spawnRegion(o: RegionOptions, progress: (msg: string) => void): Promise<RegionBench> {
  const alone = await spawnPart<RegionAlone>('alone', o, progress);
  const run = await spawnPart<RegionRun>('run', o, progress);
  return { ...alone, ...run };
}
