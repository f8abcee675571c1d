/**
 * Plays a scenario headless: builds its Simulation, registers its services, and runs its
 * script through a Timeline (the same code the browser's walkthroughs use), so the
 * expectations, the narration and the event-log hash are the ones a learner clicking
 * through the lesson reaches. Steps that ask the learner to act run as written.
 */

import { formatDuration } from '../engine/time';
import { HOST_STATUSES, type HostStatus } from '../hardware/status';
import { Simulation } from '../simulation';
import { scenarioScript } from '../timeline/script';
import { Timeline } from '../timeline/timeline';
import { instanceSummary, type InstanceSummary } from './check';
import { sourceOf, type FileResolver } from './resolve';
import type { Scenario } from './types';

export { check, compare, instanceSummary, type InstanceSummary } from './check';
export { sourceOf, type FileResolver } from './resolve';

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

const noFiles: FileResolver = (path) => {
  throw new Error(`no file reader was given for ${path}`);
};

/** A scenario's Simulation with its services registered (not yet run). */
export function scenarioSimulation(scenario: Scenario, resolve: FileResolver): Simulation {
  const sim = new Simulation({ seed: scenario.seed, datacenter: scenario.datacenter, timing: scenario.timing });
  scenario.services.forEach((s, i) => {
    sim.services.set(s.name, { csdef: sourceOf(s.csdef, resolve, `services[${i}].csdef`), cscfg: sourceOf(s.cscfg, resolve, `services[${i}].cscfg`) });
  });
  return sim;
}

/** The scenario as a Timeline, ready to play (as a walkthrough or straight through). */
export function scenarioTimeline(scenario: Scenario, resolve: FileResolver, walkthrough = false, checkpoints = true): Timeline {
  return new Timeline(scenarioSimulation(scenario, resolve), scenarioScript(scenario, resolve), {
    walkthrough,
    checkpoints,
    name: scenario.name,
    ...(scenario.description ? { description: scenario.description } : {}),
  });
}

export function runScenario(scenario: Scenario, resolve: FileResolver = noFiles): ScenarioResult {
  const timeline = scenarioTimeline(scenario, resolve, false, false);
  for (const step of scenario.steps) {
    timeline.advance(step.at);
    if (timeline.scriptError) break;
  }
  const sim = timeline.sim;
  const run = new Map(scenario.steps.map((s, i) => [s.index, i]));
  const at = (ms: number) => formatDuration(ms);
  const error = timeline.scriptError;
  const narration = scenario.steps.flatMap((s) => {
    if (error && (s.at > error.at || (s.at === error.at && run.get(s.index)! > run.get(error.step)!))) return [];
    const say = s.kind === 'say' ? s.say : s.kind === 'ask' ? `${s.question.ask} (answer: ${s.question.choices[s.question.answer]}) ${s.question.explain}` : s.kind === 'do' && s.prompt ? `Your turn: ${s.prompt}` : undefined;
    return say === undefined ? [] : [{ step: s.index, run: run.get(s.index)!, at: at(s.at), say }];
  });
  const expectations = timeline.results.map((e) => ({ step: e.step, run: run.get(e.step)!, at: at(e.at), expect: e.text, pass: e.pass, observed: e.observed }));
  const dc = sim.hardware.dc;
  const hostsByStatus: Partial<Record<HostStatus, number>> = {};
  for (const s of HOST_STATUSES) if (dc.count(s) > 0) hostsByStatus[s] = dc.count(s);
  return {
    name: scenario.name,
    seed: scenario.seed,
    passed: !error && expectations.every((e) => e.pass),
    ...(error ? { error: { step: error.step, at: at(error.at), message: error.message } } : {}),
    expectations,
    narration,
    final: { simulatedMs: sim.engine.now, hostsByStatus, instances: instanceSummary(sim) },
    events: sim.engine.log.count,
    hash: sim.engine.log.hash(),
  };
}
