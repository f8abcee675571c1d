import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../engine/time';
import { Simulation } from '../simulation';
import type { HostHooks } from './hooks';
import { REALISTIC } from './timing';

function build(datacenter: unknown = { preset: 'classroom' }, timing: 'realistic' | 'fast' = 'realistic') {
  const sim = new Simulation({ seed: 1, datacenter, timing });
  const hw = sim.hardware;
  const dc = hw.dc;
  const status = (id: string) => dc.statusOf(dc.topology.hostIndex(id));
  const run = (ms: number) => sim.engine.runFor(ms);
  const calls: string[] = [];
  const hooks: HostHooks = {
    vmsStopped: (h) => void calls.push(`stopped ${dc.topology.hostId(h)}`),
    hostLost: (h, why) => void calls.push(`lost ${dc.topology.hostId(h)} (${why})`),
    hostRecovered: (h) => void calls.push(`recovered ${dc.topology.hostId(h)}`),
    fence: (h) => {
      calls.push(`fence ${dc.topology.hostId(h)}`);
      return 2;
    },
    evacuate: () => 0,
    hostUnresponsive: () => undefined,
    reachabilityChanged: () => undefined,
    healingResumed: () => undefined,
  };
  hw.hooks = hooks;
  return { sim, hw, dc, status, run, calls };
}

const DETECT = REALISTIC.detectionTimeoutMs;

describe('fault reach', () => {
  it('a ToR failure cuts off exactly its rack, which stays alive', () => {
    const { hw, dc, status, run, calls } = build();
    hw.fail('c0-r1-tor');
    run(DETECT + SECOND);
    for (let h = 0; h < 4; h++) expect(status(`c0-r1-h0${h}`)).toBe('Unreachable');
    for (const id of ['c0-r0-h00', 'c0-r2-h03']) expect(status(id)).toBe('Healthy');
    expect(dc.groundFault(dc.topology.hostIndex('c0-r1-h00'))).toBe('partitioned');
    expect(calls.filter((c) => c.startsWith('stopped'))).toEqual([]); // a partition, not a crash
  });

  it('a PDU failure powers off its rack and stops its VMs', () => {
    const { hw, status, run, calls } = build();
    hw.fail('c0-r2-pdu');
    run(DETECT + SECOND);
    expect(status('c0-r2-h00')).toBe('PoweredOff');
    expect(status('c0-r1-h00')).toBe('Healthy');
    expect(calls.filter((c) => c.startsWith('stopped'))).toHaveLength(4);
    expect(calls.filter((c) => c.startsWith('lost'))).toHaveLength(4);
  });

  it('one aggregation switch loses nothing; both cut the container off', () => {
    const { hw, status, run } = build({ containers: 2, racksPerContainer: 2, hostsPerRack: 2 });
    hw.fail('c0-agg0');
    run(DETECT + SECOND);
    expect(status('c0-r0-h00')).toBe('Healthy');
    hw.fail('c0-agg1');
    run(DETECT + SECOND);
    expect(status('c0-r0-h00')).toBe('Unreachable');
    expect(status('c0-r1-h01')).toBe('Unreachable');
    expect(status('c1-r0-h00')).toBe('Healthy');
  });

  it('one load balancer fails over to its twin; both take every VIP down', () => {
    const { hw, dc, run, sim } = build();
    hw.fail('lb1');
    run(1);
    expect(dc.vipsUp()).toBe(true);
    expect(sim.engine.log.recent(1)[0]!.fields.reach).toBe('lb0 takes over every VIP');
    hw.fail('lb0');
    run(1);
    expect(dc.vipsUp()).toBe(false);
    hw.repair('lb0');
    run(1);
    expect(dc.vipsUp()).toBe(true);
  });

  it('a container failure powers off every host in it', () => {
    const { hw, dc, run } = build({ containers: 2, racksPerContainer: 2, hostsPerRack: 2 });
    hw.fail('c1');
    run(DETECT + SECOND);
    expect(dc.count('PoweredOff')).toBe(4);
    expect(dc.count('Healthy')).toBe(4);
  });

  it('a rack failure is its ToR and PDU together', () => {
    const { hw, dc, status, run } = build();
    hw.fail('c0-r0');
    run(DETECT + SECOND);
    expect(status('c0-r0-h00')).toBe('PoweredOff');
    expect(dc.torUp[0]).toBe(0);
    expect(dc.pduUp[0]).toBe(0);
  });
});

describe('detection', () => {
  it('happens only after the detection timeout', () => {
    const { hw, status, run } = build();
    hw.fail('c0-r0-h00', 'crash');
    run(DETECT - SECOND);
    expect(status('c0-r0-h00')).toBe('Healthy');
    run(2 * SECOND);
    expect(status('c0-r0-h00')).toBe('Down');
  });

  it('finds nothing when the fault is repaired before the timeout', () => {
    const { hw, status, run, sim } = build();
    hw.fail('c0-r1-tor');
    run(30 * SECOND);
    hw.repair('c0-r1-tor');
    run(DETECT);
    expect(status('c0-r1-h00')).toBe('Healthy');
    expect(sim.engine.log.recent().filter((r) => r.kind === 'health.detect')).toEqual([]);
  });

  it('costs work in proportion to the rack, not the data center', () => {
    // the same 20 minutes with and without the fault: the difference is the fault's cost
    const cost = (preset: string) => {
      const quiet = build({ preset });
      quiet.run(DETECT + 20 * MINUTE);
      const { hw, run, sim } = build({ preset });
      hw.fail('c0-r7-tor');
      run(DETECT + 10 * MINUTE);
      hw.repair('c0-r7-tor');
      run(10 * MINUTE);
      return sim.engine.processed - quiet.sim.engine.processed;
    };
    const cluster = cost('cluster');
    // 50 hosts: detection, reboot attempts with retries, rejoin — a few events per host
    expect(cluster).toBeGreaterThan(50);
    expect(cluster).toBeLessThan(50 * 12);
  });
});

describe('reboot first, then out for repair', () => {
  it('a hung host is power-cycled and comes back in place', () => {
    const { hw, status, run, calls } = build();
    hw.fail('c0-r0-h01', 'hang');
    run(DETECT + SECOND);
    expect(status('c0-r0-h01')).toBe('Down');
    run(REALISTIC.hostBootMs + MINUTE);
    expect(status('c0-r0-h01')).toBe('Healthy');
    expect(calls).toContain('recovered c0-r0-h01');
    expect(calls.some((c) => c.startsWith('lost'))).toBe(false);
    expect(hw.drivers.forDevice('c0-r0-h01').map((e) => `${e.op}:${e.outcome}`)).toEqual(['powerCycle:sent', 'powerCycle:ok']);
  });

  it('a crashed host does not come back and goes out for repair', () => {
    const { hw, status, run, calls } = build();
    hw.fail('c0-r0-h00', 'crash');
    run(DETECT + REALISTIC.rebootWaitMs + MINUTE);
    expect(status('c0-r0-h00')).toBe('OutForRepair');
    expect(calls).toContain('lost c0-r0-h00 (did not come back after a reboot)');
  });

  it('a hardware fault goes straight out for repair, without a reboot', () => {
    const { hw, status, run } = build();
    hw.fail('c0-r0-h02', 'hardware');
    run(DETECT + SECOND);
    expect(status('c0-r0-h02')).toBe('OutForRepair');
    expect(hw.drivers.forDevice('c0-r0-h02')).toEqual([]);
  });

  it('a partitioned host cannot be power-cycled; the FC gives it up and fences it when it returns', () => {
    const { hw, status, run, calls } = build();
    hw.fail('c0-r1-tor');
    run(DETECT + 5 * MINUTE);
    expect(calls).toContain('lost c0-r1-h00 (unreachable)');
    const log = hw.drivers.forDevice('c0-r1-h00').filter((e) => e.outcome === 'timeout');
    expect(log).toHaveLength(REALISTIC.driverAttempts);
    hw.repair('c0-r1-tor');
    run(MINUTE);
    expect(status('c0-r1-h00')).toBe('Healthy');
    expect(calls).toContain('fence c0-r1-h00');
  });

  it('a repaired host is burned in again before it rejoins', () => {
    const { hw, status, run } = build();
    hw.fail('c0-r0-h02', 'hardware');
    run(DETECT + SECOND);
    hw.repair('c0-r0-h02');
    run(SECOND);
    expect(status('c0-r0-h02')).toBe('BurnIn');
    run(REALISTIC.repairBurnInMs + MINUTE);
    expect(status('c0-r0-h02')).toBe('Healthy');
  });
});

describe('Human Investigate', () => {
  it('takes a host after its third fault within the window', () => {
    const { hw, status, run } = build({ preset: 'classroom' }, 'fast');
    for (let i = 0; i < 2; i++) {
      hw.fail('c0-r0-h00', 'hardware');
      run(20 * SECOND);
      expect(status('c0-r0-h00')).toBe('OutForRepair');
      hw.repair('c0-r0-h00');
      run(2 * MINUTE);
      expect(status('c0-r0-h00')).toBe('Healthy');
    }
    hw.fail('c0-r0-h00', 'hardware');
    run(20 * SECOND);
    expect(status('c0-r0-h00')).toBe('HumanInvestigate');
  });

  it('above the threshold, healing stops until the count falls back', () => {
    const { hw, status, run, calls, sim } = build({ preset: 'classroom', humanInvestigateThreshold: 0 }, 'fast');
    for (let i = 0; i < 3; i++) {
      hw.fail('c0-r2-h00', 'hardware');
      run(20 * SECOND);
      if (i < 2) {
        hw.repair('c0-r2-h00');
        run(2 * MINUTE);
      }
    }
    expect(hw.health.healingStopped).toBe(true);
    expect(sim.engine.log.recent().some((r) => r.kind === 'fc.healingStopped')).toBe(true);
    calls.length = 0;
    hw.fail('c0-r0-h01', 'crash');
    run(5 * MINUTE);
    expect(status('c0-r0-h01')).toBe('Down');
    expect(calls.filter((c) => c.startsWith('lost'))).toEqual([]);
    expect(hw.drivers.forDevice('c0-r0-h01')).toEqual([]);
    hw.repair('c0-r2-h00');
    run(2 * MINUTE);
    expect(hw.health.healingStopped).toBe(false);
    expect(status('c0-r0-h01')).toBe('OutForRepair');
  });
});

describe('inventory', () => {
  it('burns in a new container before its hosts join; some fail at the configured rate', () => {
    const { hw, dc, run } = build({ preset: 'classroom', burnInFailureRate: 0.5 }, 'fast');
    hw.addContainer(4, 10);
    run(SECOND);
    expect(dc.count('BurnIn')).toBe(40);
    expect(dc.containers[1]!.state).toBe('BurnIn');
    run(5 * MINUTE);
    expect(dc.count('BurnIn')).toBe(0);
    const failed = dc.count('OutForRepair');
    expect(failed).toBeGreaterThan(8); // ~20 of 40 at 50%
    expect(failed).toBeLessThan(32);
    expect(dc.count('Healthy')).toBe(12 + 40 - failed);
    expect(dc.containers[1]!.state).toBe('InService');
  });

  it('evacuates, services and returns a container past the failed-host threshold', () => {
    const { hw, dc, run } = build({ containers: 2, racksPerContainer: 2, hostsPerRack: 4, evacuationThreshold: 0.25 }, 'fast');
    hw.fail('c1-r0-h00', 'hardware');
    hw.fail('c1-r0-h01', 'hardware');
    run(20 * SECOND);
    expect(dc.containers[1]!.state).toBe('InService'); // 2 of 8 is not more than 25%
    hw.fail('c1-r1-h00', 'hardware');
    run(20 * SECOND);
    expect(dc.containers[1]!.state).toBe('Servicing');
    expect(dc.count('Offline')).toBe(8);
    run(6 * MINUTE);
    expect(dc.containers[1]!.state).toBe('InService');
    expect(dc.count('Healthy')).toBe(16);
  });

  it('defers evacuation when no other container could take the load', () => {
    const { hw, dc, run, sim } = build({ preset: 'classroom', evacuationThreshold: 0.1 }, 'fast');
    hw.fail('c0-r0-h00', 'hardware');
    hw.fail('c0-r0-h01', 'hardware');
    run(20 * SECOND);
    expect(dc.containers[0]!.state).toBe('InService');
    expect(sim.engine.log.recent().filter((r) => r.kind === 'container.evacuationDeferred')).toHaveLength(1);
  });
});

describe('actions are checked', () => {
  it.each([
    ['c9-r0-h00', undefined, /there is no host c9-r0-h00/],
    ['c0-r0-h00', 'melt', /cannot fail in mode "melt"; modes: crash, hang, hardware/],
    ['banana', undefined, /"banana" is not an asset id/],
    ['c0-r5-tor', undefined, /there is no tor c0-r5-tor/],
  ])('fail %s %s', (target, mode, msg) => {
    const { hw } = build();
    expect(() => hw.fail(target, mode)).toThrow(msg);
  });

  it('refuses to fail twice or repair what is not broken', () => {
    const { hw, run } = build();
    hw.fail('c0-r0-tor');
    run(1);
    expect(() => hw.fail('c0-r0-tor')).toThrow(/already failed/);
    expect(() => hw.addContainer(0, 4)).toThrow(/racks must be a whole number from 1 to 100/);
    expect(() => hw.repair('c0-r1-pdu')).toThrow(/c0-r1-pdu has nothing to repair/);
    expect(() => hw.repair('c0-r2-h01')).toThrow(/c0-r2-h01 has nothing to repair \(status Healthy\)/);
    expect(() => hw.repair('c0-r2')).toThrow(/c0-r2 has nothing to repair/);
    expect(() => hw.powerCycle('c0-r2-tor')).toThrow(/only hosts can be power-cycled/);
  });
});
