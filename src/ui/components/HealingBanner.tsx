/**
 * Says so when the FC stopped healing: above the Human Investigate threshold it no
 * longer reboots hosts or moves instances (the 2012 leap-day lesson).
 */

import { FC_HEALTH, type FcHealthView } from '../../sim/hardware/view';
import { useFabric } from '../context';
import type { FabricState } from '../store/store';

const selectHealth = (s: FabricState) => (s.view[FC_HEALTH] as readonly FcHealthView[] | undefined)?.find((r) => r.id === 'fc');

export function HealingBanner() {
  const health = useFabric(selectHealth);
  if (!health?.healingStopped) return null;
  return (
    <div className="healing-banner" role="alert">
      <strong>Automatic healing stopped:</strong> {health.humanInvestigate} hosts in Human Investigate (threshold {health.threshold}).
      The FC neither reboots hosts nor moves instances until someone repairs some of them.
    </div>
  );
}
