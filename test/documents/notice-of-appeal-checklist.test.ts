/**
 * The notice-of-appeal checklist (Form EOIR-26): the 30-day deadline is the law core's, the fee is
 * law/fees.ts's for the as-of date; rendered as PDF and DOCX and read back as an outside reader
 * would. Expected dates are worked out by hand in the comments, never copied from the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEES } from '../../law/fees.ts';
import { buildNoticeOfAppealChecklist } from '../../src/documents/kinds/notice-of-appeal-checklist.ts';
import { documentStrings } from '../../src/documents/model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { cliError, runCli } from '../cli/run-cli.ts';
import { flat, pageSizes, pdfPages, readBackDocx, readBackPdf } from './read-back.ts';
import { FIXTURES, fixture, type Input, refusalOf, scratchDir, withDocument } from './support.ts';

const base = fixture<Input & { events: Record<string, unknown>[] }>('notice-of-appeal-checklist.json');
const withAppeal = (changes: Record<string, unknown>) => ({
  ...base,
  appeal: { ...(base.appeal as Record<string, unknown>), ...changes },
});
const withEvents = (extra: Record<string, unknown>[], asOf = base.asOf) => ({
  ...base,
  asOf,
  events: [...base.events, ...extra],
});

/** The text a reader of the model gets, on one line. */
const text = (input: unknown) => flat(documentStrings(buildNoticeOfAppealChecklist(input)).join('\n'));

/** The EOIR-26 fee in law/fees.ts on a date, looked up here by its validity window. */
function eoir26On(iso: string) {
  const fees = FEES.filter(
    (f) => f.id === 'EOIR-26' && f.validFrom <= iso && (f.validTo === undefined || iso <= f.validTo),
  );
  expect(fees).toHaveLength(1);
  return fees[0]!;
}

describe('the deadline, from the law core', () => {
  it('rolls past a weekend and a federal holiday: decided Friday 2026-09-11, due Tuesday 2026-10-13', () => {
    // 2026-09-11 is a Friday. Day 30 is 2026-10-11, a Sunday; Monday 2026-10-12 is Columbus Day
    // (second Monday of October), so the last day is Tuesday 2026-10-13 (8 CFR 1003.38(b)).
    const t = text(base);
    expect(t).toContain('Date of the decision September 11, 2026');
    expect(t).toContain('Due by Tuesday, October 13, 2026');
    expect(t).toContain('Columbus Day');
    expect(t).toContain('8 CFR 1003.38(b)');
    // Prepared 2026-09-20: 10 days to the end of September, 13 into October.
    expect(t).toContain(
      'Not filed yet. 23 calendar days from the day this checklist was prepared to the due date.',
    );
  });

  it('says the BIA must receive it by then, and that mailing on time is not enough', () => {
    const t = text(base);
    expect(t).toContain(
      'The BIA must receive the appeal (Form EOIR-26) by this date; mailing it in time is not enough.',
    );
    expect(t).toContain('an appeal mailed on time that arrives after the due date is late');
  });

  it('rolls a plain weekend: decided Friday 2025-06-13, due Monday 2025-07-14', () => {
    // Day 30 after Friday 2025-06-13 is Sunday 2025-07-13; Monday 2025-07-14 is no holiday.
    const input = {
      ...base,
      asOf: '2025-06-20',
      events: [
        { type: 'arrival', date: '2023-02-10', manner: 'entry_without_inspection' },
        { type: 'nta_filed', date: '2023-03-01' },
        { type: 'asylum_filed', date: '2023-09-01', forum: 'immigration_court' },
        { type: 'ij_decision', date: '2025-06-13', outcome: 'denied' },
      ],
    };
    expect(text(input)).toContain('Due by Monday, July 14, 2025');
  });

  it('shows an appeal received on time as done, and one never received as late, with a warning first', () => {
    const met = text(withEvents([{ type: 'bia_appeal_filed', date: '2026-10-09' }], '2026-10-20'));
    expect(met).toContain('Received by the BIA on October 9, 2026, on time.');
    const late = buildNoticeOfAppealChecklist({ ...base, asOf: '2026-10-14' });
    const first = late.sections[0]!.blocks.find((b) => b.type === 'paragraph' && b.style === 'notice');
    expect(first).toMatchObject({
      text: expect.stringContaining('The deadline has passed: it was Tuesday, October 13, 2026.'),
    });
    expect(text({ ...base, asOf: '2026-10-14' })).toContain('The due date has passed');
  });
});

describe('the fee, from law/fees.ts', () => {
  it('is the EOIR-26 fee in force on the as-of date, with the fee waiver request as the other way', () => {
    const fee = eoir26On('2026-09-20');
    // OBBBA sec. 100013, in force for EOIR from 2025-07-09: $900 (RULES.md E).
    expect(fee.amount).toBe(900);
    const t = text(base);
    expect(t).toContain(`Filing fee $${fee.amount} (in force on September 20, 2026)`);
    expect(t).toContain('Form EOIR-26A (Fee Waiver Request)');
    expect(t).toContain('8 CFR 1003.38(d)');
    // The amount is not confirmed in an official source yet: the document says so.
    expect(fee.verified).toBe(false);
    expect(t).toContain('Check the current fee before filing');
  });

  it('names the new amount when the fee changes between the as-of date and the due date', () => {
    // Prepared 2025-06-20 ($110, the fee since 1986); due 2025-07-14, after the $900 fee began on 2025-07-09.
    expect(eoir26On('2025-06-20').amount).toBe(110);
    expect(eoir26On('2025-07-14').amount).toBe(900);
    const t = text({
      ...base,
      asOf: '2025-06-20',
      events: [
        { type: 'arrival', date: '2023-02-10', manner: 'entry_without_inspection' },
        { type: 'nta_filed', date: '2023-03-01' },
        { type: 'asylum_filed', date: '2023-09-01', forum: 'immigration_court' },
        { type: 'ij_decision', date: '2025-06-13', outcome: 'denied' },
      ],
    });
    expect(t).toContain('Filing fee $110 (in force on June 20, 2025)');
    expect(t).toContain(
      'The fee changes on July 9, 2025: an appeal the BIA receives on or after that day needs $900.',
    );
    expect(t).not.toContain('Check the current fee before filing');
  });

  it('lists only the fee waiver request, or only the payment, when the person has chosen', () => {
    const waiver = text(withAppeal({ feeWaiver: true }));
    expect(waiver).toContain('You plan to ask for a fee waiver.');
    expect(waiver).toContain('Form EOIR-26A (Fee Waiver Request), signed.');
    expect(waiver).not.toContain('Proof that the filing fee was paid');
    const pay = text(withAppeal({ feeWaiver: false }));
    expect(pay).toContain('You plan to pay the $900 fee.');
    expect(pay).toContain('Proof that the filing fee was paid.');
  });
});

describe('what to attach and how to file', () => {
  it('asks for the decision, proof of service on DHS, and specific reasons; lists the drafted reasons', () => {
    const t = text(base);
    expect(t).toContain('A copy of the immigration judge’s decision, if you have it');
    expect(t).toContain('Proof of service');
    expect(t).toContain('the DHS attorney at ICE Office of the Principal Legal Advisor, Newark');
    expect(t).toContain('The reasons for the appeal must be specific');
    expect(t).toContain('8 CFR 1003.3(b); 8 CFR 1003.1(d)(2)(i)');
    expect(t).toContain('did not consider my explanation that I was confused by the interpreter');
    expect(t).toContain('The BIA does not look at new evidence');
  });

  it('asks the brief question, and warns what a promised brief that never comes can do', () => {
    const t = text(base);
    expect(t).toContain('Separate brief Yes, a separate brief or statement will follow');
    expect(t).toContain('The brief question');
    expect(t).toContain('the BIA can dismiss the appeal without deciding it');
    expect(text(withAppeal({ separateBrief: undefined }))).toContain('not decided yet');
  });

  it('without a representative: no EOIR-27, paper filing; with one: EOIR-27 and ECAS', () => {
    const alone = text(base);
    expect(alone).not.toContain('EOIR-27');
    expect(alone).toContain('File it on paper');
    expect(alone).not.toContain('ECAS');
    const represented = text(withAppeal({ represented: true }));
    expect(represented).toContain(
      'Form EOIR-27 (Notice of Entry of Appearance as Attorney or Representative Before the Board)',
    );
    expect(represented).toContain('Courts & Appeals System (ECAS)');
    const unknown = text(withAppeal({ represented: undefined }));
    expect(unknown).toContain(
      'If an attorney or DOJ-accredited representative represents you before the BIA',
    );
    expect(unknown).toContain('ECAS');
    expect(unknown).toContain('File it on paper');
  });

  it('says where to send it: the BIA in Falls Church, not the immigration court', () => {
    const t = text(base);
    expect(t).toContain(
      "Board of Immigration Appeals Clerk's Office 5107 Leesburg Pike, Suite 2000 Falls Church, VA 22041",
    );
    expect(t).toContain('not to the immigration court');
  });

  it('takes the name and A-number from the case when the document does not repeat them', () => {
    const t = text({ ...base, person: { name: 'Γιώργος', aNumber: 'A 1234 5678' }, document: {} });
    expect(t).toContain('Name Γιώργος');
    expect(t).toContain('A-Number A012345678');
  });

  it('keeps personal data out of the file title', () => {
    expect(buildNoticeOfAppealChecklist(base).title).not.toMatch(/José|A0123|Newark/);
  });
});

describe('refusals', () => {
  const court = fixture('court-case.json');

  it('refuses a case with no immigration judge decision', () => {
    const err = refusalOf(() => buildNoticeOfAppealChecklist({ ...court, appeal: base.appeal }));
    expect(err.path).toEqual(['events']);
    expect(err.message).toContain('no immigration judge decision to appeal');
    expect(err.message).toContain('"type": "ij_decision"');
  });

  it('refuses when the appeal was waived, in the law core’s words', () => {
    const err = refusalOf(() =>
      buildNoticeOfAppealChecklist(withEvents([{ type: 'appeal_waived', date: '2026-09-11' }])),
    );
    expect(err.path).toEqual(['events']);
    expect(err.message).toMatch(/waived/);
    expect(err.message).toContain('no BIA appeal');
  });

  it('refuses an in absentia order: there the way is a motion to reopen', () => {
    const err = refusalOf(() =>
      buildNoticeOfAppealChecklist({
        ...base,
        events: [
          { type: 'arrival', date: '2024-02-10', manner: 'entry_without_inspection' },
          { type: 'nta_filed', date: '2024-03-01' },
          { type: 'in_absentia_order', date: '2026-09-11' },
        ],
      }),
    );
    expect(err.message).toContain('in absentia');
    expect(err.message).toContain('motion to reopen');
  });

  it('refuses a decision that granted the case, and says a partial denial can still be appealed', () => {
    const granted = {
      ...base,
      events: base.events.map((e) => (e.type === 'ij_decision' ? { ...e, outcome: 'granted' } : e)),
    };
    const err = refusalOf(() => buildNoticeOfAppealChecklist(granted));
    expect(err.path).toEqual(['events', 3]);
    expect(err.message).toContain('granted');
    expect(err.message).toContain('30-day appeal period still applies');
  });

  it('refuses when the BIA has already decided the appeal', () => {
    const err = refusalOf(() =>
      buildNoticeOfAppealChecklist(
        withEvents(
          [
            { type: 'bia_appeal_filed', date: '2026-10-09' },
            { type: 'bia_decision', date: '2027-03-01', outcome: 'dismissed' },
          ],
          '2027-03-05',
        ),
      ),
    );
    expect(err.message).toContain('the BIA already decided this appeal on March 1, 2027');
  });

  it.each([
    [{ represented: 'yes' }, 'appeal.represented', /must be true or false/],
    [{ reasons: [] }, 'appeal.reasons', /at least one reason/],
    [{ reasons: ['ok', '  '] }, 'appeal.reasons.1', /must not be empty/],
    [{ immigrationCourt: 'Newark\nCourt' }, 'appeal.immigrationCourt', /one line/],
    [{ brief: true }, 'appeal', /unknown field "brief"/],
  ])('refuses bad appeal details %j at %s', (change, path, message) => {
    const err = refusalOf(() => buildNoticeOfAppealChecklist(withAppeal(change)));
    expect(err.path.join('.')).toBe(path);
    expect(err.message).toMatch(message);
  });

  it('refuses an appeal object that is not an object, and a bad A-number without repeating it', () => {
    expect(refusalOf(() => buildNoticeOfAppealChecklist({ ...base, appeal: 'yes' })).message).toBe(
      'appeal must be an object',
    );
    const err = refusalOf(() => buildNoticeOfAppealChecklist(withDocument(base, { aNumber: '12-3' })));
    expect(err.path.join('.')).toBe('document.aNumber');
    expect(err.message).not.toContain('12-3');
  });
});

const NAMES = ['José Núñez', 'Γιώργος', 'Аня Петрова'];

describe('the PDF', () => {
  it.each(NAMES)(
    'carries %s, the A-number, the decision and due dates and the fee as real text',
    async (name) => {
      const { pages, poppler } = await readBackPdf(
        buildNoticeOfAppealChecklist(withDocument(base, { name })),
        `notice-of-appeal-checklist-${NAMES.indexOf(name) + 1}`,
      );
      // A summary page, the checklist that flows onto a second page of its own, and the
      // explanation for the person (explanations.test.ts).
      expect(pages).toHaveLength(4);
      const summary = flat(pages[0]!);
      expect(summary).toContain(name.normalize('NFC'));
      expect(summary).toContain('A-Number: A012345678');
      expect(summary).toContain('Date of the decision: September 11, 2026');
      expect(summary).toContain('Due by: Tuesday, October 13, 2026');
      expect(summary).toContain('Filing fee: $900');
      const rest = flat(pages.slice(1).join('\n'));
      expect(rest).toContain('5107 Leesburg Pike, Suite 2000');
      expect(rest).toContain('This is legal information, not legal advice.');
      if (poppler !== null) {
        expect(flat(poppler)).toContain(name.normalize('NFC'));
        expect(flat(poppler)).toContain('Tuesday, October 13, 2026');
      }
    },
  );

  it('is US Letter on every page', async () => {
    const sizes = await pageSizes(await renderPdf(buildNoticeOfAppealChecklist(base)));
    for (const s of sizes) expect(s).toEqual({ width: 612, height: 792 });
  });
});

describe('the DOCX', () => {
  it.each(NAMES)('carries %s, the dates and the fee, in two sections and the explanation', async (name) => {
    const docx = await readBackDocx(
      buildNoticeOfAppealChecklist(withDocument(base, { name })),
      `notice-of-appeal-checklist-${NAMES.indexOf(name) + 1}`,
    );
    expect([...docx.xml.matchAll(/<w:pgSz /g)]).toHaveLength(3);
    const t = flat(docx.text);
    expect(t).toContain(name.normalize('NFC'));
    expect(t).toContain('A-Number: A012345678');
    expect(t).toContain('Due by: Tuesday, October 13, 2026');
    expect(t).toContain('Filing fee: $900');
    expect(t).toContain('Form EOIR-26A');
  });
});

describe('refugio document notice-of-appeal-checklist', () => {
  const dir = scratchDir('appeal');

  it('writes the checklist as PDF', async () => {
    const out = join(dir, 'appeal.pdf');
    const r = runCli([
      'document',
      'notice-of-appeal-checklist',
      join(FIXTURES, 'notice-of-appeal-checklist.json'),
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote notice-of-appeal-checklist (PDF) to ${out}`);
    expect(flat((await pdfPages(readFileSync(out)))[0]!)).toContain('Due by: Tuesday, October 13, 2026');
  });

  it('exits 2 when the appeal was waived, naming why', () => {
    const file = join(dir, 'waived.json');
    writeFileSync(file, JSON.stringify(withEvents([{ type: 'appeal_waived', date: '2026-09-11' }])));
    const r = runCli([
      'document',
      'notice-of-appeal-checklist',
      file,
      '--out',
      join(dir, 'no.pdf'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    expect(cliError(r.stderr).path).toBe('events');
    expect(cliError(r.stderr).message).toMatch(/waived/);
  });

  it('exits 2 for a bad appeal detail, pointing at the field', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(withAppeal({ feeWaiver: 'maybe' })));
    const r = runCli([
      'document',
      'notice-of-appeal-checklist',
      file,
      '--out',
      join(dir, 'bad.docx'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    expect(cliError(r.stderr)).toEqual({
      message: 'appeal.feeWaiver must be true or false',
      path: 'appeal.feeWaiver',
    });
  });
});
