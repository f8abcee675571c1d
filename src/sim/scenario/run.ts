/**
 * Plays a scenario on a fresh Simulation: runs the clock to each step's time, applies
 * actions, checks expectations, and collects narration. The headless runner, the tests
 * and (later) the in-browser walkthroughs use it.
 */

import { formatDuration } from '../engine/time';
import { applyAction, type Action } from '../actions';
import { HOST_STATUSES, type HostStatus } from '../hardware/status';
import { Simulation } from '../simulation';
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
    readonly instances: readonly unknown[];
  };
  readonly events: number;
  readonly hash: string;
}

/** Observes one expectation: whether it holds and what was seen. */
function check(sim: Simulation, e: Expectation): { pass: boolean; observed: string } {
  if ('host' in e && 'status' in e && !('instance' in e)) {
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
  return { pass: false, observed: 'this kind of expectation is not supported yet (it needs deployed services)' };
}

export function compare(c: Comparison, n: number): boolean {
  return c.op === '==' ? n === c.n : c.op === '>=' ? n >= c.n : n <= c.n;
}

function toAction(a: ScenarioAction): Action {
  switch (a.do) {
    case 'fail':
    case 'repair':
    case 'powerCycle':
    case 'addContainer':
      return a;
    default:
      throw new Error(`action "${a.do}" is not supported yet: it needs the Fabric Controller's service management`);
  }
}

export function runScenario(scenario: Scenario): ScenarioResult {
  const sim = new Simulation({ seed: scenario.seed, datacenter: scenario.datacenter, timing: scenario.timing, probes: false });
  const expectations: ExpectationResult[] = [];
  const narration: { step: number; run: number; at: string; say: string }[] = [];
  let error: ScenarioResult['error'];
  const at = (s: Step) => formatDuration(s.at);
  for (const [run, step] of scenario.steps.entries()) {
    sim.engine.runUntil(step.at);
    if (step.kind === 'say') narration.push({ step: step.index, run, at: at(step), say: step.say });
    else if (step.kind === 'expect') {
      const r = check(sim, step.expect);
      expectations.push({ step: step.index, run, at: at(step), expect: step.text, ...r });
    } else {
      try {
        applyAction(sim, toAction(step.action));
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
    final: { simulatedMs: sim.engine.now, hostsByStatus, instances: [] },
    events: sim.engine.log.count,
    hash: sim.engine.log.hash(),
  };
}
