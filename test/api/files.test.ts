/**
 * Files kept with a case, end to end on both databases: what goes in comes back byte for byte,
 * nothing of it is readable in the tables, the declared type must match the bytes, the size is
 * limited, every access is audited, and another organisation cannot reach them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/server/runtime.ts';
import { databaseKinds } from '../support/databases.ts';
import { type RuntimeWithOrgs, runtimeWithOrgs } from '../support/runtime.ts';

const NAME = 'Acta de nacimiento de José Núñez.pdf';
const SECRET_TEXT = 'Testimony of Ngozi about the night of the arrest';
const PDF = new TextEncoder().encode(`%PDF-1.4\n% ${SECRET_TEXT}\n%%EOF\n`);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

for (const kind of databaseKinds) {
  describe(`case files (${kind})`, () => {
    let setup: RuntimeWithOrgs | undefined;
    let rt: Runtime;
    let sessions: RuntimeWithOrgs['sessions'] = {};
    let orgA = '';
    let caseId = '';

    const request = (
      who: string,
      method: string,
      path: string,
      init: { body?: BodyInit; type?: string } = {},
    ) => {
      const s = sessions[who]!;
      const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrf };
      if (init.type) headers['content-type'] = init.type;
      return rt.app.request(path, {
        method,
        headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
    };
    const files = () => `/api/v1/orgs/${orgA}/cases/${caseId}/files`;

    beforeAll(async () => {
      setup = await runtimeWithOrgs(kind, ['a', 'b'], { today: '2026-11-23' });
      ({ rt, sessions } = setup);
      orgA = setup.orgs.a!;
      const created = await request('a', 'POST', `/api/v1/orgs/${orgA}/cases`, {
        type: 'application/json',
        body: JSON.stringify({ person: { name: 'José Núñez' } }),
      });
      caseId = ((await created.json()) as { id: string }).id;
    }, 120_000);

    afterAll(async () => {
      await setup?.close();
    });

    it('keeps a PDF and gives back the same bytes, its name and type', async () => {
      const up = await request('a', 'POST', `${files()}?name=${encodeURIComponent(NAME)}`, {
        type: 'application/pdf',
        body: PDF,
      });
      expect(up.status).toBe(201);
      const { id } = (await up.json()) as { id: string };
      const list = (await (await request('a', 'GET', files())).json()) as {
        files: { id: string; name: string; size: number }[];
      };
      expect(list.files).toEqual([
        expect.objectContaining({ id, name: NAME, size: PDF.byteLength, contentType: 'application/pdf' }),
      ]);
      const down = await request('a', 'GET', `${files()}/${id}`);
      expect(down.status).toBe(200);
      expect(down.headers.get('content-type')).toBe('application/pdf');
      expect(down.headers.get('content-disposition')).toContain(encodeURIComponent(NAME));
      expect(new Uint8Array(await down.arrayBuffer())).toEqual(PDF);
      const audit = await rt.store.db
        .selectFrom('audit_log')
        .select('action')
        .where('case_id', '=', caseId)
        .where('action', 'like', 'file.%')
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['file.add', 'file.list', 'file.read']);
    });

    it('stores neither the name nor the contents in clear', async () => {
      const rows = await sql<{ t: string }>`select c::text as t from case_files c`.execute(rt.store.db);
      expect(rows.rows.length).toBeGreaterThan(0);
      for (const r of rows.rows) {
        expect(r.t).not.toContain('José');
        expect(r.t).not.toContain('Acta');
        expect(r.t).not.toContain('Ngozi');
        expect(r.t).not.toContain(Buffer.from(PDF).toString('base64').slice(0, 24));
      }
    });

    it('refuses a type it does not keep, a type that does not match the bytes, an empty file, a bad name', async () => {
      const cases: [string, BodyInit, string, number, string][] = [
        [`?name=notes.txt`, 'plain words', 'text/plain', 415, 'unsupported_media_type'],
        [`?name=photo.png`, PDF, 'image/png', 415, 'type_mismatch'],
        [`?name=scan.jpg`, PNG, 'image/jpeg', 415, 'type_mismatch'],
        [`?name=empty.pdf`, new Uint8Array(0), 'application/pdf', 400, 'empty_file'],
        [`?name=${encodeURIComponent('../../etc/passwd')}`, PDF, 'application/pdf', 400, 'invalid_input'],
        ['', PDF, 'application/pdf', 400, 'invalid_input'],
      ];
      for (const [query, body, type, status, code] of cases) {
        const res = await request('a', 'POST', `${files()}${query}`, { type, body });
        expect(res.status, `${type} ${query}`).toBe(status);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
      }
      const png = await request('a', 'POST', `${files()}?name=photo.png`, { type: 'image/png', body: PNG });
      expect(png.status).toBe(201);
    });

    it('refuses a file over 20 MB with 413, keeping nothing', async () => {
      const before = ((await (await request('a', 'GET', files())).json()) as { files: unknown[] }).files
        .length;
      const big = new Uint8Array(20 * 1024 * 1024 + 1);
      big.set(PDF);
      const res = await request('a', 'POST', `${files()}?name=big.pdf`, {
        type: 'application/pdf',
        body: big,
      });
      expect(res.status).toBe(413);
      const after = ((await (await request('a', 'GET', files())).json()) as { files: unknown[] }).files
        .length;
      expect(after).toBe(before);
    });

    it("is out of another organisation's reach", async () => {
      const list = (await (await request('a', 'GET', files())).json()) as { files: { id: string }[] };
      const id = list.files[0]!.id;
      const other = `/api/v1/orgs/${orgA}/cases/${caseId}/files`;
      for (const [method, path] of [
        ['GET', other],
        ['GET', `${other}/${id}`],
        ['DELETE', `${other}/${id}`],
      ] as const) {
        const res = await request('b', method, path);
        expect([403, 404], `${method} ${path}`).toContain(res.status);
      }
      const mine = await request('a', 'DELETE', `${files()}/${id}`);
      expect(mine.status).toBe(200);
      expect((await request('a', 'GET', `${files()}/${id}`)).status).toBe(404);
    });
  });
}
