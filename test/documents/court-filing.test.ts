/**
 * What the three court filings share (court-filing.ts): the court details and their defaults from
 * the case, the refusals of missing or malformed details, the two blocks the cover page added to
 * the model (centred lines, two columns) in both adapters, and the CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/docx.ts';
import { fileNumber } from '../../src/documents/kinds/court-filing.ts';
import { buildMotionToReconsider } from '../../src/documents/kinds/motion-to-reconsider.ts';
import { buildMotionToReopen } from '../../src/documents/kinds/motion-to-reopen.ts';
import { buildMotionToWithdraw } from '../../src/documents/kinds/motion-to-withdraw.ts';
import { centered, columns, createDocument, documentStrings } from '../../src/documents/model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { cliError, runCli } from '../cli/run-cli.ts';
import { docxXml, embeddedFonts, flat, pageSizes, pdfPages } from './read-back.ts';
import { FIXTURES, fixture, refusalOf, scratchDir, withDocument } from './support.ts';

const KINDS = [
  ['motion-to-withdraw', buildMotionToWithdraw],
  ['motion-to-reopen', buildMotionToReopen],
  ['motion-to-reconsider', buildMotionToReconsider],
] as const;

const withdraw = fixture('motion-to-withdraw.json');
const court = withdraw.document as { court: Record<string, unknown> };
const text = (input: Record<string, unknown>) => documentStrings(buildMotionToWithdraw(input)).join('\n');

describe('the court details', () => {
  it('prints the file number as EOIR does: A and nine digits in groups of three', () => {
    expect(fileNumber('A012345678')).toBe('A012-345-678');
    expect(text(withDocument(withdraw, { aNumber: '98765432' }))).toContain('File No.: A098-765-432');
  });

  it('takes detention from the document over the case, since a person may have been released', () => {
    expect(documentStrings(buildMotionToReopen(fixture('motion-to-reopen.json')))).toContain('DETAINED');
    const released = withDocument(fixture('motion-to-reopen.json'), { detained: false });
    expect(documentStrings(buildMotionToReopen(released))).toContain('NON-DETAINED');
  });

  it('takes the next hearing from the document over the latest hearing notice', () => {
    expect(text(withdraw)).toContain('Tuesday, January 12, 2027');
    const moved = withDocument(withdraw, { court: { ...court.court, nextHearingDate: '2027-02-16' } });
    expect(text(moved)).toContain('Tuesday, February 16, 2027');
  });

  it.each([
    [{ court: undefined }, 'document.court', /is required for a court filing/],
    [{ court: { city: 'Newark', state: 'New Jersey' } }, 'document.court.state', /two-letter/],
    [{ court: { city: 'Newark', state: 'NJ', room: '4' } }, 'document.court', /unknown field "room"/],
    [
      { court: { city: 'Newark', state: 'NJ', nextHearingDate: '2026-11-01' } },
      'document.court.nextHearingDate',
      /before asOf/,
    ],
    [{ address: undefined }, 'document.address', /filer's name and address/],
    [{ detained: 'no' }, 'document.detained', /true or false/],
    [{ service: { method: 'fax' } }, 'document.service.method', /"mail", "personal_delivery"/],
    [
      {
        representative: {
          name: 'Ana Peña',
          eoirId: 'AB-12',
          address: { street: '1 A St', city: 'X', state: 'NJ', zip: '07102' },
        },
      },
      'document.representative.eoirId',
      /EOIR ID/,
    ],
    [
      { representative: { name: 'Ana Peña', eoirId: 'AB123456' } },
      'document.representative.address',
      /is required/,
    ],
  ])('refuses %j at %s', (change, path, message) => {
    const err = refusalOf(() => buildMotionToWithdraw(withDocument(withdraw, change)));
    expect(err.path.join('.')).toBe(path);
    expect(err.message).toMatch(message);
  });

  it('asks for detention when neither the document nor the case says it', () => {
    const events = (withdraw.events as Record<string, unknown>[]).map(({ detained: _d, ...e }) => e);
    const err = refusalOf(() => buildMotionToWithdraw({ ...withdraw, events }));
    expect(err.path).toEqual(['document', 'detained']);
    expect(err.message).toContain('DETAINED or NON-DETAINED');
  });
});

describe('every court filing', () => {
  it.each(KINDS)(
    '%s is US Letter on every page, with the font embedded and no personal data in its title',
    async (name, build) => {
      const model = build(fixture(`${name}.json`));
      expect(model.title).not.toMatch(/José|Аня|A0/);
      const bytes = await renderPdf(model);
      for (const size of await pageSizes(bytes)) expect(size).toEqual({ width: 612, height: 792 });
      expect(await embeddedFonts(bytes)).toEqual(['RFGAAA+DejaVuSans', 'RFGAAB+DejaVuSans-Bold']);
      const xml = docxXml(await renderDocx(model));
      const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
      // Cover, motion, order, proof of service, the person's page and the explanation, each its own section.
      expect(sizes).toHaveLength(6);
      for (const s of sizes) expect(s).toMatch(/w:w="12240".*w:h="15840"|w:h="15840".*w:w="12240"/);
    },
  );
});

describe('the centred lines and the two columns', () => {
  const model = createDocument('Layout', [
    {
      blocks: [columns(['Left one', 'Left two'], ['RIGHT']), centered(['In the middle'], { bold: true })],
    },
  ]);

  it('draws them in the PDF: the right column flush right, the centred line in the middle', async () => {
    const bytes = await renderPdf(model);
    const [page] = await pdfPages(bytes);
    expect(flat(page!)).toBe('Left one Left two RIGHT In the middle');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: bytes, verbosity: 0 }).promise;
    const items = (await (await doc.getPage(1)).getTextContent()).items.filter(
      (i): i is Extract<typeof i, { str: string }> => 'str' in i && i.str.trim() !== '',
    );
    const at = (s: string) => items.find((i) => i.str === s)!;
    // The right column ends at the right margin (612 - 72); the centred line's middle is the page's.
    expect(at('RIGHT').transform[4] + at('RIGHT').width).toBeCloseTo(540, 0);
    expect(at('In the middle').transform[4] + at('In the middle').width / 2).toBeCloseTo(306, 0);
    expect(at('Left one').transform[5]).toBe(at('RIGHT').transform[5]);
    await doc.destroy();
  });

  it('writes them in the DOCX: a borderless two-cell table, and a centred paragraph', async () => {
    const xml = docxXml(await renderDocx(model));
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:jc w:val="right"\/>.*RIGHT/s);
    expect(xml).toMatch(/<w:jc w:val="center"\/>.*In the middle/s);
    expect(documentStrings(model)).toEqual(['Layout', 'Left one', 'Left two', 'RIGHT', 'In the middle']);
  });
});

describe('refugio document for the court filings', () => {
  const dir = scratchDir('court-filings');

  it.each(KINDS)('writes %s as PDF from its example input', async (name) => {
    const out = join(dir, `${name}.pdf`);
    const r = runCli(['document', name, join(FIXTURES, `${name}.json`), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [cover] = await pdfPages(readFileSync(out));
    expect(flat(cover!)).toContain('EXECUTIVE OFFICE FOR IMMIGRATION REVIEW');
  });

  it.each([
    ['motion-to-withdraw', 'withdrawal-letter.json', 'uscis_letter'],
    ['motion-to-reopen', 'motion-to-withdraw.json', 'immigration judge'],
    ['motion-to-reconsider', 'withdrawal-letter.json', 'immigration judge'],
  ])('exits 2 for %s on a case it does not fit (%s), naming the events', (name, input, message) => {
    const r = runCli([
      'document',
      name,
      join(FIXTURES, input),
      '--out',
      join(dir, 'no.pdf'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const error = cliError(r.stderr);
    expect(error.path).toBe('events');
    expect(error.message).toContain(message);
    expect(r.stdout).toBe('');
  });
});
