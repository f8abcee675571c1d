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
import { DebugPanel } from './recovery/DebugPanel';
import { RecoveryAlert } from './recovery/RecoveryAlert';
import type { DebugFault, InitOptions } from '../worker/protocol';

export interface AppProps {
  readonly notices?: readonly string[];
  readonly kiosk?: InitOptions;
  /** "Start afresh" after the page could not recover the run from a worker failure. */
  readonly onStartAfresh?: () => void;
  /** `?debug=1`: the Debug panel injects faults into the worker through this. */
  readonly onDebugFault?: (fault: DebugFault) => void;
}

export function App({ notices = [], kiosk, onStartAfresh, onDebugFault }: AppProps) {
  const displayProblems = useDisplay(selectDisplayProblems);
  return (
    <UiProvider>
      <div className="app">
        <TopBar />
        <Timeline />
        <WorkerNotice />
        <RecoveryAlert {...(onStartAfresh ? { onStartAfresh } : {})} />
        {onDebugFault ? <DebugPanel inject={onDebugFault} /> : null}
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
