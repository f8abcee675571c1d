/**
 * Turns a scenario's actions into simulation actions, reading the service files they
 * reference.
 */

import type { Action } from '../actions';
import type { SourceFile } from '../servicemodel';
import { ScenarioError } from './parse';
import type { ScenarioAction } from './types';

/**
 * Reads a `csdef`/`cscfg` reference of a scenario: inline XML as it stands, otherwise a
 * path relative to the scenario file, read by the caller (Node reads files, the browser
 * fetched them beforehand).
 */
export type FileResolver = (path: string) => Uint8Array | string;

export function sourceOf(ref: string, resolve: FileResolver, where: string): SourceFile {
  if (ref.trimStart().startsWith('<')) return { name: `${where} (inline)`, bytes: ref };
  const shown = JSON.stringify(ref.length > 200 ? `${ref.slice(0, 200)}…` : ref);
  let bytes: unknown;
  try {
    bytes = resolve(ref);
  } catch (e) {
    throw new ScenarioError(where, `cannot read ${shown}: ${e instanceof Error ? e.message : String(e)}`);
  }
  // A resolver over a plain record could hand back what its prototype has (`constructor`): only text or bytes are files.
  if (typeof bytes !== 'string' && !(ArrayBuffer.isView(bytes) && Object.prototype.toString.call(bytes) === '[object Uint8Array]')) throw new ScenarioError(where, `cannot read ${shown}: there is no such file`);
  return { name: ref, bytes: bytes as Uint8Array | string };
}

export function toAction(a: ScenarioAction, resolve: FileResolver, where: string): Action {
  switch (a.do) {
    case 'fail':
    case 'repair':
    case 'powerCycle':
    case 'addContainer':
    case 'delete':
    case 'reboot':
    case 'reimage':
    case 'scale':
      return a;
    case 'deploy':
      return {
        do: 'deploy',
        service: a.service,
        ...(a.slot ? { slot: a.slot } : {}),
        ...(a.csdef && a.cscfg ? { files: { csdef: sourceOf(a.csdef, resolve, `${where}.csdef`), cscfg: sourceOf(a.cscfg, resolve, `${where}.cscfg`) } } : {}),
      };
    case 'walk':
    case 'rollback':
    case 'swap':
    case 'updateHostOs':
      return a;
    case 'upgrade':
      return {
        do: 'upgrade',
        service: a.service,
        mode: a.mode,
        files: { csdef: sourceOf(a.csdef, resolve, `${where}.csdef`), cscfg: sourceOf(a.cscfg, resolve, `${where}.cscfg`) },
      };
    case 'configure':
      return { do: 'configure', service: a.service, cscfg: sourceOf(a.cscfg, resolve, `${where}.cscfg`) };
  }
}

