/**
 * Indexes for the two reads that touch a whole organisation (issue #7's API benchmark):
 *
 * - The case list (`CaseStore.listCases`): `WHERE org_id = $1 AND status = $2 ORDER BY updated_at
 *   DESC, id LIMIT 50 OFFSET n` read every matching case and sorted them (38-46 ms for 100,000).
 *   `(org_id, status, updated_at DESC, id)` hands the rows over in the page's order, so a page
 *   reads its offset and its 50 rows, and still serves every lookup `(org_id, status)` did: it
 *   replaces that index rather than adding a second one that each case write would maintain.
 * - The deadlines dashboard (`CaseStore.dashboard`): `WHERE d.org_id = $1 AND d.kind = 'deadline'
 *   AND d.status <> 'met' AND d.due <= $2 ORDER BY d.due, d.case_id LIMIT 1000`. A partial index
 *   of the deadlines still to meet, `(org_id, due, case_id)`, gives that order without a sort and
 *   stops after 1,000 rows (through `(org_id, due)`, about five rows in six read were other kinds
 *   or met); the deadline id rides along (INCLUDE) so the answer needs no visit to the table. It
 *   replaces `(org_id, due)`, which nothing else reads (the backup and the reminders go by case
 *   and by date).
 *
 * Not added: an index on `cases.rules_version` for the recomputation. Recomputation pages by
 * `id > last id` through the primary key, so each batch reads only its own rows whatever the
 * filter; an index on `rules_version` would instead be rewritten for every case recomputed (its
 * value changes) and forbid PostgreSQL's in-place (HOT) updates of that column.
 */
import { type Kysely, sql } from 'kysely';

export const listIndexes = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX cases_org_status_updated_idx ON cases (org_id, status, updated_at DESC, id)`.execute(
      db,
    );
    await sql`DROP INDEX cases_org_status_idx`.execute(db);
    await sql`CREATE INDEX case_deadlines_due_open_idx ON case_deadlines (org_id, due, case_id)
      INCLUDE (deadline_id) WHERE kind = 'deadline' AND status <> 'met'`.execute(db);
    await sql`DROP INDEX case_deadlines_org_due_idx`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`CREATE INDEX case_deadlines_org_due_idx ON case_deadlines (org_id, due)`.execute(db);
    await sql`DROP INDEX case_deadlines_due_open_idx`.execute(db);
    await sql`CREATE INDEX cases_org_status_idx ON cases (org_id, status)`.execute(db);
    await sql`DROP INDEX cases_org_status_updated_idx`.execute(db);
  },
};
