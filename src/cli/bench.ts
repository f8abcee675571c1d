/**
 * `npm run bench [-- --json] [-- --quick] [-- --no-region]`: the performance figures of
 * the project, measured in one run so that ratios are comparable. Medians of several
 * runs. The region run (250,000 instances, 24 simulated hours with faults) runs once, in
 * a child process of its own (bench/region.ts); `--quick` runs it small and short.
 */
import { parseArgs, UsageError } from './args';
import { benchEngine } from './bench/engine';
import { benchAlloc, benchFabric } from './bench/fabric';
import { benchHardware } from './bench/hardware';
import { FULL_REGION, QUICK_REGION, spawnRegion, type RegionBench } from './bench/region';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { json: 'flag', quick: 'flag', help: 'flag', 'no-region': 'flag' });
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`bench: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write('Usage: npm run bench -- [--json] [--quick] [--no-region]\n');
    return 0;
  }
  const quick = Boolean(args.quick);
  const log = (msg: string) => {
    if (!args.json) process.stdout.write(`${msg}\n`);
  };
  log('Fabric Lab benchmarks (medians; ratios measured in the same run)');
  const engine = benchEngine(quick ? 100_000 : 1_000_000, quick ? 3 : 5);
  log(`engine: ${engine.events} scheduled events`);
  log(`  bare binary heap push+pop   ${engine.heapNsPerEvent} ns/event`);
  log(`  engine schedule+dispatch    ${engine.engineNsPerEvent} ns/event`);
  log(`  ratio engine/heap           ${engine.engineToHeapRatio} (target <= 2)`);
  log(`  engine with logging+hash    ${engine.loggedEngineNsPerEvent} ns/event`);
  const hw = benchHardware(quick ? 3 : 7);
  log(`hardware:`);
  log(`  build region (${hw.regionHosts} hosts)      ${hw.regionBuildMs} ms`);
  log(`  ToR fail+detect+repair, cluster ${hw.torHealClusterMs} ms`);
  log(`  ToR fail+detect+repair, region  ${hw.torHealRegionMs} ms`);
  log(`  ratio region/cluster            ${hw.torHealRatioRegionToCluster} (target <= 1.5)`);
  const fab = benchFabric(quick ? 10 : 100);
  log(`fabric:`);
  log(`  deploy ${fab.deployInstances} instances on region  ${fab.regionDeploy10kMs} ms (${fab.regionDeployEvents} events)`);
  log(`  heal a rack of ${fab.rackHealInstances} instances       ${fab.rackHealMs} ms`);
  const alloc = benchAlloc(quick ? 5 : 7);
  log(`  allocate 1,000 instances        ${alloc.alloc1kMs} ms`);
  log(`  allocate 10,000 instances       ${alloc.alloc10kMs} ms`);
  log(`  ratio 10k/1k                    ${alloc.alloc10kTo1kRatio} (target <= 10)`);
  let region: RegionBench | undefined;
  if (!args['no-region']) {
    const o = quick ? QUICK_REGION : FULL_REGION;
    log(`region (child process): ${o.services} services x ${o.perRole * 2} instances, ${o.hours} h with faults`);
    region = await spawnRegion(o, (msg) => log(msg));
    const r = region;
    log(`  deploy ${r.regionInstances} instances to ReadyRole  ${r.regionDeployMs} ms (${r.regionDeployEventsAll} events)`);
    log(`  ${r.regionHours} h with faults                  ${r.region24hWallMs} ms (${r.region24hEvents} events, ${r.eventsPerSecond} events/s)`);
    log(`  faults                          ${Object.entries(r.regionFaults).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    log(`  memory                          ${r.bytesPerHost} B/host, ${r.bytesPerInstance} B/instance`);
    log(`  one checkpoint of the region    ${r.checkpointMs} ms, ${r.checkpointMB} MB (${r.timelineCheckpoints} kept at the end)`);
    log(`  peak heap of the run            ${r.peakHeapMB} MB (heap capped at 1024; max rss ${r.maxRssMB} MB)`);
  }
  if (args.json) {
    const doc = { ...engine, ...hw, ...fab, ...alloc, ...region, node: process.versions.node };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
