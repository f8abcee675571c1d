/**
 * src/worker: the Web Worker entry. It hosts one simulation (see host.ts) and speaks the
 * protocol of protocol.ts with the page. Uncaught errors reach the page as messages.
 */

import { WorkerHost } from './host';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromWorker): void => self.postMessage(msg);

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
