/**
 * `refugio backup --org ORG_ID --out FILE` (passphrase on stdin): one organisation's data,
 * decrypted from the database's field encryption and sealed whole under the passphrase
 * (src/backup). With the embedded database, stop the server first: the data directory is locked.
 */
import * as z from 'zod';
import { BackupError } from '../../backup/backup-file.ts';
import { backupOrganisation } from '../../backup/org-backup.ts';
import { readConfig } from '../../server/config.ts';
import { createFieldCrypto, type FieldCrypto } from '../../server/security/field-crypto.ts';
import { loadKeyring } from '../../server/security/keyring.ts';
import { type OpenedDatabase, openDatabase } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { parseCommandArgs } from '../args.ts';
import { readInput, type Streams, UsageError } from '../io.ts';

export const PASSPHRASE_MIN = 12;

const passphrase = z
  .string()
  .min(PASSPHRASE_MIN, `the passphrase (on stdin) needs at least ${PASSPHRASE_MIN} characters`)
  .max(1000, 'the passphrase (on stdin) is longer than 1000 characters');

/** The passphrase: stdin up to its end, without one final line break. */
export async function readPassphrase(streams: Streams): Promise<string> {
  const parsed = passphrase.safeParse((await readInput('-', streams.stdin)).replace(/\r?\n$/, ''));
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message, ['passphrase']);
  return parsed.data;
}

/**
 * The database the server uses (DATA_DIR or DATABASE_URL), migrated, with this installation's
 * keys. Not `openRuntime`: on the embedded database that recomputes deadlines at start, which would
 * change the data a backup is about to copy, or a restore has just written.
 */
export async function openForBackup(): Promise<{ database: OpenedDatabase; crypto: FieldCrypto }> {
  const config = readConfig(process.env);
  let database: OpenedDatabase;
  try {
    database = await openDatabase({
      dataDir: config.DATA_DIR,
      ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    });
  } catch (err) {
    throw new UsageError(`cannot open the database: ${(err as Error).message}`);
  }
  try {
    await migrateToLatest(database.db);
    // The keyring's messages name the problem and the file, never key material.
    const keyring = await loadKeyring({ env: process.env, dataDir: config.DATA_DIR });
    return { database, crypto: createFieldCrypto(keyring) };
  } catch (err) {
    await database.close();
    throw new UsageError(`cannot open the database: ${(err as Error).message}`);
  }
}

/** A backup's refusals are the user's to fix: exit 2, with the input they concern. */
export function usageErrorOf(err: unknown, path: string): unknown {
  return err instanceof BackupError ? new UsageError(err.message, [path]) : err;
}

export async function backupCommand(argv: string[], streams: Streams): Promise<number> {
  const args = parseCommandArgs(argv, ['text', 'json'], {
    org: { type: 'string' },
    out: { type: 'string' },
  });
  if (args.positionals.length)
    throw new UsageError('usage: refugio backup --org ORG_ID --out FILE   (passphrase on stdin)');
  const orgId = z.uuid().safeParse(args.values.org);
  if (!orgId.success) throw new UsageError('--org must be an organisation id (a UUID)', ['org']);
  const out = args.values.out;
  if (typeof out !== 'string' || out === '') throw new UsageError('--out must name the backup file', ['out']);
  const secret = await readPassphrase(streams);
  const { database, crypto } = await openForBackup();
  try {
    const { counts, bytes } = await backupOrganisation({
      db: database.db,
      crypto,
      orgId: orgId.data.toLowerCase(),
      out,
      passphrase: secret,
    }).catch((err) => {
      throw usageErrorOf(err, (err as BackupError).code === 'not_found' ? 'org' : 'out');
    });
    if (args.format === 'json')
      streams.stdout.write(
        `${JSON.stringify({ orgId: orgId.data.toLowerCase(), file: out, bytes, counts })}\n`,
      );
    else
      streams.stdout.write(
        `Backed up organisation ${orgId.data.toLowerCase()} to ${out}: ${counts.cases} cases, ` +
          `${counts.files} files, ${counts.users} people (${bytes} bytes).\n` +
          'Keep the passphrase apart from the file: without it no one can restore the backup.\n',
      );
    return 0;
  } finally {
    await database.close();
  }
}
