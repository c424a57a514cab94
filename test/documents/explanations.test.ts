/**
 * The last page of every document: what it is, what to do, the deadline and what lateness costs,
 * in the person's language (`document.language`), marked as not to be filed, while every page
 * before it stays the English filing. Rendered as PDF (read back with pdf.js) and DOCX (its XML).
 * The deadlines are worked out by hand in the comments from the law (RULES.md), never copied from
 * the code's output; each is written the reader's way ("2 de diciembre de 2026", "2 décembre 2026").
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assembleExhibitPacket, parseExhibitPacketInput } from '../../src/documents/exhibit-packet.ts';
import { explanationBlocks, explanationDate } from '../../src/documents/explanations.ts';
import { DOCUMENT_KIND_NAMES, DOCUMENT_KINDS } from '../../src/documents/kinds/index.ts';
import { type Block, type DocumentModel, documentStrings } from '../../src/documents/model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { FIELDS } from '../../src/web/team/document-fields.ts';
import { fleschKincaidGrade } from '../support/reading-grade.ts';
import { flat, keepArtifact, pdfPages, readBackDocx, readBackPdf } from './read-back.ts';
import { fixture, type Input, refusalOf, withDocument } from './support.ts';

type Lang = 'en' | 'es' | 'fr';

const TITLE: Record<Lang, string> = {
  en: 'About this document',
  es: 'Sobre este documento',
  fr: 'À propos de ce document',
};
const DO_NOT_FILE: Record<Lang, string> = {
  en: 'This page is for you. Do not file it.',
  es: 'Esta página es para usted. No la presente.',
  fr: 'Cette page est pour vous. Ne la déposez pas.',
};
const NOT_ADVICE: Record<Lang, string> = {
  en: 'This is legal information, not legal advice.',
  es: 'Esto es información legal, no asesoría legal.',
  fr: 'Ceci est une information juridique, pas un conseil juridique.',
};
/** French puts a no-break space before a colon; pdf.js and flat() read it as a space. */
const NOTARIOS: Record<Lang, string> = {
  en: 'Notarios and immigration consultants cannot help you',
  es: 'Los notarios y los consultores de inmigración no pueden ayudarle',
  fr: 'Les « notarios » et les consultants en immigration ne peuvent pas vous aider',
};

const withEvents = (input: Input, events: unknown[], asOf?: string): Input => ({
  ...input,
  ...(asOf !== undefined ? { asOf } : {}),
  events,
});

interface Case {
  readonly kind: string;
  readonly input: Input;
  /** What the explanation page must say, beyond its title and the lines every one has. */
  readonly says: Readonly<Record<Lang, readonly string[]>>;
}

const CASES: readonly Case[] = [
  {
    kind: 'withdrawal-letter',
    input: fixture('withdrawal-letter.json'),
    // No law sets a deadline for the letter: the page says so.
    says: {
      en: ['No law sets a deadline for this letter.', 'withdraw your asylum application (Form I-589)'],
      es: [
        'Ninguna ley pone una fecha límite para esta carta.',
        'retirar su solicitud de asilo (formulario I-589)',
      ],
      fr: [
        'Aucune loi ne fixe de date limite pour cette lettre.',
        'retirer votre demande d’asile (formulaire I-589)',
      ],
    },
  },
  {
    kind: 'change-of-address',
    // The move is on Friday 2026-11-20, while the case is before the immigration court (referred in
    // July, hearing in January). EOIR-33/IC: 5 days (8 CFR 1003.15(d)(2)), Wednesday 2026-11-25, no
    // weekend or holiday to roll past. AR-11: 10 days (INA 265(a)), Monday 2026-11-30.
    input: fixture('change-of-address.json'),
    says: {
      en: [
        'Your deadline',
        'Form EOIR-33/IC (immigration court): by November 25, 2026.',
        'Form AR-11 (USCIS): by November 30, 2026.',
      ],
      es: [
        'Su fecha límite',
        'Formulario EOIR-33/IC (corte de inmigración): a más tardar el 25 de noviembre de 2026.',
        'Formulario AR-11 (USCIS): a más tardar el 30 de noviembre de 2026.',
      ],
      fr: [
        'Votre date limite',
        'Formulaire EOIR-33/IC (tribunal de l’immigration) : au plus tard le 25 novembre 2026.',
        'Formulaire AR-11 (USCIS) : au plus tard le 30 novembre 2026.',
      ],
    },
  },
  {
    kind: 'motion-to-withdraw',
    // No deadline in law; the next hearing, from the hearing notice, is on 2027-01-12.
    input: fixture('motion-to-withdraw.json'),
    says: {
      en: ['Your next hearing is on January 12, 2027.', 'withdrawal "without prejudice"'],
      es: ['Su próxima audiencia es el 12 de enero de 2027.', 'el retiro sea «sin perjuicio»'],
      fr: ['Votre prochaine audience est le 12 janvier 2027.', 'un retrait « sans préjudice »'],
    },
  },
  {
    kind: 'motion-to-reopen',
    // The judge denied the case on Tuesday 2026-09-01. 90 days (INA 240(c)(7)(C)(i)): September has
    // 29 more days (to the 30th), October 31 (60), November 30 (90): Monday 2026-11-30, a business
    // day. As of 2026-09-14 it has not passed.
    input: withEvents(
      fixture('motion-to-reopen.json'),
      [
        { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
        { type: 'nta_filed', date: '2026-01-10', detained: true },
        { type: 'asylum_filed', date: '2026-03-01', forum: 'immigration_court' },
        { type: 'ij_decision', date: '2026-09-01', outcome: 'denied' },
        { type: 'appeal_waived', date: '2026-09-01' },
      ],
      '2026-09-14',
    ),
    says: {
      en: ['The immigration court must receive the motion by November 30, 2026.', 'the 90 days'],
      es: [
        'La corte de inmigración debe recibir la moción a más tardar el 30 de noviembre de 2026.',
        'los 90 días',
      ],
      fr: [
        'Le tribunal de l’immigration doit recevoir la requête au plus tard le 30 novembre 2026.',
        'des 90 jours',
      ],
    },
  },
  {
    kind: 'motion-to-reconsider',
    // The judge decided on Monday 2026-11-02. 30 days (INA 240(c)(6)(B)): November has 28 more days
    // (to the 30th), then 2 into December: Wednesday 2026-12-02.
    input: withEvents(
      fixture('motion-to-reconsider.json'),
      [
        { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
        { type: 'nta_filed', date: '2026-01-10', detained: false },
        { type: 'asylum_filed', date: '2026-03-01', forum: 'immigration_court' },
        { type: 'ij_decision', date: '2026-11-02', outcome: 'denied' },
        { type: 'appeal_waived', date: '2026-11-02' },
      ],
      '2026-11-10',
    ),
    says: {
      en: [
        'The immigration court must receive the motion by December 2, 2026.',
        'the decision of November 2, 2026',
      ],
      es: [
        'La corte de inmigración debe recibir la moción a más tardar el 2 de diciembre de 2026.',
        'su decisión del 2 de noviembre de 2026',
      ],
      fr: [
        'Le tribunal de l’immigration doit recevoir la requête au plus tard le 2 décembre 2026.',
        'sa décision du 2 novembre 2026',
      ],
    },
  },
  {
    kind: 'notice-of-appeal-checklist',
    // The same Monday decision, 2026-11-02: the BIA must receive the appeal within 30 days (8 CFR
    // 1003.38(b)), by Wednesday 2026-12-02.
    input: withEvents(
      fixture('notice-of-appeal-checklist.json'),
      [
        { type: 'arrival', date: '2024-02-10', manner: 'entry_without_inspection' },
        { type: 'nta_filed', date: '2024-03-01' },
        { type: 'asylum_filed', date: '2024-09-01', forum: 'immigration_court' },
        { type: 'ij_decision', date: '2026-11-02', outcome: 'denied' },
      ],
      '2026-11-10',
    ),
    says: {
      en: ['The BIA must receive your appeal by December 2, 2026.', 'Board of Immigration Appeals (BIA)'],
      es: [
        'La BIA debe recibir su apelación a más tardar el 2 de diciembre de 2026.',
        'Junta de Apelaciones de Inmigración (BIA)',
      ],
      fr: [
        'La BIA doit recevoir votre appel au plus tard le 2 décembre 2026.',
        'Commission des recours en matière d’immigration (BIA)',
      ],
    },
  },
  {
    kind: 'congress-letter',
    input: fixture('congress-letter.json'),
    says: {
      en: ['your Representative, Jane Smith', 'No law sets a deadline for this letter.'],
      es: [
        'Jane Smith, que le representa en la Cámara de Representantes',
        'Ninguna ley pone una fecha límite',
      ],
      fr: [
        'Jane Smith, qui vous représente à la Chambre des représentants',
        'Aucune loi ne fixe de date limite',
      ],
    },
  },
  {
    kind: 'translation-certificate',
    // A master calendar hearing on Wednesday 2027-01-20 (not detained): filings are due 15 days
    // before (ICPM ch. 3.1(b)), counted back: Tuesday 2027-01-05, a business day.
    input: withEvents(fixture('translation-certificate.json'), [
      { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
      { type: 'nta_filed', date: '2026-01-10', detained: false },
      { type: 'hearing_notice', date: '2026-09-01', hearingDate: '2027-01-20', hearing: 'master' },
    ]),
    says: {
      en: [
        'For your hearing on January 20, 2027, the immigration court must receive your documents by January 5, 2027',
        '(2 in all)',
      ],
      es: [
        'Para su audiencia del 20 de enero de 2027, la corte de inmigración debe recibir sus documentos a más tardar el 5 de enero de 2027',
        '(2 en total)',
      ],
      fr: [
        'Pour votre audience du 20 janvier 2027, le tribunal de l’immigration doit recevoir vos documents au plus tard le 5 janvier 2027',
        '(2 en tout)',
      ],
    },
  },
  {
    kind: 'i589-worksheet',
    // Last arrival on Tuesday 2025-07-15: one year (INA 208(a)(2)(B)) ends on Wednesday 2026-07-15.
    // (The example reads Spanish: the language is taken out, so that "no language" is English.)
    input: withDocument(
      withEvents(fixture('i589-worksheet.json'), [
        { type: 'arrival', date: '2025-07-15', manner: 'entry_without_inspection' },
      ]),
      { language: undefined },
    ),
    says: {
      en: ['by July 15, 2026.', 'Form I-589'],
      es: ['a más tardar el 15 de julio de 2026.', 'formulario I-589'],
      fr: ['au plus tard le 15 juillet 2026.', 'formulaire I-589'],
    },
  },
];

function build(c: Case, language: Lang | undefined): DocumentModel {
  const input = language === undefined ? c.input : withDocument(c.input, { language });
  return DOCUMENT_KINDS[c.kind]!(input);
}

/** The first page of the explanation: the page that starts with its title. */
function explanationStart(pages: readonly string[], language: Lang): number {
  const at = pages.findIndex((p) => p.startsWith(TITLE[language]));
  expect(at, `no page starts with "${TITLE[language]}"`).toBeGreaterThan(0);
  return at;
}

/** A model's words apart from its last section, with what depends on the reader's language taken out. */
function filingWords(model: DocumentModel): string {
  const sections = model.sections.slice(0, -1).map((s) => ({
    ...s,
    // The I-589 worksheet shows each question in the reader's language too, by design.
    blocks: s.blocks.map((b): Block => (b.type === 'question' ? { ...b, translation: undefined } : b)),
  }));
  return documentStrings({ ...model, sections })
    .join('\n')
    .replace(/ Each question is also shown in [^;]+; the answers stay in English\./, '');
}

describe('every document kind', () => {
  it('has a case here, for each kind the CLI and the API prepare', () => {
    expect([...CASES.map((c) => c.kind), 'exhibit-packet'].sort()).toEqual(
      [...Object.keys(DOCUMENT_KINDS), 'exhibit-packet'].sort(),
    );
  });

  it("asks for the person's language on the case page", () => {
    for (const kind of DOCUMENT_KIND_NAMES)
      expect(FIELDS[kind], kind).toContainEqual({
        path: 'document.language',
        kind: { options: ['en', 'es', 'fr'] },
      });
  });
});

describe.each(CASES)('$kind: the explanation page', (c) => {
  it('is the last section, in English without a language, and the same as with "en"', () => {
    const plain = build(c, undefined);
    expect(plain).toEqual(build(c, 'en'));
    const last = plain.sections.at(-1)!;
    expect(last.language).toBeUndefined();
    expect(last.blocks[0]).toEqual({ type: 'heading', text: TITLE.en });
    expect(documentStrings({ ...plain, sections: [last] }).join('\n')).toContain(DO_NOT_FILE.en);
  });

  it('leaves the filing as it is in every language: only the last section changes', () => {
    const en = filingWords(build(c, 'en'));
    expect(filingWords(build(c, 'es'))).toBe(en);
    expect(filingWords(build(c, 'fr'))).toBe(en);
  });

  it.each(['en', 'es', 'fr'] as const)(
    'in %s: the PDF ends with it, after the English pages, unchanged',
    async (language) => {
      const { pages: raw } = await readBackPdf(build(c, language), `explanation-${c.kind}-${language}`);
      const pages = raw.map(flat);
      const at = explanationStart(pages, language);
      const page = pages.slice(at).join(' ');
      for (const text of [TITLE[language], DO_NOT_FILE[language], NOT_ADVICE[language], NOTARIOS[language]])
        expect(page).toContain(text);
      for (const text of c.says[language]) expect(page).toContain(text);
      // The filing keeps its English and never shows the explanation's language.
      expect(pages[0]).not.toContain(TITLE[language]);
      if (language !== 'en' && c.kind !== 'i589-worksheet') {
        const english = (await pdfPages(await renderPdf(build(c, 'en')))).map(flat);
        expect(pages.slice(0, at)).toEqual(english.slice(0, explanationStart(english, 'en')));
      }
    },
  );

  it.each(['es', 'fr'] as const)(
    'in %s: the DOCX tags every run of it, and only of it, with w:lang',
    async (language) => {
      const { xml, text } = await readBackDocx(build(c, language), `explanation-${c.kind}-${language}`);
      expect(flat(text)).toContain(DO_NOT_FILE[language]);
      const title = xml.indexOf(`>${TITLE[language]}<`);
      expect(title).toBeGreaterThan(0);
      const start = xml.lastIndexOf('<w:p>', title);
      const filing = xml.slice(0, start);
      const explanation = xml.slice(start);
      const runs = [...explanation.matchAll(/<w:r>.*?<\/w:r>/gs)].map((m) => m[0]);
      expect(runs.length).toBeGreaterThan(10);
      for (const run of runs) expect(run).toContain(`<w:lang w:val="${language}"/>`);
      // The filing's runs carry no language of their own (the document's is en-US), except the
      // I-589 worksheet's questions in the reader's language.
      const tagged = [...filing.matchAll(/<w:r>.*?<\/w:r>/gs)].filter((m) => m[0].includes('<w:lang '));
      if (c.kind === 'i589-worksheet') for (const m of tagged) expect(m[0]).toContain(`w:val="${language}"`);
      else expect(tagged).toEqual([]);
    },
  );

  it('reads at a 6th-8th grade level in English (Flesch-Kincaid at most 8.5)', () => {
    const model = build(c, 'en');
    // Names of forms and agencies in parentheses are what they are; the words around them are ours.
    const sentences = documentStrings({ ...model, sections: [model.sections.at(-1)!] })
      .join(' ')
      .replace(/\([^)]*\)/g, '')
      .split(/(?<=[.:])\s+/)
      .filter((t) => /[a-z]/i.test(t));
    expect(fleschKincaidGrade(sentences)).toBeLessThanOrEqual(8.5);
  });

  it('refuses an unknown language, at document.language', () => {
    const err = refusalOf(() => DOCUMENT_KINDS[c.kind]!(withDocument(c.input, { language: 'de' })));
    expect(err.path.join('.')).toBe('document.language');
    expect(err.message).toBe('document.language must be one of: "en", "es", "fr"');
  });
});

describe('the explanation in other cases', () => {
  it('writes dates the reader’s way, in UTC on both sides, with the French "1er"', () => {
    expect(explanationDate('2026-12-02', 'es')).toBe('2 de diciembre de 2026');
    expect(explanationDate('2026-12-02', 'fr')).toBe('2 décembre 2026');
    expect(explanationDate('2026-12-02', 'en')).toBe('December 2, 2026');
    expect(explanationDate('2026-11-01', 'fr')).toBe('1er novembre 2026');
    expect(explanationDate('2026-11-01', 'es')).toBe('1 de noviembre de 2026');
    // The last and first days of a year, where a time zone would move the date.
    expect(explanationDate('2026-12-31', 'es')).toBe('31 de diciembre de 2026');
    expect(explanationDate('2027-01-01', 'fr')).toBe('1er janvier 2027');
  });

  it('keeps French punctuation off the start of a line (no-break space before a colon, inside « »)', () => {
    const words = explanationBlocks('fr', { kind: 'withdrawal-letter', receiptNumber: true })
      .flatMap((b) => ('text' in b ? [b.text] : 'items' in b ? b.items : []))
      .join('\n');
    expect(words).not.toMatch(/ [:;?!»]|« /);
    expect(words).toContain('\u00a0:');
    expect(words).toContain('«\u00a0notarios\u00a0»');
    expect(words).not.toContain("'");
  });

  it('says how late it is when the day has passed, and names the exceptions of an order in absentia', () => {
    // An order in absentia on Monday 2026-06-01: 180 days (INA 240(b)(5)(C)(i)) end on Saturday
    // 2026-11-28 (29 + 31 + 31 + 30 + 31 + 28), rolled to Monday 2026-11-30; as of 2026-12-10 it has passed.
    const input = withEvents(
      fixture('motion-to-reopen.json'),
      [
        { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
        { type: 'nta_filed', date: '2026-01-10', detained: false },
        { type: 'in_absentia_order', date: '2026-06-01' },
      ],
      '2026-12-10',
    );
    const last = (language: Lang) => {
      const model = DOCUMENT_KINDS['motion-to-reopen']!(withDocument(input, { language }));
      return flat(documentStrings({ ...model, sections: [model.sections.at(-1)!] }).join('\n'));
    };
    expect(last('es')).toContain('El último día era el 30 de noviembre de 2026. Ya pasó.');
    expect(last('es')).toContain('si usted nunca recibió el aviso de su audiencia');
    expect(last('es')).toContain('anule la orden de expulsión del 1 de junio de 2026');
    expect(last('fr')).toContain('Le dernier jour était le 30 novembre 2026. Il est passé.');
    expect(last('fr')).toContain('l’ordre d’expulsion du 1er juin 2026');
    expect(last('en')).toContain('The last day was November 30, 2026. It has passed.');
  });

  it('lets the translation certificate take only the language, naming no one', () => {
    const { document: _d, ...anonymous } = fixture('translation-certificate.json');
    const model = DOCUMENT_KINDS['translation-certificate']!({ ...anonymous, document: { language: 'es' } });
    const text = documentStrings(model).join('\n');
    expect(text).toContain(TITLE.es);
    expect(text).not.toContain('In the matter of');
    expect(model.sections.at(-1)!.language).toBe('es');
    const err = refusalOf(() =>
      DOCUMENT_KINDS['translation-certificate']!({ ...anonymous, document: { language: 'pt' } }),
    );
    expect(err.path).toEqual(['document', 'language']);
    expect(err.message).toBe('document.language must be one of: "en", "es", "fr"');
  });
});

// ---------------------------------------------------------------------------------------------
// The exhibit packet: files merged, so its explanation is a page after the numbered filing.

async function onePagePdf(label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText(label, { x: 40, y: 740, size: 12, font });
  return doc.save();
}

/** A case before the court in Newark, a master hearing on Wednesday 2027-01-20, not detained. */
const PACKET_CASE = {
  asOf: '2026-11-22',
  events: [
    { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
    { type: 'nta_filed', date: '2026-01-10', detained: false },
    { type: 'hearing_notice', date: '2026-09-01', hearingDate: '2027-01-20', hearing: 'master' },
  ],
  document: {
    name: 'José Núñez',
    aNumber: 'A012345678',
    address: { street: '12 Main St', city: 'Newark', state: 'NJ', zip: '07102' },
    court: { city: 'Newark', state: 'NJ' },
    service: { method: 'electronic' },
  },
  exhibits: [{ file: 'declaration.pdf', description: 'Declaration' }],
};

describe('exhibit-packet: the explanation page', async () => {
  const file = {
    name: 'declaration.pdf',
    bytes: await onePagePdf('DECLARATION PAGE 1'),
    description: 'Declaration',
  };
  const packet = async (language: Lang | undefined) => {
    const input = language === undefined ? PACKET_CASE : withDocument(PACKET_CASE, { language });
    const made = await assembleExhibitPacket(parseExhibitPacketInput(input).details, [file]);
    keepArtifact(`explanation-exhibit-packet-${language ?? 'default'}.pdf`, made.bytes);
    return { ...made, text: (await pdfPages(made.bytes)).map(flat) };
  };
  const en = await packet('en');

  it('comes after the numbered filing, unnumbered and uncounted', async () => {
    // Cover, index, Tab A, the declaration, proof of service: 5 numbered pages, then one for the person.
    expect(en.pages).toBe(5);
    expect(en.explanationPages).toBe(1);
    expect(en.text).toHaveLength(6);
    for (const [k, p] of en.text.slice(0, 5).entries()) expect(p.endsWith(`Page ${k + 1} of 5`)).toBe(true);
    expect(en.text[4]).toContain('PROOF OF SERVICE');
    expect(en.text[5]!.startsWith(TITLE.en)).toBe(true);
    expect(en.text[5]).not.toMatch(/Page \d+ of/);
    expect(en.text[0]).toContain('5 pages in all');
    expect((await packet(undefined)).text).toEqual(en.text);
  });

  it.each(['es', 'fr'] as const)(
    'in %s, with the filing date for the hearing, the filing unchanged',
    async (language) => {
      const p = await packet(language);
      expect(p.pages).toBe(5);
      expect(p.text.slice(0, 5)).toEqual(en.text.slice(0, 5));
      const page = p.text.slice(5).join(' ');
      expect(page.startsWith(TITLE[language])).toBe(true);
      expect(page).toContain(DO_NOT_FILE[language]);
      expect(page).toContain(NOT_ADVICE[language]);
      // Master hearing Wednesday 2027-01-20, 15 days before (ICPM ch. 3.1(b)): Tuesday 2027-01-05.
      expect(page).toContain(
        language === 'es'
          ? 'Para su audiencia del 20 de enero de 2027, la corte de inmigración debe recibir sus documentos a más tardar el 5 de enero de 2027'
          : 'Pour votre audience du 20 janvier 2027, le tribunal de l’immigration doit recevoir vos documents au plus tard le 5 janvier 2027',
      );
    },
  );

  it('says in English too when the documents are due', () => {
    expect(en.text[5]).toContain(
      'For your hearing on January 20, 2027, the immigration court must receive your documents by January 5, 2027',
    );
  });

  it('refuses an unknown language, at document.language', () => {
    const err = refusalOf(() => parseExhibitPacketInput(withDocument(PACKET_CASE, { language: 'de' })));
    expect(err.path.join('.')).toBe('document.language');
  });
});
