/** `refugio a-number ...`: checks and normalises A-numbers to `A` plus nine digits (RULES.md F.1). */
import { normalizeANumber } from '../../core/index.ts';
import { parseCommandArgs } from '../args.ts';
import { type Streams, UsageError } from '../io.ts';

export async function aNumberCommand(argv: string[], streams: Streams): Promise<number> {
  const args = parseCommandArgs(argv, ['text', 'json']);
  if (args.positionals.length === 0)
    throw new UsageError('usage: refugio a-number A-NUMBER... [--format text|json]');
  const results = args.positionals.map((input) => {
    const r = normalizeANumber(input);
    return r.ok ? { input, normalized: r.normalized } : { input, error: r.error };
  });
  if (args.format === 'json') streams.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
  else
    streams.stdout.write(
      `${results.map((r) => ('normalized' in r ? `${r.input} -> ${r.normalized}` : `${r.input}: ${r.error}`)).join('\n')}\n`,
    );
  // Invalid A-numbers are reported in the results; the command itself succeeded.
  return 0;
}
