/**
 * The page's entry: reads the run settings from the address, starts the simulation
 * worker, connects it to the store and renders the app.
 */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { FabricClient, type WorkerLike } from './ui/client';
import { FabricProvider } from './ui/context';
import { appStore } from './ui/store/store';
import { readUrlSettings } from './ui/url';
import './ui/styles.css';

const settings = readUrlSettings(window.location.search);
const worker = new Worker(new URL('./worker/index.ts', import.meta.url), { type: 'module', name: 'fabric-sim' });
const client = new FabricClient(worker as WorkerLike, appStore);
client.start(settings.options);
const send = client.send.bind(client);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FabricProvider store={appStore} send={send}>
      <App notices={settings.problems} />
    </FabricProvider>
  </StrictMode>,
);
