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
