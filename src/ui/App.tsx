/**
 * The page: the top bar, banners, the data center view, and a side column with the
 * inspector, the service model editor, the event log and the driver log.
 */

import { LiveAnnouncer } from './a11y/live';
import { KeyboardShortcuts } from './a11y/ShortcutSheet';
import { ErrorBanner } from './components/ErrorBanner';
import { EventLogPanel } from './components/EventLogPanel';
import { DriverLogPanel } from './components/DriverLogPanel';
import { HealingBanner } from './components/HealingBanner';
import { Inspector } from './components/Inspector';
import { MainArea } from './components/MainArea';
import { TopBar } from './components/TopBar';
import { Timeline } from './timeline';
import { FcRing } from './fc';
import { ServiceModelPanel } from './servicemodel';
import { selectDisplayProblems, useDisplay } from './presenter/display';
import { UiProvider } from './store/ui';
import { Walkthrough } from './walkthrough';
import { Kiosk } from './run/kiosk';
import { WorkerNotice } from './run/Notice';
import type { InitOptions } from '../worker/protocol';

export function App({ notices = [], kiosk }: { notices?: readonly string[]; kiosk?: InitOptions }) {
  const displayProblems = useDisplay(selectDisplayProblems);
  return (
    <UiProvider>
      <div className="app">
        <TopBar />
        <Timeline />
        <WorkerNotice />
        <ErrorBanner notices={displayProblems.length > 0 ? [...notices, ...displayProblems] : notices} />
        <HealingBanner />
        <div className="workspace">
          <Walkthrough />
          <MainArea />
          <aside className="side" aria-label="Details">
            <FcRing />
            <Inspector />
            <ServiceModelPanel />
            <EventLogPanel />
            <DriverLogPanel />
          </aside>
        </div>
        <KeyboardShortcuts />
        <LiveAnnouncer />
        {kiosk && <Kiosk options={kiosk} />}
      </div>
    </UiProvider>
  );
}
