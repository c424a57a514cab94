/**
 * `refugio backup` and `refugio restore` (issue #7), on both databases: an organisation backed up
 * from one installation and restored into another with a different encryption key comes back
 * equal, row by row and field by field (decrypted); the file holds nothing personal in clear; a
 * wrong passphrase, a second restore, a colliding email or a damaged file leave the target as it
 * was; another organisation of the source stays out of the backup.
 *
 * The rows are read here with generic SQL (`row_to_json` of every row of every table), not with
 * src/backup's code, so the comparison checks the backup rather than repeating it, and a column or
 * table added later shows up here until the backup handles it.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, readBackupRecords } from '../../src/backup/backup-file.ts';
import { backupOrganisation, restoreOrganisation } from '../../src/backup/org-backup.ts';
import { readConfig } from '../../src/server/config.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { createFieldCrypto, type FieldCrypto } from '../../src/server/security/field-crypto.ts';
import { loadKeyring } from '../../src/server/security/keyring.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/schema.ts';
import { databaseKinds, type FreshDatabase, freshDatabase } from '../support/databases.ts';

const ROOT = join(import.meta.dirname, '../..');
const PASSPHRASE = 'correct horse battery staple';
/** The lowest the format accepts, to keep the suite quick; the CLI uses case-bundle's 600,000. */
const ITERATIONS = 100_000;
const TODAY = '2026-11-22';

const SOURCE_ENV = { REFUGIO_KEY: randomBytes(32).toString('base64'), REFUGIO_KEY_ID: 'source' };
const TARGET_ENV = { REFUGIO_KEY: randomBytes(32).toString('base64'), REFUGIO_KEY_ID: 'target' };

const PEOPLE = [
  {
    name: 'José Núñez',
    aNumber: 'A012-345-678',
    birthDate: '1985-04-17',
    address: '77 Quillwort Terrace, El Paso TX',
    countryOfNationality: 'Honduras',
  },
  { name: 'Аня Петрова', aNumber: 'A209876543', birthDate: '1999-12-03' },
  { name: 'فاطمة الزهراء', aNumber: '201-555-864', birthDate: '2001-02-28' },
];
const OTHER_ORG_PERSON = { name: 'Beatriz Otherorg', aNumber: 'A333222111' };
const NOTE = 'Threatened by the Obsidian Brotherhood after the 2019 march';
const FILE_NAME = 'Notice to Appear (Quillwort).pdf';
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Confidential notice for Zyxwvut\n%%EOF\n',
);
/** Random bytes, several segments long: a record that spans segments, and a file that is not text. */
const LARGE = randomBytes(2_500_000);

/** Every form the personal values could take in clear. */
const SECRETS = [
  ...PEOPLE.flatMap((p) => {
    const digits = p.aNumber.replace(/\D/g, '');
    const [y, m, d] = p.birthDate.split('-');
    return [
      ...p.name.split(' '),
      p.aNumber,
      digits,
      digits.replace(/^0+/, ''),
      p.birthDate,
      `${y}${m}${d}`,
      `${m}/${d}/${y}`,
      ...('address' in p ? [p.address!, 'Quillwort'] : []),
    ];
  }),
  NOTE,
  'Obsidian Brotherhood',
  FILE_NAME,
  'Zyxwvut',
  'attorney@org-a.test',
];

interface Seeded {
  orgId: string;
  otherOrgId: string;
  adminId: string;
  attorneyId: string;
  caseIds: string[];
  otherCaseId: string;
}

/** The organisation with a bit of everything, and another organisation beside it. */
async function seed(fresh: FreshDatabase): Promise<Seeded> {
  const rt = await openRuntime(
    readConfig({ DATA_DIR: fresh.options.dataDir, DATABASE_URL: fresh.options.databaseUrl ?? '' }),
    {
      env: SOURCE_ENV,
      today: () => TODAY,
    },
  );
  try {
    const { orgId, userId: adminId } = await rt.accounts.createOrganisation({
      name: 'Clínica Legal Ejemplo',
      adminEmail: 'admin@org-a.test',
      adminPassword: 'x'.repeat(12),
    });
    const admin = { orgId, userId: adminId, role: 'admin' as const, clientCaseId: null };
    const { userId: attorneyId } = await rt.accounts.invite(admin, {
      email: 'attorney@org-a.test',
      role: 'attorney',
      password: 'y'.repeat(12),
    });
    const attorney = { orgId, userId: attorneyId, role: 'attorney' as const, clientCaseId: null };
    await rt.accounts.invite(admin, { email: 'staff@org-a.test', role: 'staff', password: 'z'.repeat(12) });
    const { userId: formerId } = await rt.accounts.invite(admin, {
      email: 'former@org-a.test',
      role: 'staff',
      password: 'u'.repeat(12),
    });

    const caseIds: string[] = [];
    for (const [i, person] of PEOPLE.entries()) {
      const screening =
        i === 0
          ? {
              fearOfReturn: true,
              protectedGround: 'political_opinion',
              harmBy: 'state',
              harmSeverity: 'persecution',
            }
          : null;
      const c = await rt.cases.create(i === 1 ? attorney : admin, { person, screening });
      caseIds.push(c.id);
      const arrived = await rt.cases.changeEvent(admin, c.id, c.version, {
        kind: 'add',
        event: { type: 'arrival', date: '2025-03-10', manner: 'paroled', portOfEntry: 'Nogalesquartz' },
      });
      const filed = await rt.cases.changeEvent(attorney, c.id, arrived.case.version, {
        kind: 'add',
        event: { type: 'asylum_filed', date: '2025-09-01', forum: 'uscis' },
      });
      if (i === 1) {
        // A removed event stays as a row with removed_at: it is backed up too.
        await rt.cases.changeEvent(admin, c.id, filed.case.version, {
          kind: 'remove',
          eventId: filed.eventId,
        });
      }
      await rt.cases.addNote(i === 0 ? attorney : admin, c.id, `${NOTE} (${i})`);
    }
    const updated = await rt.cases.get(admin, caseIds[2]!);
    await rt.cases.archive(admin, caseIds[2]!, updated.version);
    await rt.cases.addFile(admin, caseIds[0]!, {
      name: FILE_NAME,
      contentType: 'application/pdf',
      bytes: PDF,
    });
    await rt.cases.addFile(attorney, caseIds[1]!, {
      name: 'scan.bin',
      contentType: 'application/octet-stream',
      bytes: LARGE,
    });
    await rt.accounts.invite(admin, {
      email: 'client@org-a.test',
      role: 'client',
      password: 'w'.repeat(12),
      clientCaseId: caseIds[0]!,
    });

    const db = rt.store.db;
    await rt.store.recordDeadlineChanges(db, orgId, caseIds[0]!, 'older-rules', [
      {
        deadlineId: 'one_year_filing',
        oldDue: '2026-03-09',
        newDue: '2026-03-10',
        authority: ['INA 208(a)(2)(B)'],
      },
      { deadlineId: 'ead_clock', oldDue: null, newDue: '2026-02-27', authority: [] },
    ]);
    await rt.store.markChangesReviewed(db, orgId, caseIds[0]!);
    await rt.store.recordDeadlineChanges(db, orgId, caseIds[1]!, 'older-rules', [
      { deadlineId: 'one_year_filing', oldDue: '2026-03-10', newDue: null, authority: ['8 CFR 208.4(a)'] },
    ]);
    await rt.accounts.setReminderSettings(attorneyId, { email: false, leadDays: [30, 7] });
    await rt.accounts.newCalendarFeed(admin);
    await rt.accounts.newCalendarFeed(admin); // revokes the first
    await rt.accounts.createApiToken(admin, 'case-management sync');
    await db
      .insertInto('reminders_sent')
      .values({
        user_id: adminId,
        case_id: caseIds[0]!,
        deadline_id: 'one_year_filing',
        due: '2026-03-10',
        lead_days: 14,
      })
      .execute();
    await rt.cases.notes(admin, caseIds[0]!); // an audit entry for a read
    // Someone who wrote a note and has left: no longer a member, still its author.
    await rt.cases.addNote({ orgId, userId: formerId, role: 'staff', clientCaseId: null }, caseIds[1]!, NOTE);
    await rt.accounts.remove(admin, formerId);

    // Another organisation: its admin, a case, and the attorney as a member of both.
    const other = await rt.accounts.createOrganisation({
      name: 'Other Org',
      adminEmail: 'admin@org-b.test',
      adminPassword: 'v'.repeat(12),
    });
    const otherAdmin = {
      orgId: other.orgId,
      userId: other.userId,
      role: 'admin' as const,
      clientCaseId: null,
    };
    const otherCase = await rt.cases.create(otherAdmin, { person: OTHER_ORG_PERSON });
    await rt.cases.addNote(otherAdmin, otherCase.id, 'a note of the other organisation');
    await rt.accounts.invite(otherAdmin, {
      email: 'attorney@org-a.test',
      role: 'attorney',
      password: 'y'.repeat(12),
    });
    await rt.accounts.newCalendarFeed({ ...otherAdmin, userId: attorneyId, role: 'attorney' });
    return { orgId, otherOrgId: other.orgId, adminId, attorneyId, caseIds, otherCaseId: otherCase.id };
  } finally {
    await rt.close();
  }
}

interface Opened {
  db: Kysely<Database>;
  crypto: FieldCrypto;
  close(): Promise<void>;
}

async function open(fresh: FreshDatabase, env: NodeJS.ProcessEnv): Promise<Opened> {
  const database = await openDatabase(fresh.options);
  await migrateToLatest(database.db);
  const crypto = createFieldCrypto(await loadKeyring({ env, dataDir: fresh.options.dataDir }));
  return { db: database.db, crypto, close: () => database.close() };
}

async function withOpen<T>(fresh: FreshDatabase, env: NodeJS.ProcessEnv, fn: (o: Opened) => Promise<T>) {
  const opened = await open(fresh, env);
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

/** Which rows of each table belong to the organisation. Every table is here or in NOT_BACKED_UP. */
const ORG_ROWS: Record<string, (org: string) => RawBuilder<unknown>> = {
  organisations: (org) => sql`id = ${org}`,
  users: (org) =>
    sql`id IN (SELECT user_id FROM memberships WHERE org_id = ${org} UNION SELECT author_id FROM case_notes WHERE org_id = ${org})`,
  memberships: (org) => sql`org_id = ${org}`,
  reminder_settings: (org) =>
    sql`user_id IN (SELECT user_id FROM memberships WHERE org_id = ${org} UNION SELECT author_id FROM case_notes WHERE org_id = ${org})`,
  cases: (org) => sql`org_id = ${org}`,
  case_events: (org) => sql`org_id = ${org}`,
  case_notes: (org) => sql`org_id = ${org}`,
  case_files: (org) => sql`org_id = ${org}`,
  case_deadlines: (org) => sql`org_id = ${org}`,
  deadline_changes: (org) => sql`org_id = ${org}`,
  reminders_sent: (org) => sql`case_id IN (SELECT id FROM cases WHERE org_id = ${org})`,
  calendar_feeds: (org) => sql`org_id = ${org}`,
  api_tokens: (org) => sql`org_id = ${org}`,
  audit_log: (org) => sql`org_id = ${org}`,
};
/** Sessions: people sign in again; failed sign-ins: not an organisation's; migrations: the schema's. */
const NOT_BACKED_UP = ['sessions', 'login_failures', 'kysely_migration', 'kysely_migration_lock'];
/** Every encrypted column, as test/server/key-rotation.test.ts knows them. */
const ENCRYPTED: Record<string, readonly string[]> = {
  cases: ['person_enc', 'screening_enc'],
  case_events: ['data_enc'],
  case_notes: ['body_enc'],
  case_files: ['name_enc', 'data_enc'],
};

type Row = Record<string, unknown>;

/**
 * Every row of every table of the organisation as JSON (timestamps in UTC to the microsecond),
 * sensitive fields decrypted, blind indexes set aside (they depend on the key), rows sorted; the
 * audit log in its order, without its ids (a restore appends with new ones).
 */
async function dumpOrganisation(db: Kysely<Database>, crypto: FieldCrypto, orgId: string) {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL TIME ZONE 'UTC'`.execute(tx);
    const dump: Record<string, Row[]> = {};
    const indexes: Row[] = [];
    for (const [table, where] of Object.entries(ORG_ROWS)) {
      const { rows } = await sql<{ row: Row }>`
        SELECT row_to_json(t) AS row FROM ${sql.table(table)} t WHERE ${where(orgId)}
        ${table === 'audit_log' ? sql`ORDER BY id` : sql``}`.execute(tx);
      dump[table] = rows.map(({ row }) => {
        const out: Row = { ...row };
        for (const column of ENCRYPTED[table] ?? []) {
          const text = out[column] as string | null;
          delete out[column];
          out[column.replace(/_enc$/, '')] =
            text === null ? null : crypto.decrypt(text, `${table}.${column}:${row.id}`);
        }
        if (table === 'cases') {
          indexes.push({
            id: row.id,
            a_number_index: row.a_number_index,
            name_index: row.name_index,
            person: out.person,
          });
          delete out.a_number_index;
          delete out.name_index;
        }
        if (table === 'audit_log') delete out.id;
        return out;
      });
      if (table !== 'audit_log')
        dump[table]!.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    }
    return { dump, indexes };
  });
}

/** How many rows each table has: "nothing written" means these do not change. */
async function tableCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...Object.keys(ORG_ROWS), ...NOT_BACKED_UP]) {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

/** Runs the real CLI, as an operator would. */
function cli(args: string[], env: Record<string, string>, input: string) {
  const r = spawnSync(process.execPath, ['bin/refugio.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cliEnv = (fresh: FreshDatabase, key: Record<string, string>) => ({
  DATA_DIR: fresh.options.dataDir,
  DATABASE_URL: fresh.options.databaseUrl ?? '',
  REFUGIO_KEY: '',
  REFUGIO_KEY_ID: '',
  ...key,
});

async function expectRefused(promise: Promise<unknown>, code: BackupError['code'], message: RegExp) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected a refusal').toBeInstanceOf(BackupError);
  expect((err as BackupError).code).toBe(code);
  expect((err as BackupError).message).toMatch(message);
}

for (const kind of databaseKinds) {
  describe(`backup and restore (${kind})`, () => {
    const work = mkdtempSync(join(tmpdir(), 'refugio-backup-test-'));
    const file = join(work, 'org.refugio-backup');
    const cleanups: (() => Promise<void>)[] = [];
    let source: FreshDatabase;
    let seeded: Seeded;
    /** The source organisation as it was when backed up. */
    let before: Awaited<ReturnType<typeof dumpOrganisation>>;

    const fresh = async () => {
      const f = await freshDatabase(kind);
      cleanups.push(() => f.remove());
      return f;
    };

    beforeAll(async () => {
      source = await fresh();
      seeded = await seed(source);
      await withOpen(source, SOURCE_ENV, async ({ db, crypto }) => {
        await backupOrganisation({
          db,
          crypto,
          orgId: seeded.orgId,
          out: file,
          passphrase: PASSPHRASE,
          iterations: ITERATIONS,
        });
        before = await dumpOrganisation(db, crypto, seeded.orgId);
      });
    }, 180_000);

    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
      rmSync(work, { recursive: true, force: true });
    }, 60_000);

    it('covers every table and every encrypted column of the schema', async () => {
      await withOpen(source, SOURCE_ENV, async ({ db }) => {
        const tables = await sql<{ table_name: string }>`
          SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db);
        expect(tables.rows.map((t) => t.table_name).sort()).toEqual(
          [...Object.keys(ORG_ROWS), ...NOT_BACKED_UP].sort(),
        );
        const columns = await sql<{ c: string }>`
          SELECT table_name || '.' || column_name AS c FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name LIKE '%\\_enc'`.execute(db);
        expect(columns.rows.map((r) => r.c).sort()).toEqual(
          Object.entries(ENCRYPTED)
            .flatMap(([t, cs]) => cs.map((c) => `${t}.${c}`))
            .sort(),
        );
      });
    });

    it('seeded what the comparison needs', () => {
      const d = before.dump;
      expect(d.cases).toHaveLength(3);
      expect(d.users).toHaveLength(5);
      expect(d.memberships!.map((m) => m.role).sort()).toEqual(['admin', 'attorney', 'client', 'staff']);
      expect(d.case_events!.filter((e) => e.removed_at !== null)).toHaveLength(1);
      expect(d.case_notes).toHaveLength(4);
      expect(d.case_files).toHaveLength(2);
      expect(d.case_deadlines!.length).toBeGreaterThan(0);
      expect(d.deadline_changes).toHaveLength(3);
      expect(d.reminder_settings).toHaveLength(1);
      expect(d.reminders_sent).toHaveLength(1);
      expect(d.calendar_feeds).toHaveLength(2);
      expect(d.api_tokens).toHaveLength(1);
      expect(d.audit_log!.length).toBeGreaterThan(15);
      // The backup recorded itself, last.
      expect(d.audit_log!.at(-1)).toMatchObject({ action: 'org.backup', user_id: null });
      // Timestamps are compared as PostgreSQL prints them: to the microsecond on PostgreSQL, which a
      // JS Date would round to the millisecond (PGlite's clock gives milliseconds).
      if (kind === 'postgres')
        expect(d.cases!.some((c) => /\.\d{4,6}\+00:00$/.test(String(c.created_at)))).toBe(true);
    });

    it('restores into a fresh database with another key, equal field by field', async () => {
      const target = await fresh();
      await withOpen(target, TARGET_ENV, async ({ db, crypto }) => {
        const result = await restoreOrganisation({ db, crypto, file, passphrase: PASSPHRASE });
        expect(result.orgId).toBe(seeded.orgId);
        expect(result.keptUsers).toBe(0);
        expect(result.counts).toMatchObject({ cases: 3, files: 2, users: 5, memberships: 4 });

        const after = await dumpOrganisation(db, crypto, seeded.orgId);
        const restoreEntry = after.dump.audit_log!.pop();
        expect(restoreEntry).toMatchObject({
          org_id: seeded.orgId,
          user_id: null,
          case_id: null,
          action: 'org.restore',
        });
        for (const table of Object.keys(ORG_ROWS))
          expect(after.dump[table], table).toEqual(before.dump[table]);

        // The bytes of each file, exactly.
        const files = Object.fromEntries(after.dump.case_files!.map((f) => [f.id as string, f]));
        // Buffer.equals: vitest's deep equality walks a large buffer byte by byte, for seconds.
        const bytesOf = (name: string) =>
          Buffer.from(String(Object.values(files).find((f) => f.name === name)!.data), 'base64');
        expect(bytesOf(FILE_NAME).equals(PDF)).toBe(true);
        expect(bytesOf('scan.bin').equals(LARGE)).toBe(true);

        // Sealed under this installation's key, with blind indexes computed from it.
        const sealed = await db.selectFrom('cases').select(['person_enc']).execute();
        expect(new Set(sealed.map((c) => crypto.keyIdOf(c.person_enc)))).toEqual(new Set(['target']));
        const sealedFiles = await db.selectFrom('case_files').select(['name_enc', 'data_enc']).execute();
        expect(
          new Set(sealedFiles.flatMap((f) => [crypto.keyIdOf(f.name_enc), crypto.keyIdOf(f.data_enc)])),
        ).toEqual(new Set(['target']));
        for (const row of after.indexes) {
          const person = row.person as { name: string; aNumber: string };
          expect(row.a_number_index).toBe(crypto.blindIndex(person.aNumber, 'a_number'));
          expect(row.name_index).toEqual(crypto.nameTokens(person.name));
          const old = before.indexes.find((b) => b.id === row.id)!;
          expect(row.a_number_index).not.toBe(old.a_number_index);
        }
        // Search by A-number and by name finds the restored cases on this installation.
        const store = new CaseStore(db, crypto);
        const byNumber = await store.listCases(db, seeded.orgId, {
          q: 'A209876543',
          status: 'all',
          limit: 10,
          offset: 0,
        });
        expect(byNumber.cases.map((c) => c.person.name)).toEqual(['Аня Петрова']);
        const byName = await store.listCases(db, seeded.orgId, {
          q: 'jose nunez',
          status: 'all',
          limit: 10,
          offset: 0,
        });
        expect(byName.cases.map((c) => c.id)).toEqual([seeded.caseIds[0]]);

        // Nothing of the other organisation came along.
        expect(await db.selectFrom('organisations').select('id').execute()).toEqual([{ id: seeded.orgId }]);
        expect(
          await db.selectFrom('cases').select('id').where('id', '=', seeded.otherCaseId).execute(),
        ).toEqual([]);
        expect(
          await db.selectFrom('users').select('email').where('email', '=', 'admin@org-b.test').execute(),
        ).toEqual([]);

        // Restoring twice is refused, and writes nothing.
        const counts = await tableCounts(db);
        await expectRefused(
          restoreOrganisation({ db, crypto, file, passphrase: PASSPHRASE }),
          'conflict',
          /already in this database/,
        );
        expect(await tableCounts(db)).toEqual(counts);
      });
    }, 180_000);

    it('writes no name, A-number, birth date, note or email in clear, and nothing outside the ciphertext', async () => {
      const bytes = readFileSync(file);
      const text = bytes.toString('latin1').toLowerCase();
      const utf8 = bytes.toString('utf8').toLowerCase();
      const found = SECRETS.filter((s) => text.includes(s.toLowerCase()) || utf8.includes(s.toLowerCase()));
      expect(found).toEqual([]);
      const envelope = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      expect(Object.keys(envelope)).toEqual([
        'format',
        'version',
        'created',
        'kdf',
        'cipher',
        'iv',
        'segmentBytes',
        'ciphertext',
      ]);
      expect(envelope).toMatchObject({
        format: 'refugio-org-backup',
        version: 1,
        kdf: { name: 'PBKDF2-SHA256', iterations: ITERATIONS },
        cipher: 'AES-256-GCM',
        segmentBytes: 1024 * 1024,
      });
      // The large file spans segments: several of them, each sealed.
      expect((envelope.ciphertext as string[]).length).toBeGreaterThanOrEqual(4);
    });

    it('leaves the other organisation of the source out of the backup', async () => {
      const records: Row[] = [];
      for await (const r of readBackupRecords(file, PASSPHRASE)) records.push(r as Row);
      const all = JSON.stringify(records);
      for (const absent of [
        seeded.otherOrgId,
        seeded.otherCaseId,
        'admin@org-b.test',
        OTHER_ORG_PERSON.name,
        'Other Org',
      ])
        expect(all).not.toContain(absent);
      // The attorney belongs to both: one person, one membership (this organisation's).
      expect(records.filter((r) => r.type === 'user' && r.id === seeded.attorneyId)).toHaveLength(1);
      expect(records.filter((r) => r.type === 'membership' && r.userId === seeded.attorneyId)).toHaveLength(
        1,
      );
      expect(records.filter((r) => r.type === 'calendar_feed' && r.userId === seeded.attorneyId)).toEqual([]);
      expect(records[0]).toMatchObject({ type: 'backup', orgId: seeded.orgId });
      expect(records.at(-1)).toMatchObject({ type: 'end' });
    });

    it('refuses a wrong passphrase and a damaged or truncated file, writing nothing', async () => {
      const target = await fresh();
      const lines = readFileSync(file, 'utf8').split('\n');
      const variant = (name: string, content: string) => {
        const path = join(work, name);
        writeFileSync(path, content);
        return path;
      };
      // A base64 character changed in the third segment: its integrity check fails.
      const flipped = [...lines];
      const third = flipped[3]!;
      flipped[3] = `${third.slice(0, 100)}${third[100] === 'A' ? 'B' : 'A'}${third.slice(101)}`;
      // The header edited (a later "created"): every segment is bound to it.
      const header = lines[0]!.replace(/"created":"[^"]+"/, '"created":"2030-01-01T00:00:00.000Z"');
      await withOpen(target, TARGET_ENV, async ({ db, crypto }) => {
        const counts = await tableCounts(db);
        const restore = (path: string, passphrase = PASSPHRASE) =>
          restoreOrganisation({ db, crypto, file: path, passphrase });

        await expectRefused(
          restore(file, 'not the passphrase'),
          'wrong_passphrase',
          /^wrong passphrase or damaged file$/,
        );
        await expectRefused(
          restore(variant('altered', flipped.join('\n'))),
          'damaged',
          /segment 3 failed its integrity check/,
        );
        await expectRefused(
          restore(variant('header', [header, ...lines.slice(1)].join('\n'))),
          'wrong_passphrase',
          /wrong passphrase or damaged file/,
        );
        // Cut at a line: the last segment is missing.
        await expectRefused(
          restore(variant('cut-at-line', `${lines.slice(0, 3).join('\n')}\n`)),
          'truncated',
          /incomplete: it ends after 2 whole segments/,
        );
        // Cut in the middle of a segment, as an interrupted copy does.
        const whole = readFileSync(file, 'utf8');
        await expectRefused(
          restore(variant('cut-in-middle', whole.slice(0, Math.floor(whole.length / 2)))),
          'truncated',
          /incomplete/,
        );
        // The last segment dropped, the one before it presented as the last.
        const dropped = [...lines.slice(0, -4), lines.at(-4)!.replace(/,$/, ''), ']}', ''];
        await expectRefused(restore(variant('dropped', dropped.join('\n'))), 'damaged', /integrity check/);
        await expectRefused(
          restore(variant('other', '{"format":"something-else"}\n')),
          'not_backup',
          /not a Refugio backup/,
        );
        await expectRefused(
          restore(variant('newer', lines[0]!.replace('"version":1', '"version":2'))),
          'unsupported',
          /version 2/,
        );
        expect(await tableCounts(db)).toEqual(counts);
        expect(counts.organisations).toBe(0);
      });
    }, 180_000);

    it('restores into a database that has other people, keeping the ones it shares, and refuses a colliding email', async () => {
      // A person with the attorney's id and email already here (a member of another organisation).
      const shared = await fresh();
      await withOpen(shared, TARGET_ENV, async ({ db, crypto }) => {
        await db
          .insertInto('users')
          .values({
            id: seeded.attorneyId,
            email: 'attorney@org-a.test',
            password_hash: 'argon2-hash-of-this-installation',
          })
          .execute();
        const result = await restoreOrganisation({ db, crypto, file, passphrase: PASSPHRASE });
        expect(result.keptUsers).toBe(1);
        const kept = await db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', seeded.attorneyId)
          .execute();
        expect(kept).toEqual([{ password_hash: 'argon2-hash-of-this-installation' }]);
        // Their own reminder settings here (none) are not replaced by the backup's.
        expect(await db.selectFrom('reminder_settings').selectAll().execute()).toEqual([]);
        expect(await db.selectFrom('cases').select('id').execute()).toHaveLength(3);
      });

      // Another person here has the attorney's email: refused, nothing written.
      const colliding = await fresh();
      await withOpen(colliding, TARGET_ENV, async ({ db, crypto }) => {
        await db
          .insertInto('users')
          .values({ email: 'attorney@org-a.test', password_hash: 'someone else' })
          .execute();
        const counts = await tableCounts(db);
        await expectRefused(
          restoreOrganisation({ db, crypto, file, passphrase: PASSPHRASE }),
          'conflict',
          new RegExp(`the email of user ${seeded.attorneyId} of the backup belongs to another user`),
        );
        expect(await tableCounts(db)).toEqual(counts);
      });
    }, 180_000);

    it('runs as the refugio command: backup, restore, and its refusals (exit 2)', async () => {
      const out = join(work, 'cli.refugio-backup');
      const backedUp = cli(
        ['backup', '--org', seeded.orgId, '--out', out, '--format', 'json'],
        cliEnv(source, SOURCE_ENV),
        `${PASSPHRASE}\n`,
      );
      expect(backedUp.code, backedUp.stderr).toBe(0);
      expect(JSON.parse(backedUp.stdout)).toMatchObject({
        orgId: seeded.orgId,
        file: out,
        counts: { cases: 3, files: 2, users: 5 },
      });
      expect(JSON.parse(readFileSync(out, 'utf8')).kdf.iterations).toBe(600_000);

      if (kind === 'pglite') {
        // The embedded database is locked while another process (a server) has it open.
        await withOpen(source, SOURCE_ENV, async () => {
          const locked = cli(
            ['backup', '--org', seeded.orgId, '--out', join(work, 'locked'), '--format', 'json'],
            cliEnv(source, SOURCE_ENV),
            PASSPHRASE,
          );
          expect(locked.code).toBe(2);
          expect(JSON.parse(locked.stderr).error.message).toMatch(
            /cannot open the database: Another Refugio process is using the data directory/,
          );
        });
      }

      // A fresh installation with its own key file.
      const target = await fresh();
      const env = cliEnv(target, {});
      const wrong = cli(['restore', out, '--format', 'json'], env, 'a wrong passphrase\n');
      expect(wrong.code).toBe(2);
      expect(JSON.parse(wrong.stderr)).toEqual({
        error: { message: 'wrong passphrase or damaged file', path: 'file' },
      });
      const short = cli(['restore', out], env, 'too short\n');
      expect(short.code).toBe(2);
      expect(short.stderr).toMatch(/at least 12 characters/);
      await withOpen(target, {}, async ({ db }) => expect((await tableCounts(db)).organisations).toBe(0));

      const restored = cli(['restore', out], env, PASSPHRASE);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(
        new RegExp(`Restored organisation ${seeded.orgId}: 3 cases, 2 files, 5 people`),
      );
      const again = cli(['restore', out, '--format', 'json'], env, PASSPHRASE);
      expect(again.code).toBe(2);
      expect(JSON.parse(again.stderr).error.message).toMatch(/already in this database/);

      await withOpen(target, {}, async ({ db, crypto }) => {
        const after = await dumpOrganisation(db, crypto, seeded.orgId);
        expect(after.dump.cases).toEqual(before.dump.cases);
        expect(after.dump.case_files).toEqual(before.dump.case_files);
        expect(crypto.currentKeyId).toBe('k1'); // the key file's, not the source's
      });

      const missing = cli(
        ['backup', '--org', randomUUID(), '--out', out],
        cliEnv(source, SOURCE_ENV),
        PASSPHRASE,
      );
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/there is no organisation/);
      // The earlier backup of that name is left whole, and no temporary file is left beside it.
      expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('refugio-org-backup');
      expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }, 240_000);
  });
}
