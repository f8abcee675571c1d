import { ErrorBanner } from './components/ErrorBanner';
import { EventLogPanel } from './components/EventLogPanel';
import { MainArea } from './components/MainArea';
import { TopBar } from './components/TopBar';

export function App({ notices = [] }: { notices?: readonly string[] }) {
  return (
    <div className="app">
      <TopBar />
      <ErrorBanner notices={notices} />
      <div className="workspace">
        <MainArea />
        <EventLogPanel />
      </div>
    </div>
  );
}
