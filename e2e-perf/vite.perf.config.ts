/**
 * The app as the browser benchmark serves it: the project's Vite config, built into a
 * folder of its own, and served cross-origin isolated (COOP and COEP headers). Isolation
 * changes nothing the app does; it gives the page's clocks 5 µs precision instead of
 * 100 µs, so that one frame of a 60 Hz display reads 16.7 ms, not 16.6 to 16.8 ms.
 */

import { defineConfig, mergeConfig } from 'vite';
import base from '../vite.config';

export const BENCH_OUT_DIR = 'node_modules/.cache/bench-ui/dist';

const headers = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default mergeConfig(
  base,
  defineConfig({
    build: { outDir: BENCH_OUT_DIR, emptyOutDir: true },
    server: { headers },
    preview: { headers },
  }),
);
