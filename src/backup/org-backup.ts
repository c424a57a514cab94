/**
 * Backup and restore of one organisation (issue #7): every row that belongs to it, read out of the
 * database with its sensitive fields decrypted, written as records into a passphrase-sealed file
 * (backup-file.ts); and back into a database, re-encrypted under that installation's key, with
 * the blind indexes recomputed from the decrypted names and A-numbers.
 *
 * What a backup holds, one record per row, in an order that satisfies the foreign keys:
 * the organisation; the people who have a part in it (members, and anyone its notes, cases,
 * files, feeds, tokens or reminders name: email, password hash, never a password) and their
 * reminder settings; per batch of cases, the cases (person, screening answers, status, version),
 * their events (removed ones too), notes, files (the bytes), stored deadlines, deadline changes
 * and reminders sent; the memberships; calendar feeds and API tokens (only their SHA-256 hashes
 * are stored, so a backup holds no usable token); the audit log. Not in a backup: sign-in sessions
 * (people sign in again), failed sign-ins, and audit entries with no organisation (a person's
 * changes to their own reminder settings).
 *
 * Timestamps travel as text with PostgreSQL's full precision (microseconds), not as JS `Date`s
 * (milliseconds), so a restored row is equal to the original to the microsecond.
 *
 * Memory stays bounded: cases are read 100 at a time with their rows, files one at a time, the
 * audit log 1000 entries at a time, and the file is sealed a segment (1 MiB) at a time; a restore
 * holds one segment, one record and up to 500 rows waiting to be inserted. The largest single
 * thing in memory is one case file (at most 20 MiB) in its several forms. The restore itself is
 * one transaction, however large: that costs the database, not this process.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import * as z from 'zod';
import type { FieldCrypto } from '../server/security/field-crypto.ts';
import type { PersonDetails } from '../store/case-store.ts';
import type { Database } from '../store/schema.ts';
import { BACKUP_FORMAT, BackupError, BackupWriter, readBackupRecords } from './backup-file.ts';

const CASE_BATCH = 100;
const AUDIT_BATCH = 1000;
const INSERT_BATCH = 500;

/** How many rows of each kind a backup holds (or a restore wrote). */
export interface BackupCounts {
  users: number;
  reminderSettings: number;
  cases: number;
  events: number;
  notes: number;
  files: number;
  deadlines: number;
  deadlineChanges: number;
  remindersSent: number;
  memberships: number;
  calendarFeeds: number;
  apiTokens: number;
  audit: number;
}

const emptyCounts = (): BackupCounts => ({
  users: 0,
  reminderSettings: 0,
  cases: 0,
  events: 0,
  notes: 0,
  files: 0,
  deadlines: 0,
  deadlineChanges: 0,
  remindersSent: 0,
  memberships: 0,
  calendarFeeds: 0,
  apiTokens: 0,
  audit: 0,
});

// ---- The records -------------------------------------------------------------------------------

const uuid = z.uuid();
/** An instant as PostgreSQL keeps it: UTC, to the microsecond. */
const instant = z.iso.datetime({ precision: 6 });
const plainDate = z.iso.date();

const recordSchemas = {
  backup: z.strictObject({
    type: z.literal('backup'),
    format: z.literal(BACKUP_FORMAT),
    orgId: uuid,
    created: z.iso.datetime(),
  }),
  organisation: z.strictObject({
    type: z.literal('organisation'),
    id: uuid,
    name: z.string(),
    createdAt: instant,
  }),
  user: z.strictObject({
    type: z.literal('user'),
    id: uuid,
    email: z
      .string()
      .min(1)
      .refine((e) => e === e.toLowerCase(), 'lowercase'),
    passwordHash: z.string().min(1),
    createdAt: instant,
  }),
  reminder_settings: z.strictObject({
    type: z.literal('reminder_settings'),
    userId: uuid,
    emailEnabled: z.boolean(),
    leadDays: z.array(z.int()),
    updatedAt: instant,
  }),
  case: z.strictObject({
    type: z.literal('case'),
    id: uuid,
    version: z.int(),
    status: z.enum(['open', 'archived']),
    person: z.looseObject({ name: z.string(), aNumber: z.string().optional() }),
    screening: z.record(z.string(), z.unknown()).nullable(),
    rulesVersion: z.string().nullable(),
    createdBy: uuid.nullable(),
    createdAt: instant,
    updatedAt: instant,
  }),
  event: z.strictObject({
    type: z.literal('event'),
    id: uuid,
    caseId: uuid,
    eventType: z.string(),
    date: plainDate,
    data: z.record(z.string(), z.unknown()),
    createdAt: instant,
    removedAt: instant.nullable(),
  }),
  note: z.strictObject({
    type: z.literal('note'),
    id: uuid,
    caseId: uuid,
    authorId: uuid,
    body: z.string(),
    createdAt: instant,
  }),
  file: z.strictObject({
    type: z.literal('file'),
    id: uuid,
    caseId: uuid,
    name: z.string(),
    contentType: z.string(),
    size: z.int().min(0),
    /** The bytes, base64. */
    data: z.string(),
    addedBy: uuid.nullable(),
    createdAt: instant,
  }),
  deadline: z.strictObject({
    type: z.literal('deadline'),
    caseId: uuid,
    deadlineId: z.string(),
    due: plainDate,
    kind: z.string(),
    status: z.string(),
    rulesVersion: z.string(),
    computedAt: instant,
  }),
  deadline_change: z.strictObject({
    type: z.literal('deadline_change'),
    id: uuid,
    caseId: uuid,
    deadlineId: z.string(),
    oldDue: plainDate.nullable(),
    newDue: plainDate.nullable(),
    rulesVersion: z.string(),
    authority: z.array(z.string()),
    createdAt: instant,
    reviewedAt: instant.nullable(),
  }),
  reminder_sent: z.strictObject({
    type: z.literal('reminder_sent'),
    userId: uuid,
    caseId: uuid,
    deadlineId: z.string(),
    due: plainDate,
    leadDays: z.int(),
    sentAt: instant,
  }),
  membership: z.strictObject({
    type: z.literal('membership'),
    userId: uuid,
    role: z.enum(['admin', 'attorney', 'staff', 'client']),
    clientCaseId: uuid.nullable(),
    createdAt: instant,
  }),
  calendar_feed: z.strictObject({
    type: z.literal('calendar_feed'),
    tokenHash: z.string(),
    userId: uuid,
    createdAt: instant,
    revokedAt: instant.nullable(),
  }),
  api_token: z.strictObject({
    type: z.literal('api_token'),
    id: uuid,
    userId: uuid,
    tokenHash: z.string(),
    name: z.string(),
    createdAt: instant,
    revokedAt: instant.nullable(),
  }),
  audit: z.strictObject({
    type: z.literal('audit'),
    /** The entry's id where it was backed up; a restore appends it with a new id, in the same order. */
    id: z.string().regex(/^\d+$/),
    userId: uuid.nullable(),
    caseId: uuid.nullable(),
    action: z.string(),
    at: instant,
  }),
  end: z.strictObject({
    type: z.literal('end'),
    counts: z.strictObject(
      Object.fromEntries(Object.keys(emptyCounts()).map((k) => [k, z.int().min(0)])) as Record<
        keyof BackupCounts,
        z.ZodInt
      >,
    ),
  }),
} as const;

const r = recordSchemas;
const backupRecord = z.discriminatedUnion('type', [
  r.backup,
  r.organisation,
  r.user,
  r.reminder_settings,
  r.case,
  r.event,
  r.note,
  r.file,
  r.deadline,
  r.deadline_change,
  r.reminder_sent,
  r.membership,
  r.calendar_feed,
  r.api_token,
  r.audit,
  r.end,
]);
type BackupRecord = z.infer<typeof backupRecord>;
type RecordOf<T extends BackupRecord['type']> = Extract<BackupRecord, { type: T }>;

// ---- Backup ------------------------------------------------------------------------------------

/** A TIMESTAMPTZ column as UTC text with its microseconds (a JS Date would keep milliseconds). */
const utc = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const context = {
  person: (id: string) => `cases.person_enc:${id}`,
  screening: (id: string) => `cases.screening_enc:${id}`,
  event: (id: string) => `case_events.data_enc:${id}`,
  note: (id: string) => `case_notes.body_enc:${id}`,
  fileName: (id: string) => `case_files.name_enc:${id}`,
  fileData: (id: string) => `case_files.data_enc:${id}`,
};

export interface BackupOptions {
  readonly db: Kysely<Database>;
  readonly crypto: FieldCrypto;
  readonly orgId: string;
  /** The backup file to write (replaced atomically if it exists). */
  readonly out: string;
  readonly passphrase: string;
  /** PBKDF2 iterations (the default is case-bundle's); tests may lower it, never below 100,000. */
  readonly iterations?: number;
}

/**
 * Writes one organisation's backup. The rows are read in one REPEATABLE READ transaction, so the
 * backup is one consistent moment even while a server writes to PostgreSQL; the same transaction
 * records an `org.backup` audit entry, so a backup file exists only if its audit entry does.
 */
export async function backupOrganisation(
  options: BackupOptions,
): Promise<{ counts: BackupCounts; bytes: number }> {
  const { db, crypto, orgId } = options;
  const writer = await BackupWriter.create(options.out, options.passphrase, {
    ...(options.iterations ? { iterations: options.iterations } : {}),
  });
  try {
    const counts = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const org = await tx
          .selectFrom('organisations')
          .select(['id', 'name', utc('created_at').as('created_at')])
          .where('id', '=', orgId)
          .executeTakeFirst();
        if (!org) throw new BackupError('not_found', `there is no organisation ${orgId} in this database`);
        await tx
          .insertInto('audit_log')
          .values({ org_id: orgId, user_id: null, case_id: null, action: 'org.backup' })
          .execute();
        const counts = emptyCounts();
        const write = (record: BackupRecord) => writer.write(record);
        await write({ type: 'backup', format: BACKUP_FORMAT, orgId, created: new Date().toISOString() });
        await write({ type: 'organisation', id: org.id, name: org.name, createdAt: org.created_at });
        await backupPeople(tx, orgId, write, counts);
        await backupCases(tx, crypto, orgId, write, counts);
        await backupAccess(tx, orgId, write, counts);
        await backupAudit(tx, orgId, write, counts);
        await write({ type: 'end', counts });
        await writer.finish();
        return counts;
      });
    return { counts, bytes: await writer.commit() };
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

type Write = (record: BackupRecord) => Promise<void>;

/** Everyone a row of the organisation names, so that every foreign key finds its person. */
async function backupPeople(tx: Transaction<Database>, orgId: string, write: Write, counts: BackupCounts) {
  const ids = (table: 'memberships' | 'calendar_feeds' | 'api_tokens') =>
    tx.selectFrom(table).select('user_id as id').where('org_id', '=', orgId);
  const named = tx
    .selectFrom('users')
    .where((eb) =>
      eb.or([
        eb('id', 'in', ids('memberships')),
        eb('id', 'in', ids('calendar_feeds')),
        eb('id', 'in', ids('api_tokens')),
        eb('id', 'in', tx.selectFrom('case_notes').select('author_id').where('org_id', '=', orgId)),
        eb('id', 'in', tx.selectFrom('cases').select('created_by').where('org_id', '=', orgId)),
        eb('id', 'in', tx.selectFrom('case_files').select('added_by').where('org_id', '=', orgId)),
        eb(
          'id',
          'in',
          tx
            .selectFrom('reminders_sent as r')
            .innerJoin('cases as c', 'c.id', 'r.case_id')
            .select('r.user_id')
            .where('c.org_id', '=', orgId),
        ),
      ]),
    );
  const users = await named
    .select(['id', 'email', 'password_hash', utc('created_at').as('created_at')])
    .orderBy('id')
    .execute();
  for (const u of users)
    await write({
      type: 'user',
      id: u.id,
      email: u.email,
      passwordHash: u.password_hash,
      createdAt: u.created_at,
    });
  counts.users = users.length;
  const settings = users.length
    ? await tx
        .selectFrom('reminder_settings')
        .select(['user_id', 'email_enabled', 'lead_days', utc('updated_at').as('updated_at')])
        .where(
          'user_id',
          'in',
          users.map((u) => u.id),
        )
        .orderBy('user_id')
        .execute()
    : [];
  for (const s of settings)
    await write({
      type: 'reminder_settings',
      userId: s.user_id,
      emailEnabled: s.email_enabled,
      leadDays: s.lead_days,
      updatedAt: s.updated_at,
    });
  counts.reminderSettings = settings.length;
}

async function backupCases(
  tx: Transaction<Database>,
  crypto: FieldCrypto,
  orgId: string,
  write: Write,
  counts: BackupCounts,
) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const cases = await tx
      .selectFrom('cases')
      .select([
        'id',
        'version',
        'status',
        'person_enc',
        'screening_enc',
        'rules_version',
        'created_by',
        utc('created_at').as('created_at'),
        utc('updated_at').as('updated_at'),
      ])
      .where('org_id', '=', orgId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(CASE_BATCH)
      .execute();
    if (cases.length === 0) return;
    const ids = cases.map((c) => c.id);
    after = ids.at(-1)!;
    for (const c of cases) {
      await write({
        type: 'case',
        id: c.id,
        version: c.version,
        status: c.status,
        person: crypto.decrypt(c.person_enc, context.person(c.id)) as RecordOf<'case'>['person'],
        screening: c.screening_enc
          ? (crypto.decrypt(c.screening_enc, context.screening(c.id)) as Record<string, unknown>)
          : null,
        rulesVersion: c.rules_version,
        createdBy: c.created_by,
        createdAt: c.created_at,
        updatedAt: c.updated_at,
      });
    }
    counts.cases += cases.length;

    const events = await tx
      .selectFrom('case_events')
      .select([
        'id',
        'case_id',
        'type',
        'date',
        'data_enc',
        utc('created_at').as('created_at'),
        utc('removed_at').as('removed_at'),
      ])
      .where('org_id', '=', orgId)
      .where('case_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const e of events)
      await write({
        type: 'event',
        id: e.id,
        caseId: e.case_id,
        eventType: e.type,
        date: e.date,
        data: crypto.decrypt(e.data_enc, context.event(e.id)) as Record<string, unknown>,
        createdAt: e.created_at,
        removedAt: e.removed_at,
      });
    counts.events += events.length;

    const notes = await tx
      .selectFrom('case_notes')
      .select(['id', 'case_id', 'author_id', 'body_enc', utc('created_at').as('created_at')])
      .where('org_id', '=', orgId)
      .where('case_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const n of notes)
      await write({
        type: 'note',
        id: n.id,
        caseId: n.case_id,
        authorId: n.author_id,
        body: crypto.decrypt(n.body_enc, context.note(n.id)) as string,
        createdAt: n.created_at,
      });
    counts.notes += notes.length;

    // Files are large: the list first, then the bytes one file at a time.
    const files = await tx
      .selectFrom('case_files')
      .select([
        'id',
        'case_id',
        'name_enc',
        'content_type',
        'size',
        'added_by',
        utc('created_at').as('created_at'),
      ])
      .where('org_id', '=', orgId)
      .where('case_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const f of files) {
      const { data_enc } = await tx
        .selectFrom('case_files')
        .select('data_enc')
        .where('id', '=', f.id)
        .executeTakeFirstOrThrow();
      await write({
        type: 'file',
        id: f.id,
        caseId: f.case_id,
        name: crypto.decrypt(f.name_enc, context.fileName(f.id)) as string,
        contentType: f.content_type,
        size: f.size,
        // Stored as base64 inside the sealed value already (CaseStore.addFile): kept as it is.
        data: crypto.decrypt(data_enc, context.fileData(f.id)) as string,
        addedBy: f.added_by,
        createdAt: f.created_at,
      });
    }
    counts.files += files.length;

    const deadlines = await tx
      .selectFrom('case_deadlines')
      .select([
        'case_id',
        'deadline_id',
        'due',
        'kind',
        'status',
        'rules_version',
        utc('computed_at').as('computed_at'),
      ])
      .where('org_id', '=', orgId)
      .where('case_id', 'in', ids)
      .orderBy('case_id')
      .orderBy('deadline_id')
      .orderBy('due')
      .execute();
    for (const d of deadlines)
      await write({
        type: 'deadline',
        caseId: d.case_id,
        deadlineId: d.deadline_id,
        due: d.due,
        kind: d.kind,
        status: d.status,
        rulesVersion: d.rules_version,
        computedAt: d.computed_at,
      });
    counts.deadlines += deadlines.length;

    const changes = await tx
      .selectFrom('deadline_changes')
      .select([
        'id',
        'case_id',
        'deadline_id',
        'old_due',
        'new_due',
        'rules_version',
        'authority',
        utc('created_at').as('created_at'),
        utc('reviewed_at').as('reviewed_at'),
      ])
      .where('org_id', '=', orgId)
      .where('case_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const c of changes)
      await write({
        type: 'deadline_change',
        id: c.id,
        caseId: c.case_id,
        deadlineId: c.deadline_id,
        oldDue: c.old_due,
        newDue: c.new_due,
        rulesVersion: c.rules_version,
        authority: c.authority,
        createdAt: c.created_at,
        reviewedAt: c.reviewed_at,
      });
    counts.deadlineChanges += changes.length;

    const sent = await tx
      .selectFrom('reminders_sent')
      .select(['user_id', 'case_id', 'deadline_id', 'due', 'lead_days', utc('sent_at').as('sent_at')])
      .where('case_id', 'in', ids)
      .orderBy('case_id')
      .orderBy('user_id')
      .orderBy('deadline_id')
      .orderBy('due')
      .orderBy('lead_days')
      .execute();
    for (const r of sent)
      await write({
        type: 'reminder_sent',
        userId: r.user_id,
        caseId: r.case_id,
        deadlineId: r.deadline_id,
        due: r.due,
        leadDays: r.lead_days,
        sentAt: r.sent_at,
      });
    counts.remindersSent += sent.length;
  }
}

/** Memberships (after the cases: a client's names their case), calendar feeds and API tokens. */
async function backupAccess(tx: Transaction<Database>, orgId: string, write: Write, counts: BackupCounts) {
  const memberships = await tx
    .selectFrom('memberships')
    .select(['user_id', 'role', 'client_case_id', utc('created_at').as('created_at')])
    .where('org_id', '=', orgId)
    .orderBy('user_id')
    .execute();
  for (const m of memberships)
    await write({
      type: 'membership',
      userId: m.user_id,
      role: m.role,
      clientCaseId: m.client_case_id,
      createdAt: m.created_at,
    });
  counts.memberships = memberships.length;

  const feeds = await tx
    .selectFrom('calendar_feeds')
    .select(['token_hash', 'user_id', utc('created_at').as('created_at'), utc('revoked_at').as('revoked_at')])
    .where('org_id', '=', orgId)
    .orderBy('token_hash')
    .execute();
  for (const f of feeds)
    await write({
      type: 'calendar_feed',
      tokenHash: f.token_hash,
      userId: f.user_id,
      createdAt: f.created_at,
      revokedAt: f.revoked_at,
    });
  counts.calendarFeeds = feeds.length;

  const tokens = await tx
    .selectFrom('api_tokens')
    .select([
      'id',
      'user_id',
      'token_hash',
      'name',
      utc('created_at').as('created_at'),
      utc('revoked_at').as('revoked_at'),
    ])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  for (const t of tokens)
    await write({
      type: 'api_token',
      id: t.id,
      userId: t.user_id,
      tokenHash: t.token_hash,
      name: t.name,
      createdAt: t.created_at,
      revokedAt: t.revoked_at,
    });
  counts.apiTokens = tokens.length;
}

async function backupAudit(tx: Transaction<Database>, orgId: string, write: Write, counts: BackupCounts) {
  let after = '0';
  for (;;) {
    const entries = await tx
      .selectFrom('audit_log')
      .select(['id', 'user_id', 'case_id', 'action', utc('at').as('at')])
      .where('org_id', '=', orgId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(AUDIT_BATCH)
      .execute();
    if (entries.length === 0) return;
    for (const a of entries)
      await write({
        type: 'audit',
        id: String(a.id),
        userId: a.user_id,
        caseId: a.case_id,
        action: a.action,
        at: a.at,
      });
    counts.audit += entries.length;
    after = String(entries.at(-1)!.id);
  }
}

// ---- Restore -----------------------------------------------------------------------------------

export interface RestoreOptions {
  readonly db: Kysely<Database>;
  /** This installation's field encryption: every sensitive field is sealed anew with its current key. */
  readonly crypto: FieldCrypto;
  readonly file: string;
  readonly passphrase: string;
}

/**
 * Writes the organisation of a backup file into this database, all in one transaction: a wrong
 * passphrase, a damaged file, an organisation already here or an email that belongs to another
 * person here leaves the database as it was. Ids and timestamps are kept; audit entries get new
 * ids (the log's identity column) in their original order, and one `org.restore` entry is added.
 *
 * A person who is already here with the same id and email (a member of another organisation of
 * this installation) is kept as they are: password and reminder settings are not overwritten.
 */
export async function restoreOrganisation(
  options: RestoreOptions,
): Promise<{ orgId: string; counts: BackupCounts; keptUsers: number }> {
  const records = readBackupRecords(options.file, options.passphrase);
  try {
    // The first segment is read before the transaction starts: a wrong passphrase touches nothing.
    const first = await records.next();
    const meta = parseRecord(first.done ? undefined : first.value);
    if (meta.type !== 'backup') throw damaged('it does not start with its description');
    return await options.db.transaction().execute(async (tx) => {
      const restorer = new Restorer(tx, options.crypto, meta.orgId);
      for await (const value of records) await restorer.add(parseRecord(value));
      return { orgId: meta.orgId, ...(await restorer.finish()) };
    });
  } catch (err) {
    throw describeDatabaseError(err);
  } finally {
    await records.return(undefined);
  }
}

const damaged = (why: string) => new BackupError('damaged', `the backup file is damaged (${why})`);

function parseRecord(value: unknown): BackupRecord {
  const parsed = backupRecord.safeParse(value);
  if (parsed.success) return parsed.data;
  // Names the record's type and the field at fault, never a value.
  const type =
    typeof (value as { type?: unknown })?.type === 'string' ? (value as { type: string }).type : '?';
  const issue = parsed.error.issues[0];
  throw damaged(
    `a "${type.slice(0, 40)}" record is not valid${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}`,
  );
}

/** Unique and foreign-key violations name a constraint, never a value. */
function describeDatabaseError(err: unknown): unknown {
  const { code, constraint } = (err ?? {}) as { code?: unknown; constraint?: unknown };
  const where = typeof constraint === 'string' ? ` (${constraint})` : '';
  if (code === '23505')
    return new BackupError(
      'conflict',
      `a row of the backup already exists in this database${where}; nothing was restored`,
    );
  if (code === '23503' || code === '23514') return damaged(`a row breaks a rule of the database${where}`);
  return err;
}

type Table = keyof Database;

class Restorer {
  /** Rows of each kind read from the backup (a kept person and their settings count, unwritten). */
  readonly #counts = emptyCounts();
  #organisation = false;
  #ended: BackupCounts | undefined;
  /** People already in this database (same id and email): used, not written. */
  readonly #kept = new Set<string>();
  #table: Table | undefined;
  #rows: Record<string, unknown>[] = [];

  constructor(
    private readonly tx: Transaction<Database>,
    private readonly crypto: FieldCrypto,
    private readonly orgId: string,
  ) {}

  async add(record: BackupRecord): Promise<void> {
    if (this.#ended) throw damaged('records follow its end');
    if (!this.#organisation && record.type !== 'organisation')
      throw damaged('the organisation is not its first record');
    const org = this.orgId;
    switch (record.type) {
      case 'backup':
        throw damaged('it describes itself twice');
      case 'organisation': {
        if (this.#organisation || record.id !== org) throw damaged('it holds a second organisation');
        const existing = await this.tx
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', org)
          .executeTakeFirst();
        if (existing)
          throw new BackupError(
            'conflict',
            `organisation ${org} is already in this database (restored before?); nothing was restored`,
          );
        await this.tx
          .insertInto('organisations')
          .values({ id: org, name: record.name, created_at: record.createdAt })
          .execute();
        this.#organisation = true;
        return;
      }
      case 'user':
        return this.#user(record);
      case 'reminder_settings':
        this.#counts.reminderSettings++;
        if (this.#kept.has(record.userId)) return;
        return this.#insert('reminder_settings', {
          user_id: record.userId,
          email_enabled: record.emailEnabled,
          lead_days: record.leadDays,
          updated_at: record.updatedAt,
        });
      case 'case': {
        const person = record.person as PersonDetails;
        this.#counts.cases++;
        return this.#insert('cases', {
          id: record.id,
          org_id: org,
          version: record.version,
          status: record.status,
          person_enc: this.crypto.encrypt(person, context.person(record.id)),
          screening_enc: record.screening
            ? this.crypto.encrypt(record.screening, context.screening(record.id))
            : null,
          // Blind indexes are keyed from this installation's key: computed here, never copied.
          a_number_index: person.aNumber ? this.crypto.blindIndex(person.aNumber, 'a_number') : null,
          name_index: this.crypto.nameTokens(person.name),
          rules_version: record.rulesVersion,
          created_by: record.createdBy,
          created_at: record.createdAt,
          updated_at: record.updatedAt,
        });
      }
      case 'event':
        this.#counts.events++;
        return this.#insert('case_events', {
          id: record.id,
          case_id: record.caseId,
          org_id: org,
          type: record.eventType,
          date: record.date,
          data_enc: this.crypto.encrypt(record.data, context.event(record.id)),
          created_at: record.createdAt,
          removed_at: record.removedAt,
        });
      case 'note':
        this.#counts.notes++;
        return this.#insert('case_notes', {
          id: record.id,
          case_id: record.caseId,
          org_id: org,
          author_id: record.authorId,
          body_enc: this.crypto.encrypt(record.body, context.note(record.id)),
          created_at: record.createdAt,
        });
      case 'file': {
        const bytes = Buffer.from(record.data, 'base64');
        if (bytes.toString('base64') !== record.data || bytes.length !== record.size)
          throw damaged('a file does not have its recorded size');
        this.#counts.files++;
        await this.#flush();
        await this.tx
          .insertInto('case_files')
          .values({
            id: record.id,
            case_id: record.caseId,
            org_id: org,
            name_enc: this.crypto.encrypt(record.name, context.fileName(record.id)),
            content_type: record.contentType,
            size: record.size,
            data_enc: this.crypto.encrypt(record.data, context.fileData(record.id)),
            added_by: record.addedBy,
            created_at: record.createdAt,
          })
          .execute();
        return;
      }
      case 'deadline':
        this.#counts.deadlines++;
        return this.#insert('case_deadlines', {
          case_id: record.caseId,
          org_id: org,
          deadline_id: record.deadlineId,
          due: record.due,
          kind: record.kind,
          status: record.status,
          rules_version: record.rulesVersion,
          computed_at: record.computedAt,
        });
      case 'deadline_change':
        this.#counts.deadlineChanges++;
        return this.#insert('deadline_changes', {
          id: record.id,
          case_id: record.caseId,
          org_id: org,
          deadline_id: record.deadlineId,
          old_due: record.oldDue,
          new_due: record.newDue,
          rules_version: record.rulesVersion,
          authority: record.authority,
          created_at: record.createdAt,
          reviewed_at: record.reviewedAt,
        });
      case 'reminder_sent':
        this.#counts.remindersSent++;
        return this.#insert('reminders_sent', {
          user_id: record.userId,
          case_id: record.caseId,
          deadline_id: record.deadlineId,
          due: record.due,
          lead_days: record.leadDays,
          sent_at: record.sentAt,
        });
      case 'membership':
        this.#counts.memberships++;
        return this.#insert('memberships', {
          org_id: org,
          user_id: record.userId,
          role: record.role,
          client_case_id: record.clientCaseId,
          created_at: record.createdAt,
        });
      case 'calendar_feed':
        this.#counts.calendarFeeds++;
        return this.#insert('calendar_feeds', {
          token_hash: record.tokenHash,
          user_id: record.userId,
          org_id: org,
          created_at: record.createdAt,
          revoked_at: record.revokedAt,
        });
      case 'api_token':
        this.#counts.apiTokens++;
        return this.#insert('api_tokens', {
          id: record.id,
          user_id: record.userId,
          org_id: org,
          token_hash: record.tokenHash,
          name: record.name,
          created_at: record.createdAt,
          revoked_at: record.revokedAt,
        });
      case 'audit':
        // Appending is what the append-only log allows; the original time is kept.
        this.#counts.audit++;
        return this.#insert('audit_log', {
          org_id: org,
          user_id: record.userId,
          case_id: record.caseId,
          action: record.action,
          at: record.at,
        });
      case 'end':
        this.#ended = record.counts;
        return;
    }
  }

  /** Checks the backup was whole, writes what waits and the restore's own audit entry. */
  async finish(): Promise<{ counts: BackupCounts; keptUsers: number }> {
    const expected = this.#ended;
    if (!expected) throw damaged('its end is missing');
    for (const key of Object.keys(expected) as (keyof BackupCounts)[])
      if (this.#counts[key] !== expected[key]) throw damaged(`it does not hold the ${key} it announces`);
    await this.#flush();
    await this.tx
      .insertInto('audit_log')
      .values({ org_id: this.orgId, user_id: null, case_id: null, action: 'org.restore' })
      .execute();
    return { counts: this.#counts, keptUsers: this.#kept.size };
  }

  async #user(record: RecordOf<'user'>): Promise<void> {
    await this.#flush();
    const found = await this.tx
      .selectFrom('users')
      .select(['id', 'email'])
      .where((eb) => eb.or([eb('id', '=', record.id), eb('email', '=', record.email)]))
      .execute();
    this.#counts.users++;
    if (found.length === 0) {
      await this.tx
        .insertInto('users')
        .values({
          id: record.id,
          email: record.email,
          password_hash: record.passwordHash,
          created_at: record.createdAt,
        })
        .execute();
      return;
    }
    if (found.length === 1 && found[0]!.id === record.id && found[0]!.email === record.email) {
      this.#kept.add(record.id);
      return;
    }
    // The user's id, not their email, in the message: it may end up in a log.
    throw new BackupError(
      'conflict',
      found.some((f) => f.id === record.id)
        ? `user ${record.id} of the backup is already in this database with another email; nothing was restored`
        : `the email of user ${record.id} of the backup belongs to another user of this database; nothing was restored`,
    );
  }

  /** Rows wait to be inserted together, a table at a time, in the order they came. */
  async #insert(table: Table, row: Record<string, unknown>): Promise<void> {
    if (this.#table !== table || this.#rows.length >= INSERT_BATCH) await this.#flush();
    this.#table = table;
    this.#rows.push(row);
  }

  async #flush(): Promise<void> {
    if (!this.#table || this.#rows.length === 0) return;
    const rows = this.#rows;
    this.#rows = [];
    await this.tx
      .insertInto(this.#table)
      .values(rows as never)
      .execute();
  }
}
