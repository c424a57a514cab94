/**
 * The case tracker's first schema. Plain SQL that PostgreSQL 15 (Debian's server) and PGlite
 * (PostgreSQL 18) both run: one statement per query, because PGlite's extended protocol takes
 * one statement at a time.
 *
 * Tenancy: every row that belongs to a case also carries the case's organisation, and a
 * composite foreign key `(case_id, org_id) -> cases (id, org_id)` makes the two agree, so a
 * query filtered by `org_id` can never see another organisation's case data by a wrong join.
 */
import { type Kysely, sql } from 'kysely';

const up: readonly string[] = [
  `CREATE TABLE organisations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  `CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  `CREATE TABLE cases (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id uuid NOT NULL REFERENCES organisations (id),
    version integer NOT NULL DEFAULT 1,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'archived')),
    person_enc text NOT NULL,
    screening_enc text NULL,
    a_number_index text NULL,
    name_index text[] NOT NULL DEFAULT '{}',
    rules_version text NULL,
    created_by uuid NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, org_id)
  )`,
  'CREATE INDEX cases_org_status_idx ON cases (org_id, status)',
  'CREATE INDEX cases_org_a_number_idx ON cases (org_id, a_number_index) WHERE a_number_index IS NOT NULL',
  'CREATE INDEX cases_name_index_idx ON cases USING gin (name_index)',

  `CREATE TABLE memberships (
    org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('admin', 'attorney', 'staff', 'client')),
    client_case_id uuid NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id),
    FOREIGN KEY (client_case_id, org_id) REFERENCES cases (id, org_id)
  )`,
  'CREATE INDEX memberships_user_idx ON memberships (user_id)',

  `CREATE TABLE sessions (
    id text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  )`,
  'CREATE INDEX sessions_user_idx ON sessions (user_id)',

  `CREATE TABLE api_tokens (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz NULL
  )`,
  'CREATE INDEX api_tokens_user_idx ON api_tokens (user_id)',

  `CREATE TABLE case_events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL,
    org_id uuid NOT NULL,
    type text NOT NULL,
    date date NOT NULL,
    data_enc text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    removed_at timestamptz NULL,
    FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id) ON DELETE CASCADE
  )`,
  'CREATE INDEX case_events_case_idx ON case_events (case_id, date)',

  `CREATE TABLE case_notes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL,
    org_id uuid NOT NULL,
    author_id uuid NOT NULL REFERENCES users (id),
    body_enc text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
  )`,
  'CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at)',

  `CREATE TABLE case_deadlines (
    case_id uuid NOT NULL,
    org_id uuid NOT NULL,
    deadline_id text NOT NULL,
    due date NOT NULL,
    kind text NOT NULL,
    status text NOT NULL,
    rules_version text NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, deadline_id, due),
    FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id) ON DELETE CASCADE
  )`,
  'CREATE INDEX case_deadlines_org_due_idx ON case_deadlines (org_id, due)',

  `CREATE TABLE deadline_changes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL,
    org_id uuid NOT NULL,
    deadline_id text NOT NULL,
    old_due date NULL,
    new_due date NULL,
    rules_version text NOT NULL,
    authority text[] NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    reviewed_at timestamptz NULL,
    FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
  )`,
  'CREATE INDEX deadline_changes_unreviewed_idx ON deadline_changes (org_id, created_at) WHERE reviewed_at IS NULL',
  'CREATE INDEX deadline_changes_case_idx ON deadline_changes (case_id)',

  // No foreign keys: the trail must outlive what it mentions.
  `CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id uuid NULL,
    user_id uuid NULL,
    case_id uuid NULL,
    action text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX audit_log_org_idx ON audit_log (org_id, id)',
  // Append-only: statement-level, so even an UPDATE or DELETE that matches no row fails.
  `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
  END
  $$`,
  `CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,

  `CREATE TABLE calendar_feeds (
    token_hash text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz NULL
  )`,
  'CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (user_id)',
];

const down: readonly string[] = [
  'DROP TABLE calendar_feeds',
  'DROP TABLE audit_log',
  'DROP FUNCTION audit_log_append_only()',
  'DROP TABLE deadline_changes',
  'DROP TABLE case_deadlines',
  'DROP TABLE case_notes',
  'DROP TABLE case_events',
  'DROP TABLE api_tokens',
  'DROP TABLE sessions',
  'DROP TABLE memberships',
  'DROP TABLE cases',
  'DROP TABLE users',
  'DROP TABLE organisations',
];

async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const initial = {
  up: (db: Kysely<unknown>) => run(db, up),
  down: (db: Kysely<unknown>) => run(db, down),
};
