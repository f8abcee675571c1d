/**
 * The reading helpers shared by the .csdef and .cscfg readers: typed attribute values
 * with a positioned error for each one that is missing or malformed, and the record of
 * everything unknown (kept as `Unmodelled` with a warning, never dropped). A reader
 * checks all that one attribute can tell; rules that relate several elements live in
 * validate.ts and merge.ts.
 */

import { charge } from '../hostile/work';
import type { DiagnosticList, Where } from './diagnostics';
import { CONFIGURATION_NS, DEFINITION_NS } from './model';
import type { Src, Unmodelled } from './model';
import type { XmlAttribute, XmlElement } from './xml';

/** Attributes in this namespace are schema plumbing (xsi:schemaLocation and the like), never reported. */
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The largest whole number an attribute may hold (xs:int). */
export const INT_MAX = 2_147_483_647;

/**
 * Characters a name may not hold: control characters (C0, DEL, C1), the invisible
 * direction marks and overrides that make text read differently than it is stored, and
 * zero-width characters. Names are shown, typed into scenarios and spoken by screen
 * readers, so they hold only what can be seen.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
// eslint-disable-next-line no-control-regex
const INVISIBLE_ALL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Why a name cannot be used, or undefined when it can. */
export function badNameCharacter(name: string): string | undefined {
  const m = INVISIBLE.exec(name);
  if (!m) return undefined;
  const c = m[0].charCodeAt(0);
  const what = c < 0x20 || (c >= 0x7f && c <= 0x9f) ? 'a control character' : 'an invisible formatting character';
  return `holds ${what}, U+${c.toString(16).toUpperCase().padStart(4, '0')} (character ${m.index + 1})`;
}

/** A role or service name with a control or invisible character is an error: names are shown and typed. */
export function checkName(ctx: ReadContext, el: XmlElement, attribute: string, what: string, name: string): void {
  const bad = badNameCharacter(name);
  if (bad === undefined) return;
  ctx.diags.error(ctx.where(el, attribute), 'name-characters', `${what} ${show(name)} ${bad}; names are shown and typed, so they may hold only visible characters and spaces.`);
}

/** A value quoted for a message, shortened when long. */
export function show(value: string): string {
  const v = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  // control and invisible characters are written as escapes, so a message stays one line and reads as it is stored
  return `"${v.replace(INVISIBLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

const inside = (parent: string): string => (parent === '' ? '' : ` in ${parent}`);

/** Checks the root element; on a wrong root, reports it and gives up on the file. */
export function checkRoot(
  root: XmlElement,
  file: string,
  diags: DiagnosticList,
  expected: 'ServiceDefinition' | 'ServiceConfiguration',
): boolean {
  const ns = expected === 'ServiceDefinition' ? DEFINITION_NS : CONFIGURATION_NS;
  const at = { file, line: root.line, column: root.column, element: root.local };
  if (root.local !== expected) {
    const other = expected === 'ServiceDefinition' ? 'ServiceConfiguration' : 'ServiceDefinition';
    const hint =
      root.local === other
        ? ` This is a service ${other === 'ServiceDefinition' ? 'definition (.csdef)' : 'configuration (.cscfg)'} file: were the two files swapped?`
        : '';
    diags.error(at, 'root', `The root element is <${root.name}>; a service ${expected === 'ServiceDefinition' ? 'definition' : 'configuration'} file starts with <${expected} xmlns="${ns}">.${hint}`);
    return false;
  }
  if (root.uri !== ns) {
    const actual = root.uri === '' ? 'no namespace' : `namespace "${root.uri}"`;
    diags.error(at, 'namespace', `<${expected}> is in ${actual}; it must be in namespace "${ns}" (add xmlns="${ns}").`);
  }
  return true;
}

export class ReadContext {
  readonly unmodelled: Unmodelled[] = [];

  constructor(
    readonly file: string,
    readonly ns: string,
    readonly diags: DiagnosticList,
  ) {}

  src(el: XmlElement): Src {
    return {
      file: this.file,
      line: el.line,
      column: el.column,
      element: el.local,
      attrs: el.attributes.map((a) => ({ name: a.name, line: a.line, column: a.column })),
    };
  }

  /** The position of an attribute of `el`, or of `el` itself. */
  where(el: XmlElement, attribute?: string): Where {
    const a = attribute === undefined ? undefined : el.attributes.find((x) => x.name === attribute);
    return { file: this.file, line: (a ?? el).line, column: (a ?? el).column, element: el.local };
  }

  /** Children of `el` in the service model namespace; others are kept as unmodelled. */
  children(el: XmlElement, path: string): XmlElement[] {
    charge(el.children.length);
    const out: XmlElement[] = [];
    for (const c of el.children) {
      if (c.uri === this.ns) out.push(c);
      else this.keepElement(c, path);
    }
    return out;
  }

  /** Keeps an element the readers do not model; `warn` false when an error about it was already given. */
  keepElement(el: XmlElement, parent: string, warn = true): void {
    this.unmodelled.push({ ...this.where(el), kind: 'element', name: el.name, parent, raw: el });
    if (!warn) return;
    const ns = el.uri === this.ns ? '' : el.uri === '' ? ' (in no namespace)' : ` (namespace ${el.uri})`;
    this.diags.warning(
      this.where(el),
      'unmodelled',
      `Element <${el.name}>${ns}${inside(parent)} is not modelled by the simulator: it is kept and shown, not simulated.`,
    );
  }

  keepAttribute(el: XmlElement, a: XmlAttribute, parent: string): void {
    // the attribute's own position: looking it up by name would cost a pass over all of them
    const at: Where = { file: this.file, line: a.line, column: a.column, element: el.local };
    this.unmodelled.push({ ...at, kind: 'attribute', name: a.name, parent, value: a.value });
    this.diags.warning(
      at,
      'unmodelled',
      `Attribute ${a.name}=${show(a.value)} of <${el.local}>${inside(parent)} is not modelled by the simulator: it is kept and shown, not simulated.`,
    );
  }
}

/** Reads the attributes of one element; `label` names the element in messages, e.g. "InputEndpoint 'HttpIn' of role 'Web'". */
export class Attrs {
  label: string;

  constructor(
    private readonly ctx: ReadContext,
    private readonly el: XmlElement,
    known: readonly string[],
    parent: string,
  ) {
    this.label = `<${el.local}>`;
    charge(el.attributes.length);
    for (const a of el.attributes) {
      if (a.uri === XSI_NS || a.uri === XML_NS) continue;
      if (a.uri !== '' || !known.includes(a.name)) ctx.keepAttribute(el, a, parent);
    }
  }

  string(name: string): string | undefined {
    return this.el.attributes.find((a) => a.name === name && a.uri === '')?.value;
  }

  /** An attribute that must be present; its typed reader reports a malformed value. */
  present(name: string): void {
    if (this.string(name) === undefined) {
      this.ctx.diags.error(this.ctx.where(this.el), 'required', `${this.label} has no '${name}' attribute; it is required.`);
    }
  }

  /** A required text attribute: missing or empty is an error. */
  required(name: string): string | undefined {
    const v = this.string(name);
    if (v === undefined || v.trim() === '') {
      const what = v === undefined ? `has no '${name}' attribute` : `has an empty '${name}' attribute`;
      this.ctx.diags.error(this.ctx.where(this.el, name), 'required', `${this.label} ${what}; it is required.`);
      return undefined;
    }
    return v;
  }

  /** A whole number in [min, max]; `rule` completes "it must be ..." in the message. */
  int(name: string, min: number, max: number, rule: string, code = 'value'): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const t = v.trim();
    const n = /^\+?\d{1,15}$/.test(t) ? Number(t) : NaN;
    if (!(n >= min && n <= max)) {
      this.ctx.diags.error(this.ctx.where(this.el, name), code, `${this.label} has ${name}=${show(v)}; ${rule}.`);
      return undefined;
    }
    return n;
  }

  port(name: string): number | undefined {
    return this.int(name, 1, 65535, 'a port must be a whole number from 1 to 65535', 'port-range');
  }

  /** A port, or `*` for "let the fabric choose". */
  portOrAny(name: string): number | '*' | undefined {
    return this.string(name)?.trim() === '*' ? '*' : this.port(name);
  }

  choice<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if ((values as readonly string[]).includes(v)) return v as T;
    const near = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
    const hint = near === undefined ? '' : ` (did you mean "${near}"? values are case-sensitive)`;
    this.ctx.diags.error(
      this.ctx.where(this.el, name),
      'value',
      `${this.label} has ${name}=${show(v)}; allowed values: ${values.join(', ')}${hint}.`,
    );
    return undefined;
  }

  /** xs:boolean: true, false, 1 or 0. */
  bool(name: string): boolean | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const t = v.trim();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
    this.ctx.diags.error(this.ctx.where(this.el, name), 'value', `${this.label} has ${name}=${show(v)}; it must be true or false.`);
    return undefined;
  }
}
