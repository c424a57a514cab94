/** `refugio fees --as-of DATE`: the filing fees in force on a date (RULES.md E). */
import { feesInForce } from '../../core/fees/fees.ts';
import { isIsoDate, parseDate } from '../../core/index.ts';
import { feeJson } from '../../render/assessment-json.ts';
import { parseCommandArgs } from '../args.ts';
import { type Streams, UsageError } from '../io.ts';

export async function feesCommand(argv: string[], streams: Streams): Promise<number> {
  const args = parseCommandArgs(argv, ['text', 'json'], { 'as-of': { type: 'string' } });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument: ${args.positionals[0]}`);
  const asOf = args.values['as-of'];
  if (typeof asOf !== 'string')
    throw new UsageError('usage: refugio fees --as-of YYYY-MM-DD [--format text|json]', ['as-of']);
  if (!isIsoDate(asOf) || asOf < '1900-01-01' || asOf > '2100-12-31') {
    throw new UsageError('--as-of must be a real calendar date written YYYY-MM-DD, from 1900 to 2100', [
      'as-of',
    ]);
  }
  const fees = feesInForce(parseDate(asOf)).map(feeJson);
  if (args.format === 'json') {
    streams.stdout.write(`${JSON.stringify({ asOf, fees }, null, 2)}\n`);
    return 0;
  }
  const lines = fees.map(
    (f) =>
      `${f.id.padEnd(32)} $${String(f.amount).padStart(5)}  since ${f.validFrom}${f.verified ? '' : '  (check the current fee before filing)'}`,
  );
  streams.stdout.write(
    `Fees in force on ${asOf}\n${lines.join('\n')}\n\nLegal information, not legal advice.\n`,
  );
  return 0;
}
