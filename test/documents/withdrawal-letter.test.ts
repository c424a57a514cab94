/**
 * The withdrawal letter to USCIS, end to end: built from a case and the person's details, written as
 * PDF and DOCX, and read back as an outside reader would (pdf.js, pdftotext, the DOCX's XML).
 */
import { describe, expect, it } from 'vitest';
import { computeDeadlines, parseCaseFacts } from '../../src/core/index.ts';
import { adviseWithdrawal } from '../../src/core/withdrawal/withdrawal.ts';
import { renderDocx } from '../../src/documents/docx.ts';
import { DocumentInputError } from '../../src/documents/errors.ts';
import { buildWithdrawalLetter, withdrawalStatement } from '../../src/documents/kinds/withdrawal-letter.ts';
import { documentStrings } from '../../src/documents/model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import {
  docxText,
  docxXml,
  embeddedFonts,
  flat,
  pageSizes,
  pdfPages,
  readBackDocx,
  readBackPdf,
} from './read-back.ts';
import { fixture, refusalOf, withDocument } from './support.ts';

const base = fixture('withdrawal-letter.json');

describe('the withdrawal letter model', () => {
  it('fills every item the law core says the letter must contain', () => {
    const model = buildWithdrawalLetter(base);
    const facts = parseCaseFacts(base);
    const advice = adviseWithdrawal(computeDeadlines(facts), facts.screening ?? {});
    expect(advice.channel).toBe('uscis_letter');
    const text = documentStrings(model).join('\n');
    const expected: Record<string, string> = {
      name: 'José Núñez',
      aNumber: 'A012345678',
      receiptNumber: 'ABC1234567890',
      dateOfBirth: 'April 15, 1990',
      statementOfWithdrawal: withdrawalStatement('José Núñez'),
      reasonOptional: 'My reason for withdrawing: I have another way to stay in the United States.',
      date: 'Date: November 22, 2026',
    };
    for (const item of advice.contents) {
      if (item === 'signature')
        expect(model.sections[0]!.blocks.some((b) => b.type === 'signature')).toBe(true);
      else expect(text, item).toContain(expected[item]);
    }
  });

  it('is US Letter with 1-inch margins, a letter, a checklist page and the explanation, and no personal data in its title', () => {
    const model = buildWithdrawalLetter(base);
    expect(model.page).toEqual({ widthPt: 612, heightPt: 792, marginPt: 72 });
    expect(model.sections).toHaveLength(3);
    expect(model.title).not.toMatch(/José|A0123/);
  });

  it('leaves out the reason and the receipt number when they are not given', () => {
    const { reason: _r, receiptNumber: _n, ...rest } = base.document as Record<string, unknown>;
    const text = documentStrings(buildWithdrawalLetter({ ...base, document: rest })).join('\n');
    expect(text).not.toContain('My reason');
    expect(text).not.toMatch(/receipt number/i);
  });

  it('takes the name, A-number and date of birth from the case when the document does not repeat them', () => {
    const model = buildWithdrawalLetter({
      ...base,
      person: { name: 'Γιώργος', aNumber: 'A 1234 5678', birthDate: '1979-12-31' },
      document: {},
    });
    const text = documentStrings(model).join('\n');
    expect(text).toContain('Γιώργος');
    expect(text).toContain('A012345678');
    expect(text).toContain('December 31, 1979');
  });
});

describe('refusals', () => {
  it('refuses a case before the immigration court: there a motion to the judge is needed', () => {
    const err = refusalOf(() => buildWithdrawalLetter(fixture('court-case.json')));
    expect(err.path).toEqual(['events']);
    expect(err.message).toContain('Referred by USCIS to the immigration court');
    expect(err.message).toContain('immigration judge');
    expect(err.message).toContain('ij_motion');
  });

  it('refuses a case with no application to withdraw, and says why', () => {
    const err = refusalOf(() =>
      buildWithdrawalLetter({
        ...base,
        events: [{ type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' }],
      }),
    );
    expect(err.message).toContain('No asylum application has been filed');
    expect(err.message).toContain('not_applicable');
  });

  it.each([
    [{ aNumber: '12-3' }, 'document.aNumber', /7 to 9 digits/],
    [{ aNumber: undefined }, 'document.aNumber', /is required/],
    [{ dateOfBirth: undefined }, 'document.dateOfBirth', /is required/],
    [{ dateOfBirth: '1990-02-30' }, 'document.dateOfBirth', /real calendar date/],
    [{ dateOfBirth: '2027-01-01' }, 'document.dateOfBirth', /after asOf/],
    [{ receiptNumber: 'XYZ99' }, 'document.receiptNumber', /three letters and ten digits/],
    [{ name: '   ' }, 'document.name', /must not be empty/],
    [{ name: 'José\u0000' }, 'document.name', /control characters/],
    [{ dob: '1990-04-15' }, 'document', /unknown field "dob"/],
    [
      { address: { street: '1 Main St', city: 'Newark', state: 'New Jersey', zip: '07102' } },
      'document.address.state',
      /two-letter/,
    ],
    [
      { address: { street: '1 Main St', city: 'Newark', state: 'NJ' } },
      'document.address.zip',
      /is required/,
    ],
  ])('refuses bad details %j at %s, without repeating the value', (change, path, message) => {
    const err = refusalOf(() => buildWithdrawalLetter(withDocument(base, change)));
    expect(err.path.join('.')).toBe(path);
    expect(err.message).toMatch(message);
    for (const value of Object.values(change))
      if (typeof value === 'string' && value.trim() !== '') expect(err.message).not.toContain(value);
  });

  it('refuses a missing document object', () => {
    const { document: _d, ...facts } = base;
    expect(refusalOf(() => buildWithdrawalLetter(facts)).path).toEqual(['document']);
  });
});

const NAMES = ['José Núñez', 'Ngozi Ọkọnkwọ', 'Şükrü Yılmaz', 'Аня Петрова', 'Γιώργος', 'Adéwálé Ọ̀ṣun'];

describe('the PDF', () => {
  it.each(NAMES)(
    'carries %s as real, selectable text, with the A-number, dates and statement',
    async (name) => {
      const { pages, poppler } = await readBackPdf(
        buildWithdrawalLetter(withDocument(base, { name })),
        `withdrawal-letter-${NAMES.indexOf(name) + 1}`,
      );
      // The letter, the checklist, and the explanation for the person (explanations.test.ts).
      expect(pages).toHaveLength(3);
      const letter = flat(pages[0]!);
      expect(letter).toContain(name.normalize('NFC'));
      expect(letter).toContain('A-Number: A012345678');
      expect(letter).toContain('Receipt number: ABC1234567890');
      expect(letter).toContain('Date of birth: April 15, 1990');
      expect(letter).toContain('November 22, 2026');
      expect(letter).toContain(flat(withdrawalStatement(name)));
      const checklist = flat(pages[1]!);
      expect(checklist).toContain('This is legal information, not legal advice.');
      expect(checklist).toContain('Where to send it');
      expect(checklist).toContain('Newark Asylum Office');
      // A second, independent reader when the machine has poppler.
      if (poppler !== null) {
        expect(flat(poppler)).toContain(name.normalize('NFC'));
        expect(flat(poppler)).toContain(flat(withdrawalStatement(name)));
      }
    },
  );

  it('is US Letter on every page, with the font embedded', async () => {
    const bytes = await renderPdf(buildWithdrawalLetter(base));
    expect(await pageSizes(bytes)).toEqual(Array(3).fill({ width: 612, height: 792 }));
    expect(await embeddedFonts(bytes)).toEqual(['RFGAAA+DejaVuSans', 'RFGAAB+DejaVuSans-Bold']);
  });

  it('gives the same bytes for the same input (no clock, no random font names)', async () => {
    const a = await renderPdf(buildWithdrawalLetter(base));
    const b = await renderPdf(buildWithdrawalLetter(base));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('flows a long reason onto another page instead of cutting it', async () => {
    const reason = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} of my reason.`).join(' ');
    const pages = await pdfPages(await renderPdf(buildWithdrawalLetter(withDocument(base, { reason }))));
    expect(pages.length).toBeGreaterThan(2);
    expect(flat(pages.join('\n'))).toContain('Sentence 60 of my reason.');
  });

  it.each([
    ['王伟', ['"王" (U+738B)', '"伟" (U+4F1F)'], /has no letter for/],
    ['محمد علي', ['"م" (U+0645)'], /right-to-left/],
    ['Ana\u200Bbel', ['U+200B'], /invisible/],
  ])('refuses %s, naming the characters, rather than draw blanks', async (name, named, reason) => {
    const model = buildWithdrawalLetter(withDocument(base, { name }));
    const err = await renderPdf(model).then(
      () => {
        throw new Error('expected renderPdf to refuse');
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DocumentInputError);
    const message = (err as Error).message;
    expect(message).toMatch(reason);
    for (const n of named) expect(message).toContain(n);
    expect(message).toContain('.docx');
    // The DOCX leaves fonts and shaping to the word processor, so the same name goes through.
    expect(docxText(docxXml(await renderDocx(model)))).toContain(name);
  });
});

describe('a name in a script the PDF cannot lay out', () => {
  it.each([
    ['محمد علي', 'Mohamed Ali'],
    ['አበበ በቀለ', 'Abebe Bekele'],
    ['राम प्रसाद', 'Ram Prasad'],
  ])('%s is printed as courts write it, %s, when the Latin spelling is given', async (name, latin) => {
    const model = buildWithdrawalLetter(withDocument(base, { name, nameInLatinLetters: latin }));
    const text = flat((await pdfPages(await renderPdf(model))).join(' '));
    expect(text).toContain(latin);
    expect(text).toContain(withdrawalStatement(latin));
    expect(text).not.toContain(name);
  });

  it('keeps a name the PDF can show, even when a Latin spelling is given too', async () => {
    const model = buildWithdrawalLetter(
      withDocument(base, { name: 'Аня Петрова', nameInLatinLetters: 'Anya Petrova' }),
    );
    expect(flat((await pdfPages(await renderPdf(model))).join(' '))).toContain('Аня Петрова');
  });

  it('says how to give the Latin spelling when it is missing, and refuses one that is not Latin', async () => {
    const err = await renderPdf(buildWithdrawalLetter(withDocument(base, { name: 'محمد علي' }))).catch(
      (e: Error) => e,
    );
    expect((err as Error).message).toContain('document.nameInLatinLetters');
    expect(() =>
      buildWithdrawalLetter(withDocument(base, { name: 'محمد علي', nameInLatinLetters: 'Мухаммед' })),
    ).toThrow(/document.nameInLatinLetters must be written in Latin letters/);
  });
});

describe('the DOCX', () => {
  it.each(NAMES)('carries %s, the A-number, dates and statement', async (name) => {
    const { text } = await readBackDocx(
      buildWithdrawalLetter(withDocument(base, { name })),
      `withdrawal-letter-${NAMES.indexOf(name) + 1}`,
    );
    expect(text).toContain(name.normalize('NFC'));
    expect(flat(text)).toContain('A-Number: A012345678');
    expect(flat(text)).toContain('Date of birth: April 15, 1990');
    expect(text).toContain('November 22, 2026');
    expect(text).toContain(withdrawalStatement(name.normalize('NFC')));
    expect(text).toContain('This is legal information, not legal advice.');
  });

  it('is US Letter with 1-inch margins, the checklist and the explanation each in its own section', async () => {
    const xml = docxXml(await renderDocx(buildWithdrawalLetter(base)));
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(sizes).toHaveLength(3);
    for (const s of sizes) {
      expect(s).toContain('w:w="12240"');
      expect(s).toContain('w:h="15840"');
    }
    const margins = [...xml.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => m[1]!);
    for (const m of margins)
      for (const side of ['top', 'right', 'bottom', 'left']) expect(m).toContain(`w:${side}="1440"`);
  });
});
