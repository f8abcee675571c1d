/**
 * The fabric as the data center view needs it: the geometry of the layout, the per-host
 * arrays, the per-rack aggregates and the container records by id. Recomputed only when
 * the layout, the hosts (hostVersion) or the records change, and then only as far as
 * they changed: the aggregates follow the hosts a frame changed (the store's hostChanges).
 */

import { useMemo } from 'react';
import { CONTAINERS, DEVICES, type ContainerView, type DeviceView } from '../../sim/hardware/view';
import { useFabric } from '../context';
import type { FabricState, HostChange } from '../store/store';
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
const selectChanges = (s: FabricState) => s.hostChanges;
const selectDevices = (s: FabricState) => (s.view[DEVICES] as readonly DeviceView[] | undefined) ?? NO_DEVICES;
const selectContainers = (s: FabricState) => (s.view[CONTAINERS] as readonly ContainerView[] | undefined) ?? NO_CONTAINERS;

/** A new object whenever any fact changed (hosts, devices or containers). */
export interface ViewFacts extends FabricFacts {
  readonly geo: Geometry;
  readonly hostVersion: number;
  /** Role instances per host (updated in place, like status; hostVersion says when). */
  readonly instances: Uint8Array;
  /** The device records the aggregates were read from (a new list: a device changed). */
  readonly devices: readonly DeviceView[];
  /** The hosts the latest frames changed (the store's hostChanges): what to repaint. */
  readonly changes: readonly HostChange[];
}

export function useFacts(): ViewFacts {
  const layout = useFabric(selectLayout);
  const status = useFabric(selectStatus);
  const fault = useFabric(selectFault);
  const instances = useFabric(selectInstances);
  const hostVersion = useFabric(selectVersion);
  const changes = useFabric(selectChanges);
  const devices = useFabric(selectDevices);
  const containerList = useFabric(selectContainers);
  const geo = useMemo(() => buildGeometry(layout), [layout]);
  // one Aggregates per layout, brought up to date with what changed (never a full pass per frame)
  const agg = useMemo(() => new Aggregates(geo), [geo]);
  const counted = useMemo(() => {
    agg.syncHosts(status, fault, hostVersion, changes);
    return hostVersion;
  }, [agg, status, fault, hostVersion, changes]);
  const devicesRead = useMemo(() => {
    agg.refreshDevices(devices);
    return devices;
  }, [agg, devices]);
  const containers = useMemo(() => new Map(containerList.map((c) => [c.id, c] as const)), [containerList]);
  return useMemo(
    () => ({ geo, agg, status, fault, containers, hostVersion: counted, instances, devices: devicesRead, changes }),
    [geo, agg, status, fault, containers, counted, instances, devicesRead, changes],
  );
}
