/**
 * The sample services of public/samples: the index (`[{name, title, description, csdef,
 * cscfg}]`, file paths relative to the index) and each sample's two files, fetched as
 * bytes and decoded as the reader decodes them. The fetch function is a parameter so
 * tests can serve the samples from memory.
 */

import { baseName, decodeFile, type FilePair } from './files';

export interface SampleEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly csdef: string;
  readonly cscfg: string;
}

export type FetchLike = (url: string) => Promise<Response>;

export const SAMPLES_URL = '/samples/index.json';

/** The page's own fetch (called as a plain function, so `this` is right). */
export const browserFetch: FetchLike = (url) => fetch(url);

function absolute(url: string): string {
  return new URL(url, typeof location === 'undefined' ? 'http://localhost/' : location.href).href;
}

/** A path of the index, relative to the index. */
function resolve(path: string, indexUrl: string): string {
  return new URL(path, absolute(indexUrl)).href;
}

async function get(fetchFn: FetchLike, url: string): Promise<Response> {
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  return res;
}

function isEntry(v: unknown): v is SampleEntry {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return ['name', 'title', 'csdef', 'cscfg'].every((k) => typeof o[k] === 'string') && (o.description === undefined || typeof o.description === 'string');
}

export async function fetchSampleIndex(fetchFn: FetchLike, indexUrl: string = SAMPLES_URL): Promise<SampleEntry[]> {
  const data: unknown = await (await get(fetchFn, absolute(indexUrl))).json();
  if (!Array.isArray(data) || !data.every(isEntry)) throw new Error(`${indexUrl} is not a list of samples`);
  return data.map((e) => ({ ...e, description: e.description ?? '' }));
}

/** Fetches and decodes a sample's two files; throws with the reason when one cannot be used. */
export async function fetchSampleFiles(fetchFn: FetchLike, indexUrl: string, entry: SampleEntry): Promise<FilePair> {
  const one = async (path: string) => {
    const res = await get(fetchFn, resolve(path, indexUrl));
    const r = decodeFile(baseName(path), new Uint8Array(await res.arrayBuffer()));
    if (!r.file) throw new Error(r.problems.join(' '));
    return r.file;
  };
  const [csdef, cscfg] = await Promise.all([one(entry.csdef), one(entry.cscfg)]);
  return { csdef, cscfg };
}
