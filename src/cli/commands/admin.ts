/**
 * `refugio admin create-org --name NAME --admin-email EMAIL` (password on stdin): bootstraps an
 * organisation and its first admin in the database the server uses (DATA_DIR or DATABASE_URL).
 */
import * as z from 'zod';
import { readConfig } from '../../server/config.ts';
import { openRuntime } from '../../server/runtime.ts';
import { rotateKey } from '../../server/security/keyring.ts';
import { parseCommandArgs } from '../args.ts';
import { readInput, type Streams, UsageError } from '../io.ts';

const input = z.object({
  name: z.string().trim().min(1, 'give the organisation a --name').max(200),
  email: z.email('--admin-email must be an email address'),
  password: z.string().min(12, 'the password (on stdin) needs at least 12 characters').max(1000),
});

const USAGE = [
  'usage: refugio admin create-org --name NAME --admin-email EMAIL   (password on stdin)',
  '       refugio admin rotate-key                                    (new encryption key; re-encrypts every row)',
  '       refugio admin send-reminders                                (send the deadline reminders due today)',
].join('\n');

/** Adds a key to the key file, makes it current and re-encrypts every sensitive field with it. */
async function rotateKeyCommand(streams: Streams): Promise<number> {
  const config = readConfig(process.env);
  if (process.env.REFUGIO_KEY) {
    throw new UsageError(
      'the key comes from REFUGIO_KEY: see docs/key-rotation.md to rotate an environment key',
    );
  }
  // Open once first so the key file exists and migrations have run.
  await (await openRuntime(config)).close();
  const id = rotateKey({ dataDir: config.DATA_DIR });
  const runtime = await openRuntime(config);
  try {
    const count = await runtime.store.reencryptAll();
    streams.stdout.write(`New key ${id} is current; ${count} encrypted values were re-encrypted with it.\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}

export async function adminCommand(argv: string[], streams: Streams): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'rotate-key') return rotateKeyCommand(streams);
  if (sub === 'send-reminders') {
    const runtime = await openRuntime(readConfig(process.env));
    try {
      if (!runtime.reminders) throw new UsageError('reminders are off: set SMTP_URL (and MAIL_FROM)');
      streams.stdout.write(`${await runtime.reminders.runOnce()} reminders sent.\n`);
      return 0;
    } finally {
      await runtime.close();
    }
  }
  if (sub !== 'create-org') throw new UsageError(USAGE);
  const args = parseCommandArgs(rest, ['text', 'json'], {
    name: { type: 'string' },
    'admin-email': { type: 'string' },
  });
  const password = (await readInput('-', streams.stdin)).replace(/\r?\n$/, '');
  const parsed = input.safeParse({ name: args.values.name, email: args.values['admin-email'], password });
  if (!parsed.success)
    throw new UsageError(parsed.error.issues[0]!.message, parsed.error.issues[0]!.path.map(String));
  let runtime: Awaited<ReturnType<typeof openRuntime>>;
  try {
    runtime = await openRuntime(readConfig(process.env));
  } catch (err) {
    throw new UsageError(`cannot open the database: ${(err as Error).message}`);
  }
  try {
    const { orgId, userId } = await runtime.accounts.createOrganisation({
      name: parsed.data.name,
      adminEmail: parsed.data.email,
      adminPassword: parsed.data.password,
    });
    if (args.format === 'json') streams.stdout.write(`${JSON.stringify({ orgId, userId })}\n`);
    else
      streams.stdout.write(
        `Created organisation ${orgId} with its first admin. Sign in at the server's address.\n`,
      );
    return 0;
  } finally {
    await runtime.close();
  }
}
