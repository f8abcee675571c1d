/**
 * VM sizes a role may name in `vmsize`: cores, memory and the temporary (resource)
 * disk. Figures from /work/shared/fidelity.md, "VM sizes", which follows Microsoft's
 * published size tables for Cloud Services ("Sizes for Cloud Services", learn.microsoft.com):
 * the classic names ExtraSmall..ExtraLarge and A5-A7, their Azure Resource Manager
 * names Standard_A0..A7, and the Av2 and Dv2 series seen in real files. ExtraLarge
 * (8 cores) filled a whole host of the original fabric.
 */

export interface VmSize {
  readonly name: string;
  readonly cores: number;
  readonly memoryMiB: number;
  /** Temporary disk (the role's local storage lives here). */
  readonly diskGiB: number;
  /** For an alias such as Standard_A1, the classic name it stands for. */
  readonly aliasOf?: string;
}

const gib = (g: number): number => Math.round(g * 1024);

const CLASSIC: readonly VmSize[] = [
  { name: 'ExtraSmall', cores: 1, memoryMiB: 768, diskGiB: 20 },
  { name: 'Small', cores: 1, memoryMiB: gib(1.75), diskGiB: 225 },
  { name: 'Medium', cores: 2, memoryMiB: gib(3.5), diskGiB: 490 },
  { name: 'Large', cores: 4, memoryMiB: gib(7), diskGiB: 1000 },
  { name: 'ExtraLarge', cores: 8, memoryMiB: gib(14), diskGiB: 2040 },
  { name: 'A5', cores: 2, memoryMiB: gib(14), diskGiB: 490 },
  { name: 'A6', cores: 4, memoryMiB: gib(28), diskGiB: 1000 },
  { name: 'A7', cores: 8, memoryMiB: gib(56), diskGiB: 2040 },
];

/** Azure Resource Manager names of the classic sizes (fidelity.md lists A0-A4; A5-A7 follow the same rule). */
const ALIASES: readonly (readonly [string, string])[] = [
  ['Standard_A0', 'ExtraSmall'],
  ['Standard_A1', 'Small'],
  ['Standard_A2', 'Medium'],
  ['Standard_A3', 'Large'],
  ['Standard_A4', 'ExtraLarge'],
  ['Standard_A5', 'A5'],
  ['Standard_A6', 'A6'],
  ['Standard_A7', 'A7'],
];

const LATER: readonly VmSize[] = [
  { name: 'Standard_A1_v2', cores: 1, memoryMiB: gib(2), diskGiB: 10 },
  { name: 'Standard_A2_v2', cores: 2, memoryMiB: gib(4), diskGiB: 20 },
  { name: 'Standard_A4_v2', cores: 4, memoryMiB: gib(8), diskGiB: 40 },
  { name: 'Standard_A8_v2', cores: 8, memoryMiB: gib(16), diskGiB: 80 },
  { name: 'Standard_D1_v2', cores: 1, memoryMiB: gib(3.5), diskGiB: 50 },
  { name: 'Standard_D2_v2', cores: 2, memoryMiB: gib(7), diskGiB: 100 },
  { name: 'Standard_D3_v2', cores: 4, memoryMiB: gib(14), diskGiB: 200 },
  { name: 'Standard_D4_v2', cores: 8, memoryMiB: gib(28), diskGiB: 400 },
];

export const VM_SIZES: readonly VmSize[] = [
  ...CLASSIC,
  ...ALIASES.map(([alias, of]) => ({ ...CLASSIC.find((s) => s.name === of)!, name: alias, aliasOf: of })),
  ...LATER,
];

/** The size a role gets when its definition names none. */
export const DEFAULT_VM_SIZE = 'Small';

export function vmSize(name: string): VmSize | undefined {
  return VM_SIZES.find((s) => s.name === name);
}

/** A size whose name differs only in case, to suggest the right spelling. */
export function vmSizeIgnoringCase(name: string): VmSize | undefined {
  const lower = name.toLowerCase();
  return VM_SIZES.find((s) => s.name.toLowerCase() === lower);
}

/** `8 cores, 14 GiB memory, 2040 GiB disk`. */
export function describeHardware(h: { readonly cores: number; readonly memoryMiB: number; readonly diskGiB: number }): string {
  const mem = h.memoryMiB % 1024 === 0 ? `${h.memoryMiB / 1024} GiB` : `${(h.memoryMiB / 1024).toFixed(2).replace(/0$/, '')} GiB`;
  return `${h.cores} ${h.cores === 1 ? 'core' : 'cores'}, ${mem} memory, ${h.diskGiB} GiB disk`;
}
