/**
 * The work done reading what users bring (service model files, scenario files, run files
 * and links), counted rather than timed: characters and bytes scanned, XML nodes, JSON
 * values, diagnostics and the comparisons of the checks that relate several elements.
 * The readers charge it as they go; it changes nothing they do. The hostile-input tests
 * read it around one call to prove each input costs at most a fixed budget, the same on
 * every machine (docs/hostile-input.md). Each reader also has its own hard limits
 * (sizes, depth, counts) that stop a hostile input with a clear error.
 */

/** Units of work charged since the module was loaded; only ever grows. */
export const WORK = { units: 0 };

export function charge(units: number): void {
  WORK.units += units;
}

/** The work `f` charges, with its result or what it threw. */
export function measure<T>(f: () => T): { work: number; result?: T; error?: unknown } {
  const before = WORK.units;
  try {
    const result = f();
    return { work: WORK.units - before, result };
  } catch (error) {
    return { work: WORK.units - before, error };
  }
}
