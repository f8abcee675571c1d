/**
 * XML text to a small element tree with the line and column of every element and
 * attribute, using saxes (a strict, non-validating XML 1.0 parser). Hazards are refused
 * rather than guessed at: a DOCTYPE (so no DTD and no entity expansion: billion-laughs
 * safe), entity references other than the five predefined ones and numeric ones, and
 * absurd nesting. The first problem stops the parse and says where it is.
 */

import { SaxesParser } from 'saxes';
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
  const lines = new LineIndex(text);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Building[] = [];
  let root: Building | undefined;
  let tagAt: Pos = { line: 1, column: 1 };
  /** The element whose start tag is being read, if any. */
  let opening: string | undefined;
  let attrAt = new Map<string, Pos>();

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
    opening = tag.name;
    if (stack.length >= MAX_DEPTH) {
      abort(tagAt, 'xml', `Element <${tag.name}> is nested more than ${MAX_DEPTH} levels deep; a service model is never this deep.`);
    }
  });
  parser.on('attribute', (a) => {
    const i = attributeIndex(text, parser.position, a.name);
    attrAt.set(a.name, i === undefined ? tagAt : lines.at(i));
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
  parser.on('closetag', () => {
    stack.pop();
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
    if (raw === 'document must contain a root element.') {
      abort({ line: 1, column: 1 }, 'xml', 'XML is not well-formed: the file has no root element (is it empty?).');
    }
    if (raw === 'disallowed character.' && text[parser.position - 1] === '<') {
      abort(here(), 'xml', "XML is not well-formed: '<' cannot appear inside an attribute value (write &lt; instead).");
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
