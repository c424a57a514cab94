/**
 * Files kept with a case (evidence, notices, exhibits): the name and the bytes are encrypted like
 * every other sensitive field; only the type, the size and who added it when are in clear.
 */
import { type Kysely, sql } from 'kysely';

export const caseFiles = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE case_files (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
      name_enc text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL CHECK (size >= 0),
      data_enc text NOT NULL,
      added_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
    await sql`CREATE INDEX case_files_case ON case_files (case_id, created_at)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TABLE case_files`.execute(db);
  },
};
