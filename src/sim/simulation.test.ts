import { describe, expect, it } from 'vitest';
import { HOUR } from './engine/time';
import { serviceFiles } from './servicemodel/synthetic';
import { Simulation, checkSeed } from './simulation';

const DEPLOY = [{ service: 'shop', ...serviceFiles('shop', [{ name: 'WebRole', instances: 3, port: 80 }, { name: 'WorkerRole', instances: 3 }]) }];

const hashAfter = (seed: number, ms: number) => {
  const sim = new Simulation({ seed, deploy: DEPLOY });
  sim.engine.runUntil(ms);
  return sim.summary();
};

describe('Simulation determinism', () => {
  it('gives the same event-log hash for the same seed in two runs', () => {
    const a = hashAfter(42, 2 * HOUR);
    const b = hashAfter(42, 2 * HOUR);
    expect(a.events).toBeGreaterThan(30);
    expect(b).toEqual(a);
  });

  it('gives another hash for another seed', () => {
    expect(hashAfter(43, 2 * HOUR).hash).not.toBe(hashAfter(42, 2 * HOUR).hash);
  });

  it('does not depend on how the run is sliced', () => {
    const sliced = new Simulation({ seed: 42, deploy: DEPLOY });
    for (let t = 0; t <= 2 * HOUR; t += 7_777) sliced.engine.runUntil(t);
    sliced.engine.runUntil(2 * HOUR);
    expect(sliced.summary()).toEqual(hashAfter(42, 2 * HOUR));
  });

  it('checks seeds', () => {
    expect(checkSeed(0)).toBe(0);
    expect(() => checkSeed(-1)).toThrow(/seed must be a whole number/);
    expect(() => checkSeed(2 ** 31)).toThrow(/seed/);
    expect(() => checkSeed('7')).toThrow(/"7"/);
  });
});
