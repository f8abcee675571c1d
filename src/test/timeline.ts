/**
 * Recorded worker output along simulated time, for the services views' component tests:
 * a real WorkerHost run headless with the shop sample of public/samples deployed, driven
 * by a script of commands and waits. A wait plays the run on a fake wall clock at speed
 * 3600 until exactly that much simulated time has passed, then pauses, so recordings
 * reach minutes or hours of simulated time without thousands of `step` commands.
 */

import { sampleFiles } from '../cli/samples';
import { MINUTE } from '../sim/engine/time';
import type { SourceFile } from '../sim/servicemodel/load';
import { WorkerHost } from '../worker/host';
import { PROTOCOL_VERSION, type FromWorker, type InitOptions, type ToWorker } from '../worker/protocol';

/** A command to the worker, or a wait of this many simulated milliseconds. */
export type Cue = ToWorker | { readonly wait: number };

/** The app's default service: the shop sample, 2 roles x 3 instances over 3 update domains. */
export const SHOP = sampleFiles('shop');

/** The time the shop sample is surely Running by (it takes about five minutes). */
export const SHOP_RUNNING_AT = 10 * MINUTE;

const RATE = 3600;
const MAX_WALL_STEP = 250;

const text = (f: SourceFile): string => (typeof f.bytes === 'string' ? f.bytes : new TextDecoder().decode(f.bytes));

/** The shop sample with another OrdersQueueName: a settings change an upgrade can make in place. */
export function shopFilesWithQueue(queue: string): { csdef: SourceFile; cscfg: SourceFile } {
  return {
    csdef: { name: 'ServiceDefinition.csdef', bytes: text(SHOP.csdef) },
    cscfg: { name: 'ServiceConfiguration.cscfg', bytes: text(SHOP.cscfg).replaceAll('value="orders"', `value="${queue}"`) },
  };
}

/** Runs the cues against a fresh WorkerHost and returns every message it sent (structured-cloned), ending with a frame. */
export function recordTimeline(options: Partial<InitOptions>, cues: readonly Cue[]): FromWorker[] {
  const out: FromWorker[] = [];
  let wall = 0;
  let pending: (() => void) | undefined;
  const host = new WorkerHost((m) => out.push(structuredClone(m)), {
    now: () => wall,
    setTimer: (fn) => {
      pending = fn;
      return 1;
    },
    clearTimer: () => {
      pending = undefined;
    },
  });
  host.handle({
    type: 'init',
    protocol: PROTOCOL_VERSION,
    options: { seed: 42, deploy: [SHOP], ...options, running: false, speed: RATE },
  });
  for (const cue of cues) {
    if (!('wait' in cue)) {
      host.handle(structuredClone(cue));
      continue;
    }
    host.handle({ type: 'play' });
    let left = cue.wait;
    while (left > 0) {
      const step = Math.min(MAX_WALL_STEP, left / RATE);
      wall += step;
      left -= Math.round(step * RATE);
      const fire = pending;
      pending = undefined;
      fire?.();
    }
    host.handle({ type: 'pause' });
  }
  host.handle({ type: 'requestFrame' });
  return out;
}

/** An `act` command. */
export const act = (id: number, action: Extract<ToWorker, { type: 'act' }>['action']): ToWorker => ({ type: 'act', id, action });

/** A wait of `ms` simulated milliseconds. */
export const wait = (ms: number): Cue => ({ wait: ms });
