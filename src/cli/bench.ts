/**
 * `npm run bench [-- --json] [-- --quick]`: the performance figures of the project,
 * measured in one run so that ratios are comparable. Medians of several runs.
 */
import { parseArgs, UsageError } from './args';
import { benchEngine } from './bench/engine';
import { benchFabric } from './bench/fabric';
import { benchHardware } from './bench/hardware';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs(argv, { json: 'flag', quick: 'flag', help: 'flag' });
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`bench: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write('Usage: npm run bench -- [--json] [--quick]\n');
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
  if (args.json) {
    const doc = { ...engine, ...hw, ...fab, node: process.versions.node };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
