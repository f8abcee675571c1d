/**
 * The only code that writes the store: it applies what the worker sends.
 */

import { applyDiff } from '../../sim/view/records';
import type { Frame, FromWorker, Snapshot } from '../../worker/protocol';
import { assertNever } from '../../worker/protocol';
import { UI_LOG_LIMIT, type FabricStore } from './store';

function statusOf(f: Frame | Snapshot) {
  return {
    t: f.t,
    running: f.running,
    speed: f.speed,
    lagging: f.lagging,
    processed: f.processed,
    pending: f.pending,
    logCount: f.logCount,
    hash: f.hash,
  };
}

export function applyMessage(store: FabricStore, msg: FromWorker): void {
  switch (msg.type) {
    case 'ready':
      store.setState({ connection: 'ready', seed: msg.seed, error: undefined });
      return;
    case 'snapshot': {
      const s = msg.snapshot;
      store.setState({ ...statusOf(s), seed: s.seed, view: s.view, log: s.log.slice(-UI_LOG_LIMIT) });
      return;
    }
    case 'frame': {
      const f = msg.frame;
      store.setState((prev) => {
        const log = f.log.length === 0 ? prev.log : [...prev.log, ...f.log].slice(-UI_LOG_LIMIT);
        const view = Object.keys(f.diff).length === 0 ? prev.view : applyDiff(prev.view, f.diff);
        return { ...statusOf(f), log, view, frames: prev.frames + 1 };
      });
      return;
    }
    case 'error':
      store.setState({
        error: { message: msg.message, detail: msg.detail },
        running: false,
        ...(msg.fatal ? { connection: 'failed' as const } : {}),
      });
      return;
    default:
      assertNever(msg, 'message from the worker');
  }
}

/** An error that did not come through the protocol (the worker failed to load, a message failed to clone). */
export function applyTransportError(store: FabricStore, message: string): void {
  store.setState({ error: { message }, running: false, connection: 'failed' });
}
