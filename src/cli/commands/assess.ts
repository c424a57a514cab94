/** `refugio assess FILE|-`: posture, deadlines, every option, next steps and evidence. */
import { assess } from '../../core/assess.ts';
import { parseCaseFacts } from '../../core/index.ts';
import { assessmentJson } from '../../render/assessment-json.ts';
import { assessmentText } from '../../render/assessment-text.ts';
import { parseCommandArgs } from '../args.ts';
import { errorBody, parseJsonOrNdjson, readInput, type Streams, UsageError } from '../io.ts';

export async function assessCommand(argv: string[], streams: Streams): Promise<number> {
  const args = parseCommandArgs(argv, ['text', 'json'], { withdrawal: { type: 'boolean' } });
  const [file, ...rest] = args.positionals;
  if (file === undefined)
    throw new UsageError('usage: refugio assess FILE|- [--format text|json] [--withdrawal]');
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  const options = { withdrawal: args.values.withdrawal === true };
  const parsed = parseJsonOrNdjson(await readInput(file, streams.stdin));
  if (parsed.kind === 'single') {
    const assessment = assess(parseCaseFacts(parsed.value), options);
    streams.stdout.write(
      args.format === 'json'
        ? `${JSON.stringify(assessmentJson(assessment), null, 2)}\n`
        : assessmentText(assessment),
    );
    return 0;
  }
  for (const line of parsed.lines) {
    let result: unknown;
    if (!line.ok) result = { error: line.error };
    else {
      try {
        result = assessmentJson(assess(parseCaseFacts(line.value), options));
      } catch (err) {
        result = { error: errorBody(err) };
      }
    }
    streams.stdout.write(`${JSON.stringify(result)}\n`);
  }
  return 0;
}
