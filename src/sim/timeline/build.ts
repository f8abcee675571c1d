/**
 * Builds a Timeline from a run's record (a free run's setup or a scenario, plus the
 * user's timed actions) and writes the record of a Timeline back, so that links, run
 * files and crash recovery all rebuild runs the same way.
 */

import { checkScenario } from '../scenario/parse';
import { scenarioSimulation } from '../scenario/run';
import type { Scenario } from '../scenario/types';
import { Simulation } from '../simulation';
import { scenarioScript, type Entry } from './script';
import { RUN_FILE_VERSION, type RunBase, type RunFile, type TimedAction } from './record';
import { Timeline } from './timeline';

/** The user's actions merged into a script: each after `after` of the script's own entries. */
export function mergeActions(script: readonly Entry[], actions: readonly TimedAction[]): Entry[] {
  const out: Entry[] = [];
  let i = 0;
  for (const a of actions) {
    // Without a count, the user acted after everything scripted up to that instant.
    while (i < script.length && (a.after !== undefined ? i < a.after : script[i]!.at <= a.at)) out.push(script[i++]!);
    out.push({ kind: 'do', at: a.at, action: a.action });
  }
  while (i < script.length) out.push(script[i++]!);
  return out;
}

/** A scenario's file references resolved from the record's files. */
function resolverOf(files: Readonly<Record<string, string>>) {
  return (ref: string): string => {
    const text = files[ref];
    if (text === undefined) throw new Error(`the run does not carry the file "${ref}"`);
    return text;
  };
}

export interface BuiltRun {
  readonly timeline: Timeline;
  /** The parsed scenario, when the run plays one. */
  readonly scenario?: Scenario;
}

/** A Timeline for a run's start and its user's actions (the run is at time 0). */
export function buildTimeline(base: RunBase, actions: readonly TimedAction[] = [], options: { checkpoints?: boolean; seed?: number } = {}): BuiltRun {
  if (base.kind === 'setup') {
    const sim = new Simulation({ seed: options.seed ?? base.seed, datacenter: base.datacenter, timing: base.timing, deploy: base.deploy });
    return { timeline: new Timeline(sim, mergeActions([], actions), { checkpoints: options.checkpoints ?? true }) };
  }
  const parsed = checkScenario(base.scenario);
  const scenario = options.seed === undefined ? parsed : { ...parsed, seed: options.seed };
  const resolve = resolverOf(base.files);
  const sim = scenarioSimulation(scenario, resolve);
  const script = mergeActions(scenarioScript(scenario, resolve), actions);
  const timeline = new Timeline(sim, script, {
    walkthrough: base.walkthrough,
    checkpoints: options.checkpoints ?? true,
    name: scenario.name,
    ...(scenario.description ? { description: scenario.description } : {}),
  });
  return { timeline, scenario };
}

/** The record of a run as it stands now. */
export function recordOf(base: RunBase, timeline: Timeline): RunFile {
  const sim = timeline.sim;
  return {
    fabricLab: 'run',
    version: RUN_FILE_VERSION,
    base,
    actions: timeline.userActions(),
    t: sim.engine.now,
    hash: sim.engine.log.hash(),
    events: sim.engine.log.count,
  };
}
