/**
 * Timeline markers: the moments a learner wants to find again on a chart or a scrubber
 * (faults, repairs, detections, healing, elections), tapped from the event log into a
 * bounded buffer. The log itself keeps only its newest records; markers span the run.
 */

import type { LogRecord } from './engine/log';

export type MarkerKind = 'fault' | 'repair' | 'detection' | 'healing' | 'election' | 'deployment' | 'inventory';

export interface Marker {
  readonly seq: number;
  readonly t: number;
  readonly kind: MarkerKind;
  readonly subject: string;
  readonly label: string;
}

const KIND_OF: Readonly<Record<string, MarkerKind>> = {
  'fault.inject': 'fault',
  'instance.fail': 'fault',
  'fault.repair': 'repair',
  'instance.repair': 'repair',
  'health.detect': 'detection',
  'fc.heal': 'healing',
  'fc.healingStopped': 'healing',
  'fc.healingResumed': 'healing',
  'deployment.running': 'deployment',
  'deploy.request': 'deployment',
  'container.added': 'inventory',
  'container.evacuating': 'inventory',
  'container.inService': 'inventory',
  'fc.raft.primary': 'election',
  'fc.replicaFail': 'fault',
  'fc.replicaRepair': 'repair',
};

const MAX_MARKERS = 2000;

export class Markers {
  private readonly items: Marker[] = [];
  private total = 0;
  /** Detections come a rack at a time: one marker per subject kind and instant is enough. */
  private lastDetection = { t: -1, count: 0 };

  tap = (r: LogRecord): void => {
    const kind = KIND_OF[r.kind];
    if (!kind) return;
    if (kind === 'detection') {
      if (r.t === this.lastDetection.t) {
        this.lastDetection.count++;
        return;
      }
      this.lastDetection = { t: r.t, count: 1 };
    }
    const label = `${r.kind} ${r.subject}${r.fields.status ? ` → ${String(r.fields.status)}` : r.fields.mode ? ` (${String(r.fields.mode)})` : ''}`;
    this.items.push({ seq: this.total++, t: r.t, kind, subject: r.subject, label });
    if (this.items.length > MAX_MARKERS) this.items.shift();
  };

  get count(): number {
    return this.total;
  }

  /** Markers with seq >= from still kept. */
  since(from: number): Marker[] {
    const first = this.items.findIndex((m) => m.seq >= from);
    return first < 0 ? [] : this.items.slice(first);
  }

  all(): readonly Marker[] {
    return this.items;
  }
}
