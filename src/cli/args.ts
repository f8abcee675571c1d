/**
 * Command-line parsing for the headless runner: `--name value` and `--flag`, with a clear
 * error naming the option for anything unknown or malformed.
 */

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface OptionSpec {
  readonly [name: string]: 'flag' | 'value' | 'list';
}

export type ParsedArgs = Record<string, string | boolean | string[] | undefined>;

export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const out: ParsedArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}" (options start with --)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) {
      throw new UsageError(`unknown option --${name}; known: ${Object.keys(spec).map((k) => `--${k}`).join(', ')}`);
    }
    if (kind === 'flag') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out[name] = true;
      continue;
    }
    let values: string[];
    if (eq >= 0) values = [arg.slice(eq + 1)];
    else if (kind === 'list') {
      values = [];
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) values.push(argv[++i]!);
    } else {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      values = [v];
      i++;
    }
    if (values.length === 0) throw new UsageError(`--${name} needs at least one value`);
    if (kind === 'list') out[name] = [...((out[name] as string[] | undefined) ?? []), ...values];
    else {
      if (out[name] !== undefined) throw new UsageError(`--${name} given twice`);
      out[name] = values[0]!;
    }
  }
  return out;
}
