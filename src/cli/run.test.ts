import { describe, expect, it } from 'vitest';
import { main } from './run';

describe('headless runner', () => {
  it('prints one JSON document with seed, simulatedMs, events and hash', () => {
    const r = main(['--seed', '42', '--for', '2h', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ seed: 42, simulatedMs: 7_200_000 });
    expect(doc.events).toBeGreaterThan(0);
    expect(doc.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(main(['--seed', '42', '--for', '2h', '--json']).stdout).toBe(r.stdout);
    expect(JSON.parse(main(['--seed=43', '--for=2h', '--json']).stdout).hash).not.toBe(doc.hash);
  });

  it('prints a readable summary by default', () => {
    const r = main(['--for', '10m']);
    expect(r.stdout).toMatch(/seed\s+42/);
    expect(r.stdout).toMatch(/simulated\s+0\+00:10:00/);
    expect(r.stdout).toMatch(/hash\s+[0-9a-f]{16}/);
  });

  it.each([
    [['--seed', 'abc'], /--seed: "abc"/],
    [['--for', '5parsecs'], /--for: cannot read duration/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--seed'], /--seed needs a value/],
    [['stray'], /unexpected argument "stray"/],
    [['--json=yes'], /--json takes no value/],
  ])('refuses %j with exit code 2', (argv, msg) => {
    const r = main(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stdout).toBe('');
  });
});

describe('headless runner: scenarios', () => {
  it('runs a scenario file and prints the JSON document of scenarios.md', () => {
    const r = main(['--scenario', 'public/scenarios/hardware/tor-switch.json', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ name: expect.stringContaining('top-of-rack'), seed: 42, passed: true });
    expect((doc.expectations as unknown[]).length).toBeGreaterThan(3);
    expect(doc.final).toMatchObject({ hostsByStatus: { Healthy: 12 }, instances: [] });
    expect(doc.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('exits 1 with the JSON path for a bad file, and for a missing one', () => {
    const missing = main(['--scenario', 'no/such/file.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no\/such\/file.json: cannot read the file \(ENOENT\)/);
  });
});
