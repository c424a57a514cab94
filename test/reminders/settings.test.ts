/**
 * Per-person reminder settings (GET/PUT /api/v1/me/reminders): each person picks their lead days
 * or turns e-mail off; the reminder job and the calendar feed's alarms follow the choice, and a
 * person who has not chosen gets the installation's REMINDER_LEAD_DAYS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mail } from '../../src/reminders/reminder-service.ts';
import { readConfig } from '../../src/server/config.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import { databaseKinds, type FreshDatabase, freshDatabase } from '../support/databases.ts';

const PASSWORD = 'a long enough password';
// An IJ denial on Mon 2026-11-02: the BIA appeal and the motion to reconsider are both due
// 30 days later, Wed 2026-12-02 (8 CFR 1003.38(b), 8 CFR 1003.23(b)(1)).
const DUE = '2026-12-02';

for (const kind of databaseKinds) {
  describe(`reminder settings (${kind})`, () => {
    let fresh: FreshDatabase;
    let rt: Runtime;
    let today = '2026-11-20';
    const mails: Mail[] = [];
    const sessions: Record<string, { cookie: string; csrf: string }> = {};
    let orgId = '';

    const call = async (
      who: string | null,
      method: string,
      path: string,
      body?: unknown,
      options: { csrf?: boolean; raw?: string } = {},
    ) => {
      const headers: Record<string, string> = {};
      const s = who ? sessions[who] : undefined;
      if (s) {
        headers.cookie = s.cookie;
        if (options.csrf !== false) headers['x-csrf-token'] = s.csrf;
      }
      if (body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
      const res = await rt.app.request(path, {
        method,
        headers,
        ...(options.raw !== undefined ? { body: options.raw } : {}),
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return {
        status: res.status,
        text,
        json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null,
      };
    };

    const login = async (name: string, email: string) => {
      const res = await rt.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      sessions[name] = { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    };

    beforeAll(async () => {
      fresh = await freshDatabase(kind);
      rt = await openRuntime(
        readConfig({
          DATA_DIR: fresh.options.dataDir,
          ...(fresh.options.databaseUrl ? { DATABASE_URL: fresh.options.databaseUrl } : {}),
          REMINDER_LEAD_DAYS: '2,10',
        }),
        {
          env: {},
          today: () => today,
          sendMail: async (m) => {
            mails.push(m);
          },
        },
      );
      const org = await rt.accounts.createOrganisation({
        name: 'Org',
        adminEmail: 'admin@org.test',
        adminPassword: PASSWORD,
      });
      orgId = org.orgId;
      await login('admin', 'admin@org.test');
      for (const role of ['attorney', 'staff']) {
        const r = await call('admin', 'POST', `/api/v1/orgs/${orgId}/members`, {
          email: `${role}@org.test`,
          role,
          password: PASSWORD,
        });
        expect(r.status).toBe(201);
        await login(role, `${role}@org.test`);
      }
      const created = await call('admin', 'POST', `/api/v1/orgs/${orgId}/cases`, {
        person: { name: 'Ana Pérez' },
      });
      const added = await call('admin', 'POST', `/api/v1/orgs/${orgId}/cases/${created.json.id}/events`, {
        version: created.json.version,
        event: { type: 'ij_decision', date: '2026-11-02', outcome: 'denied' },
      });
      expect(added.status).toBe(201);
    }, 120_000);

    afterAll(async () => {
      await rt?.close();
      await fresh?.remove();
    });

    it("gives a person who has not chosen the installation's lead days, e-mail on", async () => {
      const r = await call('attorney', 'GET', '/api/v1/me/reminders');
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ email: true, leadDays: [10, 2], isDefault: true });
      expect((await call(null, 'GET', '/api/v1/me/reminders')).status).toBe(401);
    });

    it('saves a choice, one value per day, largest first', async () => {
      const put = await call('admin', 'PUT', '/api/v1/me/reminders', { email: true, leadDays: [5, 5] });
      expect(put.status).toBe(200);
      expect(put.json).toEqual({ email: true, leadDays: [5], isDefault: false });
      expect((await call('admin', 'GET', '/api/v1/me/reminders')).json).toEqual({
        email: true,
        leadDays: [5],
        isDefault: false,
      });
      const off = await call('staff', 'PUT', '/api/v1/me/reminders', { email: false, leadDays: [14, 2, 10] });
      expect(off.json).toEqual({ email: false, leadDays: [14, 10, 2], isDefault: false });
      // Another person's settings are untouched.
      expect((await call('attorney', 'GET', '/api/v1/me/reminders')).json.isDefault).toBe(true);
    });

    it('refuses bad settings with a 400 that names the field, and a missing CSRF token', async () => {
      const cases: [unknown, string][] = [
        [{ email: true, leadDays: [-1] }, 'leadDays.0'],
        [{ email: true, leadDays: [3, 366] }, 'leadDays.1'],
        [{ email: true, leadDays: [1.5] }, 'leadDays.0'],
        [{ email: true, leadDays: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, 'leadDays'],
        [{ email: 'yes', leadDays: [1] }, 'email'],
        [{ leadDays: [1] }, 'email'],
        [{ email: true, leadDays: [1], extra: 1 }, ''],
      ];
      for (const [body, path] of cases) {
        const r = await call('admin', 'PUT', '/api/v1/me/reminders', body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect(r.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      expect((await call('admin', 'PUT', '/api/v1/me/reminders', undefined, { raw: '{' })).status).toBe(400);
      const noCsrf = await call(
        'admin',
        'PUT',
        '/api/v1/me/reminders',
        { email: true, leadDays: [1] },
        { csrf: false },
      );
      expect(noCsrf.status).toBe(403);
      // The database holds the same line should a caller skip the API.
      const user = await rt.store.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'attorney@org.test')
        .executeTakeFirstOrThrow();
      await expect(
        rt.store.db
          .insertInto('reminder_settings')
          .values({ user_id: user.id, lead_days: [400] })
          .execute(),
      ).rejects.toThrow();
      // Nothing was saved by the refused requests.
      expect((await call('admin', 'GET', '/api/v1/me/reminders')).json.leadDays).toEqual([5]);
    });

    it('sends e-mail at each person’s own lead days, and none to a person who turned it off', async () => {
      const sentOn = async (day: string) => {
        today = day;
        mails.length = 0;
        await rt.reminders!.runOnce();
        return mails.map((m) => m.to).sort();
      };
      // Two deadlines fall on the due date, so each reminder day brings two messages per person.
      expect(await sentOn('2026-11-22')).toEqual(['attorney@org.test', 'attorney@org.test']); // 10 days
      expect(await sentOn('2026-11-25')).toEqual([]); // 7 days: nobody's choice
      expect(await sentOn('2026-11-27')).toEqual(['admin@org.test', 'admin@org.test']); // 5 days
      expect(await sentOn('2026-11-30')).toEqual(['attorney@org.test', 'attorney@org.test']); // 2 days
      for (const m of mails) expect(m.subject).toContain(`due ${DUE}`);
      // The staff member (e-mail off, though 10 and 2 are among their days) got nothing.
      const claims = await rt.store.db
        .selectFrom('reminders_sent as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['u.email', 'r.lead_days'])
        .execute();
      expect(claims.map((c) => `${c.email} ${c.lead_days}`).sort()).toEqual([
        'admin@org.test 5',
        'admin@org.test 5',
        'attorney@org.test 10',
        'attorney@org.test 10',
        'attorney@org.test 2',
        'attorney@org.test 2',
      ]);
    });

    it("sets the calendar feed's alarms at the person's lead days", async () => {
      today = '2026-11-20'; // 12 days before the due date
      const alarms = async (who: string) => {
        const feed = await call(who, 'POST', `/api/v1/orgs/${orgId}/calendar-feed`, {});
        expect(feed.status).toBe(201);
        const ics = (await call(null, 'GET', feed.json.url)).text;
        const appeal = ics
          .replace(/\r\n /g, '')
          .split('BEGIN:VEVENT')
          .find((e) => e.includes('SUMMARY:Appeal to the Board of Immigration Appeals'));
        expect(appeal).toContain(`DTSTART;VALUE=DATE:${DUE.replace(/-/g, '')}`);
        return [...appeal!.matchAll(/TRIGGER:(\S+)/g)].map((m) => m[1]);
      };
      expect(await alarms('admin')).toEqual(['-P5D']);
      expect(await alarms('attorney')).toEqual(['-P10D', '-P2D']);
      // E-mail off does not silence the calendar: the staff member's own days, where still ahead.
      expect(await alarms('staff')).toEqual(['-P10D', '-P2D']);
    });
  });
}
