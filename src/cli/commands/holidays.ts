/** `refugio holidays YEAR`: the federal legal holidays of a year (5 U.S.C. 6103). */
import { HOLIDAY_YEARS } from '../../../law/holidays.ts';
import { citationLabel, formatDate, holidaysOfYear } from '../../core/index.ts';
import { parseCommandArgs } from '../args.ts';
import { type Streams, UsageError } from '../io.ts';

export async function holidaysCommand(argv: string[], streams: Streams): Promise<number> {
  const args = parseCommandArgs(argv, ['text', 'json']);
  const [yearText, ...rest] = args.positionals;
  if (yearText === undefined) throw new UsageError('usage: refugio holidays YEAR [--format text|json]');
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  if (
    !/^\d{4}$/.test(yearText) ||
    Number(yearText) < HOLIDAY_YEARS.from ||
    Number(yearText) > HOLIDAY_YEARS.to
  ) {
    throw new UsageError(`the year must be a number from ${HOLIDAY_YEARS.from} to ${HOLIDAY_YEARS.to}`);
  }
  const holidays = holidaysOfYear(Number(yearText)).map((h) => ({
    id: h.id,
    name: h.name,
    date: formatDate(h.date),
    observed: formatDate(h.observed),
    scope: h.scope,
    movesDeadlines: h.scope === 'nationwide',
    authority: h.authority.map(citationLabel),
  }));
  if (args.format === 'json') {
    streams.stdout.write(`${JSON.stringify({ year: Number(yearText), holidays }, null, 2)}\n`);
    return 0;
  }
  const lines = holidays.map((h) => {
    const observed = h.observed !== h.date ? ` (observed ${h.observed})` : '';
    const scope = h.scope === 'dc_area' ? ' [Washington, DC area only; does not move deadlines]' : '';
    return `${h.date}${observed}  ${h.name}${scope}`;
  });
  streams.stdout.write(`Federal legal holidays, ${yearText} (5 U.S.C. 6103)\n${lines.join('\n')}\n`);
  return 0;
}
