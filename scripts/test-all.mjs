#!/usr/bin/env node
// Runs every check: typecheck, lint, unit and component tests (vitest), browser tests
// (Playwright). Ends with one line `tests: N passed, N failed` summing every suite, and
// exits non-zero if any check or test failed, or if a suite ran no test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

const problems = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(title, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) problems.push(`${title}: could not start (${r.error.message})`);
  else if (r.status !== 0) problems.push(`${title}: exit code ${r.status}`);
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

run('typecheck', bin('tsc'), ['-b', '--pretty']);
run('lint', bin('eslint'), ['--max-warnings', '0', '.']);

const vitestJson = join(reports, 'vitest.json');
run('unit and component tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (!v) problems.push('vitest wrote no report');
else {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  if (v.numTotalTests === 0) problems.push('vitest ran no test');
  // a file that failed to load counts as a failure even if it declared no test
  const broken = v.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  failed += broken;
}

function browserAvailable() {
  if (process.env.CHROMIUM_PATH || existsSync('/usr/bin/chromium')) return true;
  const probe = spawnSync(process.execPath, ['-e', "const {chromium}=require('playwright-core');process.exit(require('fs').existsSync(chromium.executablePath())?0:1)"], { cwd: root });
  if (probe.status === 0) return true;
  process.stdout.write('No Chromium found: trying `npx playwright install chromium`…\n');
  return spawnSync(bin('playwright'), ['install', 'chromium'], { cwd: root, stdio: 'inherit' }).status === 0;
}

const pwJson = join(reports, 'playwright.json');
if (!browserAvailable()) {
  problems.push('browser tests: no Chromium. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), set CHROMIUM_PATH, or run `npx playwright install chromium`.');
  failed += 1;
} else {
  run('browser tests (Playwright)', bin('playwright'), ['test'], { PW_REPORTERS: 'ci' });
  const p = readJson(pwJson);
  if (!p) problems.push('playwright wrote no report');
  else {
    passed += p.stats.expected + p.stats.flaky;
    failed += p.stats.unexpected;
    skipped += p.stats.skipped;
    if (p.stats.expected + p.stats.unexpected + p.stats.flaky === 0) problems.push('playwright ran no test');
    if (p.errors?.length) problems.push(`playwright: ${p.errors.length} error(s) outside tests`);
  }
}

process.stdout.write('\n');
for (const p of problems) process.stdout.write(`FAILED: ${p}\n`);
if (skipped) process.stdout.write(`skipped (counted neither as passed nor as failed): ${skipped}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
