/**
 * Plays a scenario on a fresh Simulation: runs the clock to each step's time, applies
 * actions, checks expectations, and collects narration. The headless runner, the tests
 * and (later) the in-browser walkthroughs use it.
 */

import { formatDuration } from '../engine/time';
import { applyAction, type Action } from '../actions';
import { HOST_STATUSES, type HostStatus } from '../hardware/status';
import type { SourceFile } from '../servicemodel';
import { Simulation } from '../simulation';
import { ScenarioError } from './parse';
import type { Comparison, Expectation, Scenario, ScenarioAction, Step } from './types';

export interface ExpectationResult {
  /** Index of the step in the file. */
  readonly step: number;
  /** Position in run order (time, then file order). */
  readonly run: number;
  readonly at: string;
  readonly expect: string;
  readonly pass: boolean;
  readonly observed: string;
}

export interface ScenarioResult {
  readonly name: string;
  readonly seed: number;
  readonly passed: boolean;
  /** A step that could not run (its action was refused); the run stops there. */
  readonly error?: { readonly step: number; readonly at: string; readonly message: string };
  readonly expectations: readonly ExpectationResult[];
  readonly narration: readonly { readonly step: number; readonly run: number; readonly at: string; readonly say: string }[];
  readonly final: {
    readonly simulatedMs: number;
    readonly hostsByStatus: Readonly<Partial<Record<HostStatus, number>>>;
    readonly instances: readonly InstanceSummary[];
  };
  readonly events: number;
  readonly hash: string;
}

/** Observes one expectation: whether it holds and what was seen. */
function check(sim: Simulation, e: Expectation): { pass: boolean; observed: string } {
  if ('host' in e && !('instance' in e)) {
    const h = sim.hardware.dc.topology.hostIndex(e.host);
    if (h < 0) return { pass: false, observed: `no host ${e.host} in this data center` };
    const s = sim.hardware.dc.statusOf(h);
    return { pass: s === e.status, observed: `${e.host} is ${s}` };
  }
  if ('rack' in e) {
    const rack = sim.hardware.dc.topology.racks.find((r) => r.id === e.rack);
    if (!rack) return { pass: false, observed: `no rack ${e.rack} in this data center` };
    const n = sim.instancesOnRack(rack.index);
    return { pass: n === e.instances, observed: `${n} instance${n === 1 ? '' : 's'} on ${e.rack}` };
  }
  const fc = sim.fabric;
  if ('service' in e) {
    const dep = fc.production(e.service);
    if (!dep) {
      const refused = fc.refusals.get(e.service);
      const observed = `no production deployment of ${e.service}${refused ? ` (refused: ${refused})` : ''}`;
      return 'available' in e ? { pass: e.available === false, observed } : { pass: false, observed };
    }
    if ('available' in e) {
      const up = fc.available(dep);
      return { pass: up === e.available, observed: `${e.service} is ${up ? 'available' : 'not available'}` };
    }
    return { pass: dep.status === e.status, observed: `${e.service} is ${dep.status}` };
  }
  if ('role' in e) {
    const [service, role] = e.role.split('/') as [string, string];
    const list = fc.production(service)?.roles.get(role);
    if (!list) return { pass: false, observed: `no role ${e.role} in a production deployment` };
    const ready = list.filter((i) => i.status === 'ReadyRole').length;
    return { pass: compare(e.ready, ready), observed: `${ready} of ${list.length} ${e.role} instances ready` };
  }
  if ('instance' in e) {
    const inst = fc.instance(e.instance);
    if (!inst) return { pass: false, observed: `no instance ${e.instance}` };
    const topo = sim.hardware.dc.topology;
    const host = inst.host >= 0 ? topo.hostId(inst.host) : '(none)';
    const diff = inst.lastDiskOp.diffKept ? 'kept' : 'fresh';
    const seen = [`${e.instance} is ${inst.status} on ${host}, FD ${inst.fd}, UD ${inst.ud}, differencing disk ${diff} (after ${inst.lastDiskOp.op})`];
    let pass = inst.status === e.status;
    if (e.host !== undefined) pass &&= host === e.host;
    if (e.notHost !== undefined) pass &&= host !== e.notHost;
    if (e.fd !== undefined) pass &&= inst.fd === e.fd;
    if (e.ud !== undefined) pass &&= inst.ud === e.ud;
    if (e.diffDisk !== undefined) pass &&= diff === e.diffDisk;
    return { pass, observed: seen.join('') };
  }
  if ('fc' in e) {
    const primary = sim.replicas.primary();
    const seen = primary === null ? `no primary (${sim.replicas.hasQuorum() ? 'an election is under way' : 'no quorum'})` : `the primary is ${primary} (term ${sim.replicas.term()})`;
    if (e.fc.primary !== undefined) return { pass: primary === e.fc.primary, observed: seen };
    return { pass: primary !== null && primary !== e.fc.primaryNot, observed: seen };
  }
  return { pass: false, observed: 'unknown expectation' };
}

export interface InstanceSummary {
  readonly id: string;
  readonly slot: string;
  readonly host: string | null;
  readonly fd: number;
  readonly ud: number;
  readonly status: string;
}

export function instanceSummary(sim: Simulation): InstanceSummary[] {
  const out: InstanceSummary[] = [];
  const topo = sim.hardware.dc.topology;
  for (const dep of sim.fabric.deployments.values()) {
    for (const list of dep.roles.values()) {
      for (const i of list) out.push({ id: i.id, slot: dep.slot, host: i.host >= 0 ? topo.hostId(i.host) : null, fd: i.fd, ud: i.ud, status: i.status });
    }
  }
  return out;
}

export function compare(c: Comparison, n: number): boolean {
  return c.op === '==' ? n === c.n : c.op === '>=' ? n >= c.n : n <= c.n;
}

/**
 * Reads a `csdef`/`cscfg` reference of a scenario: inline XML as it stands, otherwise a
 * path relative to the scenario file, read by the caller (Node reads files, the browser
 * fetched them beforehand).
 */
export type FileResolver = (path: string) => Uint8Array | string;

export function sourceOf(ref: string, resolve: FileResolver, where: string): SourceFile {
  if (ref.trimStart().startsWith('<')) return { name: `${where} (inline)`, bytes: ref };
  try {
    return { name: ref, bytes: resolve(ref) };
  } catch (e) {
    throw new ScenarioError(where, `cannot read "${ref}": ${(e as Error).message}`);
  }
}

function toAction(a: ScenarioAction, resolve: FileResolver, where: string): Action {
  switch (a.do) {
    case 'fail':
    case 'repair':
    case 'powerCycle':
    case 'addContainer':
    case 'delete':
    case 'reboot':
    case 'reimage':
    case 'scale':
      return a;
    case 'deploy':
      return {
        do: 'deploy',
        service: a.service,
        ...(a.slot ? { slot: a.slot } : {}),
        ...(a.csdef && a.cscfg ? { files: { csdef: sourceOf(a.csdef, resolve, `${where}.csdef`), cscfg: sourceOf(a.cscfg, resolve, `${where}.cscfg`) } } : {}),
      };
    case 'walk':
    case 'rollback':
    case 'swap':
    case 'updateHostOs':
      return a;
    case 'upgrade':
      return {
        do: 'upgrade',
        service: a.service,
        mode: a.mode,
        files: { csdef: sourceOf(a.csdef, resolve, `${where}.csdef`), cscfg: sourceOf(a.cscfg, resolve, `${where}.cscfg`) },
      };
    case 'configure':
      return { do: 'configure', service: a.service, cscfg: sourceOf(a.cscfg, resolve, `${where}.cscfg`) };
  }
}

const noFiles: FileResolver = (path) => {
  throw new Error(`no file reader was given for ${path}`);
};

export function runScenario(scenario: Scenario, resolve: FileResolver = noFiles): ScenarioResult {
  const sim = new Simulation({ seed: scenario.seed, datacenter: scenario.datacenter, timing: scenario.timing });
  scenario.services.forEach((s, i) => {
    sim.services.set(s.name, { csdef: sourceOf(s.csdef, resolve, `services[${i}].csdef`), cscfg: sourceOf(s.cscfg, resolve, `services[${i}].cscfg`) });
  });
  const expectations: ExpectationResult[] = [];
  const narration: { step: number; run: number; at: string; say: string }[] = [];
  let error: ScenarioResult['error'];
  const at = (s: Step) => formatDuration(s.at);
  for (const [run, step] of scenario.steps.entries()) {
    sim.engine.runUntil(step.at);
    if (step.kind === 'say') narration.push({ step: step.index, run, at: at(step), say: step.say });
    else if (step.kind === 'ask') {
      const q = step.question;
      narration.push({ step: step.index, run, at: at(step), say: `${q.ask} (answer: ${q.choices[q.answer]}) ${q.explain}` });
    }
    else if (step.kind === 'expect') {
      const r = check(sim, step.expect);
      expectations.push({ step: step.index, run, at: at(step), expect: step.text, ...r });
    } else {
      try {
        applyAction(sim, toAction(step.action, resolve, `steps[${step.index}]`));
        // the action takes effect at this instant, before later steps at the same time
        sim.engine.runUntil(step.at);
      } catch (e) {
        error = { step: step.index, at: at(step), message: (e as Error).message };
        break;
      }
    }
  }
  const dc = sim.hardware.dc;
  const hostsByStatus: Partial<Record<HostStatus, number>> = {};
  for (const s of HOST_STATUSES) if (dc.count(s) > 0) hostsByStatus[s] = dc.count(s);
  return {
    name: scenario.name,
    seed: scenario.seed,
    passed: !error && expectations.every((e) => e.pass),
    ...(error ? { error } : {}),
    expectations,
    narration,
    final: { simulatedMs: sim.engine.now, hostsByStatus, instances: instanceSummary(sim) },
    events: sim.engine.log.count,
    hash: sim.engine.log.hash(),
  };
}
