import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../cli/scenario';
import { parseScenario } from './parse';
import { runScenario } from './run';

const ROOT = join(__dirname, '../../../public/scenarios');

function listScenarios(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listScenarios(p) : name.endsWith('.json') ? [p] : [];
  });
}


describe('shipped scenarios', () => {
  const files = listScenarios(ROOT);
  it('there are hardware scenarios to run', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });
  for (const file of files) {
    it(`${relative(ROOT, file)} passes headless, twice with the same hash`, () => {
      const scenario = parseScenario(readFileSync(file, 'utf8'));
      const a = runScenario(scenario, scenarioFiles(file));
      const failures = a.expectations.filter((e) => !e.pass).map((e) => `steps[${e.step}] ${e.expect}: ${e.observed}`);
      expect(a.error).toBeUndefined();
      expect(failures).toEqual([]);
      expect(a.expectations.length).toBeGreaterThan(0);
      expect(runScenario(scenario, scenarioFiles(file)).hash).toBe(a.hash);
    });
  }
});

describe('runScenario', () => {
  it('fails an expectation that does not hold, saying what it saw', () => {
    const r = runScenario(
      parseScenario(JSON.stringify({
        scenario: 1,
        name: 'wrong',
        seed: 1,
        datacenter: { preset: 'classroom' },
        steps: [
          { at: '1m', do: 'fail', target: 'c0-r0-tor' },
          { at: '1m30s', expect: { host: 'c0-r0-h00', status: 'Unreachable' } },
          { at: '5m', expect: { host: 'c0-r0-h00', status: 'Unreachable' } },
          { at: '5m', expect: { host: 'c9-r0-h00', status: 'Healthy' } },
        ],
      })),
    );
    expect(r.passed).toBe(false);
    expect(r.expectations.map((e) => [e.pass, e.observed])).toEqual([
      [false, 'c0-r0-h00 is Healthy'],
      [true, 'c0-r0-h00 is Unreachable'],
      [false, 'no host c9-r0-h00 in this data center'],
    ]);
  });

  it('stops at an action that cannot run, naming the step', () => {
    const r = runScenario(
      parseScenario(JSON.stringify({
        scenario: 1,
        name: 'bad target',
        datacenter: { preset: 'classroom' },
        steps: [
          { at: '1m', do: 'fail', target: 'c0-r7-tor' },
          { at: '2m', expect: { host: 'c0-r0-h00', status: 'Healthy' } },
        ],
      })),
    );
    expect(r.passed).toBe(false);
    expect(r.error).toEqual({ step: 0, at: '1m', message: 'there is no tor c0-r7-tor in this data center' });
    expect(r.expectations).toEqual([]);
  });
});
