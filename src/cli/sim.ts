/**
 * src/cli: the headless runner and the benchmarks, on the same simulation core as the
 * browser worker. `npm run sim -- --help` lists the options.
 */
import { main } from './run';

const result = main(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
