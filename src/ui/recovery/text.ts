/** What the recovery message says: what happened, then what was done about it. */

import type { Action } from '../../sim/actions';
import { formatClock } from '../../sim/engine/time';
import { describeAction } from '../../sim/timeline/script';
import type { TimedAction } from '../../sim/timeline/record';

/** A worker that crashed (with what it said) or stopped answering (for how long). */
export type Failure = { readonly kind: 'crash'; readonly message: string; readonly t?: number } | { readonly kind: 'hang'; readonly silentMs: number };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

function what(f: Failure): string {
  return f.kind === 'hang' ? `stopped answering for ${Math.round(f.silentMs / 1000)} s` : `crashed: ${f.message}`;
}

/** "The simulation worker stopped answering for 15 s." */
export function failureText(f: Failure): string {
  return sentence(`The simulation worker ${what(f)}`);
}

/** The same failure again, before the restarted run got past the point of the first. */
export function repeatText(f: Failure, failT: number): string {
  return sentence(`The restarted simulation worker ${f.kind === 'hang' ? `stopped answering again (for ${Math.round(f.silentMs / 1000)} s)` : `crashed again: ${f.message}`}, before getting past ${formatClock(failT)}`);
}

/** "fail c0-r1-h02 at 0+00:10:00" */
export function actionText(a: TimedAction): string {
  return `${describeAction(a.action)} at ${formatClock(a.at)}`;
}

export function restartingText(t: number, actions: number, dropped: TimedAction | undefined): string {
  const without = dropped ? `, leaving out your action ${actionText(dropped)}` : '';
  return `Restarting from your run record at ${formatClock(t)} with your ${plural(actions, 'action')}${without}…`;
}

export interface Outcome {
  readonly t: number;
  readonly actions: number;
  readonly dropped?: TimedAction;
  /** The event-log hash reached at t and the one seen there before (when they can be compared). */
  readonly hash?: { readonly got: string; readonly want: string };
  /** Actions that were on their way when the worker stopped (not applied). */
  readonly lost: readonly Action[];
}

/** "Restarted from your run record at 1+01:23:45 with your 3 actions; nothing was lost." */
export function recoveredText(o: Outcome): string {
  const at = formatClock(o.t);
  const differs = o.hash && o.hash.got !== o.hash.want;
  const parts: string[] = [];
  if (o.dropped) {
    parts.push(
      `Restarted from your run record at ${at} with ${plural(o.actions, 'action')} of yours, leaving out ${actionText(o.dropped)}: the simulation stopped twice after it, so it was dropped (the only thing dropped).`,
    );
  } else {
    parts.push(`Restarted from your run record at ${at} with your ${plural(o.actions, 'action')}${differs || o.lost.length > 0 ? '.' : '; nothing was lost.'}`);
  }
  if (o.hash) {
    parts.push(
      differs
        ? `But the replay reached event-log hash ${o.hash.got} there, not ${o.hash.want} as before: from here on the run may differ from the one you saw.`
        : `The event-log hash there matches (${o.hash.got}).`,
    );
  }
  if (o.lost.length > 0) {
    parts.push(`${plural(o.lost.length, 'action')} still on ${o.lost.length === 1 ? 'its' : 'their'} way when the worker stopped ${o.lost.length === 1 ? 'was' : 'were'} not applied (${o.lost.map(describeAction).join(', ')}): do ${o.lost.length === 1 ? 'it' : 'them'} again if you still want ${o.lost.length === 1 ? 'it' : 'them'}.`);
  }
  return parts.join(' ');
}

/** Why the page gave up, and what the person can do. */
export function gaveUpText(dropped: TimedAction | undefined, noActions: boolean): string {
  const why = dropped
    ? `it stopped again even without your action ${actionText(dropped)}`
    : noActions
      ? 'it stopped again at the same point, and there is no action of yours to leave out'
      : 'it stopped too often in a short time';
  return `It could not be restarted from your run record: ${why}. Start afresh to begin a new run.`;
}

/** A failure before any run was under way (nothing to restart from). */
export function startFailedText(f: Failure): string {
  return sentence(`The simulation worker ${what(f)} while starting the run`);
}
