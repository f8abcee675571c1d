import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRunLink } from './link';
import { planStart } from './start';

const PUBLIC = join(__dirname, '../../../public');

/** Serves public/ as the dev server would (unknown paths get the app's HTML). */
const site: typeof fetch = async (input) => {
  const path = String(input).replace(/^\//, '');
  try {
    return new Response(readFileSync(join(PUBLIC, path)), { status: 200, headers: { 'content-type': 'application/octet-stream' } });
  } catch {
    return new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
  }
};

describe('how the page starts its run', () => {
  it('plays a lesson as a paused walkthrough with every file it names', async () => {
    const plan = await planStart({ search: '?lesson=02-tor-switch', hash: '' }, site);
    expect(plan.notices).toEqual([]);
    expect(plan.options.running).toBe(false);
    const base = plan.options.base;
    expect(base).toMatchObject({ kind: 'scenario', walkthrough: true, path: 'scenarios/lessons/02-tor-switch.json' });
    if (base?.kind !== 'scenario') throw new Error('no scenario');
    expect(Object.keys(base.files).length).toBeGreaterThan(0);
    for (const text of Object.values(base.files)) expect(text.trimStart().startsWith('<')).toBe(true);
  });

  it('says what is wrong with a lesson, a scenario path or a link, and starts the default run', async () => {
    const unknown = await planStart({ search: '?lesson=99-nope', hash: '' }, site);
    expect(unknown.notices[0]).toMatch(/^The lesson could not be opened: there is no lesson "99-nope"/);
    expect(unknown.options.deploy?.[0]?.service).toBe('shop');
    const traversal = await planStart({ search: '?scenario=../secret.json', hash: '' }, site);
    expect(traversal.notices[0]).toMatch(/is not a scenario path/);
    const missing = await planStart({ search: '?scenario=scenarios/none.json', hash: '' }, site);
    expect(missing.notices[0]).toMatch(/could not be loaded \(no such file\)/);
    const link = await planStart({ search: '', hash: '#run=7.x' }, site);
    expect(link.notices[0]).toMatch(/^This link could not be opened: the link was made by a newer Fabric Lab/);
  });

  it('reopens a link paused at its moment, expecting its hash', async () => {
    const hash = `#${await encodeRunLink({
      fabricLab: 'run',
      version: 1,
      base: { kind: 'setup', seed: 5, datacenter: { preset: 'classroom' }, timing: 'fast', deploy: [] },
      actions: [{ at: 1000, action: { do: 'fail', target: 'c0-r0-tor' } }],
      t: 60_000,
      hash: 'aaaaaaaaaaaaaaaa',
      events: 3,
    })}`;
    const plan = await planStart({ search: '', hash }, site);
    expect(plan.options).toMatchObject({ startAt: 60_000, running: false, actions: [{ at: 1000 }] });
    expect(plan.expect).toEqual({ t: 60_000, hash: 'aaaaaaaaaaaaaaaa' });
  });
});
