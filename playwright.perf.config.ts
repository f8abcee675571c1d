import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './playwright.config';

/**
 * The browser benchmark (`npm run bench:ui`, not part of `npm test`): the production
 * build served by `vite preview` (cross-origin isolated, see e2e-perf/vite.perf.config.ts),
 * one test at a time, in Debian's Chromium when it is installed (or $CHROMIUM_PATH).
 * `BENCH_UI_DEV=1` measures the dev server instead.
 */
const executablePath = chromiumPath();
const PORT = Number(process.env.E2E_PORT ?? 5253);
const vite = `--config e2e-perf/vite.perf.config.ts`;
const host = `--port ${PORT} --strictPort --host 127.0.0.1`;
const command = process.env.BENCH_UI_DEV
  ? `npx vite ${vite} ${host}`
  : `npx vite build ${vite} --logLevel error && npx vite preview ${vite} ${host}`;

export default defineConfig({
  testDir: 'e2e-perf',
  timeout: 600_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'line',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command,
    url: `http://127.0.0.1:${PORT}`,
    // never measure a server someone else started (it may be a dev server)
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
