/**
 * Loads a scenario file from the site (a lesson, or `?scenario=path`) with every service
 * file it references, as a run's start. References resolve as the headless runner
 * resolves them: relative to the scenario file, and failing that, relative to the site's
 * root, where samples/ lives.
 */

import { parseScenario } from '../../sim/scenario/parse';
import type { RunBase } from '../../sim/timeline/record';

/** A path under the site's root: letters, digits, `-_./`, no `..`, ending in .json. */
const SCENARIO_PATH = /^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]{0,200}\.json$/;
const MAX_SCENARIO_CHARS = 4 * 1024 * 1024;

export class ScenarioLoadError extends Error {
  override name = 'ScenarioLoadError';
}

export function isScenarioPath(path: string): boolean {
  return SCENARIO_PATH.test(path);
}

function join(dir: string, ref: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const p of ref.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

async function fetchText(path: string, fetchFn: typeof fetch): Promise<string | undefined> {
  const res = await fetchFn(`/${path}`);
  if (!res.ok) return undefined;
  // Vite's dev server answers unknown paths with the app's index.html: that is not the file.
  if ((res.headers.get('content-type') ?? '').includes('text/html')) return undefined;
  return res.text();
}

export async function loadScenarioBase(path: string, walkthrough: boolean, fetchFn: typeof fetch = fetch): Promise<RunBase> {
  if (!isScenarioPath(path)) throw new ScenarioLoadError(`"${path}" is not a scenario path (a .json file under the site, such as scenarios/lessons/01-host-fails.json)`);
  const text = await fetchText(path, fetchFn);
  if (text === undefined) throw new ScenarioLoadError(`the scenario ${path} could not be loaded (no such file)`);
  if (text.length > MAX_SCENARIO_CHARS) throw new ScenarioLoadError(`${path} is larger than ${MAX_SCENARIO_CHARS} characters`);
  let scenario;
  try {
    // strict: positions in JSON errors, a key given twice refused, limits on depth and size
    scenario = parseScenario(text);
  } catch (e) {
    throw new ScenarioLoadError(`${path}: ${(e as Error).message}`);
  }
  const raw: unknown = JSON.parse(text);
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const refs = new Set<string>();
  const add = (ref: string | undefined) => {
    if (ref !== undefined && !ref.trimStart().startsWith('<')) refs.add(ref);
  };
  for (const s of scenario.services) {
    add(s.csdef);
    add(s.cscfg);
  }
  for (const s of scenario.steps) {
    if (s.kind !== 'do') continue;
    const a = s.action as { csdef?: string; cscfg?: string };
    add(a.csdef);
    add(a.cscfg);
  }
  const files: Record<string, string> = {};
  await Promise.all(
    [...refs].map(async (ref) => {
      const got = (await fetchText(join(dir, ref), fetchFn)) ?? (await fetchText(join('', ref), fetchFn));
      if (got === undefined) throw new ScenarioLoadError(`${path}: the file "${ref}" it names could not be loaded`);
      files[ref] = got;
    }),
  );
  return { kind: 'scenario', scenario: raw, path, files, walkthrough };
}
