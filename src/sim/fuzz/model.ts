/**
 * Random runs for property-based testing: a small data center, a few services, and a
 * timed sequence of what users and hardware do (deploys, faults, repairs, reboots,
 * scaling, upgrades, configuration changes, VIP swaps, FC failovers). A case is plain
 * data, so fast-check can shrink a failing one to a minimal sequence and print it.
 */

import fc from 'fast-check';
import type { Action } from '../actions';
import { serviceFiles, type TestRole } from '../servicemodel/synthetic';

export interface FuzzService {
  readonly name: string;
  readonly roles: readonly TestRole[];
  readonly uds: number;
}

export interface FuzzCase {
  readonly seed: number;
  readonly racks: number;
  readonly hostsPerRack: number;
  readonly services: readonly FuzzService[];
  /** Seconds from the start, and what happens then. */
  readonly ops: readonly { readonly at: number; readonly op: Op }[];
}

/** What can happen, in terms a shrunk counterexample reads well in. */
export type Op =
  | { readonly kind: 'fail'; readonly target: string; readonly mode?: 'crash' | 'hang' | 'hardware' }
  | { readonly kind: 'repair'; readonly target: string }
  | { readonly kind: 'reboot' | 'reimage'; readonly service: number; readonly role: number; readonly n: number }
  | { readonly kind: 'scale'; readonly service: number; readonly role: number; readonly count: number }
  | { readonly kind: 'upgrade'; readonly service: number; readonly mode: 'manual' | 'auto' | 'simultaneous' }
  | { readonly kind: 'walk' | 'rollback' | 'swap' | 'deployStaging' | 'delete'; readonly service: number }
  | { readonly kind: 'configure'; readonly service: number; readonly count: number };

const role = (i: number): fc.Arbitrary<TestRole> =>
  fc.record({
    instances: fc.integer({ min: 1, max: 4 }),
    web: fc.boolean(),
    medium: fc.boolean(),
  }).map(({ instances, web, medium }) => ({
    name: `R${i}`,
    instances,
    ...(web ? { port: 80 + i } : {}),
    ...(medium ? { vmsize: 'Medium' } : {}),
  }));

const service = (i: number): fc.Arbitrary<FuzzService> =>
  fc.record({ roles: fc.tuple(role(0), fc.option(role(1), { nil: undefined })), uds: fc.integer({ min: 1, max: 4 }) }).map(({ roles, uds }) => ({
    name: `s${i}`,
    roles: roles.filter((r): r is TestRole => r !== undefined),
    uds,
  }));

function targets(racks: number, hostsPerRack: number): fc.Arbitrary<string> {
  const rack = fc.integer({ min: 0, max: racks - 1 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(rack, fc.integer({ min: 0, max: hostsPerRack - 1 })).map(([r, h]) => `c0-r${r}-h${String(h).padStart(2, '0')}`) },
    { weight: 2, arbitrary: rack.map((r) => `c0-r${r}-tor`) },
    { weight: 1, arbitrary: rack.map((r) => `c0-r${r}-pdu`) },
    { weight: 1, arbitrary: fc.constantFrom('c0-agg0', 'c0-agg1', 'lb0', 'lb1') },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 4 }).map((n) => `fc${n}`) },
  );
}

function op(racks: number, hostsPerRack: number, services: number): fc.Arbitrary<Op> {
  const s = fc.integer({ min: 0, max: services - 1 });
  const target = targets(racks, hostsPerRack);
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('fail' as const), target, mode: fc.constantFrom('crash' as const, 'hang' as const, 'hardware' as const) }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('repair' as const), target }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('reboot' as const, 'reimage' as const), service: s, role: fc.integer({ min: 0, max: 1 }), n: fc.integer({ min: 0, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('scale' as const), service: s, role: fc.integer({ min: 0, max: 1 }), count: fc.integer({ min: 1, max: 5 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('upgrade' as const), service: s, mode: fc.constantFrom('manual' as const, 'auto' as const, 'simultaneous' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('walk' as const, 'rollback' as const, 'swap' as const, 'deployStaging' as const, 'delete' as const), service: s }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('configure' as const), service: s, count: fc.integer({ min: 1, max: 4 }) }) },
  );
}

export function fuzzCase(maxOps = 12): fc.Arbitrary<FuzzCase> {
  return fc
    .record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), racks: fc.integer({ min: 3, max: 6 }), hostsPerRack: fc.integer({ min: 2, max: 6 }), count: fc.integer({ min: 1, max: 3 }) })
    .chain(({ seed, racks, hostsPerRack, count }) =>
      fc.record({
        seed: fc.constant(seed),
        racks: fc.constant(racks),
        hostsPerRack: fc.constant(hostsPerRack),
        services: fc.tuple(...Array.from({ length: count }, (_, i) => service(i))),
        ops: fc.array(fc.record({ at: fc.integer({ min: 1, max: 3600 }), op: op(racks, hostsPerRack, count) }), { maxLength: maxOps }).map((list) => [...list].sort((a, b) => a.at - b.at)),
      }),
    );
}

/** The service's files, as deployed (version 1) or as upgraded (version 2: one more startup task). */
export function filesOf(s: FuzzService, version = 1, countOverride?: number) {
  const roles = s.roles.map((r) => ({
    ...r,
    ...(countOverride !== undefined ? { instances: countOverride } : {}),
    ...(version > 1 ? { startupTasks: [`echo v${version}`] } : {}),
  }));
  return serviceFiles(s.name, roles, s.uds);
}

/** The case's op as an action on the simulation, or undefined when it names nothing there. */
export function actionOf(c: FuzzCase, o: Op): Action | undefined {
  const svc = 'service' in o ? c.services[o.service] : undefined;
  switch (o.kind) {
    case 'fail':
      return { do: 'fail', target: o.target, ...(/-h\d\d$/.test(o.target) && o.mode ? { mode: o.mode } : {}) };
    case 'repair':
      return { do: 'repair', target: o.target };
    case 'reboot':
    case 'reimage': {
      const r = svc?.roles[o.role];
      return svc && r ? { do: o.kind, target: `${svc.name}/${r.name}_IN_${o.n}` } : undefined;
    }
    case 'scale': {
      const r = svc?.roles[o.role];
      return svc && r ? { do: 'scale', role: `${svc.name}/${r.name}`, count: o.count } : undefined;
    }
    case 'upgrade':
      return svc ? { do: 'upgrade', service: svc.name, mode: o.mode, files: filesOf(svc, 2) } : undefined;
    case 'configure':
      return svc ? { do: 'configure', service: svc.name, cscfg: filesOf(svc, 1, o.count).cscfg } : undefined;
    case 'deployStaging':
      return svc ? { do: 'deploy', service: svc.name, slot: 'staging', files: filesOf(svc, 2) } : undefined;
    case 'walk':
    case 'rollback':
    case 'swap':
      return svc ? { do: o.kind, service: svc.name } : undefined;
    case 'delete':
      return svc ? { do: 'delete', service: svc.name, slot: 'staging' } : undefined;
  }
}
