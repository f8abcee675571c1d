/**
 * The only code that writes the store: it applies what the worker sends.
 */

import type { Frame, FromWorker, RunStatus, Snapshot } from '../../worker/protocol';
import { assertNever } from '../../worker/protocol';
import { applyViewDiff } from './records';
import { HOST_CHANGES_KEPT, UI_DRIVER_LOG_LIMIT, UI_LOG_LIMIT, UI_MARKER_LIMIT, type FabricState, type FabricStore, type Recovery } from './store';

function statusOf(f: Frame | Snapshot): RunStatus {
  return {
    t: f.t,
    running: f.running,
    speed: f.speed,
    lagging: f.lagging,
    processed: f.processed,
    pending: f.pending,
    logCount: f.logCount,
    hash: f.hash,
    horizon: f.horizon,
    userActions: f.userActions,
    futureActions: f.futureActions,
  };
}

export function applyMessage(store: FabricStore, msg: FromWorker): void {
  switch (msg.type) {
    case 'ready':
      store.setState({ connection: 'ready', seed: msg.seed, error: undefined });
      return;
    case 'snapshot': {
      const s = msg.snapshot;
      store.setState((prev) => ({
        ...statusOf(s),
        seed: s.seed,
        view: s.view,
        log: s.log.slice(-UI_LOG_LIMIT),
        layout: s.layout,
        hostStatus: s.hosts.status,
        hostFault: s.hosts.fault,
        hostInstances: s.hosts.instances,
        hostVersion: prev.hostVersion + 1,
        hostChanges: [],
        driverLog: s.driverLog.slice(-UI_DRIVER_LOG_LIMIT),
        driverCount: s.driverCount,
        markers: s.markers.slice(-UI_MARKER_LIMIT),
        lesson: s.lesson,
      }));
      return;
    }
    case 'frame': {
      const f = msg.frame;
      store.setState((prev) => {
        const log = f.log.length === 0 ? prev.log : [...prev.log, ...f.log].slice(-UI_LOG_LIMIT);
        const view = Object.keys(f.diff).length === 0 ? prev.view : applyViewDiff(prev.view, f.diff);
        const driverLog = f.driverLog.length === 0 ? prev.driverLog : [...prev.driverLog, ...f.driverLog].slice(-UI_DRIVER_LOG_LIMIT);
        return {
          ...statusOf(f),
          log,
          view,
          frames: prev.frames + 1,
          driverLog,
          driverCount: f.driverCount,
          inspection: f.inspection,
          markers: newMarkers(prev.markers, f.markers),
          ...hardwareOf(prev, f.hw),
          ...(f.lesson ? { lesson: f.lesson } : {}),
        };
      });
      return;
    }
    case 'actResult':
      store.setState({
        actionError: msg.ok
          ? undefined
          : { id: msg.id, action: msg.action, message: msg.error ?? 'the action was refused', ...(msg.futureActions ? { futureActions: msg.futureActions } : {}) },
      });
      return;
    case 'exported':
      store.setState({ lastExport: { id: msg.id, data: msg.data } });
      return;
    case 'notice':
      store.setState((prev) => ({ notice: { n: (prev.notice?.n ?? 0) + 1, message: msg.message } }));
      return;
    case 'seeking':
      store.setState({ seeking: msg.done ? undefined : { from: msg.from, to: msg.to } });
      return;
    case 'error':
      store.setState({
        error: { message: msg.message, detail: msg.detail },
        running: false,
        ...(msg.fatal ? { connection: 'failed' as const } : {}),
      });
      return;
    // for the client (the run's record, its watchdog), nothing to show
    case 'record':
    case 'busy':
    case 'heartbeat':
      return;
    default:
      assertNever(msg, 'message from the worker');
  }
}

/**
 * Appends a frame's markers. After a seek back the store already holds the markers ahead
 * (a replay brings them again with the same sequence numbers): those are not repeated.
 */
function newMarkers(prev: FabricState['markers'], incoming: Frame['markers']): FabricState['markers'] {
  if (incoming.length === 0) return prev;
  const last = prev.length > 0 ? prev[prev.length - 1]!.seq : -1;
  const fresh = incoming.filter((m) => m.seq > last);
  return fresh.length === 0 ? prev : [...prev, ...fresh].slice(-UI_MARKER_LIMIT);
}

/** Applies the hardware part of a frame: a new layout with full arrays, or changed hosts in place. */
function hardwareOf(prev: FabricState, hw: Frame['hw']): Partial<FabricState> {
  if (hw.layout && hw.hosts) {
    return {
      layout: hw.layout,
      hostStatus: hw.hosts.status,
      hostFault: hw.hosts.fault,
      hostInstances: hw.hosts.instances,
      hostVersion: prev.hostVersion + 1,
      hostChanges: [],
    };
  }
  const c = hw.changed;
  if (!c || c.index.length === 0) return {};
  const { hostStatus, hostFault, hostInstances } = prev;
  for (let i = 0; i < c.index.length; i++) {
    const h = c.index[i]!;
    hostStatus[h] = c.status[i]!;
    hostFault[h] = c.fault[i]!;
    hostInstances[h] = c.instances[i]!;
  }
  const version = prev.hostVersion + 1;
  const kept = prev.hostChanges.length >= HOST_CHANGES_KEPT ? prev.hostChanges.slice(1 - HOST_CHANGES_KEPT) : prev.hostChanges;
  return { hostVersion: version, hostChanges: [...kept, { version, index: c.index }] };
}

/** An error that did not come through the protocol (the worker failed to load, a message failed to clone). */
export function applyTransportError(store: FabricStore, message: string): void {
  store.setState({ error: { message }, running: false, connection: 'failed' });
}

/**
 * The worker crashed or hung and the client is starting a new one from the run's record
 * (`recovering`), has done so (`recovered`), or gave up (`gave-up`: the connection failed).
 */
export function applyRecovery(store: FabricStore, phase: Recovery['phase'], reason: string, outcome: string): void {
  store.setState((prev) => {
    const recovery: Recovery = { n: (prev.recovery?.n ?? 0) + 1, phase, reason, outcome };
    if (phase === 'recovered') return { recovery };
    return { recovery, running: false, seeking: undefined, connection: phase === 'recovering' ? ('recovering' as const) : ('failed' as const) };
  });
}

/** The client starts a new run after giving up: the recovery message goes. */
export function clearRecovery(store: FabricStore): void {
  store.setState({ recovery: undefined, connection: 'connecting', error: undefined });
}

/** An action sent to a worker that crashed or hung before it answered: it was not applied. */
export function applyActionLost(store: FabricStore, id: number, action: string, message: string): void {
  store.setState({ actionError: { id, action, message } });
}
