/**
 * The two files the panel edits, and turning bytes into editor text: a file the user
 * opened or dropped, or a sample, goes through the reader's own decoder (byte-order
 * marks, UTF-16, the XML declaration's encoding) and its 1 MiB cap, so the editor shows
 * what the simulator would read. Which file is which is told by the extension.
 */

import { MAX_FILE_BYTES } from '../../sim/servicemodel';
import { decodeXmlBytes, sizeProblem } from '../../sim/servicemodel/decode';

export type FileKind = 'csdef' | 'cscfg';
export const FILE_KINDS: readonly FileKind[] = ['csdef', 'cscfg'];

/** The usual names, used for the editors' labels and for files not yet opened. */
export const STANDARD_NAMES: Readonly<Record<FileKind, string>> = {
  csdef: 'ServiceDefinition.csdef',
  cscfg: 'ServiceConfiguration.cscfg',
};

/** A file as the editor holds it. */
export interface EditorFile {
  readonly name: string;
  readonly text: string;
}

export type FilePair = Readonly<Record<FileKind, EditorFile>>;

/** What reading some files gave: the files read, what stopped others, and remarks. */
export interface ReadOutcome {
  readonly files: Partial<Record<FileKind, EditorFile>>;
  /** Files not loaded, and why. */
  readonly problems: readonly string[];
  /** Loaded, with a remark (e.g. an encoding declaration that contradicts the byte-order mark). */
  readonly notes: readonly string[];
}

export function kindOf(name: string): FileKind | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csdef')) return 'csdef';
  if (lower.endsWith('.cscfg')) return 'cscfg';
  return undefined;
}

/** The last part of a path or URL. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function tooLarge(name: string, bytes: number): string | undefined {
  const big = sizeProblem(bytes);
  return big ? `${name} was not loaded. ${big.message}` : undefined;
}

/** Decodes a file's bytes as the reader does. */
export function decodeFile(name: string, bytes: Uint8Array): { file?: EditorFile; problems: string[]; notes: string[] } {
  const big = tooLarge(name, bytes.length);
  if (big) return { problems: [big], notes: [] };
  const decoded = decodeXmlBytes(bytes);
  const where = (p: { line: number; column: number }) => `line ${p.line}, column ${p.column}`;
  const errors = decoded.problems.filter((p) => p.severity === 'error');
  const warnings = decoded.problems.filter((p) => p.severity === 'warning');
  if (decoded.text === undefined || errors.length > 0) {
    const why = errors.map((p) => `${p.message} (${where(p)})`).join(' ') || 'its encoding could not be read.';
    return { problems: [`${name} was not loaded: ${why}`], notes: [] };
  }
  return { file: { name, text: decoded.text }, problems: [], notes: warnings.map((p) => `${name}: ${p.message} (${where(p)})`) };
}

/** Reads files the user opened or dropped: at most one .csdef and one .cscfg, each at most 1 MiB. */
export async function readUserFiles(list: readonly File[]): Promise<ReadOutcome> {
  const files: Partial<Record<FileKind, EditorFile>> = {};
  const problems: string[] = [];
  const notes: string[] = [];
  for (const f of list) {
    const kind = kindOf(f.name);
    if (!kind) {
      problems.push(`${f.name} is neither a .csdef nor a .cscfg file; it was not loaded.`);
      continue;
    }
    if (files[kind]) {
      problems.push(`Only one .${kind} file at a time: ${files[kind].name} was loaded, ${f.name} was not.`);
      continue;
    }
    if (f.size > MAX_FILE_BYTES) {
      problems.push(tooLarge(f.name, f.size)!);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await f.arrayBuffer());
    } catch (e) {
      problems.push(`${f.name} could not be read: ${(e as Error).message}`);
      continue;
    }
    const r = decodeFile(f.name, bytes);
    if (r.file) files[kind] = r.file;
    problems.push(...r.problems);
    notes.push(...r.notes);
  }
  return { files, problems, notes };
}
