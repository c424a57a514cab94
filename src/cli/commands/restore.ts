/**
 * `refugio restore FILE` (passphrase on stdin): writes the organisation of a backup into the
 * database the server uses, re-encrypted under this installation's key, in one transaction.
 * Refused, with nothing written, for a wrong passphrase, a damaged file, an organisation that is
 * already here, or an email that belongs to another person here.
 */
import { stat } from 'node:fs/promises';
import { restoreOrganisation } from '../../backup/org-backup.ts';
import { parseCommandArgs } from '../args.ts';
import { type Streams, UsageError } from '../io.ts';
import { openForBackup, readPassphrase, usageErrorOf } from './backup.ts';

export async function restoreCommand(argv: string[], streams: Streams): Promise<number> {
  const args = parseCommandArgs(argv, ['text', 'json']);
  const [file, ...extra] = args.positionals;
  if (!file || extra.length)
    throw new UsageError('usage: refugio restore FILE   (passphrase on stdin)', ['file']);
  const found = await stat(file).catch(() => undefined);
  if (!found) throw new UsageError(`file not found: ${file}`, ['file']);
  if (!found.isFile()) throw new UsageError(`${file} is not a file`, ['file']);
  const secret = await readPassphrase(streams);
  const { database, crypto } = await openForBackup();
  try {
    const { orgId, counts, keptUsers } = await restoreOrganisation({
      db: database.db,
      crypto,
      file,
      passphrase: secret,
    }).catch((err) => {
      throw usageErrorOf(err, 'file');
    });
    if (args.format === 'json') streams.stdout.write(`${JSON.stringify({ orgId, counts, keptUsers })}\n`);
    else
      streams.stdout.write(
        `Restored organisation ${orgId}: ${counts.cases} cases, ${counts.files} files, ` +
          `${counts.users} people${keptUsers ? ` (${keptUsers} already here, kept as they were)` : ''}.\n`,
      );
    return 0;
  } finally {
    await database.close();
  }
}
