/**
 * From files to a validated model: decode each file, parse it, read it, check the
 * definition's own rules, join it with the configuration, then check the images of VM
 * roles and that every size fits a host. A model comes back whenever both files could
 * be read, even with errors, so the UI can show what was understood.
 */

import { readConfiguration } from './cscfg';
import { readDefinition } from './csdef';
import { decodeXmlBytes, sizeProblem, utf8Length } from './decode';
import { DiagnosticList, sortDiagnostics } from './diagnostics';
import type { Diagnostic } from './diagnostics';
import { checkFits, DEFAULT_HOST } from './fits';
import type { HostHardware } from './fits';
import { checkImages, defaultImageStore } from './images';
import type { ImageStore } from './images';
import { mergeModel } from './merge';
import type { ServiceConfiguration, ServiceDefinition, ServiceModel } from './model';
import { validateDefinition } from './validate';
import { parseXml } from './xml';
import type { XmlElement } from './xml';

/** A file as the user gave it: a name for messages, and its bytes (or text already decoded). */
export interface SourceFile {
  readonly name: string;
  readonly bytes: Uint8Array | string;
}

export interface LoadOptions {
  /** VM role images; default: `defaultImageStore()`. */
  readonly images?: ImageStore;
  /** The data center's host hardware; default: `DEFAULT_HOST`. */
  readonly host?: HostHardware;
}

export interface LoadResult {
  /** Present whenever both files could be read, even when `diagnostics` has errors. */
  readonly model: ServiceModel | undefined;
  /** Sorted: definition first, then configuration, by line and column. */
  readonly diagnostics: Diagnostic[];
}

/** Decodes and parses one file; undefined (with an error) when it is not readable XML. */
export function parseSourceFile(file: SourceFile, diags: DiagnosticList): XmlElement | undefined {
  const where = (line: number, column: number, element = ''): { file: string; line: number; column: number; element: string } => ({
    file: file.name,
    line,
    column,
    element,
  });
  let text: string;
  if (typeof file.bytes === 'string') {
    const big = sizeProblem(utf8Length(file.bytes));
    if (big) {
      diags.error(where(1, 1), big.code, big.message);
      return undefined;
    }
    text = file.bytes.startsWith('\ufeff') ? file.bytes.slice(1) : file.bytes;
  } else {
    const big = sizeProblem(file.bytes.length);
    if (big) {
      diags.error(where(1, 1), big.code, big.message);
      return undefined;
    }
    const decoded = decodeXmlBytes(file.bytes);
    for (const p of decoded.problems) {
      if (p.severity === 'error') diags.error(where(p.line, p.column), p.code, p.message);
      else diags.warning(where(p.line, p.column), p.code, p.message);
    }
    if (decoded.text === undefined) return undefined;
    text = decoded.text;
  }
  const parsed = parseXml(text);
  if (!parsed.ok) {
    diags.error(where(parsed.problem.line, parsed.problem.column, parsed.problem.element), parsed.problem.code, parsed.problem.message);
    return undefined;
  }
  return parsed.root;
}

/** Reads a .csdef alone (e.g. while it is edited), with the rules that need only it. */
export function loadDefinition(file: SourceFile): { definition: ServiceDefinition | undefined; diagnostics: Diagnostic[] } {
  const diags = new DiagnosticList();
  const root = parseSourceFile(file, diags);
  const definition = root && readDefinition(root, file.name, diags);
  if (definition) validateDefinition(definition, diags);
  return { definition, diagnostics: sortDiagnostics(diags.all(), [file.name]) };
}

/** Reads a .cscfg alone, with the rules that need only it. */
export function loadConfiguration(file: SourceFile): { configuration: ServiceConfiguration | undefined; diagnostics: Diagnostic[] } {
  const diags = new DiagnosticList();
  const root = parseSourceFile(file, diags);
  const configuration = root && readConfiguration(root, file.name, diags);
  return { configuration, diagnostics: sortDiagnostics(diags.all(), [file.name]) };
}

export function loadServiceModel(files: { readonly csdef: SourceFile; readonly cscfg: SourceFile }, options: LoadOptions = {}): LoadResult {
  const diags = new DiagnosticList();
  const defRoot = parseSourceFile(files.csdef, diags);
  const cfgRoot = parseSourceFile(files.cscfg, diags);
  const def = defRoot && readDefinition(defRoot, files.csdef.name, diags);
  const cfg = cfgRoot && readConfiguration(cfgRoot, files.cscfg.name, diags);
  if (def) validateDefinition(def, diags);
  let model: ServiceModel | undefined;
  if (def && cfg) {
    model = mergeModel(def, cfg, diags);
    checkImages(model, options.images ?? defaultImageStore(), diags);
    for (const d of checkFits(model, options.host ?? DEFAULT_HOST)) diags.push(d);
  }
  return { model, diagnostics: sortDiagnostics(diags.all(), [files.csdef.name, files.cscfg.name]) };
}
