/**
 * Reminders already sent, one row per person, case, deadline, due date and lead time. The primary
 * key makes sending exactly once a property of the database, whatever number of server processes
 * run the reminder job at the same moment.
 */
import { type Kysely, sql } from 'kysely';

export const reminders = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE reminders_sent (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      deadline_id text NOT NULL,
      due date NOT NULL,
      lead_days integer NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, case_id, deadline_id, due, lead_days)
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TABLE reminders_sent`.execute(db);
  },
};
