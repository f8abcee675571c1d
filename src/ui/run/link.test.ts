import { describe, expect, it } from 'vitest';
import { serviceFiles } from '../../sim/servicemodel/synthetic';
import { RUN_FILE_VERSION, runFileToJson, type RunFile } from '../../sim/timeline/record';
import { LinkError, decodeRunLink, encodeRunLink, hasRunLink } from './link';

const RUN: RunFile = {
  fabricLab: 'run',
  version: RUN_FILE_VERSION,
  base: {
    kind: 'setup',
    seed: 42,
    datacenter: { preset: 'demo' },
    timing: 'realistic',
    // a run's service files must load (parseRunFile checks them); the configuration travels as bytes
    deploy: [serviceFiles('shop', [{ name: 'Web', instances: 2, port: 80 }])].map((d) => ({
      service: 'shop',
      csdef: { name: 'a.csdef', bytes: d.csdef.bytes },
      cscfg: { name: 'a.cscfg', bytes: new TextEncoder().encode(String(d.cscfg.bytes)) },
    })),
  },
  actions: [{ at: 60_000, action: { do: 'fail', target: 'c0-r1-tor' } }],
  t: 3_600_000,
  hash: '0123456789abcdef',
  events: 99,
};

describe('share links', () => {
  it('carry a run and bring it back', async () => {
    const link = await encodeRunLink(RUN);
    expect(link).toMatch(/^run=1\.[A-Za-z0-9_-]+$/);
    expect(hasRunLink(`#${link}`)).toBe(true);
    // compared as run-file JSON: the test environment's TextEncoder makes bytes of another realm
    expect(runFileToJson(await decodeRunLink(`#${link}`))).toBe(runFileToJson(RUN));
  });

  it.each([
    ['#run=2.abc', /made by a newer Fabric Lab \(link format 2\); this one reads format 1/],
    ['#run=0.abc', /link format 0, which this Fabric Lab no longer reads/],
    ['#run=abc', /does not say which link format/],
    ['#run=1.a b', /characters a link never contains/],
    ['#run=1.AAAA', /does not unpack/],
    ['#seed=1', /no run in it/],
  ])('refuse %s, saying why', async (hash, message) => {
    await expect(decodeRunLink(hash)).rejects.toThrow(message);
  });

  it('stop unpacking a link that would expand past the size of a run', async () => {
    const zeros = new Uint8Array(9_000_000);
    const input = new ReadableStream<BufferSource>({
      start(c) {
        c.enqueue(zeros);
        c.close();
      },
    });
    const packed = new Uint8Array(await new Response(input.pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    let bin = '';
    for (const b of packed) bin += String.fromCharCode(b);
    const payload = btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(payload.length).toBeLessThan(20_000);
    await expect(decodeRunLink(`#run=1.${payload}`)).rejects.toThrow(LinkError);
    await expect(decodeRunLink(`#run=1.${payload}`)).rejects.toThrow(/unpacks to more than 8000000 bytes/);
  });

  it('refuse a record that is not a run, naming the field', async () => {
    const link = await encodeRunLink({ ...RUN, base: { ...RUN.base, datacenter: { containers: 1e9, racksPerContainer: 1, hostsPerRack: 1 } } as RunFile['base'] });
    await expect(decodeRunLink(link)).rejects.toThrow(/base\.datacenter/);
  });
});
