/**
 * The page's end of the worker connection. It posts commands, applies every message to
 * the store, and asks for at most one frame per animation frame (a new request only
 * once the previous frame has arrived), so a busy worker never floods the page.
 */

import type { FromWorker, InitOptions, ToWorker } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import { perfMessage, perfSnapshotApplied } from './perf';
import { applyMessage, applyTransportError } from './store/apply';
import type { FabricStore } from './store/store';

/** What the client needs of a worker: a Worker, or an in-memory channel in tests. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error' | 'messageerror', fn: (e: Event) => void): void;
  terminate(): void;
}

export interface FrameScheduler {
  request(fn: () => void): number;
  cancel(handle: number): void;
}

const rafScheduler: FrameScheduler = {
  request: (fn) => requestAnimationFrame(fn),
  cancel: (h) => cancelAnimationFrame(h),
};

export class FabricClient {
  private awaitingFrame = false;
  private rafHandle: number | undefined;
  private closed = false;

  constructor(
    private readonly worker: WorkerLike,
    private readonly store: FabricStore,
    private readonly frames: FrameScheduler = rafScheduler,
  ) {
    worker.addEventListener('message', (e) => {
      const msg = e.data;
      // A frame request is answered by a frame, or by a snapshot when the run was rebuilt (a seek back).
      if (msg.type === 'frame' || msg.type === 'snapshot') this.awaitingFrame = false;
      perfMessage(msg);
      applyMessage(this.store, msg);
      if (msg.type === 'snapshot') perfSnapshotApplied();
    });
    worker.addEventListener('error', (e) => {
      const text = e instanceof ErrorEvent && e.message ? e.message : 'the simulation worker failed to start';
      applyTransportError(this.store, text);
    });
    worker.addEventListener('messageerror', () => applyTransportError(this.store, 'a message from the worker could not be read'));
    this.loop();
  }

  start(options: InitOptions): void {
    this.send({ type: 'init', protocol: PROTOCOL_VERSION, options });
  }

  send(msg: ToWorker): void {
    if (this.closed) return;
    this.worker.postMessage(msg);
  }

  private loop = (): void => {
    if (this.closed) return;
    if (!this.awaitingFrame && this.store.getState().connection === 'ready') {
      this.awaitingFrame = true;
      this.worker.postMessage({ type: 'requestFrame' });
    }
    this.rafHandle = this.frames.request(this.loop);
  };

  close(): void {
    this.closed = true;
    if (this.rafHandle !== undefined) this.frames.cancel(this.rafHandle);
    this.worker.terminate();
  }
}
