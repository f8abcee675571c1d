/**
 * Messages in flight as dots, drawn with d3 in a layer React leaves alone. The view
 * says how many messages each replica has in flight at the frame's instant (a message
 * takes milliseconds, so most frames catch none): each route that carries one starts a
 * dot that travels the route once in TRAVEL_MS of wall time, so a person can see it;
 * under reduced motion the dot stands half way for as long instead of moving.
 */

import { easeLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import { replicaPoint, type Route } from './geometry';

/** How long a dot is shown, ms of wall time (a picture of flow, not its real latency). */
export const TRAVEL_MS = 900;

interface Props {
  /** Replica ids in ring order (their places on the ring). */
  readonly ids: readonly string[];
  readonly routes: readonly Route[];
  readonly reducedMotion: boolean;
}

export function MessageDots({ ids, routes, reducedMotion }: Props) {
  const ref = useRef<SVGGElement>(null);

  useEffect(() => {
    const g = ref.current;
    if (!g) return;
    const layer = select(g);
    for (const route of routes) {
      const key = `${route.from}-${route.to}`;
      if (!layer.select(`[data-route="${key}"]`).empty()) continue; // one dot per route at a time
      const i = ids.indexOf(route.from);
      const j = ids.indexOf(route.to);
      if (i < 0 || j < 0) continue;
      const from = replicaPoint(i, ids.length);
      const to = replicaPoint(j, ids.length);
      const dot = layer.append('circle').attr('class', 'fc-msg').attr('data-route', key).attr('r', 3.2);
      if (reducedMotion) {
        dot.attr('cx', (from.x + to.x) / 2).attr('cy', (from.y + to.y) / 2).transition().delay(TRAVEL_MS).duration(0).remove();
      } else {
        dot.attr('cx', from.x).attr('cy', from.y).transition().duration(TRAVEL_MS).ease(easeLinear).attr('cx', to.x).attr('cy', to.y).remove();
      }
    }
  }, [ids, routes, reducedMotion]);

  // stop and drop the dots when the ring goes away
  useEffect(() => {
    const g = ref.current;
    return () => {
      if (g) select(g).selectAll('circle').interrupt().remove();
    };
  }, []);

  return <g ref={ref} className="fc-msgs" />;
}
