/**
 * The page's entry: starts the simulation worker, connects it to the store, renders the
 * app, and starts the run the address asks for (a shared moment, a lesson, a scenario,
 * or the default data center with a sample deployed: see ui/run/start.ts).
 */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { FabricClient, type WorkerLike } from './ui/client';
import { FabricProvider } from './ui/context';
import { initPerf } from './ui/perf';
import { planStart } from './ui/run/start';
import { watchLinkHash } from './ui/run/verify';
import { appStore } from './ui/store/store';
import type { InitOptions } from './worker/protocol';
import './ui/styles.css';
import './ui/presenter/startup';

initPerf(window.location.search);
const worker = new Worker(new URL('./worker/index.ts', import.meta.url), { type: 'module', name: 'fabric-sim' });
const client = new FabricClient(worker as WorkerLike, appStore);
const send = client.send.bind(client);

const root = createRoot(document.getElementById('root')!);
const render = (extra: readonly string[], kiosk?: InitOptions) =>
  root.render(
    <StrictMode>
      <FabricProvider store={appStore} send={send}>
        <App notices={extra} kiosk={kiosk} />
      </FabricProvider>
    </StrictMode>,
  );
render([]);

const start = async () => {
  const plan = await planStart(window.location);
  const kiosk = plan.kiosk ? plan.options : undefined;
  render(plan.notices, kiosk);
  client.start(plan.options);
  if (plan.expect) watchLinkHash(appStore, plan.expect, (message) => render([...plan.notices, message], kiosk));
};
void start();
