/**
 * The fabric as the data center view needs it: the geometry of the layout, the per-host
 * arrays, the per-rack aggregates and the container records by id. Recomputed only when
 * the layout, the hosts (hostVersion) or the records change.
 */

import { useMemo } from 'react';
import { CONTAINERS, DEVICES, type ContainerView, type DeviceView } from '../../sim/hardware/view';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';
import { Aggregates } from './aggregates';
import type { FabricFacts } from './describe';
import { buildGeometry, type Geometry } from './geometry';

const NO_DEVICES: readonly DeviceView[] = [];
const NO_CONTAINERS: readonly ContainerView[] = [];

const selectLayout = (s: FabricState) => s.layout;
const selectStatus = (s: FabricState) => s.hostStatus;
const selectFault = (s: FabricState) => s.hostFault;
const selectInstances = (s: FabricState) => s.hostInstances;
const selectVersion = (s: FabricState) => s.hostVersion;
const selectDevices = (s: FabricState) => (s.view[DEVICES] as readonly DeviceView[] | undefined) ?? NO_DEVICES;
const selectContainers = (s: FabricState) => (s.view[CONTAINERS] as readonly ContainerView[] | undefined) ?? NO_CONTAINERS;

/** A new object whenever any fact changed (hosts, devices or containers). */
export interface ViewFacts extends FabricFacts {
  readonly geo: Geometry;
  readonly hostVersion: number;
  /** Role instances per host (updated in place, like status; hostVersion says when). */
  readonly instances: Uint8Array;
}

export function useFacts(): ViewFacts {
  const layout = useFabric(selectLayout);
  const status = useFabric(selectStatus);
  const fault = useFabric(selectFault);
  const instances = useFabric(selectInstances);
  const hostVersion = useFabric(selectVersion);
  const devices = useFabric(selectDevices);
  const containerList = useFabric(selectContainers);
  const geo = useMemo(() => buildGeometry(layout), [layout]);
  const agg = useMemo(() => refreshed(new Aggregates(geo), status, fault, devices), [geo, status, fault, devices]);
  const counted = useMemo(() => {
    agg.refreshHosts(status, fault);
    return hostVersion;
  }, [agg, status, fault, hostVersion]);
  const containers = useMemo(() => new Map(containerList.map((c) => [c.id, c] as const)), [containerList]);
  return useMemo(
    () => ({ geo, agg, status, fault, containers, hostVersion: counted, instances }),
    [geo, agg, status, fault, containers, counted, instances],
  );
}

function refreshed(agg: Aggregates, status: Uint8Array, fault: Uint8Array, devices: readonly DeviceView[]): Aggregates {
  agg.refreshHosts(status, fault);
  agg.refreshDevices(devices);
  return agg;
}
