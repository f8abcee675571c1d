#!/usr/bin/env node
// Installs the project's npm dependencies on first use (or when package-lock.json has
// changed since the last install), so that `npm start` and `npm test` work on a fresh
// clone. Output goes to stderr so that `npm run --silent sim -- --json` stays pure JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const say = (msg) => {
  if (!quiet) process.stderr.write(`${msg}\n`);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`Fabric Lab needs Node.js 20.19 or newer; this is ${process.versions.node}.\n`);
  process.exit(1);
}

const lock = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.package-lock.json');
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) {
  say('Installing dependencies (first run)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  const r = spawnSync(npm, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    process.stderr.write(`npm ${args[0]} failed (exit ${r.status}); see the messages above.\n`);
    process.exit(r.status ?? 1);
  }
}
