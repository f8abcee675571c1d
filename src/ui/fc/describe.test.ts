import { describe, expect, it } from 'vitest';
import type { FcReplicaView } from '../../sim/fabric/fcreplicas';
import type { Marker } from '../../sim/markers';
import { clusterParts, CLUSTER_SEPARATOR, describeReplica, electionText, replicaMenu, roleLabel, roleOf } from './describe';
import { lastElections } from './ElectionList';
import { messageRoutes, replicaPoint, RING } from './geometry';

const rep = (id: string, patch: Partial<FcReplicaView> = {}): FcReplicaView => ({
  id,
  role: 'secondary',
  term: 4,
  commitIndex: 12,
  logLength: 12,
  up: true,
  host: 'c0-r0-h07',
  failed: false,
  inFlight: 0,
  ...patch,
});

describe('the words of the ring', () => {
  it('describes an up replica, and a down one by why it is down', () => {
    expect(describeReplica(rep('fc3', { role: 'primary', inFlight: 1 }))).toBe('Primary, term 4; committed 12 of 12 log entries; on host c0-r0-h07; 1 message in flight');
    const byHand = rep('fc2', { role: 'down', up: false, failed: true, commitIndex: 0, logLength: 1 });
    expect(describeReplica(byHand)).toBe('Down (failed by hand), term 4; committed 0 of 1 log entry; on host c0-r0-h07; 0 messages in flight');
    const withHost = rep('fc1', { role: 'down', up: false });
    expect(describeReplica(withHost)).toMatch(/^Down \(its host is down or cut off\), term 4; /);
    expect([roleLabel(byHand), roleLabel(withHost), roleLabel(rep('fc0', { role: 'candidate' }))]).toEqual(['down · failed', 'down · host', 'candidate']);
    // a replica that is not up is down whatever role it last had
    expect(roleOf(rep('fc0', { role: 'primary', up: false }))).toBe('down');
  });

  it('writes the cluster line', () => {
    expect(clusterParts({ id: 'fc', primary: 'fc3', term: 4, quorum: true, committed: 12, waitingDecisions: 0 }).join(CLUSTER_SEPARATOR)).toBe(
      'Primary: fc3 (term 4) · quorum: yes · committed decisions: 12 · waiting: 0',
    );
    expect(clusterParts({ id: 'fc', primary: null, term: 9, quorum: false, committed: 3, waitingDecisions: 2 }).join(CLUSTER_SEPARATOR)).toBe(
      'Primary: none (term 9) · quorum: no · committed decisions: 3 · waiting: 2',
    );
  });

  it('offers Fail while up and Restart once failed by hand; a replica down with its host gets neither', () => {
    const enabled = (r: FcReplicaView) => replicaMenu(r).map((i) => `${i.label}:${i.enabled}`);
    expect(enabled(rep('fc2'))).toEqual(['Fail replica:true', 'Restart replica:false']);
    expect(enabled(rep('fc2', { up: false, failed: true, role: 'down' }))).toEqual(['Fail replica:false', 'Restart replica:true']);
    expect(enabled(rep('fc2', { up: false, role: 'down' }))).toEqual(['Fail replica:false', 'Restart replica:false']);
    expect(replicaMenu(rep('fc2')).map((i) => i.action)).toEqual([
      { do: 'fail', target: 'fc2' },
      { do: 'repair', target: 'fc2' },
    ]);
  });

  it('names elections', () => {
    expect(electionText('fc3')).toBe('fc3 became primary');
    expect(electionText('none')).toBe('no primary');
  });
});

describe('the geometry of the ring', () => {
  it('puts the first replica at the top and goes clockwise', () => {
    const p0 = replicaPoint(0, 5);
    expect(p0.x).toBeCloseTo(RING.cx);
    expect(p0.y).toBeCloseTo(RING.cy - RING.ry);
    expect(replicaPoint(1, 5).x).toBeGreaterThan(RING.cx);
    expect(replicaPoint(4, 5).x).toBeLessThan(RING.cx);
  });

  it('routes a primary to everyone, a secondary to the primary, at most one route per message', () => {
    const rs = [rep('fc0', { inFlight: 1 }), rep('fc1', { role: 'primary', inFlight: 9 }), rep('fc2', { inFlight: 0 }), rep('fc3', { role: 'candidate', inFlight: 2 }), rep('fc4')];
    expect(messageRoutes(rs)).toEqual([
      { from: 'fc0', to: 'fc1' },
      { from: 'fc1', to: 'fc0' },
      { from: 'fc1', to: 'fc2' },
      { from: 'fc1', to: 'fc3' },
      { from: 'fc1', to: 'fc4' },
      { from: 'fc3', to: 'fc0' },
      { from: 'fc3', to: 'fc1' },
    ]);
    // without a primary a secondary answers the candidates
    expect(messageRoutes([rep('fc0', { inFlight: 3 }), rep('fc1', { role: 'candidate' }), rep('fc2', { role: 'down', up: false })])).toEqual([{ from: 'fc0', to: 'fc1' }]);
  });
});

describe('the elections list', () => {
  it('keeps the last few election markers, newest first', () => {
    const m = (seq: number, kind: Marker['kind'], subject: string): Marker => ({ seq, t: seq * 1000, kind, subject, label: '' });
    const markers = [m(0, 'election', 'fc3'), m(1, 'fault', 'fc3'), m(2, 'election', 'none'), m(3, 'election', 'fc1'), m(4, 'repair', 'fc3'), m(5, 'election', 'fc1')];
    expect(lastElections(markers).map((x) => x.seq)).toEqual([5, 3, 2]);
    expect(lastElections(markers, 10).map((x) => x.seq)).toEqual([5, 3, 2, 0]);
  });
});
