/**
 * Recorded worker output for component tests: a real WorkerHost run headless, its
 * messages captured after structured cloning, so components are tested against
 * frames the worker really sends.
 */

import { WorkerHost } from '../worker/host';
import { PROTOCOL_VERSION, type FromWorker, type InitOptions, type ToWorker } from '../worker/protocol';

export function recordRun(options: InitOptions, commands: readonly ToWorker[] = []): FromWorker[] {
  const out: FromWorker[] = [];
  const host = new WorkerHost((m) => out.push(structuredClone(m)), {
    now: () => 0,
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  host.handle({ type: 'init', protocol: PROTOCOL_VERSION, options: { ...options, running: false } });
  for (const c of commands) host.handle(structuredClone(c));
  return out;
}
