/** `refugio deadlines FILE|-`: a case's deadlines as text, JSON, iCalendar, or NDJSON in bulk. */
import { computeDeadlines, parseCaseFacts } from '../../core/index.ts';
import { deadlinesCalendar } from '../../render/deadlines-calendar.ts';
import { deadlinesReportJson } from '../../render/deadlines-json.ts';
import { deadlinesText } from '../../render/deadlines-text.ts';
import { parseCommandArgs } from '../args.ts';
import { errorBody, parseJsonOrNdjson, readInput, type Streams, UsageError } from '../io.ts';

export async function deadlinesCommand(argv: string[], streams: Streams): Promise<number> {
  const args = parseCommandArgs(argv, ['text', 'json', 'ics']);
  const [file, ...rest] = args.positionals;
  if (file === undefined) throw new UsageError('usage: refugio deadlines FILE|- [--format text|json|ics]');
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  const parsed = parseJsonOrNdjson(await readInput(file, streams.stdin));
  if (parsed.kind === 'single') {
    const report = computeDeadlines(parseCaseFacts(parsed.value));
    if (args.format === 'json')
      streams.stdout.write(`${JSON.stringify(deadlinesReportJson(report), null, 2)}\n`);
    else if (args.format === 'ics') streams.stdout.write(deadlinesCalendar(report));
    else streams.stdout.write(deadlinesText(report));
    return 0;
  }
  if (args.format === 'ics') throw new UsageError('--format ics takes one case, not NDJSON');
  // Bulk: one result per input line, in order; a bad line gets an error object on its line.
  for (const line of parsed.lines) {
    let result: unknown;
    if (!line.ok) result = { error: line.error };
    else {
      try {
        result = deadlinesReportJson(computeDeadlines(parseCaseFacts(line.value)));
      } catch (err) {
        result = { error: errorBody(err) };
      }
    }
    streams.stdout.write(`${JSON.stringify(result)}\n`);
  }
  return 0;
}
