/**
 * `npm run golden [-- --update]`: the golden event-log hash of every shipped scenario.
 * Checks them against src/sim/scenario/golden.json (exit 1 on a difference, naming the
 * files), or with --update writes the file anew. The same hashes are checked in Node
 * (src/sim/scenario/golden.test.ts) and in the browser worker (e2e/golden.spec.ts).
 */

import { writeFileSync } from 'node:fs';
import { goldenPath, readGolden, scenarioHashes } from './golden-lib';

const update = process.argv.includes('--update');
const now = scenarioHashes();
if (update) {
  writeFileSync(goldenPath, `${JSON.stringify(now, null, 2)}\n`);
  process.stdout.write(`golden: wrote ${Object.keys(now).length} hashes to ${goldenPath}\n`);
} else {
  const pinned = readGolden();
  const diff = Object.keys({ ...pinned, ...now }).filter((k) => pinned[k]?.hash !== now[k]?.hash);
  for (const k of diff) process.stdout.write(`golden: ${k}: pinned ${pinned[k]?.hash ?? '(none)'}, now ${now[k]?.hash ?? '(no such scenario)'}\n`);
  process.stdout.write(`golden: ${Object.keys(now).length - diff.length} of ${Object.keys(now).length} scenarios match their pinned hash\n`);
  process.exitCode = diff.length === 0 ? 0 : 1;
}
