import { describe, expect, it } from 'vitest';
import { ScenarioError, checkScenario, parseScenario } from './parse';

/** The example of ../shared/scenarios.md, verbatim. */
const EXAMPLE = {
  scenario: 1,
  name: 'A top-of-rack switch fails',
  seed: 42,
  timing: 'realistic',
  datacenter: { containers: 1, racksPerContainer: 4, hostsPerRack: 8 },
  services: [{ name: 'shop', csdef: 'samples/shop/ServiceDefinition.csdef', cscfg: 'samples/shop/ServiceConfiguration.cscfg' }],
  steps: [
    { at: '0s', do: 'deploy', service: 'shop' },
    { at: '10m', expect: { service: 'shop', status: 'Running' } },
    { at: '10m', say: 'Every role runs in three fault domains.' },
    { at: '11m', do: 'fail', target: 'c0-r1-tor' },
    { at: '40m', expect: { role: 'shop/WebRole', ready: '>=3' } },
    { at: '40m', expect: { rack: 'c0-r1', instances: 0 } },
    { at: '41m', do: 'repair', target: 'c0-r1-tor' },
  ],
};

const withSteps = (steps: unknown[]) => ({ ...EXAMPLE, steps });

describe('parseScenario', () => {
  it('reads the example of the format document', () => {
    const s = checkScenario(EXAMPLE);
    expect(s.steps).toHaveLength(7);
    expect(s.steps[1]).toMatchObject({ kind: 'expect', at: 600_000, expect: { service: 'shop', status: 'Running' } });
    expect(s.steps[4]).toMatchObject({ kind: 'expect', expect: { role: 'shop/WebRole', ready: { op: '>=', n: 3 } } });
  });

  it('orders steps by time, then file order', () => {
    const s = checkScenario(withSteps([
      { at: '5m', say: 'b' },
      { at: '1m', say: 'a' },
      { at: '5m', say: 'c' },
    ]));
    expect(s.steps.map((x) => (x.kind === 'say' ? x.say : ''))).toEqual(['a', 'b', 'c']);
  });

  it('reads every action and expectation of the vocabulary', () => {
    const s = checkScenario(withSteps([
      { at: '1s', do: 'deploy', service: 'shop', slot: 'staging', csdef: 'a.csdef', cscfg: 'a.cscfg' },
      { at: '1s', do: 'delete', service: 'shop', slot: 'production' },
      { at: '1s', do: 'fail', target: 'c0-r0-h00', mode: 'hang' },
      { at: '1s', do: 'reboot', target: 'shop/WebRole_IN_0' },
      { at: '1s', do: 'reimage', target: 'shop/WebRole_IN_0' },
      { at: '1s', do: 'scale', role: 'shop/WebRole', count: 5 },
      { at: '1s', do: 'configure', service: 'shop', cscfg: 'b.cscfg' },
      { at: '1s', do: 'upgrade', service: 'shop', csdef: 'b.csdef', cscfg: 'b.cscfg', mode: 'manual' },
      { at: '1s', do: 'walk', service: 'shop' },
      { at: '1s', do: 'swap', service: 'shop' },
      { at: '1s', do: 'addContainer', racks: 2, hostsPerRack: 10 },
      { at: '1h30m', expect: { service: 'shop', available: true } },
      { at: '1h30m', expect: { instance: 'shop/WebRole_IN_2', status: 'ReadyRole', notHost: 'c0-r1-h00', fd: 1, ud: 2, diffDisk: 'fresh' } },
      { at: '1h30m', expect: { host: 'c0-r1-h00', status: 'OutForRepair' } },
      { at: '1h30m', expect: { fc: { primaryNot: 'fc0' } } },
      { at: '1h30m', expect: { role: 'shop/WebRole', ready: '<=2' } },
    ]));
    expect(s.steps).toHaveLength(16);
  });

  it.each([
    [{ ...EXAMPLE, extra: 1 }, /^\(root\)\.extra: unknown field/],
    [{ ...EXAMPLE, scenario: 2 }, /^scenario: must be 1/],
    [{ ...EXAMPLE, seed: -1 }, /seed: must be a whole number/],
    [{ ...EXAMPLE, timing: 'slow' }, /timing: must be one of realistic, fast/],
    [{ ...EXAMPLE, datacenter: { containers: 0, racksPerContainer: 1, hostsPerRack: 1 } }, /^datacenter\.containers: must be at least 1/],
    [{ ...EXAMPLE, datacenter: { containers: 1000000000, racksPerContainer: 1, hostsPerRack: 1 } }, /^datacenter\.containers: must be at most 100/],
    [{ ...EXAMPLE, datacenter: { preset: 'galaxy' } }, /^datacenter\.preset: unknown preset "galaxy"; presets: classroom, demo, cluster, region/],
    [{ ...EXAMPLE, services: [{ name: 'a b', csdef: 'x', cscfg: 'y' }] }, /^services\[0\]\.name: must be letters/],
    [withSteps([{ at: '1m', do: 'fail' }]), /^steps\[0\]\.target: is required for "fail"/],
    [withSteps([{ at: '1m', do: 'fail', target: 'c0-r0-tor', when: 'now' }]), /^steps\[0\]\.when: unknown field/],
    [withSteps([{ at: '1m', do: 'explode', target: 'x' }]), /^steps\[0\]\.do: unknown action/],
    [withSteps([{ at: 'soon', say: 'x' }]), /^steps\[0\]\.at: cannot read duration "soon"/],
    [withSteps([{ at: 60, say: 'x' }]), /^steps\[0\]\.at: must be a duration/],
    [withSteps([{ at: '1m' }]), /^steps\[0\]: a step needs one of do, expect, say/],
    [withSteps([{ at: '1m', say: 'x', expect: { host: 'c0-r0-h00', status: 'Healthy' } }]), /not say and expect|not expect and say|not do/],
    [withSteps([{ at: '1m', expect: { host: 'c0-r0-h00', status: 'Sleepy' } }]), /^steps\[0\]\.expect\.status: must be one of Healthy, Unreachable/],
    [withSteps([{ at: '1m', expect: { role: 'shop/WebRole', ready: '>3' } }]), /^steps\[0\]\.expect\.ready: must be "<op><n>"/],
    [withSteps([{ at: '1m', expect: { fc: { primary: 'fc7' } } }]), /^steps\[0\]\.expect\.fc\.primary: must be an FC replica id/],
    [withSteps([{ at: '1m', expect: { widget: 1 } }]), /^steps\[0\]\.expect: must name what it checks/],
    [withSteps([{ at: '1m', do: 'deploy', service: 'blog' }]), /^steps\[0\]\.service: no service "blog" in services \(shop\)/],
    [withSteps([{ at: '1m', do: 'deploy', service: 'shop', csdef: 'x' }]), /^steps\[0\]: csdef and cscfg go together/],
    [withSteps([{ at: '1m', do: 'upgrade', service: 'shop', csdef: 'a', cscfg: 'b', mode: 'yolo' }]), /^steps\[0\]\.mode: must be one of manual, auto, simultaneous/],
    [{ ...EXAMPLE, steps: 'none' }, /^steps: must be an array, got the string "none"/],
  ])('refuses %j with the JSON path', (doc, msg) => {
    expect(() => checkScenario(doc)).toThrow(ScenarioError);
    expect(() => checkScenario(doc)).toThrow(msg);
  });

  it('reports invalid JSON', () => {
    expect(() => parseScenario('{"scenario": 1,')).toThrow(/not valid JSON/);
  });
});
