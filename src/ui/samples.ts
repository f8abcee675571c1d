/**
 * Fetches a sample service from public/samples for the app's first run. The bytes are
 * sent as they are served, so the worker reads exactly what the headless runner reads
 * from disk (same event-log hash).
 */

import type { ServiceFiles } from '../sim/simulation';

export const DEFAULT_SAMPLE = 'shop';
const SAMPLE_NAME = /^[a-z][a-z0-9-]{0,40}$/;

/** `?sample=NAME` picks the sample that starts deployed, `?sample=none` starts empty. */
export function readSampleParam(search: string): { sample: string | null; problem?: string } {
  const v = new URLSearchParams(search).get('sample');
  if (v === null) return { sample: DEFAULT_SAMPLE };
  if (v === 'none') return { sample: null };
  if (SAMPLE_NAME.test(v)) return { sample: v };
  return { sample: DEFAULT_SAMPLE, problem: `URL parameter sample: "${v}" is not a sample name; using ${DEFAULT_SAMPLE}.` };
}

export async function fetchSample(name: string, fetchFn: typeof fetch = fetch): Promise<ServiceFiles> {
  const get = async (file: string) => {
    const path = `samples/${name}/${file}`;
    const res = await fetchFn(`/${path}`);
    if (!res.ok) throw new Error(`could not load ${path} (HTTP ${res.status})`);
    return { name: path, bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  const [csdef, cscfg] = await Promise.all([get('ServiceDefinition.csdef'), get('ServiceConfiguration.cscfg')]);
  return { service: name, csdef, cscfg };
}
