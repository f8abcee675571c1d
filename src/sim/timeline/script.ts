/**
 * The script of a run: what happens at which simulated time besides the simulation's own
 * events. A scenario gives its steps (actions, captions, questions, expectations); the
 * user adds actions as they go. Entries are kept in run order: by time, then in the order
 * they were written or taken.
 */

import type { Action } from '../actions';
import { toAction, type FileResolver } from '../scenario/resolve';
import type { Expectation, Question, Scenario } from '../scenario/types';

export type Entry =
  | {
      readonly kind: 'do';
      readonly at: number;
      readonly action: Action;
      /** The scenario step it came from; undefined for the user's own actions. */
      readonly step?: number;
      /** In a walkthrough, the learner performs this action, told by the prompt. */
      readonly prompt?: string;
    }
  | { readonly kind: 'expect'; readonly at: number; readonly step: number; readonly expect: Expectation; readonly text: string }
  | { readonly kind: 'say'; readonly at: number; readonly step: number; readonly say: string; readonly chapter?: string }
  | { readonly kind: 'ask'; readonly at: number; readonly step: number; readonly question: Question; readonly chapter?: string };

/** The scenario's steps as script entries, with their files read. */
export function scenarioScript(scenario: Scenario, resolve: FileResolver): Entry[] {
  return scenario.steps.map((s): Entry => {
    switch (s.kind) {
      case 'do':
        return { kind: 'do', at: s.at, step: s.index, action: toAction(s.action, resolve, `steps[${s.index}]`), ...(s.prompt ? { prompt: s.prompt } : {}) };
      case 'expect':
        return { kind: 'expect', at: s.at, step: s.index, expect: s.expect, text: s.text };
      case 'say':
        return { kind: 'say', at: s.at, step: s.index, say: s.say, ...(s.chapter ? { chapter: s.chapter } : {}) };
      case 'ask':
        return { kind: 'ask', at: s.at, step: s.index, question: s.question, ...(s.chapter ? { chapter: s.chapter } : {}) };
    }
  });
}

/** Is this entry one a walkthrough stops at (a caption, a question, the learner's turn)? */
export function isStop(e: Entry): boolean {
  return e.kind === 'say' || e.kind === 'ask' || (e.kind === 'do' && e.prompt !== undefined);
}

/** The user's own action (not the scenario's). */
export function isUserAction(e: Entry): boolean {
  return e.kind === 'do' && e.step === undefined;
}

/** An action in words, as a prompt's expected action and a hint show it. */
export function describeAction(a: Action): string {
  switch (a.do) {
    case 'fail':
      return `fail ${a.target}${a.mode ? ` (${a.mode})` : ''}`;
    case 'repair':
    case 'reboot':
    case 'reimage':
    case 'powerCycle':
      return `${a.do} ${a.target}`;
    case 'scale':
      return `scale ${a.role} to ${a.count}`;
    case 'deploy':
    case 'delete':
      return `${a.do} ${a.service}${a.slot ? ` (${a.slot})` : ''}`;
    case 'upgrade':
      return `upgrade ${a.service} (${a.mode})`;
    case 'walk':
    case 'rollback':
    case 'swap':
    case 'configure':
      return `${a.do} ${a.service}`;
    case 'updateHostOs':
      return 'update the host OS';
    case 'addContainer':
      return `add a container of ${a.racks} racks × ${a.hostsPerRack} hosts`;
  }
}

/**
 * Does the learner's action do what the prompt asks? The verb and its target must match;
 * a failure mode only when the prompt names one; files of an upgrade are the scenario's.
 */
export function sameAction(expected: Action, got: Action): boolean {
  if (expected.do !== got.do) return false;
  switch (expected.do) {
    case 'fail':
      return got.do === 'fail' && got.target === expected.target && (expected.mode === undefined || (got.mode ?? 'crash') === expected.mode);
    case 'repair':
    case 'reboot':
    case 'reimage':
    case 'powerCycle':
      return 'target' in got && got.target === expected.target;
    case 'scale':
      return got.do === 'scale' && got.role === expected.role && got.count === expected.count;
    case 'deploy':
    case 'delete':
      return 'service' in got && got.service === expected.service && ((got as { slot?: string }).slot ?? 'production') === (expected.slot ?? 'production');
    case 'upgrade':
      return got.do === 'upgrade' && got.service === expected.service && got.mode === expected.mode;
    case 'walk':
    case 'rollback':
    case 'swap':
    case 'configure':
      return 'service' in got && got.service === expected.service;
    case 'updateHostOs':
      return true;
    case 'addContainer':
      return got.do === 'addContainer' && got.racks === expected.racks && got.hostsPerRack === expected.hostsPerRack;
  }
}
