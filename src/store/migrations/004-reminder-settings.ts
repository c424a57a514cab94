/**
 * Each person's own reminder settings: whether deadline reminders come by e-mail, and how many
 * days before a deadline they come (the same lead days set the alarms of the person's calendar
 * feed). A person without a row gets the installation's REMINDER_LEAD_DAYS with e-mail on.
 */
import { type Kysely, sql } from 'kysely';

export const reminderSettings = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE reminder_settings (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      email_enabled boolean NOT NULL DEFAULT true,
      lead_days integer[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT reminder_settings_lead_days CHECK (
        cardinality(lead_days) <= 10 AND 0 <= ALL (lead_days) AND 365 >= ALL (lead_days)
      )
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TABLE reminder_settings`.execute(db);
  },
};
