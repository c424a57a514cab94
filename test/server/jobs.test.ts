/**
 * Background jobs: on PostgreSQL through graphile-worker (two runtimes on one database, as two
 * server processes), on PGlite through the in-process timer. A reminder goes out once however
 * many workers run; a rules-version change is recomputed by the queued job and recorded.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mail } from '../../src/reminders/reminder-service.ts';
import { readConfig } from '../../src/server/config.ts';
import { type Jobs, startJobs } from '../../src/server/jobs.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import { databaseKinds, type FreshDatabase, freshDatabase } from '../support/databases.ts';

// An IJ denial on Mon 2026-11-02: the BIA appeal and the motion to reconsider are both due 30 days
// later, Wed 2026-12-02 (8 CFR 1003.38(b), 8 CFR 1003.23(b)(1)); 2026-11-25 is 7 days before.
const TODAY = '2026-11-25';

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const kind of databaseKinds) {
  describe(`background jobs (${kind})`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c().catch(() => {});
    }, 60_000);

    it('sends a due reminder once, however many workers run the job', async () => {
      const fresh: FreshDatabase = await freshDatabase(kind);
      cleanups.push(() => fresh.remove());
      const config = readConfig({
        DATA_DIR: fresh.options.dataDir,
        ...(fresh.options.databaseUrl ? { DATABASE_URL: fresh.options.databaseUrl } : {}),
      });
      const mails: Mail[] = [];
      const sendMail = async (m: Mail) => {
        mails.push(m);
      };
      const open = async () => {
        const rt = await openRuntime(config, { env: {}, today: () => TODAY, sendMail });
        cleanups.push(() => rt.close());
        return rt;
      };
      const first = await open();
      const org = await first.accounts.createOrganisation({
        name: 'Org',
        adminEmail: 'admin@org.test',
        adminPassword: 'x'.repeat(12),
      });
      const admin = { orgId: org.orgId, userId: org.userId, role: 'admin' as const, clientCaseId: null };
      const c = await first.cases.create(admin, { person: { name: 'Ana Pérez' } });
      const nta = await first.cases.changeEvent(admin, c.id, (await first.cases.get(admin, c.id)).version, {
        kind: 'add',
        event: { type: 'nta_filed', date: '2025-01-06' },
      });
      await first.cases.changeEvent(admin, c.id, nta.case.version, {
        kind: 'add',
        event: { type: 'ij_decision', date: '2026-11-02', outcome: 'denied' },
      });

      const runtimes: Runtime[] = [first];
      if (kind === 'postgres') runtimes.push(await open());
      const started: Jobs[] = [];
      for (const rt of runtimes) {
        const jobs = await startJobs(rt, config, { logError: (e) => console.error(e) });
        cleanups.push(() => jobs.stop());
        started.push(jobs);
      }
      expect(started.map((j) => j.kind)).toEqual(
        kind === 'postgres' ? ['graphile-worker', 'graphile-worker'] : ['timer'],
      );
      await until('two reminders', async () => (mails.length >= 2 ? true : undefined));
      // Let any duplicate arrive before counting.
      await new Promise((r) => setTimeout(r, 3000));
      expect(mails.map((m) => m.to)).toEqual(['admin@org.test', 'admin@org.test']);
      const subjects = mails.map((m) => m.subject).sort();
      expect(subjects[0]).toMatch(
        /^Refugio: Appeal to the Board of Immigration Appeals\b.* - due 2026-12-02 /,
      );
      expect(subjects[1]).toMatch(/^Refugio: Motion to reconsider\b.* - due 2026-12-02 /);
      const claims = await first.store.db.selectFrom('reminders_sent').selectAll().execute();
      expect(claims.map((r) => r.lead_days)).toEqual([7, 7]);
    }, 120_000);

    if (kind === 'postgres') {
      it('recomputes cases from an older rules version through the queue, once, and records the change', async () => {
        const fresh = await freshDatabase(kind);
        cleanups.push(() => fresh.remove());
        const config = readConfig({
          DATA_DIR: fresh.options.dataDir,
          DATABASE_URL: fresh.options.databaseUrl,
        });
        const rt = await openRuntime(config, { env: {}, today: () => TODAY });
        cleanups.push(() => rt.close());
        const org = await rt.accounts.createOrganisation({
          name: 'Org',
          adminEmail: 'admin@org.test',
          adminPassword: 'x'.repeat(12),
        });
        const admin = { orgId: org.orgId, userId: org.userId, role: 'admin' as const, clientCaseId: null };
        const c = await rt.cases.create(admin, { person: { name: 'Ana Pérez' } });
        await rt.cases.changeEvent(admin, c.id, (await rt.cases.get(admin, c.id)).version, {
          kind: 'add',
          event: { type: 'ij_decision', date: '2026-11-02', outcome: 'denied' },
        });
        // As if an older rules version had put the appeal a day later.
        await rt.store.db.updateTable('cases').set({ rules_version: '2000-01-01' }).execute();
        await rt.store.db
          .updateTable('case_deadlines')
          .set({ due: '2026-12-03' })
          .where('deadline_id', '=', 'bia_appeal')
          .execute();

        // The graphile-worker schema is there (created by openRuntime, before any worker runs).
        const client = new pg.Client({ connectionString: fresh.options.databaseUrl });
        await client.connect();
        cleanups.push(() => client.end());
        const schema = await client.query(
          "select 1 from information_schema.schemata where schema_name = 'graphile_worker'",
        );
        expect(schema.rowCount).toBe(1);

        const second = await openRuntime(config, { env: {}, today: () => TODAY });
        cleanups.push(() => second.close());
        for (const r of [rt, second]) {
          const jobs = await startJobs(r, config, { logError: (e) => console.error(e) });
          cleanups.push(() => jobs.stop());
        }
        await until('the recomputation', async () => {
          const row = await rt.store.db.selectFrom('cases').select('rules_version').executeTakeFirstOrThrow();
          return row.rules_version !== '2000-01-01' ? true : undefined;
        });
        await new Promise((r) => setTimeout(r, 2000));
        const changes = await rt.store.db.selectFrom('deadline_changes').selectAll().execute();
        expect(changes.map((ch) => [ch.deadline_id, ch.old_due, ch.new_due])).toEqual([
          ['bia_appeal', '2026-12-03', '2026-12-02'],
        ]);
        const due = await rt.store.db
          .selectFrom('case_deadlines')
          .select('due')
          .where('deadline_id', '=', 'bia_appeal')
          .executeTakeFirstOrThrow();
        expect(due.due).toBe('2026-12-02');
      }, 120_000);
    }
  });
}
