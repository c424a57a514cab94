/**
 * Brings a database's schema up to date. The same migrations run on PGlite and PostgreSQL; each
 * one runs in a transaction under Kysely's migration lock, so two servers starting together on
 * one PostgreSQL database do not both apply it.
 */
import { type Kysely, type MigrationResult, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

function migrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
}

/**
 * Applies every migration not yet applied, in order; a no-op on an up-to-date database.
 * Returns the names it applied. Throws, naming the migration, when one fails (that migration's
 * changes are rolled back; the ones before it stay).
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const { error, results = [] } = await migrator(db).migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      failed
        ? `Database migration ${failed} failed: ${reason}`
        : `Database migrations could not run: ${reason}`,
      { cause: error },
    );
  }
  return applied(results);
}

/** The migrations this code knows, in order, and when each was applied (undefined: not yet). */
export async function migrationStatus<DB>(
  db: Kysely<DB>,
): Promise<{ name: string; appliedAt: Date | undefined }[]> {
  const infos = await migrator(db).getMigrations();
  return infos.map((m) => ({ name: m.name, appliedAt: m.executedAt }));
}

function applied(results: readonly MigrationResult[]): string[] {
  return results.filter((r) => r.status === 'Success' && r.direction === 'Up').map((r) => r.migrationName);
}
