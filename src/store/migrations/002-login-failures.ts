/**
 * Failed sign-ins, kept in the database so that every server process counts the same attempts
 * (several processes against one PostgreSQL must not multiply the limit). The key is a hash of
 * the email and address, never the email itself.
 */
import { type Kysely, sql } from 'kysely';

export const loginFailures = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE login_failures (
      key_hash text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
    await sql`CREATE INDEX login_failures_key_at ON login_failures (key_hash, at)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TABLE login_failures`.execute(db);
  },
};
