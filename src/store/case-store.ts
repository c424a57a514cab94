/**
 * Persistence of cases, events, deadlines and the audit log, with every sensitive field encrypted
 * before it reaches the database. One SQL dialect for PGlite and PostgreSQL; no query branches
 * per database. Authorisation is not decided here: see src/tracker.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { FieldCrypto } from '../server/security/field-crypto.ts';
import type { Database } from './schema.ts';

export interface PersonDetails {
  readonly name: string;
  readonly aNumber?: string | undefined;
  readonly birthDate?: string | undefined;
  readonly address?: string | undefined;
  readonly countryOfNationality?: string | undefined;
}

export type EventData = Record<string, unknown> & { readonly type: string; readonly date: string };

export interface StoredEvent {
  readonly id: string;
  readonly event: EventData;
}

export interface CaseRecord {
  readonly id: string;
  readonly orgId: string;
  readonly version: number;
  readonly status: 'open' | 'archived';
  readonly person: PersonDetails;
  readonly screening: Record<string, unknown> | null;
  readonly rulesVersion: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface StoredDeadline {
  readonly deadlineId: string;
  readonly due: string;
  readonly kind: string;
  readonly status: string;
}

export interface DeadlineChange {
  readonly deadlineId: string;
  readonly oldDue: string | null;
  readonly newDue: string | null;
  /** Citation labels. */
  readonly authority: readonly string[];
}

export type Db = Kysely<Database> | Transaction<Database>;

/** A PostgreSQL array literal (`{"a","b"}`) of texts, for a text[] value inside an unnested array. */
const arrayLiteral = (xs: readonly string[]) =>
  `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

interface CaseRow {
  id: string;
  org_id: string;
  version: number;
  status: string;
  person_enc: string;
  screening_enc: string | null;
  rules_version: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/** What a CaseRecord is made from (not the blind indexes, which only search reads). */
const CASE_COLUMNS = [
  'id',
  'org_id',
  'version',
  'status',
  'person_enc',
  'screening_enc',
  'rules_version',
  'created_at',
  'updated_at',
] as const;

const personContext = (caseId: string) => `cases.person_enc:${caseId}`;
const screeningContext = (caseId: string) => `cases.screening_enc:${caseId}`;
const eventContext = (eventId: string) => `case_events.data_enc:${eventId}`;

export class CaseStore {
  constructor(
    readonly db: Kysely<Database>,
    private readonly crypto: FieldCrypto,
  ) {}

  private toRecord(row: CaseRow): CaseRecord {
    return {
      id: row.id,
      orgId: row.org_id,
      version: row.version,
      status: row.status as CaseRecord['status'],
      person: this.crypto.decrypt(row.person_enc, personContext(row.id)) as PersonDetails,
      screening: row.screening_enc
        ? (this.crypto.decrypt(row.screening_enc, screeningContext(row.id)) as Record<string, unknown>)
        : null,
      rulesVersion: row.rules_version,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  /** Blind indexes let staff find a case by A-number or name without storing either in clear. */
  private indexes(person: PersonDetails) {
    return {
      a_number_index: person.aNumber ? this.crypto.blindIndex(person.aNumber, 'a_number') : null,
      name_index: this.crypto.nameTokens(person.name),
    };
  }

  async createCase(
    tx: Db,
    input: {
      id: string;
      orgId: string;
      person: PersonDetails;
      screening: Record<string, unknown> | null;
      createdBy: string;
    },
  ): Promise<void> {
    await tx
      .insertInto('cases')
      .values({
        id: input.id,
        org_id: input.orgId,
        person_enc: this.crypto.encrypt(input.person, personContext(input.id)),
        screening_enc: input.screening
          ? this.crypto.encrypt(input.screening, screeningContext(input.id))
          : null,
        ...this.indexes(input.person),
        created_by: input.createdBy,
      })
      .execute();
  }

  async getCase(tx: Db, orgId: string, caseId: string): Promise<CaseRecord | undefined> {
    const row = await tx
      .selectFrom('cases')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', caseId)
      .executeTakeFirst();
    return row ? this.toRecord(row as CaseRow) : undefined;
  }

  /**
   * Changes a case only if its version is still `expectedVersion` (optimistic concurrency) and
   * bumps the version; false means someone else changed it first.
   */
  async updateCase(
    tx: Db,
    orgId: string,
    caseId: string,
    expectedVersion: number,
    change: {
      person?: PersonDetails;
      screening?: Record<string, unknown> | null;
      status?: 'open' | 'archived';
    },
  ): Promise<boolean> {
    const values: Record<string, unknown> = { version: expectedVersion + 1, updated_at: new Date() };
    if (change.person) {
      values.person_enc = this.crypto.encrypt(change.person, personContext(caseId));
      Object.assign(values, this.indexes(change.person));
    }
    if (change.screening !== undefined) {
      values.screening_enc = change.screening
        ? this.crypto.encrypt(change.screening, screeningContext(caseId))
        : null;
    }
    if (change.status) values.status = change.status;
    const result = await tx
      .updateTable('cases')
      .set(values as never)
      .where('org_id', '=', orgId)
      .where('id', '=', caseId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listCases(
    tx: Db,
    orgId: string,
    query: {
      q?: string | undefined;
      status: 'open' | 'archived' | 'all';
      limit: number;
      offset: number;
      onlyCaseId?: string | undefined;
    },
  ): Promise<{ total: number; cases: CaseRecord[] }> {
    let base = tx.selectFrom('cases').where('org_id', '=', orgId);
    if (query.status !== 'all') base = base.where('status', '=', query.status);
    if (query.onlyCaseId) base = base.where('id', '=', query.onlyCaseId);
    if (query.q?.trim()) {
      const q = query.q.trim();
      const tokens = this.crypto.nameTokens(q);
      const aIndex = /\d{7,}/.test(q) ? this.crypto.blindIndex(q, 'a_number') : undefined;
      base = base.where((eb) =>
        eb.or([
          ...(tokens.length ? [eb('name_index', '@>', eb.val(tokens) as never)] : []),
          ...(aIndex ? [eb('a_number_index', '=', aIndex)] : []),
          eb.lit(false),
        ]),
      );
    }
    const totalRow = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    const rows = await base
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return { total: Number(totalRow?.n ?? 0), cases: rows.map((r) => this.toRecord(r as CaseRow)) };
  }

  async listEvents(tx: Db, caseId: string): Promise<StoredEvent[]> {
    const rows = await tx
      .selectFrom('case_events')
      .select(['id', 'data_enc'])
      .where('case_id', '=', caseId)
      .where('removed_at', 'is', null)
      .orderBy('date')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      event: this.crypto.decrypt(r.data_enc, eventContext(r.id)) as EventData,
    }));
  }

  /** `listEvents` of many cases in one query: each case's events in the same order. */
  async listEventsOf(tx: Db, caseIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const byCase = new Map<string, StoredEvent[]>();
    if (!caseIds.length) return byCase;
    const { rows } = await sql<{ id: string; case_id: string; data_enc: string }>`
      SELECT id, case_id, data_enc FROM case_events
      WHERE case_id = ANY(${caseIds}::uuid[]) AND removed_at IS NULL
      ORDER BY case_id, date, created_at`.execute(tx);
    for (const r of rows) {
      const list = byCase.get(r.case_id) ?? [];
      if (list.length === 0) byCase.set(r.case_id, list);
      list.push({ id: r.id, event: this.crypto.decrypt(r.data_enc, eventContext(r.id)) as EventData });
    }
    return byCase;
  }

  async addEvent(tx: Db, orgId: string, caseId: string, id: string, event: EventData): Promise<void> {
    await tx
      .insertInto('case_events')
      .values({
        id,
        case_id: caseId,
        org_id: orgId,
        type: event.type,
        date: event.date,
        data_enc: this.crypto.encrypt(event, eventContext(id)),
      })
      .execute();
  }

  async replaceEvent(tx: Db, caseId: string, id: string, event: EventData): Promise<boolean> {
    const r = await tx
      .updateTable('case_events')
      .set({ type: event.type, date: event.date, data_enc: this.crypto.encrypt(event, eventContext(id)) })
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async removeEvent(tx: Db, caseId: string, id: string): Promise<boolean> {
    const r = await tx
      .updateTable('case_events')
      .set({ removed_at: new Date() })
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async replaceDeadlines(
    tx: Db,
    orgId: string,
    caseId: string,
    rulesVersion: string,
    deadlines: readonly StoredDeadline[],
  ): Promise<void> {
    await this.replaceDeadlinesOf(tx, rulesVersion, [{ caseId, orgId, deadlines }]);
    await this.setRulesVersion(tx, [caseId], rulesVersion);
  }

  /**
   * Replaces the stored deadlines of many cases at once: one DELETE and one INSERT, whatever the
   * number of cases (the rows travel as arrays, so no statement nears PostgreSQL's limit of
   * 65,535 parameters). Each case keeps the first of two deadlines with the same id and date, as
   * a row at a time did (ON CONFLICT DO NOTHING).
   */
  async replaceDeadlinesOf(
    tx: Db,
    rulesVersion: string,
    cases: readonly { caseId: string; orgId: string; deadlines: readonly StoredDeadline[] }[],
  ): Promise<void> {
    if (!cases.length) return;
    await sql`DELETE FROM case_deadlines WHERE case_id = ANY(${cases.map((c) => c.caseId)}::uuid[])`.execute(
      tx,
    );
    const rows = cases.flatMap((c) => c.deadlines.map((d) => ({ c, d })));
    if (!rows.length) return;
    await sql`INSERT INTO case_deadlines (case_id, org_id, deadline_id, due, kind, status, rules_version)
      SELECT t.case_id, t.org_id, t.deadline_id, t.due, t.kind, t.status, ${rulesVersion}
      FROM unnest(
        ${rows.map((r) => r.c.caseId)}::uuid[], ${rows.map((r) => r.c.orgId)}::uuid[],
        ${rows.map((r) => r.d.deadlineId)}::text[], ${rows.map((r) => r.d.due)}::date[],
        ${rows.map((r) => r.d.kind)}::text[], ${rows.map((r) => r.d.status)}::text[]
      ) WITH ORDINALITY AS t(case_id, org_id, deadline_id, due, kind, status, n)
      ORDER BY t.n
      ON CONFLICT DO NOTHING`.execute(tx);
  }

  /** Marks cases as computed by `rulesVersion` (their deadlines, or that their facts no longer pass). */
  async setRulesVersion(tx: Db, caseIds: readonly string[], rulesVersion: string): Promise<void> {
    if (!caseIds.length) return;
    await sql`UPDATE cases SET rules_version = ${rulesVersion} WHERE id = ANY(${caseIds}::uuid[])`.execute(
      tx,
    );
  }

  async listDeadlines(tx: Db, caseId: string): Promise<StoredDeadline[]> {
    const rows = await tx
      .selectFrom('case_deadlines')
      .select(['deadline_id', 'due', 'kind', 'status'])
      .where('case_id', '=', caseId)
      .orderBy('due')
      .execute();
    return rows.map((r) => ({
      deadlineId: r.deadline_id,
      due: String(r.due),
      kind: r.kind,
      status: r.status,
    }));
  }

  /** `listDeadlines` of many cases in one query: each case's deadlines in the same order (by date). */
  async listDeadlinesOf(tx: Db, caseIds: readonly string[]): Promise<Map<string, StoredDeadline[]>> {
    const byCase = new Map<string, StoredDeadline[]>();
    if (!caseIds.length) return byCase;
    const { rows } = await sql<{
      case_id: string;
      deadline_id: string;
      due: string;
      kind: string;
      status: string;
    }>`SELECT case_id, deadline_id, due, kind, status FROM case_deadlines
      WHERE case_id = ANY(${caseIds}::uuid[]) ORDER BY case_id, due`.execute(tx);
    for (const r of rows) {
      const list = byCase.get(r.case_id) ?? [];
      if (list.length === 0) byCase.set(r.case_id, list);
      list.push({ deadlineId: r.deadline_id, due: String(r.due), kind: r.kind, status: r.status });
    }
    return byCase;
  }

  /** Deadlines not yet met, due on or before `until`, across an organisation's open cases; overdue first. */
  async dashboard(tx: Db, orgId: string, until: string, onlyCaseId?: string) {
    // Only the columns the answer uses, so the partial index of deadlines still to meet (006)
    // covers them; its condition is written as literals so that every plan can use it.
    let q = tx
      .selectFrom('case_deadlines as d')
      .innerJoin('cases as c', 'c.id', 'd.case_id')
      .select(['d.case_id', 'd.deadline_id', 'd.due', 'c.person_enc'])
      .where('d.org_id', '=', orgId)
      .where('c.org_id', '=', orgId)
      .where('c.status', '=', 'open')
      .where('d.kind', '=', sql.lit('deadline'))
      .where('d.status', '!=', sql.lit('met'))
      .where('d.due', '<=', until);
    if (onlyCaseId) q = q.where('d.case_id', '=', onlyCaseId);
    const rows = await q.orderBy('d.due').orderBy('d.case_id').limit(1000).execute();
    // A case with several deadlines on the list is decrypted once.
    const names = new Map<string, string>();
    const nameOf = (caseId: string, personEnc: string) => {
      let name = names.get(caseId);
      if (name === undefined) {
        name = (this.crypto.decrypt(personEnc, personContext(caseId)) as PersonDetails).name;
        names.set(caseId, name);
      }
      return name;
    };
    return rows.map((r) => ({
      caseId: r.case_id,
      deadlineId: r.deadline_id,
      due: String(r.due),
      personName: nameOf(r.case_id, r.person_enc),
    }));
  }

  /**
   * The next cases (all organisations), in id order after `afterId`, whose deadlines were computed
   * by another rules version, locked until the transaction ends. Paging by id through the primary
   * key reads each batch's rows only, however many cases are done. The lock (FOR NO KEY UPDATE,
   * which still lets other transactions add rows that refer to the case) makes a person's change
   * to one of these cases wait for the batch, then recompute from what the batch stored; and a
   * case a person changed first is skipped here, its rules version being current by then.
   */
  async lockCasesWithOtherRules(
    tx: Db,
    rulesVersion: string,
    afterId: string | null,
    limit: number,
  ): Promise<CaseRecord[]> {
    let q = tx
      .selectFrom('cases')
      .select(CASE_COLUMNS)
      .where((eb) => eb.or([eb('rules_version', 'is', null), eb('rules_version', '!=', rulesVersion)]));
    if (afterId !== null) q = q.where('id', '>', afterId);
    const rows = await q.orderBy('id').limit(limit).forNoKeyUpdate().execute();
    return rows.map((r) => this.toRecord(r as CaseRow));
  }

  async recordDeadlineChanges(
    tx: Db,
    orgId: string,
    caseId: string,
    rulesVersion: string,
    changes: readonly DeadlineChange[],
  ): Promise<void> {
    await this.recordDeadlineChangesOf(
      tx,
      rulesVersion,
      changes.map((c) => ({ ...c, caseId, orgId })),
    );
  }

  /** Deadline changes of many cases in one INSERT. */
  async recordDeadlineChangesOf(
    tx: Db,
    rulesVersion: string,
    changes: readonly (DeadlineChange & { caseId: string; orgId: string })[],
  ): Promise<void> {
    if (!changes.length) return;
    // A text[] column cannot be unnested from a two-dimensional array: each authority list
    // travels as one array literal, cast back per row.
    await sql`INSERT INTO deadline_changes (case_id, org_id, deadline_id, old_due, new_due, rules_version, authority)
      SELECT t.case_id, t.org_id, t.deadline_id, t.old_due, t.new_due, ${rulesVersion}, t.authority::text[]
      FROM unnest(
        ${changes.map((c) => c.caseId)}::uuid[], ${changes.map((c) => c.orgId)}::uuid[],
        ${changes.map((c) => c.deadlineId)}::text[], ${changes.map((c) => c.oldDue)}::date[],
        ${changes.map((c) => c.newDue)}::date[], ${changes.map((c) => arrayLiteral(c.authority))}::text[]
      ) WITH ORDINALITY AS t(case_id, org_id, deadline_id, old_due, new_due, authority, n)
      ORDER BY t.n`.execute(tx);
  }

  async deadlineChanges(tx: Db, orgId: string, caseId?: string) {
    let q = tx
      .selectFrom('deadline_changes')
      .select([
        'id',
        'case_id',
        'deadline_id',
        'old_due',
        'new_due',
        'rules_version',
        'authority',
        'created_at',
        'reviewed_at',
      ])
      .where('org_id', '=', orgId);
    if (caseId) q = q.where('case_id', '=', caseId);
    const rows = await q.orderBy('created_at', 'desc').limit(500).execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      deadlineId: r.deadline_id,
      oldDue: r.old_due,
      newDue: r.new_due,
      rulesVersion: r.rules_version,
      authority: r.authority,
      createdAt: new Date(r.created_at).toISOString(),
      reviewed: r.reviewed_at !== null,
    }));
  }

  async markChangesReviewed(tx: Db, orgId: string, caseId: string): Promise<number> {
    const r = await tx
      .updateTable('deadline_changes')
      .set({ reviewed_at: new Date() })
      .where('org_id', '=', orgId)
      .where('case_id', '=', caseId)
      .where('reviewed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async addNote(
    tx: Db,
    orgId: string,
    caseId: string,
    id: string,
    authorId: string,
    body: string,
  ): Promise<void> {
    await tx
      .insertInto('case_notes')
      .values({
        id,
        case_id: caseId,
        org_id: orgId,
        author_id: authorId,
        body_enc: this.crypto.encrypt(body, `case_notes.body_enc:${id}`),
      })
      .execute();
  }

  async listNotes(tx: Db, caseId: string) {
    const rows = await tx
      .selectFrom('case_notes')
      .select(['id', 'author_id', 'body_enc', 'created_at'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      authorId: r.author_id,
      body: this.crypto.decrypt(r.body_enc, `case_notes.body_enc:${r.id}`) as string,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  async addFile(
    tx: Db,
    file: {
      id: string;
      orgId: string;
      caseId: string;
      name: string;
      contentType: string;
      bytes: Uint8Array;
      addedBy: string;
    },
  ): Promise<void> {
    await tx
      .insertInto('case_files')
      .values({
        id: file.id,
        case_id: file.caseId,
        org_id: file.orgId,
        name_enc: this.crypto.encrypt(file.name, `case_files.name_enc:${file.id}`),
        content_type: file.contentType,
        size: file.bytes.byteLength,
        // The bytes travel as base64 inside the sealed value, like every other encrypted field.
        data_enc: this.crypto.encrypt(
          Buffer.from(file.bytes).toString('base64'),
          `case_files.data_enc:${file.id}`,
        ),
        added_by: file.addedBy,
      })
      .execute();
  }

  async listFiles(tx: Db, caseId: string) {
    const rows = await tx
      .selectFrom('case_files')
      .select(['id', 'name_enc', 'content_type', 'size', 'created_at'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: this.crypto.decrypt(r.name_enc, `case_files.name_enc:${r.id}`) as string,
      contentType: r.content_type,
      size: r.size,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  async readFile(tx: Db, caseId: string, fileId: string) {
    const r = await tx
      .selectFrom('case_files')
      .select(['id', 'name_enc', 'content_type', 'data_enc'])
      .where('case_id', '=', caseId)
      .where('id', '=', fileId)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      name: this.crypto.decrypt(r.name_enc, `case_files.name_enc:${r.id}`) as string,
      contentType: r.content_type,
      bytes: new Uint8Array(
        Buffer.from(this.crypto.decrypt(r.data_enc, `case_files.data_enc:${r.id}`) as string, 'base64'),
      ),
    };
  }

  async removeFile(tx: Db, caseId: string, fileId: string): Promise<boolean> {
    const r = await tx
      .deleteFrom('case_files')
      .where('case_id', '=', caseId)
      .where('id', '=', fileId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /**
   * Re-encrypts every sensitive field with the current key (after a rotation), a batch at a time,
   * each batch in its own transaction. Returns how many values were rewritten.
   */
  async reencryptAll(batchSize = 500): Promise<number> {
    let count = 0;
    const reseal = (text: string, context: string) =>
      this.crypto.encrypt(this.crypto.decrypt(text, context), context);
    const tables = [
      { table: 'cases', key: 'id', columns: ['person_enc', 'screening_enc'] },
      { table: 'case_events', key: 'id', columns: ['data_enc'] },
      { table: 'case_notes', key: 'id', columns: ['body_enc'] },
      // Files are large: a few at a time, so memory stays flat.
      { table: 'case_files', key: 'id', columns: ['name_enc', 'data_enc'], batch: 8 },
    ] as const;
    for (const entry of tables) {
      const { table, columns } = entry;
      const limit = 'batch' in entry ? entry.batch : batchSize;
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = (await this.db
          .selectFrom(table)
          .select(['id', ...columns] as never[])
          .where('id', '>', after as never)
          .orderBy('id')
          .limit(limit)
          .execute()) as unknown as Record<string, string | null>[];
        if (rows.length === 0) break;
        await this.db.transaction().execute(async (tx) => {
          for (const row of rows) {
            const values: Record<string, string> = {};
            for (const column of columns) {
              const text = row[column];
              if (text) values[column] = reseal(text, `${table}.${column}:${row.id}`);
            }
            // Blind indexes are keyed from the current key: recompute them with the new one.
            const person = table === 'cases' ? row.person_enc : null;
            const indexes = person
              ? this.indexes(this.crypto.decrypt(person, `cases.person_enc:${row.id}`) as PersonDetails)
              : {};
            await tx
              .updateTable(table)
              .set({ ...values, ...indexes } as never)
              .where('id', '=', row.id as never)
              .execute();
            count += Object.keys(values).length;
          }
        });
        after = rows.at(-1)!.id!;
      }
    }
    return count;
  }

  async audit(
    tx: Db,
    entry: { orgId: string | null; userId: string | null; caseId: string | null; action: string },
  ): Promise<void> {
    await tx
      .insertInto('audit_log')
      .values({ org_id: entry.orgId, user_id: entry.userId, case_id: entry.caseId, action: entry.action })
      .execute();
  }

  /**
   * Many audit entries in one INSERT, in the order given (the log's ids follow it): for a request
   * or a batch that touches many cases, still one entry per case.
   */
  async auditMany(
    tx: Db,
    entries: readonly {
      orgId: string | null;
      userId: string | null;
      caseId: string | null;
      action: string;
    }[],
  ): Promise<void> {
    if (!entries.length) return;
    await sql`INSERT INTO audit_log (org_id, user_id, case_id, action)
      SELECT t.org_id, t.user_id, t.case_id, t.action
      FROM unnest(
        ${entries.map((e) => e.orgId)}::uuid[], ${entries.map((e) => e.userId)}::uuid[],
        ${entries.map((e) => e.caseId)}::uuid[], ${entries.map((e) => e.action)}::text[]
      ) WITH ORDINALITY AS t(org_id, user_id, case_id, action, n)
      ORDER BY t.n`.execute(tx);
  }

  async readAudit(tx: Db, orgId: string, limit: number, offset: number) {
    const rows = await tx
      .selectFrom('audit_log')
      .select(['id', 'user_id', 'case_id', 'action', 'at'])
      .where('org_id', '=', orgId)
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      userId: r.user_id,
      caseId: r.case_id,
      action: r.action,
      at: new Date(r.at).toISOString(),
    }));
  }
}
