import { describe, expect, it } from 'vitest';
import { decodeFile, kindOf, readUserFiles } from './files';

const CFG = '<ServiceConfiguration serviceName="é" />';

function utf16be(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) out.set([text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff], 2 + i * 2);
  return out;
}

describe('reading the files a person opens', () => {
  it('tells the files apart by extension', () => {
    expect(kindOf('ServiceDefinition.CSDEF')).toBe('csdef');
    expect(kindOf('ServiceConfiguration.Cloud.cscfg')).toBe('cscfg');
    expect(kindOf('notes.xml')).toBeUndefined();
  });

  it('decodes with the reader: a UTF-8 byte-order mark, UTF-16 big-endian', () => {
    expect(decodeFile('a.cscfg', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CFG)])).file?.text).toBe(CFG);
    expect(decodeFile('a.cscfg', utf16be(CFG)).file?.text).toBe(CFG);
  });

  it('refuses what the reader cannot decode, saying why and where', () => {
    const r = decodeFile('bad.cscfg', new Uint8Array([0x3c, 0x61, 0xff, 0x3e]));
    expect(r.file).toBeUndefined();
    expect(r.problems[0]).toMatch(/^bad\.cscfg was not loaded: .*\(line 1, column 3\)/);
  });

  it('loads one file of each kind and says what it left out', async () => {
    const out = await readUserFiles([
      new File([CFG], 'One.cscfg'),
      new File([CFG], 'Two.cscfg'),
      new File(['x'], 'readme.txt'),
      new File([new Uint8Array(1_048_577)], 'Big.csdef'),
    ]);
    expect(out.files.cscfg).toEqual({ name: 'One.cscfg', text: CFG });
    expect(out.files.csdef).toBeUndefined();
    expect(out.problems).toEqual([
      'Only one .cscfg file at a time: One.cscfg was loaded, Two.cscfg was not.',
      'readme.txt is neither a .csdef nor a .cscfg file; it was not loaded.',
      expect.stringMatching(/^Big\.csdef was not loaded\. The file is 1,048,577 bytes; a service model file may be at most 1 MiB/),
    ]);
  });
});
