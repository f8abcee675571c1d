/**
 * The main area: the data center view (service views join it later).
 */

import { DatacenterView } from '../datacenter';

export function MainArea() {
  return (
    <main className="main dc-main" aria-labelledby="main-title">
      <DatacenterView />
    </main>
  );
}
