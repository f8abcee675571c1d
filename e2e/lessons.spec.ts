import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { scenarioFiles } from '../src/cli/scenario';
import { parseScenario } from '../src/sim/scenario/parse';
import { runScenario } from '../src/sim/scenario/run';
import type { ScenarioAction as Action, Step } from '../src/sim/scenario/types';
import { LESSONS } from '../src/ui/lessons/catalog';
import { AppPage } from './pages/app';
import { DatacenterPage } from './pages/datacenter';
import { FcRingPage } from './pages/fc';
import { ServicesPage } from './pages/services';
import { WalkthroughPage } from './pages/walkthrough';

/**
 * Every lesson, played as a learner plays it: read each caption, answer each question
 * with the right choice, perform each prompted action with the app's own menus and
 * buttons, and at the end check what the fabric did. The walkthrough clicked through
 * must reach the event-log hash of the same file run headless.
 */

const PUBLIC = fileURLToPath(new URL('../public', import.meta.url));

type Stop = Extract<Step, { kind: 'say' | 'ask' }> | Extract<Step, { kind: 'do' }>;

function stopsOf(steps: readonly Step[]): Stop[] {
  return steps.filter((s): s is Stop => s.kind === 'say' || s.kind === 'ask' || (s.kind === 'do' && s.prompt !== undefined));
}

/** Performs a prompted action the way a person would, through the app. */
async function perform(page: Page, a: Action): Promise<void> {
  const dc = new DatacenterPage(page);
  const services = new ServicesPage(page);
  const fc = new FcRingPage(page);
  switch (a.do) {
    case 'fail':
    case 'repair': {
      if (/^fc\d$/.test(a.target)) return fc.act(a.target, a.do === 'fail' ? 'Fail replica' : 'Restart replica');
      await services.dataCenterTab.click();
      await dc.goTo(a.target);
      const asset = a.target.endsWith('-tor') ? dc.switch(a.target) : a.target.endsWith('-pdu') ? dc.pdu(a.target) : dc.host(a.target);
      const item = a.do === 'repair' ? 'Repair' : a.target.endsWith('-tor') || a.target.endsWith('-pdu') ? 'Fail' : a.mode === 'hardware' ? 'Hardware fault' : a.mode === 'hang' ? 'Hang' : 'Fail (crash)';
      return dc.act(asset, item);
    }
    case 'reboot':
    case 'reimage': {
      await services.open();
      const service = a.target.split('/')[0]!;
      await services.pick(`${service} (production)`);
      return services.act(a.target, a.do === 'reboot' ? 'Reboot' : 'Reimage');
    }
    case 'walk':
      await services.open();
      await services.pick(`${a.service} (production)`);
      return services.walk.click();
    case 'swap':
      await services.open();
      await services.pick(`${a.service} (production)`);
      return services.swap.click();
    case 'addContainer': {
      await services.dataCenterTab.click();
      await dc.addContainer.click();
      const form = page.getByRole('form', { name: 'New container' });
      await form.getByLabel('Racks').fill(String(a.racks));
      await form.getByLabel('Hosts per rack').fill(String(a.hostsPerRack));
      return form.getByRole('button', { name: 'Add', exact: true }).click();
    }
    default:
      throw new Error(`the lesson suite cannot yet perform "${a.do}" through the UI`);
  }
}

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id}: a learner plays it through`, async ({ page }) => {
    test.setTimeout(240_000);
    const file = join(PUBLIC, lesson.file);
    const scenario = parseScenario(readFileSync(file, 'utf8'));
    const headless = runScenario(scenario, scenarioFiles(file));
    const stops = stopsOf(scenario.steps);
    const w = new WalkthroughPage(page);
    const app = new AppPage(page);
    await w.open(lesson.id);
    await expect(w.title).toHaveText(lesson.title);
    await app.speed.selectOption('600');
    await w.start.click();
    for (const [i, stop] of stops.entries()) {
      await expect(w.counter).toHaveText(`Step ${i + 1} of ${stops.length}`, { timeout: 60_000 });
      const text = stop.kind === 'say' ? stop.say : stop.kind === 'ask' ? stop.question.ask : stop.prompt!;
      await expect(w.caption).toContainText(text);
      if (stop.kind === 'ask') {
        await w.answer(stop.question.choices[stop.question.answer]!);
        await expect(w.reveal).toContainText('Correct.');
        await w.next.click();
      } else if (stop.kind === 'do') {
        await expect(w.next).toBeDisabled();
        await perform(page, stop.action);
      } else {
        await w.next.click();
      }
    }
    await expect(w.progress).toContainText('Lesson complete', { timeout: 60_000 });
    const rows = await w.openExpectations();
    await expect(rows).toHaveCount(headless.expectations.length);
    await expect(rows.filter({ hasText: 'Failed' })).toHaveCount(0);
    await expect(app.hash).toHaveText(headless.hash);
  });
}

test('a wrong action at a prompt is refused with a hint, and the lesson waits', async ({ page }) => {
  const w = new WalkthroughPage(page);
  const dc = new DatacenterPage(page);
  await w.open('02-tor-switch');
  await new AppPage(page).speed.selectOption('600');
  await w.start.click();
  const scenario = parseScenario(readFileSync(join(PUBLIC, 'scenarios/lessons/02-tor-switch.json'), 'utf8'));
  const stops = stopsOf(scenario.steps);
  const promptAt = stops.findIndex((s) => s.kind === 'do');
  for (let i = 0; i < promptAt; i++) {
    await expect(w.counter).toHaveText(`Step ${i + 1} of ${stops.length}`, { timeout: 60_000 });
    const s = stops[i]!;
    if (s.kind === 'ask') await w.answer(s.question.choices[s.question.answer]!);
    await w.next.click();
  }
  await expect(w.counter).toHaveText(`Step ${promptAt + 1} of ${stops.length}`, { timeout: 60_000 });
  await dc.goTo('c0-r2-tor');
  await dc.act(dc.switch('c0-r2-tor'), 'Fail');
  await expect(w.hint).toContainText('This step asks you to fail c0-r1-tor; you chose to fail c0-r2-tor');
  await expect(w.counter).toHaveText(`Step ${promptAt + 1} of ${stops.length}`);
  await w.back.click();
  await expect(w.counter).toHaveText(`Step ${promptAt} of ${stops.length}`);
});
