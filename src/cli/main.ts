/** The `refugio` command: argv -> core -> renderer -> stdout. Exit 2 for any user error. */

import { FactsError } from '../core/index.ts';
import { requestedFormat } from './args.ts';
import { aNumberCommand } from './commands/a-number.ts';
import { assessCommand } from './commands/assess.ts';
import { deadlinesCommand } from './commands/deadlines.ts';
import { feesCommand } from './commands/fees.ts';
import { holidaysCommand } from './commands/holidays.ts';
import { type Streams, UsageError, writeError } from './io.ts';

type Command = (argv: string[], streams: Streams) => Promise<number>;

/** A command as the help lists it: its summary, and `more` lines under it when it has them. */
interface Entry {
  readonly run: Command;
  readonly summary: string;
  readonly more?: () => Promise<string[]>;
}

const COMMANDS: Record<string, Entry> = {
  deadlines: {
    run: deadlinesCommand,
    summary: 'deadlines FILE|-   the deadlines of a case (--format text|json|ics; NDJSON for bulk)',
  },
  admin: {
    // Loaded on demand: the database and crypto modules are heavy and only admin needs them.
    run: async (argv, streams) => (await import('./commands/admin.ts')).adminCommand(argv, streams),
    summary: 'admin create-org --name N --admin-email E   bootstrap an organisation (password on stdin)',
  },
  assess: {
    run: assessCommand,
    summary: 'assess FILE|-      every option, next steps and evidence (--format text|json; --withdrawal)',
  },
  fees: {
    run: feesCommand,
    summary: 'fees --as-of DATE  filing fees in force on a date (--format text|json)',
  },
  holidays: {
    run: holidaysCommand,
    summary: 'holidays YEAR      federal legal holidays of a year (--format text|json)',
  },
  document: {
    // Loaded on demand: the PDF and DOCX libraries and the embedded font are heavy.
    run: async (argv, streams) => (await import('./commands/document.ts')).documentCommand(argv, streams),
    summary: 'document KIND FILE|- --out F.pdf|F.docx   a document prepared from a case; KIND is one of:',
    // From the kinds' registry (no renderer in it), loaded only when the help is shown.
    more: async () => listLines((await import('../documents/kinds/index.ts')).DOCUMENT_KIND_NAMES),
  },
  backup: {
    // Loaded on demand, like admin: the database and crypto modules are heavy.
    run: async (argv, streams) => (await import('./commands/backup.ts')).backupCommand(argv, streams),
    summary: 'backup --org ID --out FILE   one organisation, sealed with a passphrase (on stdin)',
  },
  restore: {
    run: async (argv, streams) => (await import('./commands/restore.ts')).restoreCommand(argv, streams),
    summary: 'restore FILE       an organisation from a backup, into this database (passphrase on stdin)',
  },
  'a-number': {
    run: aNumberCommand,
    summary: 'a-number A...      check and normalise A-numbers (--format text|json)',
  },
};

/** `items` separated by commas, in indented lines of at most 100 characters. */
function listLines(items: readonly string[]): string[] {
  const indent = '      ';
  const lines: string[] = [];
  let current = '';
  for (const [i, item] of items.entries()) {
    const word = i < items.length - 1 ? `${item},` : item;
    if (current !== '' && indent.length + current.length + 1 + word.length > 100) {
      lines.push(indent + current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(indent + current);
  return lines;
}

export async function usage(): Promise<string> {
  const commands: string[] = [];
  for (const c of Object.values(COMMANDS))
    commands.push(`  refugio ${c.summary}`, ...((await c.more?.()) ?? []));
  return [
    'Usage: refugio <command> [arguments] [--format text|json]',
    '',
    ...commands,
    '',
    'Legal information, not legal advice.',
    '',
  ].join('\n');
}

export async function main(argv: string[], streams: Streams): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    streams.stdout.write(await usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  const format = requestedFormat(rest);
  if (!command)
    return writeError(streams, format, new UsageError(`unknown command "${name}"; run refugio --help`));
  try {
    return await command.run(rest, streams);
  } catch (err) {
    if (err instanceof UsageError || err instanceof FactsError || err instanceof RangeError)
      return writeError(streams, format, err);
    // A bug, not the user's input: say so without echoing anything that could be personal data.
    const name = err instanceof Error ? err.name : 'Error';
    streams.stderr.write(
      format === 'json'
        ? `${JSON.stringify({ error: { message: `unexpected ${name}; this is a bug in Refugio`, path: '' } })}\n`
        : `refugio: unexpected ${name}; this is a bug in Refugio\n`,
    );
    return 1;
  }
}
