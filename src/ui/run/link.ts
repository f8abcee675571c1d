/**
 * Share links: a run's record (start, seed, the user's timed actions, the moment) packed
 * into the address's fragment as `#run=<version>.<deflated JSON in base64url>`. The
 * fragment never reaches a server. A link of another version, a damaged one or one that
 * would unpack to something huge is refused with a message saying which.
 */

import { charge } from '../../sim/hostile/work';
import { RUN_LIMITS, parseRunFile, runFileToJson, type RunFile } from '../../sim/timeline/record';

/** The link format this app writes and reads. */
export const LINK_VERSION = 1;
/** Characters of a link's payload (browsers take a few MB; a link is meant to be pasted). */
export const MAX_LINK_CHARS = 2_000_000;

/** Which part of a link is wrong. */
export type LinkPart = 'address' | 'format' | 'data';

export class LinkError extends Error {
  override name = 'LinkError';
  constructor(
    /** Where: the address (no `#run=`), the link format (`run=N.`) or the link's data. */
    readonly where: LinkPart,
    message: string,
  ) {
    super(message);
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bad = text.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) {
    const c = text.codePointAt(bad)!;
    const shown = c < 0x20 || c === 0x7f ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}` : JSON.stringify(String.fromCodePoint(c));
    throw new LinkError('data', `the link is damaged: its data has characters a link never contains (${shown} at character ${bad + 1} of the data; was it cut or edited?)`);
  }
  if (text.length % 4 === 1) throw new LinkError('data', `the link is damaged: its data is not valid base64url (${text.length} characters cannot be; was it cut short?)`);
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new LinkError('data', 'the link is damaged: its data is not valid base64url (was it cut short?)');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pump(stream: ReadableStream<Uint8Array>, limit: number, tooBig: () => Error): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const streamOf = (bytes: Uint8Array): ReadableStream<BufferSource> =>
  new ReadableStream<BufferSource>({
    start(c) {
      c.enqueue(bytes as Uint8Array<ArrayBuffer>);
      c.close();
    },
  });

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw'));
  return pump(stream, Number.MAX_SAFE_INTEGER, () => new Error('unreachable'));
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw'));
  try {
    // Stop unpacking as soon as it grows past what a run may hold: a tiny link must not expand to gigabytes.
    return await pump(stream, RUN_LIMITS.textChars, () => new LinkError('data', `the link unpacks to more than ${RUN_LIMITS.textChars} bytes; it is not a Fabric Lab run`));
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError('data', 'the link is damaged: its data does not unpack (was it cut short?)');
  }
}

/** The fragment (without `#`) of a link to this run and moment. */
export async function encodeRunLink(run: RunFile): Promise<string> {
  const packed = await deflate(new TextEncoder().encode(runFileToJson(run)));
  return `run=${LINK_VERSION}.${toBase64Url(packed)}`;
}

/** Is there a run in this fragment (`#run=...`)? */
export function hasRunLink(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith('run=');
}

/** Reads a link's run; throws LinkError (or RunFileError for a bad record) saying what is wrong. */
export async function decodeRunLink(hash: string): Promise<RunFile> {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith('run=')) throw new LinkError('address', 'the address has no run in it (expected #run=...)');
  const value = fragment.slice(4);
  const dot = value.indexOf('.');
  const version = dot < 0 ? '' : value.slice(0, dot);
  if (!/^\d{1,6}$/.test(version)) throw new LinkError('format', 'the link is damaged: it does not say which link format it uses (it should start with run=1.)');
  if (Number(version) !== LINK_VERSION) {
    throw new LinkError(
      'format',
      Number(version) > LINK_VERSION
        ? `the link was made by a newer Fabric Lab (link format ${version}); this one reads format ${LINK_VERSION}`
        : `the link uses link format ${version}, which this Fabric Lab no longer reads (it reads format ${LINK_VERSION})`,
    );
  }
  const payload = value.slice(dot + 1);
  if (payload.length > MAX_LINK_CHARS) throw new LinkError('data', `the link is ${payload.length} characters long; at most ${MAX_LINK_CHARS}`);
  if (payload.length === 0) throw new LinkError('data', 'the link is damaged: it has no data after its format (was it cut short?)');
  charge(payload.length);
  const bytes = await inflate(fromBase64Url(payload));
  charge(bytes.length);
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LinkError('data', 'the link is damaged: it unpacks to bytes that are not UTF-8 text');
  }
  return parseRunFile(json);
}
