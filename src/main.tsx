/**
 * The page's entry: reads the run settings from the address, fetches the sample service
 * the run starts with, starts the simulation worker, connects it to the store and
 * renders the app.
 */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { FabricClient, type WorkerLike } from './ui/client';
import { FabricProvider } from './ui/context';
import { fetchSample, readSampleParam } from './ui/samples';
import { appStore } from './ui/store/store';
import { readUrlSettings } from './ui/url';
import './ui/styles.css';

const settings = readUrlSettings(window.location.search);
const sampleParam = readSampleParam(window.location.search);
const notices = [...settings.problems, ...(sampleParam.problem ? [sampleParam.problem] : [])];
const worker = new Worker(new URL('./worker/index.ts', import.meta.url), { type: 'module', name: 'fabric-sim' });
const client = new FabricClient(worker as WorkerLike, appStore);
const send = client.send.bind(client);

const root = createRoot(document.getElementById('root')!);
const render = (extra: readonly string[]) =>
  root.render(
    <StrictMode>
      <FabricProvider store={appStore} send={send}>
        <App notices={[...notices, ...extra]} />
      </FabricProvider>
    </StrictMode>,
  );
render([]);

const start = async () => {
  if (!sampleParam.sample) return client.start(settings.options);
  try {
    const files = await fetchSample(sampleParam.sample);
    client.start({ ...settings.options, deploy: [files] });
  } catch (e) {
    render([`The sample "${sampleParam.sample}" could not be loaded (${(e as Error).message}); starting with no service.`]);
    client.start(settings.options);
  }
};
void start();
