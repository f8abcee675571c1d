/**
 * The page: the top bar, banners, the data center view, and a side column with the
 * inspector, the service model editor, the event log and the driver log.
 */

import { ErrorBanner } from './components/ErrorBanner';
import { EventLogPanel } from './components/EventLogPanel';
import { DriverLogPanel } from './components/DriverLogPanel';
import { HealingBanner } from './components/HealingBanner';
import { Inspector } from './components/Inspector';
import { MainArea } from './components/MainArea';
import { TopBar } from './components/TopBar';
import { FcRing } from './fc';
import { ServiceModelPanel } from './servicemodel';
import { UiProvider } from './store/ui';

export function App({ notices = [] }: { notices?: readonly string[] }) {
  return (
    <UiProvider>
      <div className="app">
        <TopBar />
        <ErrorBanner notices={notices} />
        <HealingBanner />
        <div className="workspace">
          <MainArea />
          <aside className="side" aria-label="Details">
            <FcRing />
            <Inspector />
            <ServiceModelPanel />
            <EventLogPanel />
            <DriverLogPanel />
          </aside>
        </div>
      </div>
    </UiProvider>
  );
}
