/**
 * The database layer on both adapters: migrations, how values come back, the append-only audit
 * log, tenancy keys, persistence across a restart, and the embedded database's lock file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Kysely, Migrator, type SelectType, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../src/store/data-dir-lock.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrateToLatest, migrationStatus } from '../../src/store/migrate.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import type { Database } from '../../src/store/schema.ts';
import { type FreshDatabase, forEachDatabase, freshDatabase } from '../support/databases.ts';

const root = resolve(import.meta.dirname, '../..');
const migrationNames = Object.keys(migrations).sort();

/**
 * Every column of schema.ts with whether it may be NULL, checked both ways: the compiler checks
 * this object against the Kysely types (a missing, extra or wrongly nullable column does not
 * compile) and the test checks it against what the migrations built.
 */
type Nullability<Table> = { [Column in keyof Table]: null extends SelectType<Table[Column]> ? 'YES' : 'NO' };
const expectedColumns = {
  reminders_sent: {
    user_id: 'NO',
    case_id: 'NO',
    deadline_id: 'NO',
    due: 'NO',
    lead_days: 'NO',
    sent_at: 'NO',
  },
  reminder_settings: { user_id: 'NO', email_enabled: 'NO', lead_days: 'NO', updated_at: 'NO' },
  login_failures: { key_hash: 'NO', at: 'NO' },
  organisations: { id: 'NO', name: 'NO', created_at: 'NO' },
  users: { id: 'NO', email: 'NO', password_hash: 'NO', created_at: 'NO' },
  memberships: { org_id: 'NO', user_id: 'NO', role: 'NO', client_case_id: 'YES', created_at: 'NO' },
  sessions: { id: 'NO', user_id: 'NO', csrf_token: 'NO', created_at: 'NO', expires_at: 'NO' },
  api_tokens: {
    id: 'NO',
    user_id: 'NO',
    org_id: 'NO',
    token_hash: 'NO',
    name: 'NO',
    created_at: 'NO',
    revoked_at: 'YES',
  },
  cases: {
    id: 'NO',
    org_id: 'NO',
    version: 'NO',
    status: 'NO',
    person_enc: 'NO',
    screening_enc: 'YES',
    a_number_index: 'YES',
    name_index: 'NO',
    rules_version: 'YES',
    created_by: 'YES',
    created_at: 'NO',
    updated_at: 'NO',
  },
  case_events: {
    id: 'NO',
    case_id: 'NO',
    org_id: 'NO',
    type: 'NO',
    date: 'NO',
    data_enc: 'NO',
    created_at: 'NO',
    removed_at: 'YES',
  },
  case_notes: { id: 'NO', case_id: 'NO', org_id: 'NO', author_id: 'NO', body_enc: 'NO', created_at: 'NO' },
  case_files: {
    id: 'NO',
    case_id: 'NO',
    org_id: 'NO',
    name_enc: 'NO',
    content_type: 'NO',
    size: 'NO',
    data_enc: 'NO',
    added_by: 'YES',
    created_at: 'NO',
  },
  case_deadlines: {
    case_id: 'NO',
    org_id: 'NO',
    deadline_id: 'NO',
    due: 'NO',
    kind: 'NO',
    status: 'NO',
    rules_version: 'NO',
    computed_at: 'NO',
  },
  deadline_changes: {
    id: 'NO',
    case_id: 'NO',
    org_id: 'NO',
    deadline_id: 'NO',
    old_due: 'YES',
    new_due: 'YES',
    rules_version: 'NO',
    authority: 'NO',
    created_at: 'NO',
    reviewed_at: 'YES',
  },
  audit_log: { id: 'NO', org_id: 'YES', user_id: 'YES', case_id: 'YES', action: 'NO', at: 'NO' },
  calendar_feeds: { token_hash: 'NO', user_id: 'NO', org_id: 'NO', created_at: 'NO', revoked_at: 'YES' },
} as const satisfies { [Table in keyof Database]: Nullability<Database[Table]> };

async function columnsInDatabase(db: Kysely<Database>): Promise<Record<string, Record<string, string>>> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
    select table_name, column_name, is_nullable from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name, column_name`.execute(db);
  const tables: Record<string, Record<string, string>> = {};
  for (const r of rows) tables[r.table_name] = { ...tables[r.table_name], [r.column_name]: r.is_nullable };
  return tables;
}

/** One organisation, user, case with an event, a deadline and an audit entry. */
async function seed(db: Kysely<Database>) {
  const org = await db
    .insertInto('organisations')
    .values({ name: 'Legal Aid' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ email: `staff-${org.id}@example.org`, password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('memberships').values({ org_id: org.id, user_id: user.id, role: 'admin' }).execute();
  const kase = await db
    .insertInto('cases')
    .values({ org_id: org.id, person_enc: 'enc', name_index: ['tok1', 'tok2'], created_by: user.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_events')
    .values({ case_id: kase.id, org_id: org.id, type: 'arrival', date: '2024-02-29', data_enc: 'enc' })
    .execute();
  await db
    .insertInto('case_deadlines')
    .values({
      case_id: kase.id,
      org_id: org.id,
      deadline_id: 'asylum.filing_period',
      due: '2025-02-28',
      kind: 'deadline',
      status: 'upcoming',
      rules_version: 'test',
    })
    .execute();
  await db
    .insertInto('audit_log')
    .values({ org_id: org.id, user_id: user.id, case_id: kase.id, action: 'case.create' })
    .execute();
  return { orgId: org.id, userId: user.id, caseId: kase.id };
}

forEachDatabase(
  'migrations on an empty database',
  (t) => {
    it('apply every migration, then running again changes nothing', async () => {
      expect(await migrateToLatest(t.db)).toEqual(migrationNames);
      expect(await migrateToLatest(t.db)).toEqual([]);
      const status = await migrationStatus(t.db);
      expect(status.map((m) => m.name)).toEqual(migrationNames);
      expect(status.every((m) => m.appliedAt instanceof Date)).toBe(true);
    });

    it('build exactly the tables and columns schema.ts declares', async () => {
      expect(await columnsInDatabase(t.db)).toEqual(expectedColumns);
    });

    it('index the case list and the deadlines dashboard in the order they read (006)', async () => {
      const { rows } = await sql<{ indexname: string; indexdef: string }>`
        SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename IN ('cases', 'case_deadlines')`.execute(t.db);
      const defs = Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef.replace(/ USING btree/, '')]));
      expect(defs.cases_org_status_updated_idx).toMatch(
        /ON \S*cases \(org_id, status, updated_at DESC, id\)$/,
      );
      expect(defs.case_deadlines_due_open_idx).toMatch(
        /ON \S*case_deadlines \(org_id, due, case_id\) INCLUDE \(deadline_id\) WHERE \(\(kind = 'deadline'::text\) AND \(status <> 'met'::text\)\)$/,
      );
      // Replaced by the two above, of which they were the first columns.
      expect(defs.cases_org_status_idx).toBeUndefined();
      expect(defs.case_deadlines_org_due_idx).toBeUndefined();
    });
  },
  { migrate: false },
);

forEachDatabase(
  'migrations on a database that holds data',
  (t) => {
    it('apply the later migrations without losing rows, and re-running is a no-op', async () => {
      // Written so that it covers every migration added after the first.
      const migrator = new Migrator({
        db: t.db,
        provider: { getMigrations: async () => ({ ...migrations }) },
      });
      const first = await migrator.migrateTo(migrationNames[0]!);
      expect(first.error).toBeUndefined();
      const { caseId } = await seed(t.db);
      expect(await migrateToLatest(t.db)).toEqual(migrationNames.slice(1));
      expect(await migrateToLatest(t.db)).toEqual([]);
      const kase = await t.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(kase).toMatchObject({
        person_enc: 'enc',
        name_index: ['tok1', 'tok2'],
        version: 1,
        status: 'open',
      });
      const events = await t.db
        .selectFrom('case_events')
        .select(['date'])
        .where('case_id', '=', caseId)
        .execute();
      expect(events).toEqual([{ date: '2024-02-29' }]);
    });
  },
  { migrate: false },
);

forEachDatabase('database values and rules', (t) => {
  it('returns DATE as the YYYY-MM-DD string, never a Date', async () => {
    const { caseId } = await seed(t.db);
    const event = await t.db
      .selectFrom('case_events')
      .select(['date', 'created_at'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(event.date).toBe('2024-02-29');
    expect(event.created_at).toBeInstanceOf(Date);
    const deadline = await t.db
      .selectFrom('case_deadlines')
      .select(['due'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(deadline.due).toBe('2025-02-28');
    const { rows } = await sql<{
      d: unknown;
      none: unknown;
    }>`select date '1999-12-31' as d, null::date as none`.execute(t.db);
    expect(rows).toEqual([{ d: '1999-12-31', none: null }]);
    // Compared as dates by the database, not as text by JavaScript.
    const due = await t.db
      .selectFrom('case_deadlines')
      .select('due')
      .where('case_id', '=', caseId)
      .where('due', '<=', '2025-03-01')
      .execute();
    expect(due).toHaveLength(1);
  });

  it('returns BIGINT and count(*) as decimal strings, and text[] as arrays', async () => {
    const { caseId } = await seed(t.db);
    const { n } = await t.db
      .selectFrom('case_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(n).toBe('1');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['id'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(audit.id).toMatch(/^\d+$/);
    const kase = await t.db
      .selectFrom('cases')
      .select(['name_index'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.name_index).toEqual(['tok1', 'tok2']);
    const found = await t.db
      .selectFrom('cases')
      .select('id')
      .where('name_index', '@>', sql<string[]>`${['tok2']}::text[]`)
      .where('id', '=', caseId)
      .execute();
    expect(found).toHaveLength(1);
  });

  it('reports how many rows an UPDATE or DELETE changed', async () => {
    const { caseId } = await seed(t.db);
    const updated = await t.db
      .updateTable('cases')
      .set({ version: 2 })
      .where('id', '=', caseId)
      .where('version', '=', 1)
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    const stale = await t.db
      .updateTable('cases')
      .set({ version: 2 })
      .where('id', '=', caseId)
      .where('version', '=', 1)
      .executeTakeFirst();
    expect(stale.numUpdatedRows).toBe(0n);
    const deleted = await t.db.deleteFrom('case_deadlines').where('case_id', '=', caseId).executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(1n);
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
    const { caseId } = await seed(t.db);
    await expect(
      t.db.updateTable('audit_log').set({ action: 'forged' }).where('case_id', '=', caseId).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').where('case_id', '=', caseId).execute()).rejects.toThrow(
      /append-only/,
    );
    // Even one that matches no row.
    await expect(
      t.db.deleteFrom('audit_log').where('action', '=', 'no such action').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const rows = await t.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).execute();
    expect(rows).toEqual([{ action: 'case.create' }]);
  });

  it('rolls back a failed transaction and keeps working', async () => {
    const { orgId } = await seed(t.db);
    await expect(
      t.db.transaction().execute(async (tx) => {
        await tx.insertInto('organisations').values({ name: 'Rolled back' }).execute();
        await tx.updateTable('audit_log').set({ action: 'x' }).where('org_id', '=', orgId).execute();
      }),
    ).rejects.toThrow(/append-only/);
    const rolledBack = await t.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Rolled back')
      .execute();
    expect(rolledBack).toEqual([]);
    const [a, b] = await Promise.all([
      t.db
        .transaction()
        .execute((tx) => tx.insertInto('organisations').values({ name: 'A' }).returning('id').execute()),
      t.db.selectFrom('organisations').select('id').execute(),
    ]);
    expect(a).toHaveLength(1);
    expect(b.length).toBeGreaterThan(0);
  });

  it('keeps rows of a case in the case’s organisation, and emails lowercased', async () => {
    const { caseId } = await seed(t.db);
    const other = await t.db
      .insertInto('organisations')
      .values({ name: 'Other' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto('case_events')
        .values({ case_id: caseId, org_id: other.id, type: 'arrival', date: '2024-01-01', data_enc: 'x' })
        .execute(),
    ).rejects.toThrow(/foreign key/);
    await expect(
      t.db.insertInto('users').values({ email: 'Someone@Example.org', password_hash: 'x' }).execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db
        .insertInto('memberships')
        .values({ org_id: other.id, user_id: (await seed(t.db)).userId, role: 'owner' as never })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('keeps what was written when the database is closed and opened again', async () => {
    const { caseId } = await seed(t.db);
    const db = await t.reopen();
    const event = await db
      .selectFrom('case_events')
      .select(['type', 'date'])
      .where('case_id', '=', caseId)
      .execute();
    expect(event).toEqual([{ type: 'arrival', date: '2024-02-29' }]);
    expect(await migrateToLatest(db)).toEqual([]);
  });
});

describe('the embedded database’s lock on its data directory', () => {
  let fresh: FreshDatabase;
  let lockPath: string;
  const children: ReturnType<typeof spawn>[] = [];

  beforeAll(async () => {
    fresh = await freshDatabase('pglite');
    lockPath = join(fresh.options.dataDir, 'refugio.lock');
  }, 120_000);
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });
  afterAll(async () => {
    await fresh?.remove();
  });

  it('refuses a second open while the first is open, and allows it after close', async () => {
    const first = await openDatabase(fresh.options);
    expect(first.kind).toBe('pglite');
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
    const second = openDatabase(fresh.options);
    await expect(second).rejects.toThrow(DataDirLockedError);
    await expect(second).rejects.toThrow(/Another Refugio process is using the data directory/);
    await first.close();
    expect(existsSync(lockPath)).toBe(false);
    const third = await openDatabase(fresh.options);
    await third.close();
    await third.close();
  });

  it('refuses while another live process holds the lock', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(holder);
    writeFileSync(lockPath, `${holder.pid}\n`);
    await expect(openDatabase(fresh.options)).rejects.toThrow(
      new RegExp(`Another Refugio process is using the data directory .*pid ${holder.pid}`),
    );
    // The refused open left the other process's lock alone.
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(holder.pid));
  });

  it('takes over a lock left by a process that is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(lockPath, `${gone.stdout}\n`);
    const db = await openDatabase(fresh.options);
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
    await db.close();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('treats a lock file with no pid as taken for a moment, then as stale', async () => {
    writeFileSync(lockPath, '');
    await expect(openDatabase(fresh.options)).rejects.toThrow(DataDirLockedError);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPath, aMinuteAgo, aMinuteAgo);
    const db = await openDatabase(fresh.options);
    await db.close();
  });

  it('releases the lock when the process exits without closing', async () => {
    const script = [
      `import { openDatabase } from ${JSON.stringify(join(root, 'src/store/database.ts'))};`,
      `const opened = await openDatabase({ dataDir: ${JSON.stringify(fresh.options.dataDir)} });`,
      'await opened.db.introspection.getTables();',
      'process.exit(0);',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(existsSync(lockPath)).toBe(false);
  });
});
