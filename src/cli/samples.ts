/**
 * The samples of public/samples, read from disk for the headless runner: the default
 * run deploys the same sample the app starts with.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServiceFiles } from '../sim/simulation';
import { PUBLIC_DIR } from './scenario';

/** The sample the app and the default headless run start with. */
export const DEFAULT_SAMPLE = 'shop';

export function sampleFiles(name: string): ServiceFiles {
  const dir = resolve(PUBLIC_DIR, 'samples', name);
  const read = (file: string) => ({ name: `samples/${name}/${file}`, bytes: readFileSync(resolve(dir, file)) });
  return { service: name, csdef: read('ServiceDefinition.csdef'), cscfg: read('ServiceConfiguration.cscfg') };
}
