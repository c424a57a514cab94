/**
 * Runs a test suite once on each database the store supports: a fresh PGlite data directory and
 * a fresh database on the run's PostgreSQL server (started by global-setup.ts). One suite, two
 * adapters, as ARCHITECTURE.md asks of every port.
 *
 * ```ts
 * forEachDatabase('case store', (t) => {
 *   it('saves a case', async () => {
 *     await t.db.insertInto('organisations').values({ name: 'Org' }).execute();
 *   });
 * });
 * ```
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type OpenDatabaseOptions, type OpenedDatabase, openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/schema.ts';

export type DatabaseKind = OpenedDatabase['kind'];
export const databaseKinds: readonly DatabaseKind[] = ['pglite', 'postgres'];

export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** What opens this suite's database with `openDatabase` (`dataDir` is a fresh folder either way). */
  readonly options: OpenDatabaseOptions;
  /** The suite's open handle: migrated to the latest schema unless `{ migrate: false }`. */
  readonly db: Kysely<Database>;
  /** Closes the handle and opens the same database again (what a restart does); returns the new `db`. */
  reopen(): Promise<Kysely<Database>>;
}

/** A fresh, empty database that the caller opens, closes and finally removes. */
export interface FreshDatabase {
  readonly kind: DatabaseKind;
  readonly options: OpenDatabaseOptions;
  remove(): Promise<void>;
}

/** Declares `name (pglite)` and `name (postgres)`, each with its own fresh database. */
export function forEachDatabase(
  name: string,
  suite: (database: TestDatabase) => void,
  config: { readonly migrate?: boolean } = {},
): void {
  for (const kind of databaseKinds) {
    describe(`${name} (${kind})`, () => {
      let fresh: FreshDatabase | undefined;
      let opened: OpenedDatabase | undefined;
      beforeAll(async () => {
        fresh = await freshDatabase(kind);
        opened = await openDatabase(fresh.options);
        if (config.migrate !== false) await migrateToLatest(opened.db);
      }, 120_000);
      afterAll(async () => {
        try {
          await opened?.close();
        } finally {
          await fresh?.remove();
        }
      });
      const ready = () => {
        if (!fresh || !opened)
          throw new Error('the test database is not open yet: use it inside a test or hook');
        return { fresh, opened };
      };
      suite({
        kind,
        get options() {
          return ready().fresh.options;
        },
        get db() {
          return ready().opened.db;
        },
        async reopen() {
          const current = ready();
          await current.opened.close();
          opened = undefined;
          opened = await openDatabase(current.fresh.options);
          return opened.db;
        },
      });
    });
  }
}

export async function freshDatabase(kind: DatabaseKind): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `refugio-test-${kind}-`));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    if (kind === 'pglite') {
      cpSync(await pgliteTemplate(), join(dataDir, 'pglite'), { recursive: true });
      return { kind, options: { dataDir }, remove: async () => removeDir() };
    }
    const serverUrl = provided('postgresUrl');
    const database = `refugio_t_${randomBytes(6).toString('hex')}`;
    await admin(serverUrl, `CREATE DATABASE ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return {
      kind,
      options: { dataDir, databaseUrl: url.toString() },
      remove: async () => {
        removeDir();
        await admin(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      },
    };
  } catch (err) {
    removeDir();
    throw err;
  }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function provided<K extends 'postgresUrl' | 'pgliteTemplateRoot'>(key: K): string {
  const value = inject(key);
  if (!value)
    throw new Error(`${key} was not provided: run the tests with vitest.config.ts (its globalSetup)`);
  return value;
}

let template: Promise<string> | undefined;

/**
 * A fresh PGlite data directory takes ~4 s to create (initdb in WebAssembly) and ~0.3 s to copy,
 * so the first worker that needs one creates it once in the run's shared folder and every test
 * copies it. Two workers may build at the same time; the first rename wins and the other's
 * copy is dropped.
 */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const root = provided('pgliteTemplateRoot');
    const target = join(root, 'template');
    if (existsSync(target)) return target;
    const building = mkdtempSync(join(root, 'building-'));
    try {
      const pglite = await PGlite.create(join(building, 'pglite'));
      await pglite.close();
      try {
        renameSync(join(building, 'pglite'), target);
      } catch (err) {
        if (!existsSync(target)) throw err;
      }
      return target;
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
  })();
  return template;
}
