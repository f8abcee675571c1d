import { describe, expect, it } from 'vitest';
import { readUrlSettings } from './url';

describe('readUrlSettings', () => {
  it('uses defaults for an empty address and runs', () => {
    expect(readUrlSettings('')).toEqual({ options: { seed: 42, speed: 60, running: true }, problems: [] });
  });

  it('opens paused at t', () => {
    expect(readUrlSettings('?seed=7&t=2h&speed=max').options).toEqual({ seed: 7, speed: 'max', running: false, startAt: 7_200_000 });
  });

  it('reports each bad value and falls back', () => {
    const r = readUrlSettings('?seed=-1&speed=fast&t=later');
    expect(r.options).toEqual({ seed: 42, speed: 60, running: true });
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/seed: "-1"/);
    expect(r.problems[1]).toMatch(/speed: "fast"/);
    expect(r.problems[2]).toMatch(/t: cannot read duration/);
  });

  it('picks a data center preset and a timing profile', () => {
    expect(readUrlSettings('?dc=classroom&timing=fast').options).toEqual({
      seed: 42,
      speed: 60,
      running: true,
      datacenter: { preset: 'classroom' },
      timing: 'fast',
    });
    expect(readUrlSettings('?dc=region&timing=realistic').options).toMatchObject({ datacenter: { preset: 'region' }, timing: 'realistic' });
  });

  it('reports an unknown preset or timing and uses the defaults', () => {
    const r = readUrlSettings('?dc=galaxy&timing=slow&seed=3');
    expect(r.options).toEqual({ seed: 3, speed: 60, running: true });
    expect(r.problems).toEqual([
      'URL parameter dc: "galaxy" is not one of classroom, demo, cluster, region; using demo.',
      'URL parameter timing: "slow" is not one of realistic, fast; using realistic.',
    ]);
  });
});
