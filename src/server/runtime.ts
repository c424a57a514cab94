/**
 * Wiring for one server process: database (embedded PGlite or PostgreSQL), migrations, keys,
 * services and the HTTP app. Shared by `npm start`, the admin CLI and the tests.
 */
import { join } from 'node:path';
import { createApp } from '../api/app.ts';
import { DEFAULT_WEB_ROOT } from '../api/web-files.ts';
import { ReminderService, type SendMail, smtpSender } from '../reminders/reminder-service.ts';
import { CaseStore } from '../store/case-store.ts';
import { openDatabase } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { AccountService } from '../tracker/account-service.ts';
import { CaseService } from '../tracker/case-service.ts';
import { type ServerConfig, todayIn } from './config.ts';
import { migrateJobQueue } from './jobs.ts';
import { createFieldCrypto } from './security/field-crypto.ts';
import { loadKeyring } from './security/keyring.ts';

export interface Runtime {
  readonly accounts: AccountService;
  readonly cases: CaseService;
  readonly store: CaseStore;
  readonly app: ReturnType<typeof createApp>;
  readonly databaseKind: 'pglite' | 'postgres';
  /** Present when SMTP_URL (or a test's sender) is configured. */
  readonly reminders: ReminderService | null;
  close(): Promise<void>;
}

export async function openRuntime(
  config: ServerConfig,
  options: {
    env?: NodeJS.ProcessEnv;
    logError?: (err: unknown) => void;
    today?: () => string;
    sendMail?: SendMail;
  } = {},
): Promise<Runtime> {
  const database = await openDatabase({
    dataDir: config.DATA_DIR,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
  });
  try {
    await migrateToLatest(database.db);
    // On PostgreSQL the job queue (graphile-worker) keeps its tables in their own schema.
    if (config.DATABASE_URL) await migrateJobQueue(config.DATABASE_URL);
    const keyring = await loadKeyring({ env: options.env ?? process.env, dataDir: config.DATA_DIR });
    const crypto = createFieldCrypto(keyring);
    const store = new CaseStore(database.db, crypto);
    const accounts = new AccountService(database.db, config.REMINDER_LEAD_DAYS);
    const today = options.today ?? todayIn(config.REFUGIO_TIME_ZONE);
    const cases = new CaseService(store, today);
    // A new rules version recomputes every case and records what moved (see deadline_changes):
    // here on the embedded database, through the job queue on PostgreSQL (see jobs.ts).
    if (database.kind === 'pglite') await cases.recomputeAll();
    const app = createApp({
      accounts,
      cases,
      secure: config.REFUGIO_TLS,
      web: { root: DEFAULT_WEB_ROOT, providersFile: join(config.DATA_DIR, 'providers.json') },
      today,
      logError: options.logError ?? (() => {}),
      expensivePerMinute: config.EXPENSIVE_REQUESTS_PER_MINUTE,
    });
    const send =
      options.sendMail ?? (config.SMTP_URL ? await smtpSender(config.SMTP_URL, config.MAIL_FROM) : null);
    const reminders = send ? new ReminderService(store, send, today, config.REMINDER_LEAD_DAYS) : null;
    return {
      accounts,
      cases,
      store,
      app,
      reminders,
      databaseKind: database.kind,
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
