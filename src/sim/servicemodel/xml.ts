/**
 * XML text to a small element tree with the line and column of every element and
 * attribute, using saxes (a strict, non-validating XML 1.0 parser). Hazards are refused
 * rather than guessed at: a DOCTYPE (so no DTD and no entity expansion: billion-laughs
 * safe), entity references other than the five predefined ones and numeric ones, half
 * of a surrogate pair, absurd nesting, and more elements and attributes than any service
 * model has (the work of a parse is bounded by the file's size and these counts). The
 * first problem stops the parse and says where it is.
 */

import { SaxesParser } from 'saxes';
import { charge } from '../hostile/work';
import { LineIndex } from './position';
import type { Pos } from './position';

export interface XmlAttribute extends Pos {
  /** The qualified name as written, e.g. `name` or `xsi:type`. */
  readonly name: string;
  readonly local: string;
  /** The namespace URI; empty for an unprefixed attribute. */
  readonly uri: string;
  readonly value: string;
}

export interface XmlElement extends Pos {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  /** Attributes in document order, without namespace declarations (`xmlns`, `xmlns:*`). */
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** The element's own character data (text and CDATA), concatenated as written. */
  readonly text: string;
}

export interface XmlProblem extends Pos {
  readonly code: 'xml' | 'doctype' | 'entity';
  readonly message: string;
  /** The element being read when the problem was found ('' before the root). */
  readonly element: string;
}

export type XmlResult = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly problem: XmlProblem };

/** Deepest nesting accepted. Real service models are under ten levels deep. */
export const MAX_DEPTH = 100;
/** Elements and attributes in one file. Real service models have a few hundred. */
export const MAX_NODES = 50_000;
/** Attributes of one element. Real elements have under ten. */
export const MAX_ATTRIBUTES = 1_000;

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** `U+0001`. */
const codePoint = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why XML 1.0 refuses a character, in words. */
function whyNotXml(c: number): string {
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return 'a control character';
  if (c >= 0xd800 && c <= 0xdfff) return 'half of a UTF-16 surrogate pair';
  return 'not a character XML allows';
}

/** The index of the first half of a surrogate pair standing alone, or -1. */
function loneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

const PREDEFINED = '&lt; &gt; &amp; &quot; &apos;';

interface Building {
  name: string;
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  text: string;
  line: number;
  column: number;
}

class Abort {
  constructor(readonly problem: XmlProblem) {}
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Index of an attribute's name, given the index just after its closing quote. */
function attributeIndex(text: string, end: number, name: string): number | undefined {
  const quote = text[end - 1];
  if (quote !== '"' && quote !== "'") return undefined;
  let i = text.lastIndexOf(quote, end - 2) - 1;
  while (isSpace(text[i])) i--;
  if (text[i] !== '=') return undefined;
  i--;
  while (isSpace(text[i])) i--;
  const start = i - name.length + 1;
  return start >= 0 && text.startsWith(name, start) ? start : undefined;
}

export function parseXml(text: string): XmlResult {
  charge(text.length);
  const lines = new LineIndex(text);
  const lone = loneSurrogate(text);
  if (lone >= 0) {
    const at = lines.at(lone);
    return {
      ok: false,
      problem: {
        ...at,
        code: 'xml',
        element: '',
        message: `XML is not well-formed: the character at line ${at.line}, column ${at.column} (${codePoint(text.charCodeAt(lone))}) is half of a UTF-16 surrogate pair with no other half; the text is damaged.`,
      },
    };
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Building[] = [];
  let root: Building | undefined;
  let tagAt: Pos = { line: 1, column: 1 };
  /** The element whose start tag is being read, if any. */
  let opening: string | undefined;
  let attrAt = new Map<string, Pos>();
  let nodes = 0;
  let attributesHere = 0;
  const node = (at: () => Pos, what: string): void => {
    charge(1);
    if (++nodes > MAX_NODES) {
      abort(
        at(),
        'xml',
        `The file has more than ${grouped(MAX_NODES)} elements and attributes (the limit is reached at this ${what}); ` +
          'a service model has a few hundred. Is this the right file?',
      );
    }
  };

  const abort = (at: Pos, code: XmlProblem['code'], message: string): never => {
    throw new Abort({ ...at, code, message, element: opening ?? stack[stack.length - 1]?.local ?? '' });
  };
  const here = (): Pos => lines.at(parser.position - 1);

  parser.on('doctype', () => {
    const at = text.lastIndexOf('<!DOCTYPE', parser.position);
    abort(
      at >= 0 ? lines.at(at) : here(),
      'doctype',
      'A DOCTYPE is not allowed in a service model file: DTDs and entity declarations are refused ' +
        '(they are never needed, and entity expansion can blow up, as in the "billion laughs" attack).',
    );
  });
  parser.on('opentagstart', (tag) => {
    const lt = text.lastIndexOf('<', parser.position - 1);
    tagAt = lt >= 0 ? lines.at(lt) : here();
    attrAt = new Map();
    attributesHere = 0;
    opening = tag.name;
    if (stack.length >= MAX_DEPTH) {
      abort(tagAt, 'xml', `Element <${tag.name}> is nested more than ${MAX_DEPTH} levels deep; a service model is never this deep.`);
    }
    node(() => tagAt, 'element');
  });
  parser.on('attribute', (a) => {
    const i = attributeIndex(text, parser.position, a.name);
    const at = i === undefined ? tagAt : lines.at(i);
    attrAt.set(a.name, at);
    if (++attributesHere > MAX_ATTRIBUTES) {
      abort(at, 'xml', `Element <${opening ?? '?'}> has more than ${grouped(MAX_ATTRIBUTES)} attributes; a service model element has a handful.`);
    }
    node(() => at, 'attribute');
  });
  parser.on('opentag', (tag) => {
    opening = undefined;
    const attributes: XmlAttribute[] = [];
    for (const a of Object.values(tag.attributes)) {
      if (a.name === 'xmlns' || a.prefix === 'xmlns') continue;
      const at = attrAt.get(a.name) ?? tagAt;
      attributes.push({ name: a.name, local: a.local, uri: a.uri, value: a.value, line: at.line, column: at.column });
    }
    const el: Building = { name: tag.name, local: tag.local, uri: tag.uri, attributes, children: [], text: '', ...tagAt };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  /** The element the latest end tag closed (for a message about an end tag that does not match). */
  let closed: Building | undefined;
  parser.on('closetag', () => {
    closed = stack.pop();
  });
  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (err) => {
    const raw = err.message.replace(/^\d+:\d+: /, '');
    if (raw === 'undefined entity.') {
      const amp = text.lastIndexOf('&', parser.position - 1);
      const ref = amp >= 0 ? text.slice(amp, parser.position) : '&...;';
      abort(
        amp >= 0 ? lines.at(amp) : here(),
        'entity',
        `Entity reference '${ref}' is not allowed: a service model file may use only ${PREDEFINED} ` +
          'and numeric references such as &#38;.',
      );
    }
    if (raw.startsWith('unclosed tag: ')) {
      const open = stack[stack.length - 1];
      if (open) {
        abort(open, 'xml', `XML is not well-formed: element <${open.name}> is never closed (the file ends before </${open.name}>).`);
      }
    }
    const end = (): Pos => lines.at(Math.max(0, text.length - 1));
    if (raw === 'document must contain a root element.') {
      if (text.trim() === '') abort({ line: 1, column: 1 }, 'xml', 'XML is not well-formed: the file is empty (it has no root element).');
      if (!text.trimEnd().endsWith('>')) {
        abort(end(), 'xml', 'XML is not well-formed: the file ends in the middle of its markup, before the root element is complete (is it truncated?).');
      }
      abort({ line: 1, column: 1 }, 'xml', 'XML is not well-formed: the file has no root element (it holds only a declaration or comments).');
    }
    if (raw === 'unexpected close tag.' || raw.startsWith('unmatched closing tag: ')) {
      const lt = text.lastIndexOf('</', parser.position - 1);
      const gt = text.indexOf('>', lt);
      const tag = lt >= 0 && gt > lt ? text.slice(lt, Math.min(gt + 1, lt + 80)) : '</...>';
      const at = lt >= 0 ? lines.at(lt) : here();
      const open = raw.startsWith('unmatched') ? undefined : closed;
      abort(
        at,
        'xml',
        open
          ? `XML is not well-formed: ${tag} does not close <${open.name}> (opened at line ${open.line}, column ${open.column}).`
          : `XML is not well-formed: ${tag} closes nothing: no such element is open.`,
      );
    }
    if (raw === 'documents may contain only one root.') {
      const lt = text.lastIndexOf('<', parser.position - 1);
      abort(lt >= 0 ? lines.at(lt) : here(), 'xml', `XML is not well-formed: a second root element starts here; a file has exactly one (here <${root?.name ?? '?'}>).`);
    }
    if (raw === 'text data outside of root node.') {
      const first = text.search(/\S/);
      abort(
        root || first < 0 ? here() : lines.at(first),
        'xml',
        root
          ? `XML is not well-formed: there is text after the end of the root element <${root.name}>.`
          : "XML is not well-formed: the file does not start with markup ('<'): it is not XML, or not a service model file.",
      );
    }
    if (raw === 'unexpected end.') {
      abort(end(), 'xml', 'XML is not well-formed: the file ends in the middle of a tag, comment or declaration (is it truncated?).');
    }
    if (raw === 'disallowed character.' && text[parser.position - 1] === '<') {
      abort(here(), 'xml', "XML is not well-formed: '<' cannot appear inside an attribute value (write &lt; instead).");
    }
    if (raw.startsWith('disallowed character')) {
      const c = text.charCodeAt(parser.position - 1);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff) {
        abort(here(), 'xml', `XML is not well-formed: the character ${codePoint(c)} (${whyNotXml(c)}) cannot appear in an XML file; remove it.`);
      }
    }
    if (raw === 'malformed character entity.') {
      const amp = text.lastIndexOf('&', parser.position - 1);
      const ref = amp >= 0 ? text.slice(amp, Math.min(parser.position, amp + 20)) : '&#...;';
      const m = /^&#(x[0-9A-Fa-f]{1,8}|[0-9]{1,10});$/.exec(ref);
      const n = m ? (m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : Number(m[1])) : NaN;
      const why =
        n >= 0 && n <= 0x10ffff
          ? `it stands for ${codePoint(n)}, ${whyNotXml(n)}, which XML does not allow even as a reference`
          : Number.isNaN(n)
            ? 'a character reference is &# and a decimal number, or &#x and a hexadecimal one, then ;'
            : 'it is beyond the last Unicode character (U+10FFFF)';
      abort(amp >= 0 ? lines.at(amp) : here(), 'xml', `XML is not well-formed: the character reference '${ref}' is not allowed: ${why}.`);
    }
    abort(here(), 'xml', `XML is not well-formed: ${raw}`);
  });

  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof Abort) return { ok: false, problem: e.problem };
    throw e;
  }
  if (!root) return { ok: false, problem: { line: 1, column: 1, code: 'xml', element: '', message: 'XML is not well-formed: the file has no root element.' } };
  return { ok: true, root };
}
