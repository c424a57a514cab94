/**
 * Two real server processes (`src/server/main.ts`) on different ports against one fresh PostgreSQL
 * database, with the same REFUGIO_KEY and different data directories (so nothing is shared through
 * a key file): what docs/deploy.md calls "several processes". A session made on one works on the
 * other; a stale write loses with 409 whichever process takes it; a change made through one is
 * read, with its deadlines recomputed, through the other; and a due reminder reaches its recipient
 * once though both processes run the job queue.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { type LocalSmtp, startSmtp } from '../reminders/smtp.ts';
import { type FreshDatabase, freshDatabase } from '../support/databases.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

const PASSWORD = 'a long enough password';
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A lead time L (days) such that today + L is a Tuesday or a Wednesday that is no fixed-date
 * federal holiday: a deadline 30 days after a decision on today + L - 30 then falls on today + L
 * with no weekend or holiday roll-over (8 CFR 1003.38(b), 1003.23(b)(1); Monday holidays and
 * Thanksgiving, a Thursday, cannot fall on those days, nor can an observed Friday or Monday).
 */
function pickLead(todayMs: number): { lead: number; decision: string; due: string } {
  for (let lead = 3; lead <= 30; lead++) {
    const due = new Date(todayMs + lead * DAY);
    const md = iso(due.getTime()).slice(5);
    if ([2, 3].includes(due.getUTCDay()) && !['01-01', '06-19', '07-04', '11-11', '12-25'].includes(md)) {
      return { lead, decision: iso(todayMs + (lead - 30) * DAY), due: iso(due.getTime()) };
    }
  }
  throw new Error('no lead time found');
}

describe('two server processes on one PostgreSQL', () => {
  let fresh: FreshDatabase;
  let smtp: LocalSmtp;
  const dirs: string[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  let seeded: { orgId: string; caseId: string };
  // The servers' "today" is UTC's; decided here the same way.
  const todayMs = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const plan = pickLead(todayMs);
  const key = randomBytes(32).toString('base64');

  const envFor = (dataDir: string) => ({
    ...process.env,
    DATABASE_URL: fresh.options.databaseUrl!,
    DATA_DIR: dataDir,
    REFUGIO_KEY: key,
    REFUGIO_TIME_ZONE: 'UTC',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Refugio <no-reply@refugio.test>',
    REMINDER_LEAD_DAYS: String(plan.lead),
  });

  beforeAll(async () => {
    smtp = await startSmtp();
    fresh = await freshDatabase('postgres');
    // Seed through the same code with the same key, before either server starts: an organisation,
    // its admin, and a case with a BIA appeal due at the lead time.
    const seedDir = mkdtempSync(join(tmpdir(), 'refugio-seed-'));
    dirs.push(seedDir);
    const rt = await openRuntime(
      readConfig({ DATA_DIR: seedDir, DATABASE_URL: fresh.options.databaseUrl, REFUGIO_TIME_ZONE: 'UTC' }),
      { env: { REFUGIO_KEY: key } },
    );
    try {
      const org = await rt.accounts.createOrganisation({
        name: 'Legal Aid',
        adminEmail: 'admin@example.org',
        adminPassword: PASSWORD,
      });
      const admin = { orgId: org.orgId, userId: org.userId, role: 'admin' as const, clientCaseId: null };
      const c = await rt.cases.create(admin, { person: { name: 'Reminder Person' } });
      await rt.cases.changeEvent(admin, c.id, (await rt.cases.get(admin, c.id)).version, {
        kind: 'add',
        event: { type: 'ij_decision', date: plan.decision, outcome: 'denied' },
      });
      seeded = { orgId: org.orgId, caseId: c.id };
    } finally {
      await rt.close();
    }
    const dirA = mkdtempSync(join(tmpdir(), 'refugio-a-'));
    const dirB = mkdtempSync(join(tmpdir(), 'refugio-b-'));
    dirs.push(dirA, dirB);
    // Started together, as a deploy would: both migrate, both queue the start-up jobs.
    [a, b] = await Promise.all([startServerProcess(envFor(dirA)), startServerProcess(envFor(dirB))]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await fresh?.remove();
    await smtp?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  async function login(url: string) {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string; userId: string };
    return {
      userId: body.userId,
      headers: {
        cookie: res.headers.get('set-cookie')!.split(';')[0]!,
        'x-csrf-token': body.csrfToken,
        'content-type': 'application/json',
      },
    };
  }

  async function call(
    url: string,
    headers: Record<string, string>,
    method: string,
    path: string,
    body?: unknown,
  ) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: a test reads response bodies by their documented shape
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  it('delivers a due reminder once though both processes run the job queue', async () => {
    const reference = seeded.caseId.slice(0, 8);
    const forSeeded = () => smtp.received.filter((m) => m.raw.includes(`(case ${reference})`));
    const client = new pg.Client({ connectionString: fresh.options.databaseUrl });
    await client.connect();
    try {
      const pending = async () =>
        Number(
          (
            await client.query(
              "select count(*) as n from graphile_worker.jobs where task_identifier = 'send_reminders'",
            )
          ).rows[0].n,
        );
      const end = Date.now() + 60_000;
      while (forSeeded().length < 2 || (await pending()) > 0) {
        if (Date.now() > end) throw new Error(`reminders not delivered: ${a.output()} ${b.output()}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      // Any duplicate would arrive within moments of the first.
      await new Promise((r) => setTimeout(r, 2000));
      const mails = forSeeded();
      expect(mails.map((m) => m.to)).toEqual([['admin@example.org'], ['admin@example.org']]);
      const subjects = mails.map((m) => /Subject: (.*)/.exec(m.raw)![1]!).sort();
      expect(subjects[0]).toMatch(
        new RegExp(`^Refugio: Appeal to the Board of Immigration Appeals\\b.* - due ${plan.due} `),
      );
      expect(subjects[1]).toMatch(new RegExp(`^Refugio: Motion to reconsider\\b.* - due ${plan.due} `));
      for (const m of mails) expect(m.raw).not.toContain('Reminder Person');
      const claims = await client.query('select lead_days from reminders_sent where case_id = $1', [
        seeded.caseId,
      ]);
      expect(claims.rows).toEqual([{ lead_days: plan.lead }, { lead_days: plan.lead }]);
    } finally {
      await client.end();
    }
  }, 90_000);

  it('accepts on process B a session made on process A', async () => {
    const session = await login(a.url);
    const me = await call(b.url, session.headers, 'GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.json.userId).toBe(session.userId);
    // An unsafe request on B with A's CSRF token, too.
    const created = await call(b.url, session.headers, 'POST', `/api/v1/orgs/${seeded.orgId}/cases`, {
      person: { name: 'Made On B' },
    });
    expect(created.status).toBe(201);
    const logout = await call(a.url, session.headers, 'POST', '/api/v1/auth/logout', {});
    expect(logout.status).toBe(200);
    expect((await call(b.url, session.headers, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('lets exactly one of two concurrent updates with the same version through, on either process', async () => {
    const session = await login(a.url);
    const cases = `/api/v1/orgs/${seeded.orgId}/cases`;
    const created = await call(a.url, session.headers, 'POST', cases, { person: { name: 'Original' } });
    const { id, version } = created.json as { id: string; version: number };
    const results = await Promise.all(
      (
        [
          [a.url, 'Written On A'],
          [b.url, 'Written On B'],
        ] as const
      ).map(([url, name]) =>
        call(url, session.headers, 'PATCH', `${cases}/${id}`, { version, person: { name } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.json.person.name as string;
    const after = await call(b.url, session.headers, 'GET', `${cases}/${id}`);
    expect(after.json.version).toBe(version + 1);
    expect(after.json.person.name).toBe(winner);
  });

  it('shows through B an event added through A, with the deadlines recomputed', async () => {
    const session = await login(a.url);
    const cases = `/api/v1/orgs/${seeded.orgId}/cases`;
    const created = await call(a.url, session.headers, 'POST', cases, { person: { name: 'Event Person' } });
    const id = created.json.id as string;
    const before = await call(b.url, session.headers, 'GET', `${cases}/${id}`);
    expect(before.json.deadlines.map((d: { deadlineId: string }) => d.deadlineId)).not.toContain(
      'bia_appeal',
    );
    // A denial on Mon 2024-03-04: the appeal is due 30 days later, Wed 2024-04-03 (8 CFR 1003.38(b)).
    const added = await call(a.url, session.headers, 'POST', `${cases}/${id}/events`, {
      version: created.json.version,
      event: { type: 'ij_decision', date: '2024-03-04', outcome: 'denied' },
    });
    expect(added.status).toBe(201);
    const read = await call(b.url, session.headers, 'GET', `${cases}/${id}`);
    expect(read.status).toBe(200);
    expect(read.json.events.map((e: { event: { type: string; date: string } }) => e.event)).toContainEqual(
      expect.objectContaining({ type: 'ij_decision', date: '2024-03-04' }),
    );
    expect(read.json.deadlines).toContainEqual(
      expect.objectContaining({ deadlineId: 'bia_appeal', due: '2024-04-03' }),
    );
  });
});
