import { describe, expect, it } from 'vitest';
import { MINUTE } from '../engine/time';
import { serviceFiles } from '../servicemodel/synthetic';
import { Simulation } from '../simulation';
import { DEPLOYMENTS, INSTANCES, SERIES, type DeploymentView, type InstanceView, type SeriesView } from './view';

function run() {
  const sim = new Simulation({ seed: 2, datacenter: { containers: 1, racksPerContainer: 4, hostsPerRack: 4 } });
  sim.deploy('web', 'production', serviceFiles('web', [{ name: 'Front', instances: 2, port: 80 }]));
  sim.engine.runFor(10 * MINUTE);
  sim.fabricView.update();
  return sim;
}

describe('the services read model', () => {
  it('describes deployments and instances, and charts ready instances over time', () => {
    const sim = run();
    const dep = sim.view.get<DeploymentView>(DEPLOYMENTS, 'web/production')!;
    expect(dep).toMatchObject({ service: 'web', status: 'Running', available: true, dns: 'web.cloudapp.net', fdCount: 3, udCount: 3 });
    expect(dep.roles).toEqual([{ name: 'Front', type: 'WebRole', vmsize: 'Small', ready: 2, total: 2, behindLoadBalancer: true }]);
    const inst = sim.view.get<InstanceView>(INSTANCES, 'web/Front_IN_1')!;
    expect(inst).toMatchObject({ fd: 1, ud: 1, status: 'ReadyRole', inPool: true, diffDisk: 'fresh', lastOp: 'deploy' });
    const series = sim.view.get<SeriesView>(SERIES, 'web/production')!;
    expect(series.ready.map((p) => p.ready[0])).toEqual([0, 1, 2]);
    expect(series.availability.at(-1)).toMatchObject({ up: true });
  });

  it('records an outage and its recovery time, and counts durable writes that survive it', () => {
    const sim = run();
    const before = sim.view.get<DeploymentView>(DEPLOYMENTS, 'web/production')!.durableBlobs;
    sim.hardware.fail('lb0');
    sim.hardware.fail('lb1');
    sim.engine.runFor(5 * MINUTE);
    sim.hardware.repair('lb0');
    sim.engine.runFor(MINUTE);
    sim.fabricView.update();
    const dep = sim.view.get<DeploymentView>(DEPLOYMENTS, 'web/production')!;
    expect(dep.outages).toBe(1);
    expect(dep.mttrMs).toBe(5 * MINUTE);
    expect(dep.downMs).toBe(5 * MINUTE);
    expect(dep.durableBlobs).toBeGreaterThan(before);
    const series = sim.view.get<SeriesView>(SERIES, 'web/production')!;
    expect(series.availability.slice(-2).map((a) => a.up)).toEqual([false, true]);
  });

  it('tracks deleted deployments and refusals', () => {
    const sim = run();
    sim.fabric.requestDelete('web/production');
    sim.engine.runFor(1000);
    sim.fabricView.update();
    expect(sim.view.get(DEPLOYMENTS, 'web/production')).toBeUndefined();
    expect(sim.view.get(INSTANCES, 'web/Front_IN_0')).toBeUndefined();
    expect(sim.markers.all().some((m) => m.kind === 'deployment')).toBe(true);
  });
});
