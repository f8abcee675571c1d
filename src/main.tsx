/**
 * The page's entry: starts the simulation worker, connects it to the store, renders the
 * app, and starts the run the address asks for (a shared moment, a lesson, a scenario,
 * or the default data center with a sample deployed: see ui/run/start.ts). The client
 * makes a new worker when one crashes or hangs (docs/reliability.md); `?debug=1` shows
 * the Debug panel that injects such faults.
 */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { FabricClient, type WorkerLike } from './ui/client';
import { FabricProvider } from './ui/context';
import { initPerf } from './ui/perf';
import { afreshSearch, readDebugSettings } from './ui/recovery/debug';
import { planKeptStart } from './ui/persist/boot';
import { planStart } from './ui/run/start';
import { watchLinkHash } from './ui/run/verify';
import { appStore } from './ui/store/store';
import type { DebugFault, InitOptions } from './worker/protocol';
import './ui/styles.css';
import './ui/presenter/startup';

initPerf(window.location.search);
const debug = readDebugSettings(window.location.search);
const makeWorker = (): WorkerLike => new Worker(new URL('./worker/index.ts', import.meta.url), { type: 'module', name: 'fabric-sim' }) as WorkerLike;
const client = new FabricClient(makeWorker, appStore, undefined, debug.hangMs !== undefined ? { hangMs: debug.hangMs } : {});
const send = client.send.bind(client);
const injectFault = debug.debug ? (fault: DebugFault) => send({ type: 'debug', fault }) : undefined;

/** After a failed recovery: the default run, in a new worker, at the address without the old run's. */
const startAfresh = () => {
  const search = afreshSearch(window.location.search);
  window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  void planStart({ search, hash: '' }).then((plan) => client.startAfresh(plan.options));
};

const root = createRoot(document.getElementById('root')!);
const render = (extra: readonly string[], kiosk?: InitOptions) =>
  root.render(
    <StrictMode>
      <FabricProvider store={appStore} send={send}>
        <App notices={[...debug.problems, ...extra]} kiosk={kiosk} onStartAfresh={startAfresh} {...(injectFault ? { onDebugFault: injectFault } : {})} />
      </FabricProvider>
    </StrictMode>,
  );
render([]);

const start = async () => {
  const plan = await planKeptStart(window.location, client);
  const kiosk = plan.kiosk ? plan.options : undefined;
  render(plan.notices, kiosk);
  client.start(plan.options);
  if (plan.expect) watchLinkHash(appStore, plan.expect, (message) => render([...plan.notices, message], kiosk));
};
void start();
