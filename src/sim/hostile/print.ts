/**
 * Prints the table of docs/hostile-input.md: every entry of the catalogue run through
 * its entry point, with the error it gets, where, and the work it took.
 *
 *   npx tsx src/sim/hostile/print.ts > /tmp/table.md
 *
 * A script, not simulation code: it reaches the console and the page's link decoder
 * through globalThis and a dynamic import, so that the simulation core stays free of
 * both (the core's lint and compiler settings forbid them).
 */

import { HOSTILE } from './catalogue';
import { hostileTable, judge, runCatalogue, type HostileEnv } from './run';

interface Out {
  log(text: string): void;
  error(text: string): void;
}

const out = (globalThis as unknown as { console: Out }).console;
const LINK_MODULE = '../../ui/run/link';
const link = ((await import(/* @vite-ignore */ LINK_MODULE)) as { decodeRunLink: HostileEnv['link'] }).decodeRunLink;
const outcomes = await runCatalogue({ link });
out.log(hostileTable(outcomes));
for (const h of HOSTILE) {
  const problems = judge(h, outcomes.find((o) => o.id === h.id)!);
  if (problems.length > 0) out.error(`${h.id}: ${problems.join('; ')}`);
}
