import { expect, test } from '@playwright/test';
import { DEFAULT_SAMPLE, sampleFiles } from '../src/cli/samples';
import { HOUR } from '../src/sim/engine/time';
import { Simulation } from '../src/sim/simulation';
import { AppPage } from './pages/app';

function nodeHash(seed: number, ms: number): string {
  // the app's default run: the demo data center with the shop sample deployed at time 0
  const sim = new Simulation({ seed, deploy: [sampleFiles(DEFAULT_SAMPLE)] });
  sim.engine.runUntil(ms);
  return sim.engine.log.hash();
}

for (const seed of [42, 43]) {
  test(`seed ${seed}: the browser worker and Node give the same event-log hash`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?seed=${seed}&t=2h`);
    await expect(app.clock).toHaveText('0+02:00:00');
    await expect(app.hash).toHaveText(nodeHash(seed, 2 * HOUR));
  });
}

test('another seed gives another hash', () => {
  expect(nodeHash(42, 2 * HOUR)).not.toBe(nodeHash(43, 2 * HOUR));
});
