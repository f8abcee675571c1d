import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFileToJson, type RunFile } from '../../sim/timeline/record';
import { encodeRunLink } from './link';
import { planStart, resumedMessage, runAddress } from './start';

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

describe('resuming the run kept for this very address', () => {
  const run: RunFile = {
    fabricLab: 'run',
    version: 1,
    base: { kind: 'setup', seed: 5, datacenter: { preset: 'classroom' }, timing: 'fast', deploy: [] },
    actions: [{ at: 1000, action: { do: 'fail', target: 'c0-r0-tor' } }],
    t: 5_025_000,
    hash: 'aaaaaaaaaaaaaaaa',
    events: 3,
  };
  const kept = (byAddress: Record<string, string>) => {
    const asked: string[] = [];
    const lookup = async (address: string) => {
      asked.push(address);
      return byAddress[address];
    };
    return Object.assign(lookup, { asked });
  };

  it('resumes the same address paused at its moment, saying so', async () => {
    const lookup = kept({ '?seed=5&speed=60': runFileToJson(run) });
    const plan = await planStart({ search: '?seed=5&speed=60', hash: '' }, site, lookup);
    expect(lookup.asked).toEqual(['?seed=5&speed=60']);
    expect(plan.options).toEqual({ seed: 5, base: run.base, actions: run.actions, startAt: 5_025_000, running: false, speed: 60 });
    expect(plan.resumed).toEqual({ t: 5_025_000, actions: 1, message: 'Resumed your run at 0+01:23:45 with 1 action.' });
    expect(plan.notices).toEqual([]);
    expect(plan.expect).toBeUndefined();
    expect(resumedMessage(0, 3)).toBe('Resumed your run at 0+00:00:00 with 3 actions.');
  });

  it('keys runs by search and hash: a lesson, a link or the default page each resume only themselves', async () => {
    const lookup = kept({ '': runFileToJson(run) });
    const lesson = await planStart({ search: '?lesson=02-tor-switch', hash: '' }, site, lookup);
    expect(lesson.resumed).toBeUndefined();
    expect(lesson.options.base).toMatchObject({ kind: 'scenario', path: 'scenarios/lessons/02-tor-switch.json' });
    const other = await planStart({ search: '?seed=6', hash: '' }, site, lookup);
    expect(other.resumed).toBeUndefined();
    expect(other.options.seed).toBe(6);
    const home = await planStart({ search: '', hash: '' }, site, lookup);
    expect(home.resumed?.actions).toBe(1);
    expect(lookup.asked).toEqual(['?lesson=02-tor-switch', '?seed=6', '']);
    expect(runAddress({ search: '?a=1', hash: '#run=1.x' })).toBe('?a=1#run=1.x');
  });

  it('ignores a damaged kept run with a notice, and starts what the address names', async () => {
    const damaged = runFileToJson(run).replace('"fail"', '"explode"');
    const plan = await planStart({ search: '?seed=9', hash: '' }, site, kept({ '?seed=9': damaged }));
    expect(plan.resumed).toBeUndefined();
    expect(plan.options.seed).toBe(9);
    expect(plan.notices).toEqual([expect.stringMatching(/^Your saved run for this address could not be resumed \(actions\[0\]\.action\.do: .*\); it was ignored, and the address starts afresh\.$/)]);
    const garbage = await planStart({ search: '', hash: '' }, site, kept({ '': '{"fabricLab":' }));
    expect(garbage.notices[0]).toMatch(/^Your saved run for this address could not be resumed \(.*not valid JSON/);
    const failing = await planStart({ search: '', hash: '' }, site, async () => {
      throw new Error('IndexedDB went away');
    });
    expect(failing.notices).toEqual([]);
    expect(failing.options.deploy?.[0]?.service).toBe('shop');
  });

  it('does not resume a run with nothing in it, nor a kiosk', async () => {
    const empty = await planStart({ search: '', hash: '' }, site, kept({ '': runFileToJson({ ...run, t: 0, actions: [] }) }));
    expect(empty.resumed).toBeUndefined();
    // nor one at the moment its address opens at, with no actions: that is what the address names
    const at = await planStart({ search: '?t=2h', hash: '' }, site, kept({ '?t=2h': runFileToJson({ ...run, t: 7_200_000, actions: [] }) }));
    expect(at.resumed).toBeUndefined();
    const later = await planStart({ search: '?t=2h', hash: '' }, site, kept({ '?t=2h': runFileToJson({ ...run, t: 7_300_000, actions: [] }) }));
    expect(later.resumed?.message).toBe('Resumed your run at 0+02:01:40 with 0 actions.');
    const lookup = kept({ '?lesson=01-host-fails&kiosk=1': runFileToJson(run) });
    const kiosk = await planStart({ search: '?lesson=01-host-fails&kiosk=1', hash: '' }, site, lookup);
    expect(kiosk.resumed).toBeUndefined();
    expect(kiosk.kiosk).toBe(true);
    expect(lookup.asked).toEqual([]);
  });
});
