/**
 * The letter to a member of Congress about a delayed case, its privacy release page and its sending
 * checklist: what is pending and since when comes from the case; rendered as PDF and DOCX and read
 * back as an outside reader would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCongressLetter } from '../../src/documents/kinds/congress-letter.ts';
import { type DocumentModel, documentStrings } from '../../src/documents/model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { cliError, runCli } from '../cli/run-cli.ts';
import { docxText, docxXml, flat, pageSizes, readBackDocx, readBackPdf } from './read-back.ts';
import { fixture, type Input, refusalOf, scratchDir, withDocument } from './support.ts';

const base = fixture<Input & { events: Record<string, unknown>[] }>('congress-letter.json');
const withCongress = (changes: Record<string, unknown>) => ({
  ...base,
  congress: { ...(base.congress as Record<string, unknown>), ...changes },
});

/** The words of one section (0: letter, 1: privacy release, 2: checklist), on one line. */
function section(model: DocumentModel, n: number): string {
  return flat(
    documentStrings({ ...model, sections: [model.sections[n]!] })
      .slice(1)
      .join('\n'),
  );
}
const letterOf = (input: unknown) => section(buildCongressLetter(input), 0);

describe('the letter', () => {
  it('says what was filed, with whom, when, and for how long it has waited, from the case', () => {
    const t = letterOf(base);
    expect(t).toContain('The Honorable Jane Smith U.S. House of Representatives District Office');
    expect(t).toContain('Re: Request for help with a delayed asylum application');
    expect(t).toContain('Name Аня Петрова');
    expect(t).toContain('A-Number A098765432');
    expect(t).toContain('Receipt number ZNK1234567890');
    expect(t).toContain(
      'Form I-589, Application for Asylum and for Withholding of Removal, with USCIS on June 3, 2024',
    );
    expect(t).toContain('Dear Representative Jane Smith:');
    // 2024-06-03 to 2026-11-22: two years and five months.
    expect(t).toContain(
      'It has been pending with U.S. Citizenship and Immigration Services (USCIS) for more than 2 years, since June 3, 2024.',
    );
    expect(t).toContain('September 10, 2025: Called the USCIS Contact Center');
    expect(t).toContain('March 2, 2026: Sent an online case inquiry to USCIS');
    expect(t).toContain('Please ask USCIS about the status of my asylum application');
    expect(t).toContain(
      'You can reach me by phone at (973) 555-0142 or by email at anya.petrova@example.org',
    );
    expect(t).toContain('Date: November 22, 2026');
  });

  it('keeps the date of birth off the letter: only the privacy release asks for it', () => {
    const model = buildCongressLetter(base);
    expect(section(model, 0)).not.toContain('1988');
    expect(section(model, 1)).toContain('Date of birth February 29, 1988');
    expect(model.title).not.toMatch(/Аня|A0987|Smith/);
  });

  it('writes to a Senator, and uses the person’s own request when given', () => {
    const t = letterOf(
      withCongress({
        chamber: 'senate',
        member: 'José Núñez',
        request: 'Please ask USCIS to schedule my interview.',
      }),
    );
    expect(t).toContain('The Honorable José Núñez United States Senate');
    expect(t).toContain('Dear Senator José Núñez:');
    expect(t).toContain('Please ask USCIS to schedule my interview.');
    expect(t).not.toContain('the reason for the delay');
  });

  it('asks about a work permit: the I-765 and the day USCIS received it', () => {
    // 2024-11-05 to 2026-11-22: two years and 17 days.
    const t = letterOf(withCongress({ matter: 'work_permit' }));
    expect(t).toContain('delayed work permit application');
    expect(t).toContain(
      'Form I-765, Application for Employment Authorization, with USCIS on November 5, 2024',
    );
    expect(t).toContain('for more than 2 years, since November 5, 2024');
  });

  it('names the immigration court when the case is there, and counts months under two years', () => {
    // Filed 2026-03-01, referred 2026-07-15; 2026-03-01 to 2026-11-22 is 8 whole months.
    const t = letterOf({
      ...base,
      events: [
        { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
        { type: 'asylum_filed', date: '2026-03-01', forum: 'uscis' },
        { type: 'uscis_referral', date: '2026-07-15' },
      ],
      congress: { ...(base.congress as Record<string, unknown>), followUps: [] },
    });
    expect(t).toContain(
      'pending with the immigration court (Executive Office for Immigration Review, EOIR) for more than 8 months',
    );
    expect(t).toContain('Please ask the immigration court about the status of my case');
    expect(t).not.toContain('I have tried to get an answer myself');
  });

  it('leaves out what the person did not give: no receipt number, phone or email', () => {
    const { receiptNumber: _r, phone: _p, email: _e, ...rest } = base.document as Record<string, unknown>;
    const model = buildCongressLetter({ ...base, document: rest });
    const t = section(model, 0);
    expect(t).not.toContain('Receipt number');
    expect(t).toContain('You can reach me at the address above.');
    // On the release, blanks to fill in by hand.
    expect(section(model, 1)).toContain('Receipt number ______________________________');
  });
});

describe('the privacy release', () => {
  it('authorises the office to ask USCIS and EOIR, cites the Privacy Act and the asylum confidentiality rule, and has signature and date lines', () => {
    const model = buildCongressLetter(base);
    const t = section(model, 1);
    expect(t).toContain('Privacy release');
    expect(t).toContain(
      'I, Аня Петрова, authorize Representative Jane Smith and the staff of this office to ask U.S. Citizenship and Immigration Services (USCIS) and the Executive Office for Immigration Review (EOIR)',
    );
    expect(t).toContain('I give this written consent under the Privacy Act of 1974.');
    expect(t).toContain('information in or about that application');
    expect(t).toContain('Authority: Privacy Act, 5 U.S.C. 552a(b); 8 CFR 208.6');
    const sign = model.sections[1]!.blocks.find((b) => b.type === 'signature');
    expect(sign).toEqual({
      type: 'signature',
      signer: 'Аня Петрова',
      dateLine: 'Date: ______________________',
    });
  });

  it('leaves out the asylum consent when the case has no asylum application', () => {
    const t = section(
      buildCongressLetter({
        ...withCongress({ matter: 'work_permit' }),
        events: [
          { type: 'arrival', date: '2024-01-15', manner: 'paroled' },
          { type: 'ead_filed', date: '2024-11-05' },
        ],
      }),
      1,
    );
    expect(t).not.toContain('application for asylum');
    expect(t).toContain('Authority: Privacy Act, 5 U.S.C. 552a(b)');
    expect(t).not.toContain('208.6');
  });
});

describe('refusals', () => {
  it.each([
    [{ congress: undefined }, 'congress', /congress is required/],
    [
      { congress: { ...(base.congress as object), chamber: 'assembly' } },
      'congress.chamber',
      /"house", "senate"/,
    ],
    [{ congress: { ...(base.congress as object), matter: undefined } }, 'congress.matter', /is required/],
    [{ congress: { ...(base.congress as object), member: '' } }, 'congress.member', /must not be empty/],
    [
      { congress: { ...(base.congress as object), followUps: [{ date: '2026-13-01', action: 'x' }] } },
      'congress.followUps.0.date',
      /real calendar date/,
    ],
    [
      { congress: { ...(base.congress as object), followUps: [{ date: '2026-12-01', action: 'Called' }] } },
      'congress.followUps.0.date',
      /after asOf/,
    ],
    [
      { congress: { ...(base.congress as object), followUps: [{ date: '2024-01-01', action: 'Called' }] } },
      'congress.followUps.0.date',
      /before the asylum application was filed/,
    ],
    [{ congress: { ...(base.congress as object), senator: 'x' } }, 'congress', /unknown field "senator"/],
  ])('refuses %j at %s', (change, path, message) => {
    const err = refusalOf(() => buildCongressLetter({ ...base, ...change }));
    expect(err.path.join('.')).toBe(path);
    expect(err.message).toMatch(message);
  });

  it.each([
    [{ address: undefined }, 'document.address', /is required for this letter/],
    [{ phone: '12' }, 'document.phone', /phone number/],
    [{ email: 'anya at example' }, 'document.email', /email address/],
    [{ aNumber: '98-7' }, 'document.aNumber', /7 to 9 digits/],
  ])('refuses bad details %j at %s, without repeating the value', (change, path, message) => {
    const err = refusalOf(() => buildCongressLetter(withDocument(base, change)));
    expect(err.path.join('.')).toBe(path);
    expect(err.message).toMatch(message);
    for (const value of Object.values(change))
      if (typeof value === 'string') expect(err.message).not.toContain(value);
  });

  it('refuses a work permit letter when the case has no I-765 filing', () => {
    const err = refusalOf(() =>
      buildCongressLetter({
        ...withCongress({ matter: 'work_permit' }),
        events: base.events.filter((e) => e.type !== 'ead_filed'),
      }),
    );
    expect(err.path).toEqual(['events']);
    expect(err.message).toContain('no ead_filed event');
  });

  it('refuses an asylum letter when nothing is pending: the application was granted', () => {
    const err = refusalOf(() =>
      buildCongressLetter({
        ...base,
        events: [...base.events, { type: 'asylum_granted', date: '2026-10-01', forum: 'uscis' }],
      }),
    );
    expect(err.message).toContain('Asylum or other protection granted');
  });

  it('refuses an asylum letter when no asylum application was filed', () => {
    const err = refusalOf(() =>
      buildCongressLetter({ ...base, events: [{ type: 'arrival', date: '2024-01-15', manner: 'paroled' }] }),
    );
    expect(err.message).toContain('no asylum_filed event');
  });
});

const NAMES = ['José Núñez', 'Γιώργος', 'Аня Петрова'];

describe('the PDF', () => {
  it.each(NAMES)(
    'carries %s on a letter page, a release page, a checklist page and the explanation',
    async (name) => {
      const pdf = await readBackPdf(
        buildCongressLetter(withDocument(base, { name })),
        `congress-letter-${NAMES.indexOf(name) + 1}`,
      );
      const pages = pdf.pages.map(flat);
      expect(pages).toHaveLength(4);
      const [letter, release, checklist, explanation] = pages as [string, string, string, string];
      expect(explanation).toContain('About this document');
      expect(letter).toContain(name.normalize('NFC'));
      expect(letter).toContain('A-Number: A098765432');
      expect(letter).toContain('November 22, 2026');
      expect(letter).toContain('June 3, 2024');
      expect(letter).not.toContain('February 29, 1988');
      expect(release).toContain('Privacy release');
      expect(release).toContain(`I, ${name.normalize('NFC')}, authorize Representative Jane Smith`);
      expect(release).toContain('Date of birth: February 29, 1988');
      expect(checklist).toContain('This is legal information, not legal advice.');
      if (pdf.poppler !== null) expect(flat(pdf.poppler)).toContain(name.normalize('NFC'));
    },
  );

  it('is US Letter on every page', async () => {
    const sizes = await pageSizes(await renderPdf(buildCongressLetter(base)));
    expect(sizes).toEqual(Array(4).fill({ width: 612, height: 792 }));
  });
});

describe('the DOCX', () => {
  it.each(NAMES)(
    'carries %s and the privacy release, in four sections with the explanation',
    async (name) => {
      const docx = await readBackDocx(
        buildCongressLetter(withDocument(base, { name })),
        `congress-letter-${NAMES.indexOf(name) + 1}`,
      );
      expect([...docx.xml.matchAll(/<w:pgSz /g)]).toHaveLength(4);
      const t = flat(docx.text);
      expect(t).toContain(`Dear Representative Jane Smith:`);
      expect(t).toContain(name.normalize('NFC'));
      expect(t).toContain('A-Number: A098765432');
      expect(t).toContain('Date of birth: February 29, 1988');
      expect(t).toContain('Privacy Act, 5 U.S.C. 552a(b)');
    },
  );
});

describe('refugio document congress-letter', () => {
  const dir = scratchDir('congress');

  it('writes the letter as DOCX from standard input', () => {
    const out = join(dir, 'letter.docx');
    const r = runCli(['document', 'congress-letter', '-', '--out', out, '--format', 'json'], {
      input: JSON.stringify(base),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ document: 'congress-letter', format: 'docx', out });
    expect(flat(docxText(docxXml(readFileSync(out))))).toContain('Аня Петрова');
  });

  it('exits 2 for a missing office, with a clear message', () => {
    const file = join(dir, 'no-office.json');
    const { congress: _c, ...rest } = base;
    writeFileSync(file, JSON.stringify(rest));
    const r = runCli(['document', 'congress-letter', file, '--out', join(dir, 'x.pdf'), '--format', 'json']);
    expect(r.code).toBe(2);
    const error = cliError(r.stderr);
    expect(error.path).toBe('congress');
    expect(error.message).toMatch(/congress is required: an object naming the office/);
  });
});
