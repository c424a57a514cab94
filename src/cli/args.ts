import { parseArgs } from 'node:util';
import { type Format, UsageError } from './io.ts';

export interface CommonArgs {
  readonly positionals: string[];
  readonly format: Format;
  readonly values: Record<string, string | boolean | undefined>;
}

/** Parses a command's flags; `formats` lists the formats the command accepts. */
export function parseCommandArgs(
  argv: string[],
  formats: readonly Format[],
  extra: Record<string, { type: 'string' | 'boolean' }> = {},
): CommonArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string', short: 'f' }, ...extra },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const format = (parsed.values.format as string | undefined) ?? 'text';
  if (!formats.includes(format as Format)) {
    throw new UsageError(`--format must be one of: ${formats.join(', ')}`);
  }
  return {
    positionals: parsed.positionals,
    format: format as Format,
    values: parsed.values as CommonArgs['values'],
  };
}

/** The format asked for, even when the rest of the arguments are wrong (for the error's shape). */
export function requestedFormat(argv: string[]): Format {
  const i = argv.findIndex((a) => a === '--format' || a === '-f');
  const inline = argv.find((a) => a.startsWith('--format='));
  const value = inline ? inline.slice('--format='.length) : i >= 0 ? argv[i + 1] : undefined;
  return value === 'json' || value === 'ics' ? value : 'text';
}
