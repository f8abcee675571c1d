import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../actions';
import { MINUTE } from '../engine/time';
import { serviceFiles, type TestRole } from '../servicemodel/synthetic';
import { Simulation } from '../simulation';
import { inPlaceProblem } from './upgrade';

const ROLES: TestRole[] = [
  { name: 'Web', instances: 3, port: 80 },
  { name: 'Work', instances: 3 },
];
const V1 = serviceFiles('app', ROLES);
const V2 = serviceFiles('app', [{ ...ROLES[0]!, startupTasks: ['install.cmd'] }, ROLES[1]!]);
const BROKEN = serviceFiles('app', [{ ...ROLES[0]!, startupTasks: ['install.cmd & exit /b 1'] }, ROLES[1]!]);

function running() {
  const sim = new Simulation({ seed: 4, datacenter: { containers: 1, racksPerContainer: 4, hostsPerRack: 4 } });
  sim.deploy('app', 'production', V1);
  sim.engine.runFor(10 * MINUTE);
  const dep = () => sim.fabric.production('app')!;
  const versions = () => [...dep().roles.values()].flat().map((i) => `${i.ud}:${i.version}`).sort();
  return { sim, dep, versions, run: (ms: number) => sim.engine.runFor(ms), act: (a: Parameters<typeof applyAction>[1]) => applyAction(sim, a) };
}

describe('rolling upgrades', () => {
  it('manual: each update domain waits for walk, one at a time', () => {
    const { dep, versions, run, act } = running();
    act({ do: 'upgrade', service: 'app', mode: 'manual', files: V2 });
    run(10 * MINUTE);
    expect(dep().status).toBe('RunningTransitioning');
    expect(versions()).toEqual(['0:v1', '0:v1', '1:v1', '1:v1', '2:v1', '2:v1']);
    act({ do: 'walk', service: 'app' });
    run(1000);
    expect(() => act({ do: 'walk', service: 'app' })).toThrow(/update domain 0 of app is still being upgraded/);
    run(5 * MINUTE);
    expect(versions()).toEqual(['0:v2', '0:v2', '1:v1', '1:v1', '2:v1', '2:v1']);
    act({ do: 'walk', service: 'app' });
    run(5 * MINUTE);
    act({ do: 'walk', service: 'app' });
    run(5 * MINUTE);
    expect(versions()).toEqual(['0:v2', '0:v2', '1:v2', '1:v2', '2:v2', '2:v2']);
    expect(dep().status).toBe('Running');
    expect(() => act({ do: 'walk', service: 'app' })).toThrow(/no upgrade in progress/);
  });

  it('auto: walks every update domain, never two at once, and the service stays up', () => {
    const { sim, dep, versions, act } = running();
    act({ do: 'upgrade', service: 'app', mode: 'auto', files: V2 });
    const downUds = new Set<string>();
    for (let t = 0; t < 20 * MINUTE; t += 5000) {
      sim.engine.runFor(5000);
      const down = [...dep().roles.values()].flat().filter((i) => i.status !== 'ReadyRole');
      downUds.add([...new Set(down.map((i) => i.ud))].join(','));
      expect(new Set(down.map((i) => i.ud)).size).toBeLessThanOrEqual(1);
      expect(sim.fabric.available(dep())).toBe(true);
    }
    expect(versions().every((v) => v.endsWith('v2'))).toBe(true);
    expect(downUds).toEqual(new Set(['', '0', '1', '2']));
  });

  it('simultaneous: every update domain at once', () => {
    const { sim, dep, act, run } = running();
    act({ do: 'upgrade', service: 'app', mode: 'simultaneous', files: V2 });
    run(30 * 1000);
    expect([...dep().roles.values()].flat().every((i) => i.status !== 'ReadyRole')).toBe(true);
    expect(sim.fabric.available(dep())).toBe(false);
    run(10 * MINUTE);
    expect(dep().status).toBe('Running');
  });

  it('a crash-looping version leaves the deployment stuck; rollback restores the old one', () => {
    const { sim, dep, versions, act, run } = running();
    act({ do: 'upgrade', service: 'app', mode: 'auto', files: BROKEN });
    run(40 * MINUTE);
    expect(dep().upgrade?.ud).toEqual(['failed', 'pending', 'pending']);
    expect(sim.fabric.instance('app/Web_IN_0')!.status).toBe('CyclingRole');
    expect(sim.engine.log.recent().some((r) => r.kind === 'upgrade.stuck')).toBe(true);
    expect(() => act({ do: 'upgrade', service: 'app', mode: 'auto', files: V2 })).toThrow(/one upgrade at a time/);
    act({ do: 'rollback', service: 'app' });
    run(10 * MINUTE);
    expect(versions().every((v) => v.endsWith('v1'))).toBe(true);
    expect(dep().status).toBe('Running');
    expect(dep().upgrade).toBeUndefined();
  });

  it('refuses what cannot be done in place, advising a VIP swap', () => {
    const { act } = running();
    const ports = serviceFiles('app', [{ ...ROLES[0]!, port: 8080 }, ROLES[1]!]);
    expect(() => act({ do: 'upgrade', service: 'app', mode: 'auto', files: ports })).toThrow(/cannot be made in place: role Web changes the type of an input endpoint.*swap VIPs/);
    const size = serviceFiles('app', [{ ...ROLES[0]!, vmsize: 'Large' }, ROLES[1]!]);
    expect(() => act({ do: 'upgrade', service: 'app', mode: 'auto', files: size })).toThrow(/changes size from Small to Large/);
  });

  it('a host failure during an upgrade costs at most its fault domain plus the UD being walked', () => {
    const { sim, dep, act } = running();
    act({ do: 'upgrade', service: 'app', mode: 'manual', files: V2 });
    act({ do: 'walk', service: 'app' });
    sim.engine.runFor(1000);
    const victim = sim.fabric.instance('app/Web_IN_1')!; // FD 1, UD 1
    sim.hardware.fail(sim.hardware.dc.topology.hostId(victim.host), 'crash');
    for (let t = 0; t < 30 * MINUTE; t += 5000) {
      sim.engine.runFor(5000);
      for (const i of [...dep().roles.values()].flat()) {
        if (i.status !== 'ReadyRole') expect(i.fd === 1 || i.ud === 0 || i.ud === dep().upgrade?.current).toBe(true);
      }
      expect(sim.fabric.available(dep())).toBe(true);
    }
  });

  it('refuses moving an input endpoint to another port in place: the VIP is configured with it', () => {
    const { dep } = running();
    const pkg = dep().pkg;
    const move = (port: number) => ({ ...pkg, roles: pkg.roles.map((r) => (r.name === 'Web' ? { ...r, inputPorts: r.inputPorts.map((e) => ({ ...e, port })) } : r)) });
    expect(inPlaceProblem(pkg, move(8080))).toMatch(/^role Web moves input endpoint In80 from port 80 to 8080/);
    expect(inPlaceProblem(pkg, move(80))).toBe('');
  });

  it('a sample whose web endpoint keeps its name but moves to port 8080 is refused in place', () => {
    const samples = join(__dirname, '../../../public');
    const files = (csdef: string) => ({
      csdef: { name: 'ServiceDefinition.csdef', bytes: readFileSync(join(samples, csdef)) },
      cscfg: { name: 'ServiceConfiguration.cscfg', bytes: readFileSync(join(samples, 'samples/shop/ServiceConfiguration.cscfg')) },
    });
    const sim = new Simulation({ seed: 4, datacenter: { containers: 1, racksPerContainer: 4, hostsPerRack: 4 } });
    sim.deploy('shop', 'production', files('samples/shop/ServiceDefinition.csdef'));
    sim.engine.runFor(10 * MINUTE);
    const upgrade = (csdef: string) => applyAction(sim, { do: 'upgrade', service: 'shop', mode: 'auto', files: files(csdef) });
    expect(() => upgrade('scenarios/upgrades/files/shop-8080.csdef')).toThrow(
      /cannot be made in place: role WebRole moves input endpoint HttpIn from port 80 to 8080 .*staging slot and swap VIPs/,
    );
    expect(sim.fabric.production('shop')!.status).toBe('Running');
    // new code on the same port is an in-place upgrade
    upgrade('scenarios/upgrades/files/shop-v2.csdef');
    sim.engine.runFor(1000);
    expect(sim.fabric.production('shop')!.status).toBe('RunningTransitioning');
  });

  it('inPlaceProblem accepts settings and startup changes', () => {
    const { dep } = running();
    expect(inPlaceProblem(dep().pkg, { ...dep().pkg, roles: dep().pkg.roles.map((r) => ({ ...r, settings: { A: '1' } })) })).toBe('');
  });
});

describe('configuration changes and VIP swap', () => {
  it('instance counts change without a redeployment', () => {
    const { sim, dep, act, run } = running();
    const cscfg = serviceFiles('app', [{ ...ROLES[0]!, instances: 5 }, { ...ROLES[1]!, instances: 2 }]).cscfg;
    act({ do: 'configure', service: 'app', cscfg });
    run(10 * MINUTE);
    expect(dep().roles.get('Web')!.map((i) => `${i.n}:${i.fd}:${i.ud}:${i.status}`)).toEqual([
      '0:0:0:ReadyRole', '1:1:1:ReadyRole', '2:2:2:ReadyRole', '3:0:0:ReadyRole', '4:1:1:ReadyRole',
    ]);
    expect(dep().roles.get('Work')!.map((i) => i.n)).toEqual([0, 1]);
    expect(sim.fabric.instance('app/Work_IN_2')).toBeUndefined();
    expect(dep().packages).toHaveLength(1);
  });

  it('a changed definition needs an upgrade', () => {
    const { act } = running();
    expect(() => act({ do: 'configure', service: 'app', cscfg: serviceFiles('app', [ROLES[0]!]).cscfg })).toThrow(/cannot be deployed|Role 'Work'/);
  });

  it('swaps staging and production: the production DNS name reaches the new version', () => {
    const { sim, act, run } = running();
    const v2 = serviceFiles('app', [{ ...ROLES[0]!, port: 8080 }, ROLES[1]!]);
    act({ do: 'deploy', service: 'app', slot: 'staging', files: v2 });
    run(10 * MINUTE);
    const staging = sim.fabric.deployments.get('app/staging')!;
    expect(staging.dns).toMatch(/^[0-9a-f]{32}\.cloudapp\.net$/);
    const [prodVip, stagingDns] = [sim.fabric.production('app')!.vip, staging.dns];
    act({ do: 'swap', service: 'app' });
    run(1000);
    const prod = sim.fabric.production('app')!;
    expect(prod.dns).toBe('app.cloudapp.net');
    expect(prod.vip).toBe(prodVip);
    expect(prod.pkg.roles[0]!.inputPorts[0]!.port).toBe(8080);
    expect(sim.fabric.deployments.get('app/staging')!.dns).toBe(stagingDns);
    expect(sim.fabric.deployments.get('app/staging')!.pkg.roles[0]!.inputPorts[0]!.port).toBe(80);
    expect(sim.fabric.instance('app/Web_IN_0')!.deployment).toBe('app/production');
    expect(() => act({ do: 'swap', service: 'nope' })).toThrow(/needs a production and a staging deployment of nope/);
  });
});
