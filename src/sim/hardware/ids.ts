/**
 * Asset ids, exactly as ../shared/scenarios.md names them (zero-based):
 * `c0`, `c0-r3`, `c0-r3-h07`, `c0-r3-tor`, `c0-r3-pdu`, `c0-agg1`, `lb0`, `fc2`.
 */

export type AssetRef =
  | { readonly kind: 'container'; readonly c: number }
  | { readonly kind: 'rack'; readonly c: number; readonly r: number }
  | { readonly kind: 'host'; readonly c: number; readonly r: number; readonly h: number }
  | { readonly kind: 'tor'; readonly c: number; readonly r: number }
  | { readonly kind: 'pdu'; readonly c: number; readonly r: number }
  | { readonly kind: 'agg'; readonly c: number; readonly n: number }
  | { readonly kind: 'lb'; readonly n: number }
  | { readonly kind: 'fc'; readonly n: number };

export type AssetKind = AssetRef['kind'];

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export const containerId = (c: number): string => `c${c}`;
export const rackId = (c: number, r: number): string => `c${c}-r${r}`;
export const hostId = (c: number, r: number, h: number): string => `c${c}-r${r}-h${pad2(h)}`;
export const torId = (c: number, r: number): string => `c${c}-r${r}-tor`;
export const pduId = (c: number, r: number): string => `c${c}-r${r}-pdu`;
export const aggId = (c: number, n: number): string => `c${c}-agg${n}`;
export const lbId = (n: number): string => `lb${n}`;
export const fcId = (n: number): string => `fc${n}`;

const NUM = '(0|[1-9]\\d*)';
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => AssetRef][] = [
  [new RegExp(`^c${NUM}$`), (m) => ({ kind: 'container', c: +m[1]! })],
  [new RegExp(`^c${NUM}-r${NUM}$`), (m) => ({ kind: 'rack', c: +m[1]!, r: +m[2]! })],
  [new RegExp(`^c${NUM}-r${NUM}-h(\\d\\d)$`), (m) => ({ kind: 'host', c: +m[1]!, r: +m[2]!, h: +m[3]! })],
  [new RegExp(`^c${NUM}-r${NUM}-tor$`), (m) => ({ kind: 'tor', c: +m[1]!, r: +m[2]! })],
  [new RegExp(`^c${NUM}-r${NUM}-pdu$`), (m) => ({ kind: 'pdu', c: +m[1]!, r: +m[2]! })],
  [new RegExp(`^c${NUM}-agg([01])$`), (m) => ({ kind: 'agg', c: +m[1]!, n: +m[2]! })],
  [/^lb([01])$/, (m) => ({ kind: 'lb', n: +m[1]! })],
  [/^fc([0-4])$/, (m) => ({ kind: 'fc', n: +m[1]! })],
];

/**
 * `c<n>-r<n>-h<dd>` read by hand (the ids of driver commands and events, millions of
 * them at region scale), exactly as its pattern above reads it; undefined otherwise.
 */
function parseHostFast(id: string): AssetRef | undefined {
  const n = id.length;
  if (n < 8 || id.charCodeAt(0) !== 99 /* c */ || id.charCodeAt(n - 3) !== 104 /* h */ || id.charCodeAt(n - 4) !== 45 /* - */) return undefined;
  const h1 = id.charCodeAt(n - 2) - 48;
  const h2 = id.charCodeAt(n - 1) - 48;
  if (h1 < 0 || h1 > 9 || h2 < 0 || h2 > 9) return undefined;
  // c<n>
  let i = 1;
  const num = (): number => {
    const start = i;
    let v = 0;
    while (i < n) {
      const d = id.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
      i++;
    }
    // one digit at least, and no leading zero
    if (i === start || (i - start > 1 && id.charCodeAt(start) === 48)) return -1;
    return v;
  };
  const c = num();
  if (c < 0 || id.charCodeAt(i) !== 45 || id.charCodeAt(i + 1) !== 114 /* r */) return undefined;
  i += 2;
  const r = num();
  if (r < 0 || i !== n - 4) return undefined;
  return { kind: 'host', c, r, h: h1 * 10 + h2 };
}

/** Parses an asset id, or returns undefined when it matches no pattern. */
export function parseAssetId(id: string): AssetRef | undefined {
  const host = parseHostFast(id);
  if (host) return host;
  for (const [re, make] of PATTERNS) {
    const m = re.exec(id);
    if (m) return make(m);
  }
  return undefined;
}

export function assetIdOf(ref: AssetRef): string {
  switch (ref.kind) {
    case 'container':
      return containerId(ref.c);
    case 'rack':
      return rackId(ref.c, ref.r);
    case 'host':
      return hostId(ref.c, ref.r, ref.h);
    case 'tor':
      return torId(ref.c, ref.r);
    case 'pdu':
      return pduId(ref.c, ref.r);
    case 'agg':
      return aggId(ref.c, ref.n);
    case 'lb':
      return lbId(ref.n);
    case 'fc':
      return fcId(ref.n);
  }
}
