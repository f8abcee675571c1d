#!/usr/bin/env node
// The browser benchmark: runs e2e-perf/ with playwright.perf.config.ts (a production
// build, the `region` preset under load, 30 s of zooming, panning and selecting), then
// prints the figures as readable lines and, as the last line, one JSON document.
// Playwright's own output goes to stderr. Environment: BENCH_UI_SECONDS (30),
// BENCH_UI_SPEED (600), BENCH_UI_SERVICES (see e2e-perf/region-load.ts), E2E_PORT (5253),
// BENCH_UI_DEV=1 to measure the dev server.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.env.BENCH_UI_OUT ?? join(root, 'node_modules/.cache/bench-ui/result.json');
rmSync(out, { force: true });
const args = ['playwright', 'test', '-c', 'playwright.perf.config.ts', '--output', process.env.BENCH_UI_OUTPUT ?? '/tmp/pw-bench-ui', ...process.argv.slice(2)];
const r = spawnSync('npx', args, { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, BENCH_UI_OUT: out } });
if (r.status !== 0 || !existsSync(out)) {
  process.stderr.write(`bench:ui: the benchmark did not finish (exit code ${r.status ?? r.error?.message})\n`);
  process.exit(1);
}
const res = JSON.parse(readFileSync(out, 'utf8'));
const lines = [
  `region: ${res.hosts.toLocaleString('en')} hosts, ${res.services.toLocaleString('en')} services (${res.instances.toLocaleString('en')} role instances), speed ${res.speed}x, ${res.seconds} s measured (${res.simulatedMinutes} simulated minutes reached)`,
  `gestures: ${res.wheels} wheel steps, ${res.drags} drags, ${res.selections} selections, ${res.faults} faults injected from the menu; at most ${res.maxButtons} buttons in the layer`,
  `frame time (between animation frames): p50 ${res.frameP50Ms} ms, p95 ${res.frameP95Ms} ms, max ${res.frameMaxMs} ms over ${res.animationFrames} frames (${res.framesOver20Ms} over 20 ms)`,
  `long tasks over 50 ms: ${res.longTasksOver50ms} (longest ${res.longestTaskMs} ms); missed frames ${res.missedFramesPct}%${res.clockPrecise ? '' : ' (the page was not cross-origin isolated: its clock has 0.1 ms steps)'}`,
  ...(res.longestFrames?.length ? [`longest animation frames: ${res.longestFrames.join('; ')}`] : []),
  `canvas paints: ${res.canvasPaints}, p50 ${res.paintP50Ms} ms, p95 ${res.paintP95Ms} ms, max ${res.paintMaxMs} ms`,
  `worker frames: ${res.workerFrames}, bytes per frame: mean ${res.bytesPerFrame}, p95 ${res.bytesPerFrameP95}, max ${res.bytesPerFrameMax}; first snapshot ${res.snapshotBytes} bytes`,
  `start: first snapshot applied at ${res.firstSnapshotMs} ms, interactive at ${res.interactiveMs} ms (${res.startupLongTasks} long tasks before, longest ${res.startupLongestTaskMs} ms)`,
];
process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(res)}\n`);
