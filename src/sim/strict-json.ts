/**
 * Reading JSON strictly, for the formats users write or share (scenario files, run
 * files, links): each check throws the format's own error naming the JSON path.
 */

export type Obj = Record<string, unknown>;

/** A format's error: where (`steps[3].target`) and what. */
export type PathErrorClass = new (path: string, message: string) => Error;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value in words, for messages: `null`, `an array`, `the string "…"`, `number 7`. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

export function obj(v: unknown, path: string, Err: PathErrorClass): Obj {
  if (!isObj(v)) throw new Err(path, `must be an object, got ${describe(v)}`);
  return v;
}

/** Unknown fields are errors, not ignored. */
export function onlyFields(o: Obj, path: string, allowed: readonly string[], Err: PathErrorClass): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new Err(`${path}.${k}`, `unknown field; allowed here: ${allowed.join(', ')}`);
  }
}
