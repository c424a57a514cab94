/**
 * The change-of-address summary (Forms EOIR-33 and AR-11): the deadlines are the law core's for the
 * case's latest move, shown with the answers the forms ask for; read back from PDF and DOCX.
 */
import { describe, expect, it } from 'vitest';
import { computeDeadlines, formatDate, parseCaseFacts } from '../../src/core/index.ts';
import { renderDocx } from '../../src/documents/docx.ts';
import { buildChangeOfAddress } from '../../src/documents/kinds/change-of-address.ts';
import { docxText, docxXml, flat, pageSizes, readBackDocx, readBackPdf } from './read-back.ts';
import { fixture, type Input, refusalOf } from './support.ts';

const court = fixture<Input & { events: Record<string, unknown>[] }>('change-of-address.json');
const details = court.document as Record<string, unknown>;

const arrival = { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' };
const atUscis = {
  asOf: '2026-11-22',
  events: [
    arrival,
    { type: 'asylum_filed', date: '2026-03-01', forum: 'uscis' },
    { type: 'address_change', date: '2026-11-20' },
  ],
  document: details,
};
const atBia = {
  asOf: '2026-11-22',
  events: [
    { type: 'arrival', date: '2024-02-10', manner: 'entry_without_inspection' },
    { type: 'nta_filed', date: '2024-03-01' },
    { type: 'asylum_filed', date: '2024-09-01', forum: 'immigration_court' },
    { type: 'ij_decision', date: '2026-10-02', outcome: 'denied' },
    { type: 'bia_appeal_filed', date: '2026-10-20' },
    { type: 'address_change', date: '2026-11-20' },
  ],
  document: details,
};

/** The words as a reader of the DOCX gets them ("Label: value"), on one line. */
async function text(input: unknown): Promise<string> {
  return flat(docxText(docxXml(await renderDocx(buildChangeOfAddress(input)))));
}

describe('the change-of-address summary', () => {
  it('shows the deadlines the law core computes for the latest move, court and USCIS', async () => {
    const report = computeDeadlines(parseCaseFacts(court));
    const due = (id: string) => formatDate(report.deadlines.find((d) => d.id === id)!.due);
    // Moved Friday 2026-11-20: 5 days to the court (Wednesday the 25th), 10 days to USCIS (Monday the 30th).
    expect(due('address_change_court')).toBe('2026-11-25');
    expect(due('address_change_uscis')).toBe('2026-11-30');
    const t = await text(court);
    expect(t).toContain(
      'Tell the immigration court the new address (Form EOIR-33/IC) Due by: Wednesday, November 25, 2026',
    );
    expect(t).toContain('Tell USCIS the new address (Form AR-11) Due by: Monday, November 30, 2026');
    expect(t).toContain('Date of the move: November 20, 2026');
    expect(t).toContain('8 CFR 1003.15(d)(2)');
    expect(t).toContain('INA 265(a)');
    expect(t).toContain('Both the immigration court or BIA and USCIS need the new address.');
    expect(t).toContain('This is legal information, not legal advice.');
    expect(t).not.toContain('EOIR-33/BIA');
  });

  it('asks for AR-11 only when the case was at USCIS on the day of the move', async () => {
    const t = await text(atUscis);
    expect(t).toContain('Form AR-11) Due by: Monday, November 30, 2026');
    expect(t).not.toContain('EOIR-33/IC');
    expect(t).toContain('Form EOIR-33 (immigration court or BIA) Not needed for this move');
  });

  it('counts working days for the BIA (Thanksgiving skipped)', async () => {
    const t = await text(atBia);
    expect(t).toContain('Tell the BIA the new address (Form EOIR-33/BIA) Due by: Monday, November 30, 2026');
    expect(t).toContain('5 working days after 2026-11-20');
  });

  it('says when a form was filed on time, and when a deadline has passed', async () => {
    const events = court.events.map((e) =>
      e.type === 'address_change' ? { ...e, eoir33Filed: '2026-11-21' } : e,
    );
    const t = await text({ ...court, asOf: '2026-12-05', events });
    expect(t).toContain('Status: Done on November 21, 2026, on time.');
    expect(t).toContain('The deadline has passed. The form is still needed: file it as soon as you can.');
  });

  it('fills the answers the forms ask for', async () => {
    const t = await text(court);
    expect(t).toContain('Name: Аня Петрова');
    expect(t).toContain('A-Number: A098765432');
    expect(t).toContain('Date of birth: February 29, 1988');
    expect(t).toContain('New address: c/o Γιώργος Παπαδόπουλος 7 Elm St, Apt 2B Queens, NY 11101-2345');
    expect(t).toContain('Previous address: 40 Oak Ave Paterson, NJ 07501');
  });

  it('refuses a case with no move, and a move with no new address', () => {
    const noMove = { ...court, events: court.events.filter((e) => e.type !== 'address_change') };
    const a = refusalOf(() => buildChangeOfAddress(noMove));
    expect(a.path).toEqual(['events']);
    expect(a.message).toContain('address_change');
    const { newAddress: _n, ...rest } = details;
    const b = refusalOf(() => buildChangeOfAddress({ ...court, document: rest }));
    expect(b.path).toEqual(['document', 'newAddress']);
  });
});

describe('written out', () => {
  it('as a one-page US Letter PDF with the dates and names as text, then the explanation', async () => {
    const { bytes, pages, poppler } = await readBackPdf(buildChangeOfAddress(court), 'change-of-address');
    // The summary, then the explanation for the person (explanations.test.ts).
    expect(await pageSizes(bytes)).toEqual(Array(2).fill({ width: 612, height: 792 }));
    const [page] = pages;
    const t = flat(page!);
    for (const expected of [
      'Аня Петрова',
      'c/o Γιώργος Παπαδόπουλος',
      'A098765432',
      'Wednesday, November 25, 2026',
      'Monday, November 30, 2026',
      'Form EOIR-33/IC',
      'Form AR-11',
    ])
      expect(t).toContain(expected);
    if (poppler !== null) expect(flat(poppler)).toContain('Wednesday, November 25, 2026');
  });

  it('as a DOCX with the same words', async () => {
    const t = flat((await readBackDocx(buildChangeOfAddress(court), 'change-of-address')).text);
    expect(t).toContain('Аня Петрова');
    expect(t).toContain('Due by: Wednesday, November 25, 2026');
    expect(t).toContain('Due by: Monday, November 30, 2026');
  });
});
