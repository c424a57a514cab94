/**
 * Deadline reminders through a real SMTP server started by the test: sent at the lead times
 * only, exactly once even when two services (two processes' worth) run at once, never to another
 * organisation, and never with the person's name, A-number or birth date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderService, smtpSender } from '../../src/reminders/reminder-service.ts';
import { readConfig } from '../../src/server/config.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import { databaseKinds, type FreshDatabase, freshDatabase } from '../support/databases.ts';
import { type LocalSmtp, startSmtp } from './smtp.ts';

for (const kind of databaseKinds) {
  describe(`deadline reminders (${kind})`, () => {
    let fresh: FreshDatabase;
    let rt: Runtime;
    let smtp: LocalSmtp;
    let today = '2026-11-02';

    beforeAll(async () => {
      smtp = await startSmtp();
      fresh = await freshDatabase(kind);
      rt = await openRuntime(
        readConfig({
          DATA_DIR: fresh.options.dataDir,
          ...(fresh.options.databaseUrl ? { DATABASE_URL: fresh.options.databaseUrl } : {}),
          SMTP_URL: smtp.url,
        }),
        { env: {}, today: () => today },
      );
      const a = await rt.accounts.createOrganisation({
        name: 'A',
        adminEmail: 'admin@a.test',
        adminPassword: 'x'.repeat(12),
      });
      const b = await rt.accounts.createOrganisation({
        name: 'B',
        adminEmail: 'admin@b.test',
        adminPassword: 'x'.repeat(12),
      });
      const admin = { orgId: a.orgId, userId: a.userId, role: 'admin' as const, clientCaseId: null };
      const c = await rt.cases.create(admin, {
        person: { name: 'José Núñez', aNumber: 'A012345678', birthDate: '1990-02-03' },
      });
      const archived = await rt.cases.create(admin, { person: { name: 'Archived Person' } });
      await rt.accounts.invite(admin, { email: 'staff@a.test', role: 'staff', password: 'x'.repeat(12) });
      await rt.accounts.invite(admin, {
        email: 'client@a.test',
        role: 'client',
        password: 'x'.repeat(12),
        clientCaseId: c.id,
      });
      // An IJ denial on 2026-11-02: the BIA appeal is due Wed 2026-12-02 (8 CFR 1003.38(b)).
      for (const id of [c.id, archived.id]) {
        const nta = await rt.cases.changeEvent(admin, id, (await rt.cases.get(admin, id)).version, {
          kind: 'add',
          event: { type: 'nta_filed', date: '2025-01-06' },
        });
        await rt.cases.changeEvent(admin, id, nta.case.version, {
          kind: 'add',
          event: { type: 'ij_decision', date: '2026-11-02', outcome: 'denied' },
        });
      }
      await rt.cases.archive(admin, archived.id, (await rt.cases.get(admin, archived.id)).version);
      void b;
    }, 120_000);

    afterAll(async () => {
      await rt?.close();
      await fresh?.remove();
      await smtp?.close();
    });

    it('sends nothing on a day that is not a lead time', async () => {
      today = '2026-11-20'; // 12 days before
      expect(await rt.reminders!.runOnce()).toBe(0);
      expect(smtp.received).toHaveLength(0);
    });

    it('sends 7 days before to every member who may see the case, once, without personal data', async () => {
      today = '2026-11-25'; // 7 days before 2026-12-02
      // Two services at once, as two server processes would run them.
      const second = new ReminderService(
        rt.store,
        await smtpSender(smtp.url, 'Refugio <r@localhost>'),
        () => today,
      );
      const counts = await Promise.all([rt.reminders!.runOnce(), second.runOnce()]);
      // Two deadlines fall on 2026-12-02 (the BIA appeal and the motion to reconsider), each to 3 people.
      expect(counts[0]! + counts[1]!).toBe(6);
      expect(await rt.reminders!.runOnce()).toBe(0);
      const recipients = smtp.received.flatMap((m) => m.to).sort();
      expect(recipients).toEqual([
        'admin@a.test',
        'admin@a.test',
        'client@a.test',
        'client@a.test',
        'staff@a.test',
        'staff@a.test',
      ]);
      for (const m of smtp.received) {
        expect(m.raw).toMatch(
          /Subject: Refugio: (Appeal to the Board of Immigration Appeals|Motion to reconsider)/,
        );
        expect(m.raw).toContain('2026-12-02');
        expect(m.raw).not.toMatch(/Jos|N=C3=BA|Núñez|012345678|1990-02-03|Archived/);
      }
    });

    it('sends again at the next lead time, never to another organisation', async () => {
      today = '2026-11-29'; // 3 days before
      expect(await rt.reminders!.runOnce()).toBe(6);
      expect(smtp.received).toHaveLength(12);
      expect(smtp.received.flatMap((m) => m.to)).not.toContain('admin@b.test');
    });
  });
}
