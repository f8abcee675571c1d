/**
 * Where the ring puts things, in the stage's own units (the SVG viewBox; the HTML
 * replica buttons use the same points as percentages): the replicas clockwise on an
 * ellipse from the top, and the routes their messages travel.
 */

import type { FcReplicaView } from '../../sim/fabric/fcreplicas';
import { roleOf } from './describe';

export const STAGE_WIDTH = 300;
export const STAGE_HEIGHT = 250;
export const RING = { cx: 150, cy: 135, rx: 100, ry: 100 } as const;

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The place of replica `i` of `n`: the first at the top, then clockwise. */
export function replicaPoint(i: number, n: number): Point {
  const a = -Math.PI / 2 + (i * 2 * Math.PI) / n;
  return { x: RING.cx + RING.rx * Math.cos(a), y: RING.cy + RING.ry * Math.sin(a) };
}

/** A point as CSS percentages of the stage, for absolutely placed HTML. */
export function percentOf(p: Point): { left: string; top: string } {
  return { left: `${((p.x / STAGE_WIDTH) * 100).toFixed(3)}%`, top: `${((p.y / STAGE_HEIGHT) * 100).toFixed(3)}%` };
}

export interface Route {
  readonly from: string;
  readonly to: string;
}

/**
 * The routes of the messages a replica has in flight (the view gives a count per
 * sender, not the destinations): a primary's heartbeats and entries go to every other
 * replica, as do a candidate's vote requests; a secondary answers the primary, or the
 * candidates when there is none. One route per destination, at most as many as its
 * messages.
 */
export function messageRoutes(replicas: readonly FcReplicaView[]): Route[] {
  const routes: Route[] = [];
  const primary = replicas.find((r) => roleOf(r) === 'primary');
  const candidates = replicas.filter((r) => roleOf(r) === 'candidate');
  for (const r of replicas) {
    if (r.inFlight <= 0) continue;
    const role = roleOf(r);
    let to: readonly FcReplicaView[];
    if (role === 'primary' || role === 'candidate') to = replicas.filter((p) => p.id !== r.id);
    else if (primary && primary.id !== r.id) to = [primary];
    else to = candidates.filter((c) => c.id !== r.id);
    for (const dest of to.slice(0, r.inFlight)) routes.push({ from: r.id, to: dest.id });
  }
  return routes;
}
