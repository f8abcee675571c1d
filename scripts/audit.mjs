#!/usr/bin/env node
// `npm run audit`: the registry's advisories for the runtime dependencies (what ships to
// the browser), failing on any high or critical one. When the registry's audit endpoint
// cannot be reached (some mirrors and proxies refuse it), it says so and exits 2: an
// audit that did not run is never reported as clean.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = report?.message ?? report?.error?.summary ?? (r.stderr.trim().split('\n').filter(Boolean).pop() || `npm audit exited with ${r.status}`);
  process.stderr.write(`audit: the registry's audit endpoint did not answer (${why}); nothing was checked.\n`);
  process.exit(2);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
const list = Object.entries(report.vulnerabilities ?? {})
  .map(([name, v]) => `  ${name} (${v.severity}): ${[v.via].flat().map((x) => (typeof x === 'string' ? x : x.title)).join('; ')}`)
  .join('\n');
process.stdout.write(
  `audit of runtime dependencies: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low\n${list ? `${list}\n` : ''}`,
);
process.exit(serious > 0 ? 1 : 0);
