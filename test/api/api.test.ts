/**
 * The HTTP API end to end (in process, real database: PGlite and PostgreSQL): sign-in, the
 * authorisation matrix (every endpoint x every role x own / other organisation), one audit entry
 * per case access, optimistic versioning, recomputed deadlines and the error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import { databaseKinds, type FreshDatabase, freshDatabase } from '../support/databases.ts';

const TODAY = '2026-11-22';
const PASSWORD = 'correct horse battery staple';

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

for (const kind of databaseKinds) {
  describe(`API (${kind})`, () => {
    let fresh: FreshDatabase;
    let rt: Runtime;
    const ids: Record<string, string> = {};
    const sessions: Record<string, Session> = {};

    const call = async (who: string | null, method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = {};
      const s = who ? sessions[who] : undefined;
      if (s) {
        headers.cookie = s.cookie;
        headers['x-csrf-token'] = s.csrf;
      }
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await rt.app.request(path, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
      return { status: res.status, json, headers: res.headers };
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
        }),
        { env: {}, today: () => TODAY },
      );
      const a = await rt.accounts.createOrganisation({
        name: 'Org A',
        adminEmail: 'admin@a.test',
        adminPassword: PASSWORD,
      });
      const b = await rt.accounts.createOrganisation({
        name: 'Org B',
        adminEmail: 'admin@b.test',
        adminPassword: PASSWORD,
      });
      ids.orgA = a.orgId;
      ids.orgB = b.orgId;
      await login('admin', 'admin@a.test');
      await login('otherAdmin', 'admin@b.test');
      for (const role of ['attorney', 'staff']) {
        const r = await call('admin', 'POST', `/api/v1/orgs/${ids.orgA}/members`, {
          email: `${role}@a.test`,
          role,
          password: PASSWORD,
        });
        expect(r.status).toBe(201);
        await login(role, `${role}@a.test`);
      }
      const created = await call('admin', 'POST', `/api/v1/orgs/${ids.orgA}/cases`, {
        person: { name: 'José Núñez', aNumber: 'A012345678', birthDate: '1990-02-03' },
      });
      expect(created.status).toBe(201);
      ids.caseA = created.json.id;
      const other = await call('admin', 'POST', `/api/v1/orgs/${ids.orgA}/cases`, {
        person: { name: 'Ngozi Ọkọnkwọ' },
      });
      ids.caseA2 = other.json.id;
      const client = await call('admin', 'POST', `/api/v1/orgs/${ids.orgA}/members`, {
        email: 'client@a.test',
        role: 'client',
        password: PASSWORD,
        clientCaseId: ids.caseA,
      });
      expect(client.status).toBe(201);
      await login('client', 'client@a.test');
    }, 120_000);

    afterAll(async () => {
      await rt?.close();
      await fresh?.remove();
    });

    it('answers health and the OpenAPI document without signing in', async () => {
      expect((await call(null, 'GET', '/api/health')).json).toEqual({ status: 'ok' });
      const doc = (await call(null, 'GET', '/api/openapi.json')).json;
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toContain('/api/v1/orgs/{orgId}/cases');
      const home = await rt.app.request('/');
      expect(home.status).toBe(200);
      expect(await home.text()).toMatch(/legal information, not legal advice/i);
    });

    it('refuses requests without a session, and a cookie request without the CSRF token', async () => {
      const none = await call(null, 'GET', `/api/v1/orgs/${ids.orgA}/cases`);
      expect(none.status).toBe(401);
      expect(none.json.error).toMatchObject({ code: 'unauthenticated' });
      const res = await rt.app.request(`/api/v1/orgs/${ids.orgA}/cases`, {
        method: 'POST',
        headers: { cookie: sessions.admin!.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ person: { name: 'X' } }),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf');
    });

    it('sets a secure-by-default session cookie and security headers', async () => {
      const res = await rt.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@a.test', password: PASSWORD }),
      });
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    });

    it('gives the same answer for a wrong password and an unknown email', async () => {
      const wrong = await call(null, 'POST', '/api/v1/auth/login', {
        email: 'admin@a.test',
        password: 'nope',
      });
      const unknown = await call(null, 'POST', '/api/v1/auth/login', {
        email: 'nobody@a.test',
        password: 'nope',
      });
      expect(wrong.status).toBe(400);
      expect(unknown.json).toEqual(wrong.json);
    });

    it('enforces the authorisation matrix: every endpoint x every role x own / other organisation', async () => {
      const version = async () =>
        (await call('admin', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}`)).json.version;
      const endpoints: Record<string, (who: string) => Promise<number>> = {
        listCases: async (who) => (await call(who, 'GET', `/api/v1/orgs/${ids.orgA}/cases`)).status,
        createCase: async (who) =>
          (await call(who, 'POST', `/api/v1/orgs/${ids.orgA}/cases`, { person: { name: 'Аня Петрова' } }))
            .status,
        getCase: async (who) =>
          (await call(who, 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}`)).status,
        getOtherCase: async (who) =>
          (await call(who, 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`)).status,
        updateCase: async (who) =>
          (
            await call(who, 'PATCH', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}`, {
              version: await version(),
              screening: { fearOfReturn: true },
            })
          ).status,
        addEvent: async (who) =>
          (
            await call(who, 'POST', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/events`, {
              version: await version(),
              event: { type: 'address_change', date: '2026-11-20' },
            })
          ).status,
        assessment: async (who) =>
          (await call(who, 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/assessment`)).status,
        // After addEvent, the case has the address change this document reports.
        document: async (who) =>
          (
            await call(
              who,
              'POST',
              `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/documents/change-of-address`,
              {
                format: 'pdf',
                details: {
                  document: { newAddress: { street: '7 Elm St', city: 'Queens', state: 'NY', zip: '11101' } },
                },
              },
            )
          ).status,
        dashboard: async (who) =>
          (await call(who, 'GET', `/api/v1/orgs/${ids.orgA}/deadlines?within=30d`)).status,
        audit: async (who) => (await call(who, 'GET', `/api/v1/orgs/${ids.orgA}/audit`)).status,
        listMembers: async (who) => (await call(who, 'GET', `/api/v1/orgs/${ids.orgA}/members`)).status,
        invite: async (who) =>
          (
            await call(who, 'POST', `/api/v1/orgs/${ids.orgA}/members`, {
              email: `new-${who}@a.test`,
              role: 'staff',
              password: PASSWORD,
            })
          ).status,
        archiveOther: async (who) => {
          const v = (await call('admin', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`)).json.version;
          return (
            await call(who, 'POST', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}/archive`, { version: v })
          ).status;
        },
      };
      const ok = (s: number) => (s >= 200 && s < 300 ? 'ok' : String(s));
      // 'ok' = allowed; 403 = the role may not; 404 = not theirs to see (never confirms it exists).
      const expected: Record<string, Record<string, string>> = {
        admin: {
          listCases: 'ok',
          createCase: 'ok',
          getCase: 'ok',
          getOtherCase: 'ok',
          updateCase: 'ok',
          addEvent: 'ok',
          assessment: 'ok',
          document: 'ok',
          dashboard: 'ok',
          audit: 'ok',
          listMembers: 'ok',
          invite: 'ok',
          archiveOther: 'ok',
        },
        attorney: {
          listCases: 'ok',
          createCase: 'ok',
          getCase: 'ok',
          getOtherCase: 'ok',
          updateCase: 'ok',
          addEvent: 'ok',
          assessment: 'ok',
          document: 'ok',
          dashboard: 'ok',
          audit: '403',
          listMembers: 'ok',
          invite: '403',
          archiveOther: 'ok',
        },
        staff: {
          listCases: 'ok',
          createCase: 'ok',
          getCase: 'ok',
          getOtherCase: 'ok',
          updateCase: 'ok',
          addEvent: 'ok',
          assessment: 'ok',
          document: 'ok',
          dashboard: 'ok',
          audit: '403',
          listMembers: '403',
          invite: '403',
          archiveOther: '403',
        },
        client: {
          listCases: 'ok',
          createCase: '403',
          getCase: 'ok',
          getOtherCase: '404',
          updateCase: '403',
          addEvent: '403',
          assessment: 'ok',
          document: '403',
          dashboard: 'ok',
          audit: '403',
          listMembers: '403',
          invite: '403',
          archiveOther: '403',
        },
        otherAdmin: {
          listCases: '404',
          createCase: '404',
          getCase: '404',
          getOtherCase: '404',
          updateCase: '404',
          addEvent: '404',
          assessment: '404',
          document: '404',
          dashboard: '404',
          audit: '404',
          listMembers: '404',
          invite: '404',
          archiveOther: '404',
        },
      };
      const actual: Record<string, Record<string, string>> = {};
      for (const who of Object.keys(expected)) {
        actual[who] = {};
        for (const [name, run] of Object.entries(endpoints)) {
          // Archiving is one-way: reopen the second case before each try.
          if (name === 'archiveOther') {
            const c = (await call('admin', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`)).json;
            if (c.status === 'archived')
              await rt.store.updateCase(rt.store.db, ids.orgA!, ids.caseA2!, c.version, { status: 'open' });
          }
          actual[who]![name] = ok(await run(who));
        }
      }
      expect(actual).toEqual(expected);
    });

    it('lets a client list only their own case, and another organisation infer nothing', async () => {
      const list = (await call('client', 'GET', `/api/v1/orgs/${ids.orgA}/cases?status=all`)).json;
      expect(list.cases.map((c: { id: string }) => c.id)).toEqual([ids.caseA]);
      const other = await call('otherAdmin', 'GET', `/api/v1/orgs/${ids.orgB}/cases?status=all`);
      expect(other.json.total).toBe(0);
      const probe = await call('otherAdmin', 'GET', `/api/v1/orgs/${ids.orgB}/cases/${ids.caseA}`);
      expect(probe.status).toBe(404);
      const missing = await call(
        'otherAdmin',
        'GET',
        `/api/v1/orgs/${ids.orgB}/cases/00000000-0000-4000-8000-000000000000`,
      );
      expect(missing.json).toEqual(probe.json);
    });

    it('writes exactly one audit entry for each read or write of a case, and none can be altered', async () => {
      const before = (await call('admin', 'GET', `/api/v1/orgs/${ids.orgA}/audit?pageSize=200`)).json.entries
        .length;
      await call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}`);
      const entries = (await call('admin', 'GET', `/api/v1/orgs/${ids.orgA}/audit?pageSize=200`)).json
        .entries;
      expect(entries.length).toBe(before + 1);
      expect(entries[0]).toMatchObject({ caseId: ids.caseA, action: 'case.read' });
      expect(JSON.stringify(entries)).not.toMatch(/José|A012345678|1990-02-03/);
      await expect(rt.store.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow();
      await expect(rt.store.db.deleteFrom('audit_log').execute()).rejects.toThrow();
      expect((await call('admin', 'DELETE', `/api/v1/orgs/${ids.orgA}/audit`)).status).toBe(404);
    });

    it('audits exactly one entry per case for each kind of read and write', async () => {
      const entries = async () =>
        (await call('admin', 'GET', `/api/v1/orgs/${ids.orgA}/audit?pageSize=200`)).json.entries;
      const version = async () =>
        (await call('admin', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`)).json.version;
      const operations: [string, () => Promise<unknown>][] = [
        ['case.read', () => call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`)],
        [
          'case.update',
          async () =>
            call('staff', 'PATCH', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`, {
              version: await version(),
              screening: { fearOfReturn: true },
            }),
        ],
        [
          'event.add',
          async () =>
            call('staff', 'POST', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}/events`, {
              version: await version(),
              event: { type: 'arrival', date: '2025-04-01' },
            }),
        ],
        [
          'case.assessment',
          () => call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}/assessment`),
        ],
        [
          'note.add',
          () => call('staff', 'POST', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}/notes`, { body: 'x' }),
        ],
        ['note.read', () => call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}/notes`)],
      ];
      for (const [action, run] of operations) {
        // The version lookups above are reads by the admin: take the count right before the operation.
        const before = await entries();
        await run();
        const after = await entries();
        const added = after.slice(0, after.length - before.length);
        const byStaff = added.filter(
          (e: { action: string }) => e.action !== 'case.read' || action === 'case.read',
        );
        expect({
          action,
          added: byStaff.map((e: { action: string; caseId: string }) => [e.action, e.caseId]),
        }).toEqual({
          action,
          added: [[action, ids.caseA2]],
        });
      }
    });

    it('audits a list and the dashboard with exactly one entry per case shown, in the order shown', async () => {
      const entries = async () =>
        (await call('admin', 'GET', `/api/v1/orgs/${ids.orgA}/audit?pageSize=200`)).json.entries;
      const shown: Record<string, () => Promise<string[]>> = {
        'case.list': async () =>
          (await call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/cases?status=all`)).json.cases.map(
            (c: { id: string }) => c.id,
          ),
        'case.dashboard': async () => [
          ...new Set<string>(
            (await call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/deadlines?within=999d`)).json.deadlines.map(
              (d: { caseId: string }) => d.caseId,
            ),
          ),
        ],
      };
      for (const [action, read] of Object.entries(shown)) {
        const before = await entries();
        const caseIds = await read();
        const after = await entries();
        const added = after.slice(0, after.length - before.length).reverse();
        expect(caseIds.length).toBeGreaterThan(0);
        expect(added.map((e: { action: string; caseId: string }) => [e.action, e.caseId])).toEqual(
          caseIds.map((id) => [action, id]),
        );
      }
    });

    it('recomputes deadlines when an IJ denial is added, and the BIA appeal appears on the dashboard', async () => {
      const v1 = (await call('attorney', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}`)).json.version;
      const nta = await call('attorney', 'POST', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/events`, {
        version: v1,
        event: { type: 'nta_filed', date: '2025-01-10' },
      });
      expect(nta.status).toBe(201);
      const denial = await call('attorney', 'POST', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/events`, {
        version: nta.json.case.version,
        event: { type: 'ij_decision', date: '2026-11-02', outcome: 'denied' },
      });
      expect(denial.status).toBe(201);
      // 30 days after 2026-11-02 is Wed 2026-12-02 (8 CFR 1003.38(b)).
      expect(denial.json.deadlines).toContainEqual(
        expect.objectContaining({ deadlineId: 'bia_appeal', due: '2026-12-02' }),
      );
      const dash = (await call('attorney', 'GET', `/api/v1/orgs/${ids.orgA}/deadlines?within=30d`)).json
        .deadlines;
      expect(dash).toContainEqual(
        expect.objectContaining({
          caseId: ids.caseA,
          deadlineId: 'bia_appeal',
          due: '2026-12-02',
          daysLeft: 10,
          overdue: false,
        }),
      );
      const dues = dash.map((d: { due: string }) => d.due);
      expect([...dues].sort()).toEqual(dues);
      const assessment = (
        await call('client', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/assessment`)
      ).json;
      expect(assessment.posture).toBe('ij_decision');
    });

    it('refuses an impossible event with a 422 naming it, and keeps everything as it was', async () => {
      const before = (await call('attorney', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`)).json;
      const r = await call('attorney', 'POST', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}/events`, {
        version: before.version,
        event: { type: 'bia_decision', date: '2026-01-05', outcome: 'dismissed' },
      });
      expect(r.status).toBe(422);
      expect(r.json.error.message).toMatch(/bia_decision/);
      const after = (await call('attorney', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`)).json;
      expect(after.version).toBe(before.version);
      expect(after.events).toEqual(before.events);
    });

    it('answers a stale version with 409 and loses nothing', async () => {
      const c = (await call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`)).json;
      const first = await call('staff', 'PATCH', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`, {
        version: c.version,
        screening: { fearOfReturn: true },
      });
      expect(first.status).toBe(200);
      const second = await call('attorney', 'PATCH', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`, {
        version: c.version,
        screening: { fearOfReturn: false },
      });
      expect(second.status).toBe(409);
      expect(second.json.error).toMatchObject({
        code: 'version_conflict',
        details: { currentVersion: c.version + 1 },
      });
      expect(
        (await call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA2}`)).json.screening,
      ).toEqual({ fearOfReturn: true });
    });

    it.each([
      ['a body that is not JSON', 'POST', 'cases', '{nope', 400],
      ['an unknown field', 'POST', 'cases', { person: { name: 'A' }, extra: 1 }, 400],
      ['an invalid A-number', 'POST', 'cases', { person: { name: 'A', aNumber: 'B12' } }, 400],
      ['an impossible date', 'POST', 'cases', { person: { name: 'A', birthDate: '2026-02-30' } }, 400],
      [
        'bad screening answers',
        'POST',
        'cases',
        { person: { name: 'A' }, screening: { fearOfReturn: 'yes' } },
        422,
      ],
      ['a bad page size', 'GET', 'cases?pageSize=100000', undefined, 400],
      ['a case id that is not an id', 'GET', 'cases/not-an-id', undefined, 404],
    ])('answers %s with a 4xx in the one error shape', async (_name, method, path, body, status) => {
      const res = await rt.app.request(`/api/v1/orgs/${ids.orgA}/${path}`, {
        method,
        headers: {
          cookie: sessions.admin!.cookie,
          'x-csrf-token': sessions.admin!.csrf,
          'content-type': 'application/json',
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      expect(res.status).toBe(status);
      const json = (await res.json()) as { error: Record<string, unknown> };
      expect(Object.keys(json.error).sort()).toEqual(['code', 'details', 'message']);
    });

    it('refuses a body streamed without a length once it passes the ceiling, with 413', async () => {
      // 26 MB in 1 MB chunks, with no Content-Length: counted as it arrives, never held whole.
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 26) return controller.close();
          sent++;
          controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
        },
      });
      const res = await rt.app.request(`/api/v1/orgs/${ids.orgA}/cases/import`, {
        method: 'POST',
        headers: {
          cookie: sessions.admin!.cookie,
          'x-csrf-token': sessions.admin!.csrf,
          'content-type': 'application/json',
        },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
    });

    it('keeps notes encrypted and lets only the legal team read them', async () => {
      const added = await call('staff', 'POST', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/notes`, {
        body: 'Client fears the militia in Ọkọnkwọ village',
      });
      expect(added.status).toBe(201);
      const notes = (await call('attorney', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/notes`)).json
        .notes;
      expect(notes.map((n: { body: string }) => n.body)).toContain(
        'Client fears the militia in Ọkọnkwọ village',
      );
      expect((await call('client', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/notes`)).status).toBe(
        403,
      );
      const rows = await rt.store.db.selectFrom('case_notes').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain('militia');
    });

    it('recomputes every case when the rules version changes and lists what moved, for review', async () => {
      // Pretend the stored deadlines came from an older rules version that put the appeal a day later.
      await rt.store.db
        .updateTable('cases')
        .set({ rules_version: '2000-01-01' })
        .where('id', '=', ids.caseA!)
        .execute();
      await rt.store.db
        .updateTable('case_deadlines')
        .set({ due: '2026-12-03' })
        .where('case_id', '=', ids.caseA!)
        .where('deadline_id', '=', 'bia_appeal')
        .execute();
      expect(await rt.cases.recomputeAll()).toBeGreaterThanOrEqual(1);
      const changes = (
        await call('attorney', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/deadline-changes`)
      ).json.changes;
      expect(changes).toContainEqual(
        expect.objectContaining({
          deadlineId: 'bia_appeal',
          oldDue: '2026-12-03',
          newDue: '2026-12-02',
          reviewed: false,
        }),
      );
      const change = changes.find((c: { deadlineId: string }) => c.deadlineId === 'bia_appeal');
      expect(change.authority).toContain('8 CFR 1003.38(b)');
      expect(
        (await call('otherAdmin', 'GET', `/api/v1/orgs/${ids.orgB}/deadline-changes`)).json.changes,
      ).toEqual([]);
      const reviewed = await call(
        'attorney',
        'POST',
        `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/deadline-changes/review`,
        {},
      );
      expect(reviewed.json.reviewed).toBeGreaterThanOrEqual(1);
      expect(await rt.cases.recomputeAll()).toBe(0);
    });

    it('serves each person a revocable iCalendar feed without names in it', async () => {
      const created = await call('attorney', 'POST', `/api/v1/orgs/${ids.orgA}/calendar-feed`, {});
      expect(created.status).toBe(201);
      const res = await rt.app.request(created.json.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
      const ics = await res.text();
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('DTSTART;VALUE=DATE:20261202');
      expect(ics).not.toMatch(/José|Núñez|A012345678/);
      const clientFeed = (await call('client', 'POST', `/api/v1/orgs/${ids.orgA}/calendar-feed`, {})).json
        .url;
      expect(await (await rt.app.request(clientFeed)).text()).toContain(`case ${ids.caseA!.slice(0, 8)}`);
      await call('attorney', 'DELETE', `/api/v1/orgs/${ids.orgA}/calendar-feed`);
      expect((await rt.app.request(created.json.url)).status).toBe(404);
      expect((await rt.app.request('/api/calendar/not-a-real-token-at-all-xx.ics')).status).toBe(404);
    });

    it('exports a case as an encrypted bundle that another organisation can import with the passphrase', async () => {
      const exported = await call('attorney', 'POST', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}/export`, {
        passphrase: 'blue river 42',
      });
      expect(exported.status).toBe(200);
      expect(JSON.stringify(exported.json)).not.toMatch(/José|Núñez|A012345678|ij_decision/);
      const wrong = await call('otherAdmin', 'POST', `/api/v1/orgs/${ids.orgB}/cases/import`, {
        passphrase: 'red river 42',
        bundle: exported.json,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.json.error.code).toBe('invalid_bundle');
      const damaged = { ...exported.json, ciphertext: `A${exported.json.ciphertext.slice(1)}` };
      expect(
        (
          await call('otherAdmin', 'POST', `/api/v1/orgs/${ids.orgB}/cases/import`, {
            passphrase: 'blue river 42',
            bundle: damaged,
          })
        ).status,
      ).toBe(400);
      const imported = await call('otherAdmin', 'POST', `/api/v1/orgs/${ids.orgB}/cases/import`, {
        passphrase: 'blue river 42',
        bundle: exported.json,
      });
      expect(imported.status).toBe(201);
      expect(imported.json.person.name).toBe('José Núñez');
      const copy = (await call('otherAdmin', 'GET', `/api/v1/orgs/${ids.orgB}/cases/${imported.json.id}`))
        .json;
      const original = (await call('attorney', 'GET', `/api/v1/orgs/${ids.orgA}/cases/${ids.caseA}`)).json;
      expect(copy.events.map((e: { event: unknown }) => e.event)).toEqual(
        original.events.map((e: { event: unknown }) => e.event),
      );
      expect(copy.deadlines).toEqual(original.deadlines);
    }, 60_000);

    it('accepts bearer API tokens for integrations, scoped to their organisation, without CSRF', async () => {
      const created = await call('attorney', 'POST', `/api/v1/orgs/${ids.orgA}/tokens`, {
        name: 'case import script',
      });
      expect(created.status).toBe(201);
      const auth = { authorization: `Bearer ${created.json.token}` };
      const list = await rt.app.request(`/api/v1/orgs/${ids.orgA}/cases`, { headers: auth });
      expect(list.status).toBe(200);
      const post = await rt.app.request(`/api/v1/orgs/${ids.orgA}/cases`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ person: { name: 'Token Person' } }),
      });
      expect(post.status).toBe(201);
      expect((await rt.app.request(`/api/v1/orgs/${ids.orgB}/cases`, { headers: auth })).status).toBe(404);
      expect(
        (
          await rt.app.request(`/api/v1/orgs/${ids.orgA}/cases`, {
            headers: { authorization: 'Bearer nope' },
          })
        ).status,
      ).toBe(401);
    });

    it('manages members: role changes, removal, and never the last admin', async () => {
      const invited = await call('admin', 'POST', `/api/v1/orgs/${ids.orgA}/members`, {
        email: 'temp@a.test',
        role: 'staff',
        password: PASSWORD,
      });
      const userId = invited.json.userId;
      expect(
        (await call('admin', 'PATCH', `/api/v1/orgs/${ids.orgA}/members/${userId}`, { role: 'attorney' }))
          .status,
      ).toBe(200);
      const members = (await call('admin', 'GET', `/api/v1/orgs/${ids.orgA}/members`)).json.members;
      expect(members.find((m: { userId: string }) => m.userId === userId).role).toBe('attorney');
      expect((await call('admin', 'DELETE', `/api/v1/orgs/${ids.orgA}/members/${userId}`)).status).toBe(200);
      const me = (await call('admin', 'GET', '/api/v1/me')).json;
      const last = await call('admin', 'PATCH', `/api/v1/orgs/${ids.orgA}/members/${me.userId}`, {
        role: 'staff',
      });
      expect(last.status).toBe(409);
      expect(last.json.error.code).toBe('last_admin');
    });

    it('limits failed logins', async () => {
      const attempt = () =>
        call(null, 'POST', '/api/v1/auth/login', { email: 'victim@a.test', password: 'guess' });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
      expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
      if (kind === 'postgres') {
        // A second server process on the same database sees the same count.
        const second = await openRuntime(
          readConfig({ DATA_DIR: fresh.options.dataDir, DATABASE_URL: fresh.options.databaseUrl! }),
          { env: {}, today: () => TODAY },
        );
        try {
          const res = await second.app.request('/api/v1/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'victim@a.test', password: 'guess' }),
          });
          expect(res.status).toBe(429);
        } finally {
          await second.close();
        }
      }
    });

    it('finds a case by name or A-number without storing either in clear', async () => {
      const byName = (await call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/cases?q=jose%20nunez&status=all`))
        .json;
      expect(byName.cases.map((c: { id: string }) => c.id)).toContain(ids.caseA);
      const byA = (await call('staff', 'GET', `/api/v1/orgs/${ids.orgA}/cases?q=A012345678&status=all`)).json;
      expect(byA.cases.map((c: { id: string }) => c.id)).toEqual([ids.caseA]);
      const rows = await rt.store.db.selectFrom('cases').selectAll().execute();
      const events = await rt.store.db.selectFrom('case_events').selectAll().execute();
      const dump = JSON.stringify([rows, events]);
      for (const secret of ['José', 'Núñez', 'A012345678', '012345678', '1990-02-03', 'Ọkọnkwọ'])
        expect(dump).not.toContain(secret);
    });
  });
}
