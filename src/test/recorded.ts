/**
 * Recorded worker output for component tests: a real WorkerHost run headless, its
 * messages captured after structured cloning, so components are tested against
 * frames the worker really sends.
 */

import { WorkerHost } from '../worker/host';
import { serviceFiles } from '../sim/servicemodel/synthetic';
import { PROTOCOL_VERSION, type FromWorker, type InitOptions, type ToWorker } from '../worker/protocol';

/** The test service every recorded run deploys at time 0 (so that there are events to see). */
export const RECORDED_SERVICE = serviceFiles('shop', [
  { name: 'WebRole', instances: 3, port: 80 },
  { name: 'WorkerRole', instances: 3 },
]);

export function recordRun(options: InitOptions, commands: readonly ToWorker[] = []): FromWorker[] {
  const out: FromWorker[] = [];
  const host = new WorkerHost((m) => out.push(structuredClone(m)), {
    now: () => 0,
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  host.handle({
    type: 'init',
    protocol: PROTOCOL_VERSION,
    options: { deploy: [{ service: 'shop', ...RECORDED_SERVICE }], ...options, running: false },
  });
  for (const c of commands) host.handle(structuredClone(c));
  return out;
}
