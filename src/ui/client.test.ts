import { describe, expect, it } from 'vitest';
import { RECORDED_SERVICE } from '../test/recorded';
import { WorkerHost } from '../worker/host';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { FabricClient, type FrameScheduler, type WorkerLike } from './client';
import { createFabricStore } from './store/store';

/**
 * The real client and the real host over an in-memory channel that structured-clones
 * every message and delivers it asynchronously-in-order, as postMessage does.
 */
function channel() {
  const toHost: ToWorker[] = [];
  const toPage: FromWorker[] = [];
  const listeners: ((e: MessageEvent<FromWorker>) => void)[] = [];
  const host = new WorkerHost((m) => toPage.push(structuredClone(m)), {
    now: () => 0,
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  const worker: WorkerLike = {
    postMessage: (m) => toHost.push(structuredClone(m)),
    addEventListener: (type: string, fn: (e: never) => void) => {
      if (type === 'message') listeners.push(fn as (e: MessageEvent<FromWorker>) => void);
    },
    terminate: () => undefined,
  };
  /** Delivers everything queued in both directions until quiet. */
  const flush = () => {
    while (toHost.length || toPage.length) {
      while (toHost.length) host.handle(toHost.shift()!);
      while (toPage.length) {
        const data = toPage.shift()!;
        for (const l of listeners) l({ data } as MessageEvent<FromWorker>);
      }
    }
  };
  let pendingFrame: (() => void) | undefined;
  const frames: FrameScheduler = {
    request: (fn) => {
      pendingFrame = fn;
      return 1;
    },
    cancel: () => {
      pendingFrame = undefined;
    },
  };
  const animationFrame = () => pendingFrame?.();
  return { worker, flush, frames, animationFrame, toHost };
}

describe('FabricClient with the worker host', () => {
  it('starts, fills the store, and asks for at most one frame per animation frame', () => {
    const store = createFabricStore();
    const ch = channel();
    const client = new FabricClient(ch.worker, store, ch.frames);
    client.start({ seed: 11, startAt: 60_000, deploy: [{ service: 'shop', ...RECORDED_SERVICE }] });
    ch.flush();
    expect(store.getState()).toMatchObject({ connection: 'ready', seed: 11, t: 60_000, running: false });

    ch.animationFrame();
    ch.animationFrame(); // the first frame has not arrived yet: no second request
    expect(ch.toHost.filter((m) => m.type === 'requestFrame')).toHaveLength(1);
    ch.flush();
    expect(store.getState().frames).toBe(1);

    client.send({ type: 'step' });
    ch.animationFrame();
    ch.flush();
    const s = store.getState();
    expect(s.frames).toBe(2);
    expect(s.log.at(-1)!.seq).toBe(s.logCount - 1);
    client.close();
  });

  it('puts a worker error in the store', () => {
    const store = createFabricStore();
    const ch = channel();
    const client = new FabricClient(ch.worker, store, ch.frames);
    client.start({ seed: -5 });
    ch.flush();
    expect(store.getState().connection).toBe('failed');
    expect(store.getState().error?.message).toMatch(/seed must be a whole number/);
  });
});
