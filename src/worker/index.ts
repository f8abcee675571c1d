/**
 * src/worker: the Web Worker entry. It hosts one simulation (see host.ts) and speaks the
 * protocol of protocol.ts with the page. Uncaught errors reach the page as messages.
 */

import { WorkerHost } from './host';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/**
 * The bulk host arrays of a message, to transfer instead of copy: the worker made them
 * for this message alone (HardwareView.full and diff return fresh arrays), so it never
 * reads them again. The in-memory channel of the tests clones instead, as it should.
 */
function transfers(msg: FromWorker): Transferable[] {
  const out: Transferable[] = [];
  const add = (a: ArrayBufferView | undefined) => {
    if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  const hosts = msg.type === 'snapshot' ? msg.snapshot.hosts : msg.type === 'frame' ? msg.frame.hw.hosts : undefined;
  add(hosts?.status);
  add(hosts?.fault);
  add(hosts?.instances);
  if (msg.type === 'frame' && msg.frame.hw.changed) {
    const c = msg.frame.hw.changed;
    add(c.index);
    add(c.status);
    add(c.fault);
    add(c.instances);
  }
  return out;
}

const post = (msg: FromWorker): void => self.postMessage(msg, transfers(msg));

const host = new WorkerHost(post, {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as number),
});

self.addEventListener('message', (e: MessageEvent<ToWorker>) => host.handle(e.data));
self.addEventListener('error', (e: ErrorEvent) => {
  post({ type: 'error', message: e.message || 'uncaught error in the simulation worker', fatal: true });
});
self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  post({ type: 'error', message: `unhandled rejection in the worker: ${String(e.reason)}`, fatal: true });
});
// The module has loaded: the page's watchdog now expects answers in its usual time.
post({ type: 'heartbeat' });
