/**
 * The I-589 worksheet and its completeness check: blanks flagged by part and question, "N/A" and
 * "NONE" accepted, a missing signature or date caught, the one-year deadline read from the law
 * core (the dates below are counted by hand), and the worksheet written as PDF and DOCX and read
 * back as an outside reader would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/docx.ts';
import {
  buildI589Worksheet,
  checkI589Completeness,
  type I589Issue,
} from '../../src/documents/kinds/i589-worksheet.ts';
import { DOCUMENT_KINDS } from '../../src/documents/kinds/index.ts';
import { documentStrings } from '../../src/documents/model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { cliError, runCli } from '../cli/run-cli.ts';
import { docxText, docxXml, flat, pageSizes, pdfPages, readBackDocx, readBackPdf } from './read-back.ts';
import { FIXTURES, fixture, refusalOf, scratchDir, withDocument } from './support.ts';

type Json = Record<string, unknown>;
const FIXTURE = join(FIXTURES, 'i589-worksheet.json');
const base = fixture<Json & { document: Json; i589: Json; screening: Json }>('i589-worksheet.json');

/** The fixture with some `i589` answers changed; `undefined` removes an answer (leaves it blank). */
function withAnswers(changes: Json, rest: Json = {}): Json {
  const i589: Json = { ...base.i589 };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete i589[k];
    else i589[k] = v;
  }
  return { ...base, i589, ...rest };
}
const issuesOf = (input: unknown) => checkI589Completeness(input).issues;
const find = (issues: readonly I589Issue[], part: string, question: string) =>
  issues.filter((i) => i.part === part && i.question === question);

describe('the completeness check', () => {
  it('finds nothing to fix in a complete, signed worksheet', () => {
    expect(issuesOf(base)).toEqual([]);
  });

  it.each([
    ['familyName', 'A.I', '4', 'i589.familyName'],
    ['firstName', 'A.I', '5', 'i589.firstName'],
    ['middleName', 'A.I', '6', 'i589.middleName'],
    ['maritalStatus', 'A.I', '11', 'i589.maritalStatus'],
    ['countryOfBirth', 'A.I', '13', 'i589.countryOfBirth'],
    ['nationality', 'A.I', '14', 'i589.nationality'],
    ['i94Number', 'A.I', '19.b', 'i589.i94Number'],
    ['children', 'A.II', 'Children', 'i589.children'],
    ['siblings', 'A.III', '5', 'i589.siblings'],
    ['arrestsAbroad', 'B', '2', 'i589.arrestsAbroad.answer'],
    ['crimesInUS', 'C', '6', 'i589.crimesInUS.answer'],
    ['nameInNativeAlphabet', 'D', 'Name', 'i589.nameInNativeAlphabet'],
  ])('flags a blank %s in Part %s, item %s', (key, part, question, path) => {
    const issues = issuesOf(withAnswers({ [key]: undefined }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ part, question, code: 'blank', path });
    expect(issues[0]!.message).toMatch(/blank|no answer|not listed/);
  });

  it('flags a blank date of birth and A-number from the document, saying to write NONE for no A-number', () => {
    const issues = issuesOf(withDocument(base, { dateOfBirth: undefined, aNumber: undefined }));
    expect(issues.map((i) => [i.part, i.question, i.code, i.path])).toEqual([
      ['A.I', '1', 'blank', 'document.aNumber'],
      ['A.I', '12', 'blank', 'document.dateOfBirth'],
    ]);
    expect(issues[0]!.message).toContain('NONE');
  });

  it('accepts "N/A", "NONE", null and empty lists as answers, and shows them as N/A or NONE', () => {
    const input = withAnswers(
      { middleName: 'n/a', ssn: 'none', i94Number: null, otherNames: [], passport: null, religion: 'None' },
      { document: { ...base.document, aNumber: 'NONE' } },
    );
    expect(issuesOf(input)).toEqual([]);
    const text = documentStrings(buildI589Worksheet(input));
    const answerTo = (asks: string) => text[text.indexOf(asks) + 2]; // after the translation
    expect(answerTo('Your middle name.')).toBe('N/A');
    expect(answerTo('Your U.S. Social Security number, if you have one.')).toBe('NONE');
    expect(answerTo('Your A-number (Alien Registration Number), if you have one.')).toBe('NONE');
    expect(answerTo('Any other names you have used, such as a maiden name or an alias.')).toBe('NONE');
  });

  it('flags a missing signature and a missing date in Part D', () => {
    const issues = issuesOf(withAnswers({ signedByApplicant: false, dateSigned: undefined }));
    expect(issues.map((i) => [i.part, i.question, i.code])).toEqual([
      ['D', 'Signature', 'unsigned'],
      ['D', 'Signature', 'undated'],
    ]);
    expect(issuesOf(withAnswers({ signedByApplicant: undefined }))).toMatchObject([
      { part: 'D', code: 'unsigned', path: 'i589.signedByApplicant' },
    ]);
  });

  it('flags a yes without the explanation the form asks for', () => {
    const issues = issuesOf(withAnswers({ returnedToCountry: { answer: 'yes' } }));
    expect(issues).toMatchObject([
      { part: 'C', question: '4', code: 'explanation_missing', path: 'i589.returnedToCountry.explanation' },
    ]);
  });

  it('answers Part B from the case screening when the worksheet does not, and flags what is still missing', () => {
    // screening.fearOfReturn is true: the answer is yes, the explanation is still the person's to write.
    const issues = issuesOf(withAnswers({ fearOfReturn: undefined }));
    expect(issues).toMatchObject([{ part: 'B', question: '1.B', code: 'explanation_missing' }]);
    const text = documentStrings(buildI589Worksheet(withAnswers({ fearOfReturn: undefined }))).join('\n');
    expect(text).toContain('Yes (from your answers about your case: check it). The explanation is missing.');
    // A worksheet answer that contradicts the screening is flagged.
    const conflict = issuesOf(withAnswers({ fearOfReturn: { answer: 'no' } }));
    expect(conflict).toMatchObject([{ part: 'B', question: '1.B', code: 'conflict' }]);
  });

  it('asks for the spouse of a married person, and for Part E when someone else prepared the form', () => {
    expect(find(issuesOf(withAnswers({ maritalStatus: 'married' })), 'A.II', 'Spouse')).toMatchObject([
      { code: 'blank', path: 'i589.spouse' },
    ]);
    expect(issuesOf(withAnswers({ preparedBySomeoneElse: true }))).toMatchObject([
      { part: 'E', code: 'preparer_missing' },
    ]);
    expect(
      issuesOf(
        withAnswers({
          preparedBySomeoneElse: true,
          preparer: { name: 'Ana Ruiz', address: '1 Broad St, Newark, NJ 07102', phone: '973 555 0100' },
        }),
      ),
    ).toMatchObject([{ part: 'E', code: 'preparer_unsigned' }]);
  });

  it('lists a child missing details in one issue naming what is blank', () => {
    const issues = issuesOf(
      withAnswers({
        children: [
          {
            familyName: 'Núñez',
            firstName: 'Lucía',
            middleName: null,
            aNumber: null,
            dateOfBirth: '2015-03-02',
            cityOfBirth: 'Managua',
            countryOfBirth: 'Nicaragua',
            nationality: 'Nicaragua',
            ethnicity: 'Mestizo',
            maritalStatus: 'single',
            inUS: false,
          },
        ],
      }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ part: 'A.II', question: 'Children', path: 'i589.children.0' });
    expect(issues[0]!.message).toBe(
      'Child 1: the gender and the location now are blank. Write them, or N/A or NONE where it does not apply.',
    );
  });

  it('keeps the order of the form, whatever order the problems are found in', () => {
    const issues = issuesOf({ asOf: '2026-06-15', events: [] });
    const parts = issues.map((i) => i.part);
    expect(parts[0]).toBe('A.I');
    expect(parts.at(-1)).toBe('D');
    expect([...parts].sort((a, b) => order(a) - order(b))).toEqual(parts);
  });
});
const order = (part: string) => ['A.I', 'A.II', 'A.III', 'B', 'C', 'D', 'E', 'F'].indexOf(part);

describe('the one-year deadline, read from the law core', () => {
  // Counted by hand: arrival Friday 2025-07-04; one year later is Saturday 2026-07-04 (Independence
  // Day, observed Friday 07-03). Saturday and Sunday are not business days, so the last day rolls
  // forward to Monday 2026-07-06.
  it('is not passed on its last day, a rolled Monday', () => {
    const y = checkI589Completeness({ ...base, asOf: '2026-07-06' }).oneYear;
    expect(y).toMatchObject({
      status: 'upcoming',
      passed: false,
      countsFrom: '2025-07-04',
      due: '2026-07-06',
    });
    expect(y.exceptions).toEqual([]);
  });

  it('has passed the day after, names the exceptions, and asks for the Part C explanation', () => {
    const input = withAnswers({ dateSigned: '2026-07-07' }, { asOf: '2026-07-07' });
    const { issues, oneYear } = checkI589Completeness(input);
    expect(oneYear).toMatchObject({ status: 'passed', passed: true, due: '2026-07-06', filedOn: null });
    expect(oneYear.exceptions).toEqual(
      expect.arrayContaining(['changed_circumstances', 'extraordinary_circumstances', 'mendez_rojas']),
    );
    expect(issues).toMatchObject([
      { part: 'C', question: '5', code: 'explanation_missing', path: 'i589.oneYearExplanation' },
    ]);
    const explained = withAnswers(
      { dateSigned: '2026-07-07', oneYearExplanation: 'I was in hospital from June to July 2026.' },
      { asOf: '2026-07-07' },
    );
    expect(issuesOf(explained)).toEqual([]);
  });

  // Counted by hand: arrival 2025-12-25; one year later is Friday 2026-12-25, Christmas Day, a federal
  // holiday; then Saturday and Sunday; the last day is Monday 2026-12-28.
  it.each([
    ['2026-12-28', 'upcoming', false],
    ['2026-12-29', 'passed', true],
  ])('rolls a Christmas anniversary to Monday: as of %s it is %s', (asOf, status, passed) => {
    const input = {
      ...withAnswers({ dateSigned: asOf }),
      asOf,
      events: [
        { type: 'arrival', date: '2025-12-25', manner: 'entry_without_inspection', portOfEntry: 'El Paso' },
      ],
    };
    expect(checkI589Completeness(input).oneYear).toMatchObject({ status, passed, due: '2026-12-28' });
  });

  it('says what the screening claims about the exceptions, and the unaccompanied-child exemption', () => {
    const late = {
      ...withAnswers({ dateSigned: '2026-07-07', oneYearExplanation: 'Explained.' }),
      asOf: '2026-07-07',
      screening: { ...base.screening, oneYearExceptions: { changedCircumstances: true } },
    };
    expect(checkI589Completeness(late).oneYear.claimed).toEqual({ changedCircumstances: true });
    const child = {
      ...late,
      events: [
        { type: 'arrival', date: '2025-07-04', manner: 'entry_without_inspection', unaccompanied: true },
      ],
    };
    expect(checkI589Completeness(child).oneYear.exceptions).toEqual(['unaccompanied_child']);
  });

  it('cannot answer Part C, item 5 without an arrival in the case, and says so', () => {
    const { issues, oneYear } = checkI589Completeness({ ...base, events: [] });
    expect(oneYear).toMatchObject({ status: 'unknown', passed: null, due: null });
    expect(find(issues, 'C', '5')).toMatchObject([{ code: 'one_year_unknown', path: 'events' }]);
  });
});

describe('bad input', () => {
  it.each([
    [withAnswers({ gender: 'x' }), 'i589.gender', /must be one of: "male", "female"/],
    [withAnswers({ favouriteColour: 'blue' }), 'i589', /unknown field "favouriteColour"/],
    [
      withAnswers({ children: [{ firstName: 'Ana', dateOfBirth: '2015-02-30' }] }),
      'i589.children.0.dateOfBirth',
      /real calendar date/,
    ],
    [withAnswers({ pastHarm: { answer: 'maybe' } }), 'i589.pastHarm.answer', /must be one of: "yes", "no"/],
    [
      withAnswers({ spouse: { familyName: 'Ruiz', aNumber: '12' } }),
      'i589.spouse.aNumber',
      /letter A followed by 7 to 9 digits, or "NONE"/,
    ],
    [withAnswers({ ssn: '12-34' }), 'i589.ssn', /nine digits, or "NONE"/],
    [withAnswers({ dateSigned: '2026-07-01' }), 'i589.dateSigned', /after asOf/],
    [withAnswers({ otherNames: 'Pepe' }), 'i589.otherNames', /must be a list/],
    [withDocument(base, { language: 'de' }), 'document.language', /must be one of: "en", "es", "fr"/],
    [withDocument(base, { aNumber: '12-3' }), 'document.aNumber', /7 to 9 digits/],
  ])('refuses %#, pointing at %s', (input, path, message) => {
    const err = refusalOf(() => buildI589Worksheet(input));
    expect(err.path.join('.')).toBe(path);
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(path)).toBe(true);
    // The same refusal from the check alone, for the API.
    expect(refusalOf(() => checkI589Completeness(input)).path.join('.')).toBe(path);
  });

  it('never repeats a Social Security number or an A-number in an error', () => {
    expect(refusalOf(() => buildI589Worksheet(withAnswers({ ssn: '123-45-678' }))).message).not.toContain(
      '678',
    );
    expect(
      refusalOf(() => buildI589Worksheet(withDocument(base, { aNumber: '98-7' }))).message,
    ).not.toContain('98-7');
  });
});

describe('the worksheet', () => {
  it('is registered as the document kind "i589-worksheet", with no personal data in its title', () => {
    const model = DOCUMENT_KINDS['i589-worksheet']!(base);
    expect(model.title).toBe('Form I-589 worksheet');
    // The cover, Parts A.I to C, Parts D to F, then the explanation in the person's language.
    expect(model.sections).toHaveLength(8);
  });

  it('shows the checklist of fixes first, then the parts, the questions in English only without a language', () => {
    const input = withAnswers(
      { signedByApplicant: false },
      { document: { ...base.document, language: 'en' } },
    );
    const text = documentStrings(buildI589Worksheet(input));
    const fixes = text.indexOf('What to fix before you file (1)');
    expect(fixes).toBeGreaterThan(0);
    expect(text[fixes + 1]).toContain('Part D, Signature: Part D is not signed');
    expect(text.indexOf('Part A.I: Information about you')).toBeGreaterThan(fixes);
    expect(text.join('\n')).not.toContain('Su apellido');
  });
});

describe('written out', () => {
  const dir = scratchDir('i589');

  it('as a US Letter PDF whose text reads back: the name, the Spanish questions, the answers', async () => {
    const { bytes, pages, poppler } = await readBackPdf(buildI589Worksheet(base), 'i589-worksheet');
    const sizes = await pageSizes(bytes);
    // Eight sections, each starting on a new page; Part A.I and the answers run onto more.
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    expect(sizes.length).toBeLessThanOrEqual(15);
    for (const s of sizes) expect(s).toEqual({ width: 612, height: 792 });
    expect(pages).toHaveLength(sizes.length);
    const first = flat(pages[0]!);
    expect(first).toContain('José Núñez');
    expect(first).toContain('What to fix before you file: nothing found');
    expect(first).toContain('Last day to file: Monday, July 6, 2026');
    const all = flat(pages.join('\n'));
    for (const expected of [
      'Your family name (last name), in full.',
      'Su apellido o apellidos, completos.',
      'Núñez',
      'Managua, Nicaragua',
      '04/15/1990 (April 15, 1990)',
      'Si teme sufrir daño o maltrato si regresa a su país.',
      'The police said they would kill me if I kept reporting.',
      'No, if the application is filed by Monday, July 6, 2026',
      'This is legal information, not legal advice.',
    ])
      expect(all).toContain(expected);
    if (poppler !== null) {
      expect(flat(poppler)).toContain('José Núñez');
      expect(flat(poppler)).toContain('Su apellido o apellidos, completos.');
    }
  });

  it('as a PDF with the checklist first when answers are missing', async () => {
    const input = withAnswers({ signedByApplicant: false, familyName: undefined });
    const [first] = await pdfPages(await renderPdf(buildI589Worksheet(input)));
    const text = flat(first!);
    expect(text).toContain('What to fix before you file (2)');
    expect(text).toContain('Part A.I, item 4: Your family name is blank');
    expect(text).toContain('Part D, Signature: Part D is not signed');
  });

  it('as a DOCX with the same words, the Spanish tagged as Spanish', async () => {
    const docx = await readBackDocx(buildI589Worksheet(base), 'i589-worksheet');
    const xml = docx.xml;
    const text = flat(docx.text);
    expect(text).toContain('José Núñez');
    expect(text).toContain(
      '4 Your family name (last name), in full. Su apellido o apellidos, completos. Núñez',
    );
    expect(text).toContain('Journalist');
    expect(xml).toContain('w:lang w:val="es"');
    expect([...xml.matchAll(/<w:pgSz /g)]).toHaveLength(8);
  });

  it('in French when the document language is "fr"', async () => {
    const input = withDocument(base, { language: 'fr' });
    const text = flat(docxText(docxXml(await renderDocx(buildI589Worksheet(input)))));
    expect(text).toContain('Votre nom de famille, en entier.');
    expect(text).toContain('Each question is also shown in French (français)');
    expect(text).not.toContain('Su apellido');
  });

  it('through the CLI: writes the PDF, and exits 2 with the path of bad input', async () => {
    const out = join(dir, 'worksheet.pdf');
    const ok = runCli(['document', 'i589-worksheet', FIXTURE, '--out', out]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(flat((await pdfPages(readFileSync(out)))[0]!)).toContain('José Núñez');

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(withAnswers({ maritalStatus: 'engaged' })));
    const r = runCli(['document', 'i589-worksheet', bad, '--out', join(dir, 'bad.pdf'), '--format', 'json']);
    expect(r.code).toBe(2);
    const error = cliError(r.stderr);
    expect(error.path).toBe('i589.maritalStatus');
    expect(error.message).toMatch(/must be one of: "single", "married", "divorced", "widowed"/);
    expect(r.stdout).toBe('');
  });
});
