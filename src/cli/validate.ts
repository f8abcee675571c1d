/**
 * `npm run sim -- --validate FILES...`: checks service model files and prints one line per
 * diagnostic, `FILE:LINE:COL: error|warning: MESSAGE`, then a summary line. FILES is a
 * folder (one .csdef and one or more .cscfg, each checked against the definition,
 * ServiceConfiguration.Cloud.cscfg first) or a .csdef with one or more .cscfg files.
 * Exit code: 0 when there is no error, 1 when there is one, 2 when the files cannot be
 * found or read. With --json, stdout is one JSON document and nothing else.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors, loadServiceModel } from '../sim/servicemodel';
import type { Diagnostic, ServiceModel } from '../sim/servicemodel';
import type { CliResult } from './run';

/** A definition and the configurations to check against it. */
interface Job {
  readonly csdef: string;
  readonly cscfgs: readonly string[];
}

class InputError extends Error {}

const isCsdef = (f: string): boolean => /\.csdef$/i.test(f);
const isCscfg = (f: string): boolean => /\.cscfg$/i.test(f);

/** ServiceConfiguration.Cloud.cscfg first (what gets deployed), then the rest by name. */
function configOrder(a: string, b: string): number {
  const rank = (f: string): number => (/^ServiceConfiguration\.Cloud\.cscfg$/i.test(f) ? 0 : /^ServiceConfiguration\.cscfg$/i.test(f) ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function folderJob(dir: string): Job {
  const names = readdirSync(dir).sort();
  const csdefs = names.filter(isCsdef);
  const cscfgs = names.filter(isCscfg).sort(configOrder);
  if (csdefs.length === 0) throw new InputError(`folder ${dir} has no .csdef file (a service definition, e.g. ServiceDefinition.csdef)`);
  if (csdefs.length > 1) {
    throw new InputError(`folder ${dir} has ${csdefs.length} .csdef files (${csdefs.join(', ')}); name the .csdef and .cscfg files to check`);
  }
  if (cscfgs.length === 0) throw new InputError(`folder ${dir} has no .cscfg file (a service configuration, e.g. ServiceConfiguration.Cloud.cscfg)`);
  return { csdef: join(dir, csdefs[0]!), cscfgs: cscfgs.map((f) => join(dir, f)) };
}

function jobsFor(args: readonly string[]): Job[] {
  const jobs: Job[] = [];
  const loose: string[] = [];
  for (const arg of args) {
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      throw new InputError(`no such file or folder: ${arg}`);
    }
    if (isDir) jobs.push(folderJob(arg));
    else if (isCsdef(arg) || isCscfg(arg)) loose.push(arg);
    else throw new InputError(`${arg} is neither a folder nor a .csdef or .cscfg file`);
  }
  if (loose.length > 0) {
    const csdefs = loose.filter(isCsdef);
    const cscfgs = loose.filter(isCscfg);
    if (csdefs.length !== 1) {
      throw new InputError(`give exactly one .csdef with its .cscfg files (got ${csdefs.length === 0 ? 'none' : csdefs.join(', ')})`);
    }
    if (cscfgs.length === 0) throw new InputError(`${csdefs[0]} needs a .cscfg to be checked against`);
    jobs.push({ csdef: csdefs[0]!, cscfgs });
  }
  return jobs;
}

function read(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

function modelSummary(m: ServiceModel): unknown {
  return {
    service: m.name,
    definition: m.files.definition,
    configuration: m.files.configuration,
    upgradeDomainCount: m.upgradeDomainCount,
    roles: m.roles.map((r) => ({
      name: r.name,
      type: r.type,
      vmsize: r.vmsize,
      cores: r.size?.cores ?? null,
      memoryMiB: r.size?.memoryMiB ?? null,
      instances: r.instances,
      endpoints: r.endpoints.map((e) => ({
        name: e.name,
        kind: e.kind,
        protocol: e.protocol ?? null,
        port: e.kind === 'instanceInput' ? null : (e.port ?? null),
        localPort: e.kind === 'internal' ? null : (e.localPort ?? null),
      })),
    })),
  };
}

const key = (d: Diagnostic): string => `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.severity}\u0000${d.message}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function validateCommand(files: readonly string[], json: boolean): CliResult {
  let jobs: Job[];
  try {
    jobs = jobsFor(files);
  } catch (e) {
    if (e instanceof InputError) return { code: 2, stdout: '', stderr: `sim: --validate: ${e.message}\n` };
    throw e;
  }
  const filesRead: string[] = [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const models: ServiceModel[] = [];
  try {
    for (const job of jobs) {
      const csdef = { name: job.csdef, bytes: read(job.csdef) };
      filesRead.push(job.csdef);
      for (const cscfgPath of job.cscfgs) {
        filesRead.push(cscfgPath);
        const result = loadServiceModel({ csdef, cscfg: { name: cscfgPath, bytes: read(cscfgPath) } });
        if (result.model) models.push(result.model);
        for (const d of result.diagnostics) {
          // The definition's own diagnostics come once per configuration: print them once.
          if (seen.has(key(d))) continue;
          seen.add(key(d));
          diagnostics.push(d);
        }
      }
    }
  } catch (e) {
    if (e instanceof InputError) return { code: 2, stdout: '', stderr: `sim: --validate: ${e.message}\n` };
    throw e;
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const code = hasErrors(diagnostics) ? 1 : 0;
  if (json) {
    const doc = { files: filesRead, ok: code === 0, errors, warnings: diagnostics.length - errors, diagnostics, models: models.map(modelSummary) };
    return { code, stdout: `${JSON.stringify(doc, null, 2)}\n`, stderr: '' };
  }
  const lines = diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  const pairs = jobs.reduce((n, j) => n + j.cscfgs.length, 0);
  lines.push(`${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')} (${plural(pairs, 'configuration')} checked against ${plural(jobs.length, 'definition')})`);
  return { code, stdout: `${lines.join('\n')}\n`, stderr: '' };
}
