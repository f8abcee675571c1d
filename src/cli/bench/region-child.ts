/**
 * A child process of the region benchmark (region.ts): runs one part of it (`alone` or
 * `run`, its first argument) with the options given as JSON in its second, and prints the
 * figures as one JSON document.
 */

import { FULL_REGION, regionAlone, regionRun, type RegionOptions } from './region';

const part = process.argv[2];
const opts = { ...FULL_REGION, ...(JSON.parse(process.argv[3] ?? '{}') as Partial<RegionOptions>) };
const progress = (msg: string) => process.stderr.write(`${msg}\n`);
const result = part === 'alone' ? regionAlone(opts, progress) : part === 'run' ? regionRun(opts, progress) : undefined;
if (!result) throw new Error(`region-child: the part must be "alone" or "run", got ${String(part)}`);
process.stdout.write(`${JSON.stringify(result)}\n`);
