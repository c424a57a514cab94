/**
 * The database's tables as Kysely types, one interface per table, column names as in SQL
 * (snake_case). They must match `migrations/`: the migration is the truth, this file its mirror,
 * and `test/store/database.test.ts` checks the two agree.
 *
 * Conventions:
 * - `Generated<T>`: the database fills the column when an insert leaves it out (a default).
 * - `PlainDate`: a DATE column. Both adapters return it as the `YYYY-MM-DD` string PostgreSQL
 *   prints, never a JS `Date` (a `Date` is an instant and shifts the day in other time zones).
 * - `Timestamp`: a TIMESTAMPTZ column, an instant; read as a `Date`, written as a `Date` or an ISO string
 *   (`GeneratedTimestamp` when it has a default; `Generated<>` cannot wrap a `ColumnType`).
 * - BIGINT (and `count(*)`) is read as a decimal string on both adapters: it can exceed 2^53.
 */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** A calendar date, `YYYY-MM-DD`. */
export type PlainDate = string;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A TIMESTAMPTZ column with a default (`now()`): optional on insert. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Role = 'admin' | 'attorney' | 'staff' | 'client';
export type CaseStatus = 'open' | 'archived';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  created_at: GeneratedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  /** Always stored lowercased (a CHECK enforces it). */
  email: string;
  password_hash: string;
  created_at: GeneratedTimestamp;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: Role;
  /** For a client: the one case of this organisation they may see. */
  client_case_id: string | null;
  created_at: GeneratedTimestamp;
}

export interface SessionsTable {
  /** A hash of the session token, never the token. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  org_id: string;
  token_hash: string;
  name: string;
  created_at: GeneratedTimestamp;
  revoked_at: Timestamp | null;
}

export interface CasesTable {
  id: Generated<string>;
  org_id: string;
  /** Bumped on every change (optimistic concurrency). */
  version: Generated<number>;
  status: Generated<CaseStatus>;
  person_enc: string;
  screening_enc: string | null;
  /** Blind index of the A-number. */
  a_number_index: string | null;
  /** Blind indexes of the name's tokens. */
  name_index: Generated<string[]>;
  rules_version: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  org_id: string;
  type: string;
  date: PlainDate;
  data_enc: string;
  created_at: GeneratedTimestamp;
  removed_at: Timestamp | null;
}

export interface CaseNotesTable {
  id: Generated<string>;
  case_id: string;
  org_id: string;
  author_id: string;
  body_enc: string;
  created_at: GeneratedTimestamp;
}

export interface CaseFilesTable {
  id: string;
  case_id: string;
  org_id: string;
  name_enc: string;
  content_type: string;
  size: number;
  data_enc: string;
  added_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface CaseDeadlinesTable {
  case_id: string;
  org_id: string;
  deadline_id: string;
  due: PlainDate;
  kind: string;
  status: string;
  rules_version: string;
  computed_at: GeneratedTimestamp;
}

export interface DeadlineChangesTable {
  id: Generated<string>;
  case_id: string;
  org_id: string;
  deadline_id: string;
  old_due: PlainDate | null;
  new_due: PlainDate | null;
  rules_version: string;
  /** Citation ids. */
  authority: string[];
  created_at: GeneratedTimestamp;
  reviewed_at: Timestamp | null;
}

/** Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE. */
export interface AuditLogTable {
  id: GeneratedAlways<string>;
  org_id: string | null;
  user_id: string | null;
  case_id: string | null;
  action: string;
  at: GeneratedTimestamp;
}

export interface CalendarFeedsTable {
  /** A hash of the feed's secret token. */
  token_hash: string;
  user_id: string;
  org_id: string;
  created_at: GeneratedTimestamp;
  revoked_at: Timestamp | null;
}

/** Failed sign-ins by a hash of email and address, shared by every server process. */
export interface LoginFailuresTable {
  key_hash: string;
  at: GeneratedTimestamp;
}

/** One row per reminder e-mail sent; the key makes each one go out once. */
export interface RemindersSentTable {
  user_id: string;
  case_id: string;
  deadline_id: string;
  due: PlainDate;
  lead_days: number;
  sent_at: GeneratedTimestamp;
}

/** A person's own reminder settings; without a row, the installation's lead days and e-mail on. */
export interface ReminderSettingsTable {
  user_id: string;
  email_enabled: Generated<boolean>;
  /** Days before a deadline, 0 to 365, at most 10 (a CHECK enforces it). */
  lead_days: number[];
  updated_at: GeneratedTimestamp;
}

export interface Database {
  reminders_sent: RemindersSentTable;
  reminder_settings: ReminderSettingsTable;
  login_failures: LoginFailuresTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_notes: CaseNotesTable;
  case_files: CaseFilesTable;
  case_deadlines: CaseDeadlinesTable;
  deadline_changes: DeadlineChangesTable;
  audit_log: AuditLogTable;
  calendar_feeds: CalendarFeedsTable;
}
