/**
 * Reading JSON strictly, for the formats users write or share (scenario files, run
 * files, links): each check throws the format's own error naming the JSON path.
 *
 * `parseJson` reads JSON text as `JSON.parse` does (the same values for the same valid
 * text), but a problem says where it is (line, column and JSON path), a key given twice
 * in one object is an error rather than silently the last one, and limits on the text's
 * length, its nesting and its number of values stop a hostile text early. It works with
 * an explicit stack, so no input can overflow the call stack. `checkJsonShape` applies
 * the same nesting and size limits to a value parsed elsewhere.
 */

import { charge } from './hostile/work';

export type Obj = Record<string, unknown>;

/** A format's error: where (`steps[3].target`) and what. */
export type PathErrorClass = new (path: string, message: string) => Error;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A value in words, for messages: `null`, `an array of 3 items`, `an object`, `the string
 * "…"` (shortened), `number 7`. Bounded, whatever the value: it never serialises a
 * nested value, so a deep or huge one cannot blow up a message.
 */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `an array of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return `number ${String(v)}`;
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

export function obj(v: unknown, path: string, Err: PathErrorClass): Obj {
  if (!isObj(v)) throw new Err(path, `must be an object, got ${describe(v)}`);
  return v;
}

/** Unknown fields are errors, not ignored. */
export function onlyFields(o: Obj, path: string, allowed: readonly string[], Err: PathErrorClass): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new Err(`${path}.${shortKey(k)}`, `unknown field; allowed here: ${allowed.join(', ')}`);
  }
}

/** A key as it appears in a path, shortened and with control characters escaped. */
function shortKey(k: string): string {
  const s = k.length > 40 ? `${k.slice(0, 40)}…` : k;
  // eslint-disable-next-line no-control-regex
  return /^[^\u0000-\u001f"\\.[\]\u007f-\u009f]*$/.test(s) && s !== '' ? s : JSON.stringify(s);
}

/** Limits on one JSON text or value. */
export interface JsonLimits {
  /** Characters of the text. */
  readonly chars: number;
  /** Deepest nesting of objects and arrays (the top-level value is at depth 1). */
  readonly depth: number;
  /** Values in all (objects, arrays, strings, numbers, true, false, null). */
  readonly values: number;
  /** What the text is, for messages: "a scenario file". */
  readonly what: string;
}

type Frame =
  | { readonly kind: 'object'; readonly value: Obj; key: string }
  | { readonly kind: 'array'; readonly value: unknown[] };

/**
 * The JSON path of a position inside the open containers, as messages write it:
 * `steps[3].target`. `at` says where in the innermost container: reading its next item
 * (`item`), just after an item (`after`), or reading an object's next key (`key`).
 */
function pathOf(stack: readonly Frame[], at: 'item' | 'after' | 'key'): string {
  let p = '';
  for (let k = 0; k < stack.length; k++) {
    const f = stack[k]!;
    const last = k === stack.length - 1;
    if (f.kind === 'array') p += `[${last && at === 'after' ? f.value.length - 1 : f.value.length}]`;
    else if (!last || at !== 'key') p += p === '' ? shortKey(f.key) : `.${shortKey(f.key)}`;
  }
  return p;
}

/** A JSON path for a message: a very deep one keeps its start and its end. */
export function shortPath(path: string): string {
  if (path.length <= 100) return path;
  const boundary = /[.[]/g;
  let head = 0;
  let tail = path.length;
  for (let m = boundary.exec(path); m; m = boundary.exec(path)) {
    if (m.index <= 50) head = m.index;
    else if (m.index >= path.length - 40) {
      tail = m.index;
      break;
    }
  }
  return `${path.slice(0, head)}…${path.slice(tail)}`;
}

/** 1234567 as "1,234,567". */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Line and column (1-based, UTF-16 units) of an index. */
export function lineColumn(text: string, index: number): string {
  let line = 1;
  let start = 0;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${end - start + 1}`;
}

function shown(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  const c = text.charCodeAt(i);
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return `the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(String.fromCodePoint(text.codePointAt(i)!));
}

const WS = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const DIGIT = (c: number): boolean => c >= 0x30 && c <= 0x39;
const HEX = (c: number): boolean => DIGIT(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Sets a key as JSON.parse does: `__proto__` becomes an own property, never the prototype. */
function setKey(o: Obj, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else o[key] = value;
}

/**
 * Parses JSON text strictly: the value JSON.parse gives, or the format's error saying
 * where (line, column, JSON path) and what. A leading byte-order mark is skipped.
 */
export function parseJson(text: string, Err: PathErrorClass, limits: JsonLimits): unknown {
  if (text.length > limits.chars) {
    throw new Err('(root)', `${limits.what} may be at most ${grouped(limits.chars)} characters; this one has ${grouped(text.length)}`);
  }
  charge(text.length);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Frame[] = [];
  let values = 0;
  let result: unknown;

  /** Set while a property name is read: a problem there is at the object, not at its last key. */
  let inKey = false;
  const fail = (message: string, at = i, where: 'item' | 'after' | 'key' = 'item'): Error => {
    const path = shortPath(pathOf(stack, inKey ? 'key' : where));
    return new Err(path, `not valid JSON at ${lineColumn(text, at)}: ${message}`);
  };
  const inside = (): string => {
    const top = stack[stack.length - 1];
    return top === undefined ? 'the value' : top.kind === 'object' ? 'an object' : 'an array';
  };
  const skipWs = (): void => {
    while (i < n && WS(text.charCodeAt(i))) i++;
  };

  const readString = (): string => {
    // text[i] is the opening quote
    const open = i;
    let j = i + 1;
    let out = '';
    let from = j;
    for (;;) {
      if (j >= n) throw fail(`the text ends inside a string (opened at ${lineColumn(text, open)})`, j);
      const c = text.charCodeAt(j);
      if (c === 0x22) break;
      if (c < 0x20) throw fail(`${shown(text, j)} must be escaped inside a string (write \\n, \\t or \\u${c.toString(16).padStart(4, '0')})`, j);
      if (c === 0x5c) {
        out += text.slice(from, j);
        const e = text[j + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (!HEX(text.charCodeAt(j + k))) throw fail('\\u must be followed by four hexadecimal digits', j);
          }
          out += String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16));
          j += 6;
        } else if (e !== undefined && ESCAPES[e] !== undefined) {
          out += ESCAPES[e];
          j += 2;
        } else {
          throw fail(`${e === undefined ? 'the text ends after a backslash' : `\\${e} is not an escape JSON knows`} (escapes: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`, j);
        }
        from = j;
        continue;
      }
      j++;
    }
    out += text.slice(from, j);
    i = j + 1;
    return out;
  };

  const readNumber = (): number => {
    const start = i;
    let j = i;
    if (text.charCodeAt(j) === 0x2d) j++;
    if (text.charCodeAt(j) === 0x30) {
      j++;
      if (DIGIT(text.charCodeAt(j))) throw fail('a number cannot start with 0 followed by more digits', start);
    } else if (DIGIT(text.charCodeAt(j))) while (DIGIT(text.charCodeAt(j))) j++;
    else throw fail(`a number needs digits after '-', found ${shown(text, j)}`, j);
    if (text.charCodeAt(j) === 0x2e) {
      j++;
      if (!DIGIT(text.charCodeAt(j))) throw fail(`a number needs digits after '.', found ${shown(text, j)}`, j);
      while (DIGIT(text.charCodeAt(j))) j++;
    }
    const e = text.charCodeAt(j);
    if (e === 0x65 || e === 0x45) {
      j++;
      const s = text.charCodeAt(j);
      if (s === 0x2b || s === 0x2d) j++;
      if (!DIGIT(text.charCodeAt(j))) throw fail(`a number needs digits in its exponent, found ${shown(text, j)}`, j);
      while (DIGIT(text.charCodeAt(j))) j++;
    }
    i = j;
    return Number(text.slice(start, j));
  };

  /** After a value: attach it to its container, or keep it as the result. */
  const complete = (v: unknown): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) result = v;
    else if (top.kind === 'array') top.value.push(v);
    else setKey(top.value, top.key, v);
  };
  const count = (at: number): void => {
    if (++values > limits.values) {
      throw fail(`${limits.what} may hold at most ${grouped(limits.values)} values (objects, arrays, strings, numbers, true, false, null); this one holds more`, at);
    }
  };
  /** Reads `"key":` inside an object, refusing a key the object already has. */
  const readKey = (f: Extract<Frame, { kind: 'object' }>): void => {
    skipWs();
    if (text.charCodeAt(i) !== 0x22) {
      throw fail(i >= n ? 'the text ends inside an object (expected a property name)' : `expected a property name in double quotes, found ${shown(text, i)}`, i, 'key');
    }
    const at = i;
    inKey = true;
    const key = readString();
    inKey = false;
    if (Object.prototype.hasOwnProperty.call(f.value, key)) {
      f.key = key;
      throw fail(`the key ${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)} appears twice in one object; each key may appear once`, at);
    }
    f.key = key;
    skipWs();
    if (text.charCodeAt(i) !== 0x3a) throw fail(i >= n ? 'the text ends after a property name (expected \':\')' : `expected ':' after the property name, found ${shown(text, i)}`);
    i++;
  };

  let expectValue = true;
  for (;;) {
    skipWs();
    if (expectValue) {
      if (i >= n) throw fail(stack.length === 0 ? 'the text is empty' : `the text ends inside ${inside()} (expected a value)`);
      const c = text.charCodeAt(i);
      if (c === 0x7b || c === 0x5b) {
        count(i);
        if (stack.length >= limits.depth) {
          throw fail(`objects and arrays are nested more than ${limits.depth} levels deep; ${limits.what} is never this deep`);
        }
        i++;
        skipWs();
        if (c === 0x7b) {
          if (text.charCodeAt(i) === 0x7d) {
            i++;
            complete({});
            expectValue = false;
            continue;
          }
          const f: Extract<Frame, { kind: 'object' }> = { kind: 'object', value: {}, key: '' };
          stack.push(f);
          readKey(f);
        } else {
          if (text.charCodeAt(i) === 0x5d) {
            i++;
            complete([]);
            expectValue = false;
            continue;
          }
          stack.push({ kind: 'array', value: [] });
        }
        continue;
      }
      count(i);
      if (c === 0x22) complete(readString());
      else if (c === 0x2d || DIGIT(c)) complete(readNumber());
      else if (text.startsWith('true', i)) {
        i += 4;
        complete(true);
      } else if (text.startsWith('false', i)) {
        i += 5;
        complete(false);
      } else if (text.startsWith('null', i)) {
        i += 4;
        complete(null);
      } else {
        throw fail(`expected a value (a string, number, object, array, true, false or null), found ${shown(text, i)}`);
      }
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < n) throw fail(`unexpected ${shown(text, i)} after the end of the JSON value`);
      return result;
    }
    const c = text.charCodeAt(i);
    const close = top.kind === 'object' ? 0x7d : 0x5d;
    if (c === 0x2c) {
      i++;
      if (top.kind === 'object') readKey(top);
      expectValue = true;
    } else if (c === close) {
      i++;
      stack.pop();
      complete(top.value);
    } else {
      const after = top.kind === 'object' ? "a property value (expected ',' or '}')" : "an array item (expected ',' or ']')";
      throw fail(i >= n ? `the text ends inside ${inside()}, after ${after}` : `unexpected ${shown(text, i)} after ${after}`, i, 'after');
    }
  }
}

/**
 * Checks a value parsed elsewhere (JSON.parse) against the same limits: depth and number
 * of values, walked without recursion. Arrays are measured by their length first, so a
 * claimed billion items is refused at once.
 */
export function checkJsonShape(value: unknown, Err: PathErrorClass, limits: Omit<JsonLimits, 'chars'>): void {
  interface Item {
    readonly v: unknown;
    readonly parent: Item | undefined;
    readonly key: string | number;
    readonly depth: number;
  }
  // paths are spelled out only for a message
  const pathOf = (item: Item): string => {
    const keys: (string | number)[] = [];
    for (let it: Item | undefined = item; it?.parent; it = it.parent) keys.push(it.key);
    let p = '';
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      p += typeof key === 'number' ? `[${key}]` : p === '' ? shortKey(key) : `.${shortKey(key)}`;
    }
    return p === '' ? '(root)' : shortPath(p);
  };
  const todo: Item[] = [{ v: value, parent: undefined, key: '', depth: 1 }];
  let values = 0;
  while (todo.length > 0) {
    const item = todo.pop()!;
    const v = item.v;
    values++;
    charge(1);
    if (values > limits.values) {
      throw new Err(pathOf(item), `${limits.what} may hold at most ${grouped(limits.values)} values (objects, arrays, strings, numbers, true, false, null); this one holds more`);
    }
    if (typeof v === 'object' && v !== null) {
      if (item.depth > limits.depth) throw new Err(pathOf(item), `objects and arrays are nested more than ${limits.depth} levels deep; ${limits.what} is never this deep`);
      if (Array.isArray(v)) {
        if (v.length > limits.values - values) {
          throw new Err(pathOf(item), `is an array of ${grouped(v.length)} items; ${limits.what} may hold at most ${grouped(limits.values)} values in all`);
        }
        for (let k = v.length - 1; k >= 0; k--) todo.push({ v: v[k], parent: item, key: k, depth: item.depth + 1 });
      } else {
        const keys = Object.keys(v);
        if (keys.length > limits.values - values) {
          throw new Err(pathOf(item), `is an object of ${grouped(keys.length)} fields; ${limits.what} may hold at most ${grouped(limits.values)} values in all`);
        }
        for (let k = keys.length - 1; k >= 0; k--) {
          const child = (v as Obj)[keys[k]!];
          // an undefined field is an absent one, as JSON.stringify writes it
          if (child !== undefined) todo.push({ v: child, parent: item, key: keys[k]!, depth: item.depth + 1 });
        }
      }
    } else if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new Err(pathOf(item), Number.isNaN(v) ? 'is NaN, which JSON cannot hold' : `is a number too large to hold (${String(v)})`);
    } else if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new Err(pathOf(item), `is ${describe(v)}, which JSON cannot hold`);
    }
  }
}
