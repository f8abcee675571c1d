import { describe, expect, it } from 'vitest';
import { checkFits, DEFAULT_HOST } from './fits';
import { VM_SIZES, vmSize } from './sizes';
import { csdef, cscfg, lineOf, load, roleCfg, webRole, withCode } from './testing';

const sized = (vmsize: string): string => csdef(webRole().replace('vmsize="Small"', `vmsize="${vmsize}"`));

describe('VM sizes (fidelity.md, "VM sizes")', () => {
  it.each([
    ['ExtraSmall', 1, 768, 20],
    ['Small', 1, 1792, 225],
    ['Medium', 2, 3584, 490],
    ['Large', 4, 7168, 1000],
    ['ExtraLarge', 8, 14336, 2040],
    ['A5', 2, 14336, 490],
    ['A6', 4, 28672, 1000],
    ['A7', 8, 57344, 2040],
    ['Standard_A0', 1, 768, 20],
    ['Standard_A4', 8, 14336, 2040],
    ['Standard_A1_v2', 1, 2048, 10],
    ['Standard_A8_v2', 8, 16384, 80],
    ['Standard_D1_v2', 1, 3584, 50],
    ['Standard_D4_v2', 8, 28672, 400],
  ])('%s has %i cores, %i MiB, %i GiB disk', (name, cores, memoryMiB, diskGiB) => {
    expect(vmSize(name)).toMatchObject({ cores, memoryMiB, diskGiB });
  });

  it('maps the ARM names to the classic ones', () => {
    expect(vmSize('Standard_A1')?.aliasOf).toBe('Small');
    expect(new Set(VM_SIZES.map((s) => s.name)).size).toBe(VM_SIZES.length);
  });
});

describe('checkFits: every size fits on a host', () => {
  it('the default host is 8 cores, 14 GiB, 2040 GiB: ExtraLarge fills it exactly', () => {
    expect(DEFAULT_HOST).toEqual({ cores: 8, memoryMiB: 14336, diskGiB: 2040 });
    const r = load(sized('ExtraLarge'), cscfg(roleCfg()));
    expect(r.diagnostics).toEqual([]);
    expect(checkFits(r.model!)).toEqual([]);
  });

  it('refuses a size bigger than a host, naming the role, its size and the host hardware', () => {
    const def = sized('A7');
    const r = load(def, cscfg(roleCfg()));
    const [d, ...rest] = withCode(r, 'vmsize-too-big');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: lineOf(def, 'vmsize="A7"'), element: 'WebRole' });
    expect(d!.message).toBe(
      "Role 'Web' has vmsize 'A7' (8 cores, 56 GiB memory, 2040 GiB disk), bigger than a host of this data center " +
        '(8 cores, 14 GiB memory, 2040 GiB disk): it needs more memory than a host has, so no host can place it.',
    );
  });

  it('takes the host hardware as a parameter of the data center', () => {
    const model = load(sized('Large'), cscfg(roleCfg())).model!;
    const small = { cores: 2, memoryMiB: 4096, diskGiB: 500 };
    expect(checkFits(model, small)[0]!.message).toMatch(/\(4 cores, 7 GiB memory, 1000 GiB disk\).*\(2 cores, 4 GiB memory, 500 GiB disk\): it needs more cores, memory and disk than a host has/);
    expect(load(sized('A7'), cscfg(roleCfg()), { host: { cores: 16, memoryMiB: 65536, diskGiB: 4000 } }).diagnostics).toEqual([]);
  });
});
