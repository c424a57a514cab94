/**
 * Documents prepared from a stored case through the API, on both databases: the case gives the
 * facts, name, A-number and birth date; the request gives what only a person knows. What comes back
 * is read as an outside reader would; a document that does not fit the case is a 422 naming why;
 * every preparation is audited; another organisation cannot prepare one from the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/server/runtime.ts';
import { docxText, docxXml, flat, pdfPages } from '../documents/read-back.ts';
import { databaseKinds } from '../support/databases.ts';
import { type RuntimeWithOrgs, runtimeWithOrgs } from '../support/runtime.ts';

for (const kind of databaseKinds) {
  describe(`documents from a case (${kind})`, () => {
    let setup: RuntimeWithOrgs | undefined;
    let rt: Runtime;
    let sessions: RuntimeWithOrgs['sessions'] = {};
    let orgs: RuntimeWithOrgs['orgs'] = {};
    let affirmative = '';
    let inCourt = '';

    const post = (who: string, path: string, body: unknown) => {
      const s = sessions[who]!;
      return rt.app.request(path, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    };
    const documents = (caseId: string, k: string, org = orgs.a!) =>
      `/api/v1/orgs/${org}/cases/${caseId}/documents/${k}`;

    async function createCase(person: unknown, events: unknown[]): Promise<string> {
      const created = await post('a', `/api/v1/orgs/${orgs.a}/cases`, { person });
      let c = (await created.json()) as { id: string; version: number };
      for (const event of events) {
        const res = await post('a', `/api/v1/orgs/${orgs.a}/cases/${c.id}/events`, {
          version: c.version,
          event,
        });
        expect(res.status).toBe(201);
        c = { id: c.id, version: ((await res.json()) as { case: { version: number } }).case.version };
      }
      return c.id;
    }

    beforeAll(async () => {
      setup = await runtimeWithOrgs(kind, ['a', 'b'], { today: '2026-11-23' });
      ({ rt, sessions, orgs } = setup);
      affirmative = await createCase({ name: 'José Núñez', aNumber: 'A12345678', birthDate: '1990-04-15' }, [
        { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
        { type: 'asylum_filed', date: '2026-03-01', forum: 'uscis' },
      ]);
      inCourt = await createCase({ name: 'Аня Петрова', aNumber: 'A087654321' }, [
        { type: 'arrival', date: '2025-01-10', manner: 'entry_without_inspection' },
        { type: 'nta_filed', date: '2025-02-01' },
      ]);
    }, 120_000);

    afterAll(async () => {
      await setup?.close();
    });

    it('lists the kinds of document a case can prepare', async () => {
      const s = sessions.a!;
      const res = await rt.app.request('/api/v1/document-kinds', { headers: { cookie: s.cookie } });
      const body = (await res.json()) as { kinds: string[] };
      expect(body.kinds).toEqual(
        expect.arrayContaining([
          'withdrawal-letter',
          'change-of-address',
          'motion-to-reopen',
          'exhibit-packet',
        ]),
      );
    });

    it('prepares the withdrawal letter as a PDF from the case, with the details a person adds', async () => {
      const res = await post('a', documents(affirmative, 'withdrawal-letter'), {
        format: 'pdf',
        details: { document: { receiptNumber: 'ABC1234567890', reason: 'I married a U.S. citizen.' } },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      // The file's name says what it is, never whose.
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="withdrawal-letter.pdf"');
      const text = flat((await pdfPages(new Uint8Array(await res.arrayBuffer()))).join(' '));
      expect(text).toContain('José Núñez');
      expect(text).toContain('A012345678');
      expect(text).toContain('April 15, 1990');
      expect(text).toContain('ABC1234567890');
      expect(text).toContain('I married a U.S. citizen.');
      // Dated the day it is prepared: "today" where the organisation works.
      expect(text).toContain('November 23, 2026');
    });

    it('prepares the same as DOCX', async () => {
      const res = await post('a', documents(affirmative, 'withdrawal-letter'), { format: 'docx' });
      expect(res.status, await res.clone().text()).toBe(200);
      const text = flat(docxText(docxXml(new Uint8Array(await res.arrayBuffer()))));
      expect(text).toContain('José Núñez');
      expect(text).toContain('A012345678');
    });

    it('explains the document on its last page in the language asked, the filing staying in English', async () => {
      const res = await post('a', documents(affirmative, 'withdrawal-letter'), {
        format: 'pdf',
        details: { document: { language: 'es' } },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const pages = (await pdfPages(new Uint8Array(await res.arrayBuffer()))).map(flat);
      expect(pages[0]).toContain('I, José Núñez, voluntarily withdraw my Form I-589');
      expect(pages.at(-1)).toContain('Sobre este documento Esta página es para usted. No la presente.');
      const docx = await post('a', documents(affirmative, 'withdrawal-letter'), {
        format: 'docx',
        details: { document: { language: 'fr' } },
      });
      expect(docx.status).toBe(200);
      expect(docxXml(new Uint8Array(await docx.arrayBuffer()))).toContain('<w:lang w:val="fr"/>');
      const bad = await post('a', documents(affirmative, 'withdrawal-letter'), {
        format: 'pdf',
        details: { document: { language: 'pt' } },
      });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { error: { details: unknown } }).error.details).toEqual({
        path: 'document.language',
      });
    });

    it('refuses, naming why, a document the case does not fit or a detail that is wrong', async () => {
      // Before the immigration court, an application is withdrawn by motion, not by letter.
      const court = await post('a', documents(inCourt, 'withdrawal-letter'), { format: 'pdf' });
      expect(court.status).toBe(422);
      const courtError = ((await court.json()) as { error: { code: string; message: string } }).error;
      expect(courtError.code).toBe('invalid_document');
      expect(courtError.message).toMatch(/immigration judge/);
      const bad = await post('a', documents(affirmative, 'withdrawal-letter'), {
        format: 'pdf',
        details: { document: { receiptNumber: '12' } },
      });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { error: { details: unknown } }).error.details).toEqual({
        path: 'document.receiptNumber',
      });
      const facts = await post('a', documents(affirmative, 'withdrawal-letter'), {
        format: 'pdf',
        details: { events: [] },
      });
      expect(facts.status).toBe(400);
      const format = await post('a', documents(affirmative, 'withdrawal-letter'), { format: 'rtf' });
      expect(format.status).toBe(400);
      const unknown = await post('a', documents(affirmative, 'constructor'), { format: 'pdf' });
      expect(unknown.status).toBe(404);
    });

    it('assembles an exhibit packet from files kept with the case, in the order asked', async () => {
      const { PDFDocument, StandardFonts } = await import('pdf-lib');
      const upload = async (name: string, pages: number) => {
        const doc = await PDFDocument.create();
        const font = await doc.embedFont(StandardFonts.Helvetica);
        for (let i = 1; i <= pages; i++)
          doc.addPage([612, 792]).drawText(`${name} page ${i}`, { x: 72, y: 700, size: 12, font });
        const s = sessions.a!;
        const res = await rt.app.request(
          `/api/v1/orgs/${orgs.a}/cases/${inCourt}/files?name=${encodeURIComponent(`${name}.pdf`)}`,
          {
            method: 'POST',
            headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/pdf' },
            body: (await doc.save()) as Uint8Array<ArrayBuffer>,
          },
        );
        expect(res.status).toBe(201);
        return ((await res.json()) as { id: string }).id;
      };
      const declaration = await upload('Declaration', 3);
      const report = await upload('Country report', 2);
      const res = await post('a', documents(inCourt, 'exhibit-packet'), {
        exhibits: [
          { fileId: report, description: 'Country conditions report' },
          { fileId: declaration, description: 'Declaration of the respondent' },
        ],
        details: {
          document: {
            court: { city: 'Newark', state: 'NJ' },
            detained: false,
            address: { street: '40 Oak Ave', city: 'Paterson', state: 'NJ', zip: '07501' },
          },
        },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const pages = (await pdfPages(new Uint8Array(await res.arrayBuffer()))).map(flat);
      // Cover, index, tab A, 2 report pages, tab B, 3 declaration pages, proof of service: 10
      // numbered pages; then the explanation for the person, unnumbered.
      expect(pages.length).toBe(11);
      expect(pages[3]).toContain('Country report page 1');
      expect(pages[6]).toContain('Declaration page 1');
      expect(pages[9]).toMatch(/PROOF OF SERVICE|Proof of Service|CERTIFICATE OF SERVICE/i);
      for (const [i, text] of pages.slice(0, 10).entries()) expect(text).toContain(`${i + 1} of 10`);
      expect(pages[10]).toContain('About this document');
      expect(pages[10]).not.toContain('of 10');
      const missing = await post('a', documents(inCourt, 'exhibit-packet'), {
        exhibits: [{ fileId: '00000000-0000-4000-8000-000000000000', description: 'Nothing' }],
      });
      expect(missing.status).toBe(404);
    });

    it('audits each preparation once, and keeps it from another organisation', async () => {
      const before = await rt.store.db
        .selectFrom('audit_log')
        .select('action')
        .where('case_id', '=', affirmative)
        .where('action', '=', 'document.withdrawal-letter')
        .execute();
      expect(before.length).toBeGreaterThanOrEqual(2);
      const other = await post('b', documents(affirmative, 'withdrawal-letter', orgs.a), { format: 'pdf' });
      expect(other.status).toBe(404);
      const own = await post('b', documents(affirmative, 'withdrawal-letter', orgs.b), { format: 'pdf' });
      expect(own.status).toBe(404);
      const after = await rt.store.db
        .selectFrom('audit_log')
        .select('action')
        .where('case_id', '=', affirmative)
        .where('action', '=', 'document.withdrawal-letter')
        .execute();
      expect(after.length).toBe(before.length);
    });
  });
}
