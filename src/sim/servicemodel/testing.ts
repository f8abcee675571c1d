/**
 * Helpers for the tests of this folder: build small .csdef/.cscfg pairs inline, load
 * them, and find the diagnostic of one rule and the line of a marker in the text.
 * Kept out of the public API (index.ts); used only by *.test.ts.
 */

import type { Diagnostic } from './diagnostics';
import { loadServiceModel } from './load';
import type { LoadOptions, LoadResult } from './load';
import { CONFIGURATION_NS, DEFINITION_NS } from './model';

export const DEF_FILE = 'ServiceDefinition.csdef';
export const CFG_FILE = 'ServiceConfiguration.cscfg';

export function csdef(inner: string, attrs = 'name="svc"'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<ServiceDefinition ${attrs} xmlns="${DEFINITION_NS}">\n${inner}\n</ServiceDefinition>\n`;
}

export function cscfg(inner: string, attrs = 'serviceName="svc" osFamily="2" osVersion="*"'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<ServiceConfiguration ${attrs} xmlns="${CONFIGURATION_NS}">\n${inner}\n</ServiceConfiguration>\n`;
}

/** A web role named `name` with an http endpoint on `port`, and its configuration with `count` instances. */
export function webRole(name = 'Web', port = 80, extra = ''): string {
  return `  <WebRole name="${name}" vmsize="Small">
    <Endpoints>
      <InputEndpoint name="HttpIn" protocol="http" port="${port}" />
    </Endpoints>${extra}
  </WebRole>`;
}

export function roleCfg(name = 'Web', count = 2, extra = ''): string {
  return `  <Role name="${name}">
    <Instances count="${count}" />${extra}
  </Role>`;
}

/** UTF-8 bytes of a string (written out here so that the tests do not share code with decode.ts). */
export function encodeUtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** Loads a pair given as text (encoded to UTF-8 bytes, as a file would be). */
export function load(def: string, cfg: string, options?: LoadOptions): LoadResult {
  return loadServiceModel({ csdef: { name: DEF_FILE, bytes: encodeUtf8(def) }, cscfg: { name: CFG_FILE, bytes: encodeUtf8(cfg) } }, options);
}

/** The diagnostics of one rule. */
export function withCode(result: LoadResult, code: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.code === code);
}

/** The 1-based line of the first occurrence of `marker` in `text`. */
export function lineOf(text: string, marker: string): number {
  const i = text.indexOf(marker);
  if (i < 0) throw new Error(`marker ${marker} not in text`);
  return text.slice(0, i).split('\n').length;
}

/** The 1-based column of the first occurrence of `marker` in `text`. */
export function columnOf(text: string, marker: string): number {
  const i = text.indexOf(marker);
  if (i < 0) throw new Error(`marker ${marker} not in text`);
  return i - text.lastIndexOf('\n', i - 1);
}
