/**
 * Opens the case tracker's database: PostgreSQL when a URL is given, otherwise PGlite (embedded
 * PostgreSQL) persisted in the data directory. Both return the same Kysely handle over the same
 * SQL, and read values the same way:
 * - DATE comes back as the `YYYY-MM-DD` string, never a JS `Date` (which is an instant and would
 *   shift the day in another time zone);
 * - BIGINT (and `count(*)`) comes back as a decimal string (pg's default; PGlite's would be a number);
 * - TIMESTAMPTZ comes back as a `Date`.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export interface OpenDatabaseOptions {
  /** A `postgres://` URL: use that PostgreSQL server. Without it, the embedded database. */
  readonly databaseUrl?: string | undefined;
  /** Where the embedded database lives (`<dataDir>/pglite`) with its lock (`<dataDir>/refugio.lock`). */
  readonly dataDir: string;
  /**
   * Called when an idle PostgreSQL connection fails (the server restarted, the network dropped).
   * The pool replaces the connection; without a handler `pg` would crash the process.
   */
  readonly onConnectionError?: (error: Error) => void;
}

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly kind: 'pglite' | 'postgres';
  /** Closes the database (and releases the data directory's lock). Safe to call twice. */
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const keepText = (value: string) => value;

export function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPGlite(options.dataDir);
}

async function openPostgres(databaseUrl: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  // Per pool, not `pg.types.setTypeParser`: that would change every other pg user in the process.
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === DATE_OID && format !== 'binary'
        ? keepText
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, types, application_name: 'refugio' });
  pool.on('error', (error) => options.onConnectionError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Fail here, with the server's reason, rather than at the first request.
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new Error(`Could not connect to PostgreSQL: ${(err as Error).message}`, { cause: err });
  }
  return {
    db,
    kind: 'postgres',
    close: once(async () => {
      await db.destroy();
      // Kysely ends the pool only if it ever used it.
      if (!pool.ending && !pool.ended) await pool.end();
    }),
  };
}

async function openPGlite(dataDir: string): Promise<OpenedDatabase> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock = acquireDataDirLock(join(dir, 'refugio.lock'));
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(join(dir, 'pglite'), {
      parsers: { [DATE_OID]: keepText, [INT8_OID]: keepText },
    });
  } catch (err) {
    lock.release();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    close: once(async () => {
      try {
        await db.destroy();
        // Kysely closes PGlite only if it ever used it.
        if (!pglite.closed) await pglite.close();
      } finally {
        lock.release();
      }
    }),
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}
