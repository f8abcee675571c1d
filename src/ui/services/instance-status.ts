/**
 * Role instance statuses (the Service Management names) grouped into six states a person
 * can tell apart at a glance, each drawn with a glyph of the data center's table
 * (glyphs.ts: shape and pattern, never colour alone) and always written out beside it.
 */

import type { InstanceStatus } from '../../sim/fabric/model';
import { STATUS_GLYPHS, type GlyphStyle } from '../datacenter/glyphs';

export type InstanceState = 'ready' | 'starting' | 'stopping' | 'unresponsive' | 'failed' | 'waiting';

const STATE_OF: { readonly [K in InstanceStatus]: InstanceState } = {
  ReadyRole: 'ready',
  RoleStateUnknown: 'starting',
  Preparing: 'starting',
  CreatingVM: 'starting',
  StartingVM: 'starting',
  CreatingRole: 'starting',
  StartingRole: 'starting',
  RestartingRole: 'starting',
  StoppingRole: 'stopping',
  StoppingVM: 'stopping',
  DeletingVM: 'stopping',
  StoppedVM: 'stopping',
  StoppedDeallocated: 'stopping',
  BusyRole: 'unresponsive',
  UnresponsiveRole: 'unresponsive',
  CyclingRole: 'failed',
  FailedStartingRole: 'failed',
  FailedStartingVM: 'failed',
};

/** The glyph of each state, borrowed from the host statuses that look alike. */
export const STATE_GLYPHS: { readonly [K in InstanceState]: GlyphStyle } = {
  ready: STATUS_GLYPHS.Healthy,
  starting: STATUS_GLYPHS.BurnIn,
  stopping: STATUS_GLYPHS.Offline,
  unresponsive: STATUS_GLYPHS.Unreachable,
  failed: STATUS_GLYPHS.Down,
  waiting: STATUS_GLYPHS.HumanInvestigate,
};

export const STATE_TEXT: { readonly [K in InstanceState]: string } = {
  ready: 'ready, serving',
  starting: 'being created or started',
  stopping: 'stopping or stopped',
  unresponsive: 'not answering',
  failed: 'failing to start',
  waiting: 'waiting for a host',
};

export const INSTANCE_STATES: readonly InstanceState[] = ['ready', 'starting', 'stopping', 'unresponsive', 'failed', 'waiting'];

function isInstanceStatus(s: string): s is InstanceStatus {
  return Object.hasOwn(STATE_OF, s);
}

/** The state of an instance with this status; one without a host is waiting for one. */
export function instanceState(status: string, host: string | null): InstanceState {
  if (host === null) return 'waiting';
  return isInstanceStatus(status) ? STATE_OF[status] : 'starting';
}

/** Hit by a fault, or on its way back: anything but ReadyRole. */
export function isHit(i: { readonly status: string }): boolean {
  return i.status !== 'ReadyRole';
}
