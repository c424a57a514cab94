/**
 * Certificates of translation for translated exhibits: one page per translated document, as the
 * immigration courts, the BIA and USCIS expect (a certificate travels with its translation, so one
 * certificate covering several documents breaks apart when the exhibits are split). Then a page of
 * instructions for the person, which is not filed, and the explanation in the person's language
 * (explanations.ts).
 *
 * 8 CFR 1003.33 (immigration court and BIA) asks for a certificate, signed by the translator, that
 * the translator is competent to translate the document and that the translation is true and
 * accurate; 8 CFR 103.2(b)(3) (USCIS) asks for a full translation certified as complete and
 * accurate, and for the translator's competence to translate from the foreign language into
 * English. The certificate's statement says both. The Immigration Court Practice Manual's model
 * certificate also gives the translator's address, so the address is required.
 */
import * as z from 'zod';
import { type CitationId, citationLabel, computeDeadlines, parseCaseFacts } from '../../core/index.ts';
import { DocumentInputError } from '../errors.ts';
import { explanationSection, prehearingFact } from '../explanations.ts';
import {
  type Block,
  caption,
  checklist,
  createDocument,
  type DocumentModel,
  type Field,
  heading,
  list,
  paragraph,
  signature,
} from '../model.ts';
import {
  address,
  addressLines,
  email,
  line,
  NOT_LEGAL_ADVICE,
  objectError,
  type PersonDetails,
  parseDetails,
  parseDocumentLanguage,
  parseKindDetails,
  phone,
} from './input.ts';

const language = line(60).refine(
  (s) => !/^english$/i.test(s),
  'must be the language of the original document; the translation is always into English',
);

/** What only the certificate reads, under the input's `translation` key. */
const translationDetails = z.strictObject(
  {
    translator: z.strictObject(
      {
        name: line(300),
        address,
        phone: phone.optional(),
        email: email.optional(),
      },
      objectError,
    ),
    /** The language of the originals, unless a document says otherwise. */
    fromLanguage: language.optional(),
    documents: z
      .array(
        z.strictObject(
          {
            /** The document's title in English, as the exhibit list names it ("Birth certificate of ..."). */
            title: line(300),
            fromLanguage: language.optional(),
            /** Pages of the English translation, so a page cannot go missing unnoticed. */
            pages: z
              .number({ error: 'must be a number of pages' })
              .int('must be a whole number of pages')
              .min(1, 'must be at least 1')
              .max(999, 'is too large (at most 999)')
              .optional(),
          },
          objectError,
        ),
        { error: (iss) => (iss.input === undefined ? 'is required' : 'must be a list of documents') },
      )
      .min(1, 'must list at least one translated document')
      .max(50, 'is too long (at most 50 documents; prepare the rest separately)'),
  },
  objectError,
);

const RULES: readonly CitationId[] = ['8-CFR-1003.33', '8-CFR-103.2-b-3'];

/** The sentence the translator signs; tests look for it in the rendered files. */
export function translationStatement(translator: string, from: string, title: string): string {
  return (
    `I, ${translator}, certify that I am competent in ${from} and in English, and competent to translate from ${from} into English. ` +
    `I certify that the attached English translation of the document titled "${title}" is a complete, true and accurate ` +
    'translation of the original, to the best of my knowledge and ability.'
  );
}

export function buildTranslationCertificate(input: unknown): DocumentModel {
  const facts = parseCaseFacts(input);
  const t = parseKindDetails(
    input,
    'translation',
    translationDetails,
    'an object with the "translator" (name and address) and the translated "documents" (each with its "title")',
  )!;
  const documents = t.documents.map((d, i) => {
    const from = d.fromLanguage ?? t.fromLanguage;
    if (from === undefined)
      throw new DocumentInputError(
        `translation.documents.${i}.fromLanguage is required (or translation.fromLanguage for every document): the language of the original`,
        ['translation', 'documents', i, 'fromLanguage'],
      );
    return { ...d, from };
  });
  // The person is optional: a certificate is about the document. When given, it names the case;
  // `document` with only the reader's language names no one.
  const person: PersonDetails | undefined = namesThePerson(input, facts.person !== undefined)
    ? parseDetails(input, facts)
    : undefined;
  const language = person?.language ?? parseDocumentLanguage(input);

  const translator: Field[] = [
    { label: 'Translator', value: t.translator.name },
    { label: 'Address', value: addressLines(t.translator.address).join('\n') },
    ...(t.translator.phone !== undefined ? [{ label: 'Phone', value: t.translator.phone }] : []),
    ...(t.translator.email !== undefined ? [{ label: 'Email', value: t.translator.email }] : []),
  ];

  const certificates = documents.map((d): { blocks: Block[] } => ({
    blocks: [
      heading('Certificate of Translation'),
      caption([
        ...(person !== undefined
          ? [
              { label: 'In the matter of', value: person.name },
              { label: 'A-Number', value: person.aNumber },
            ]
          : []),
        { label: 'Document', value: d.title },
        { label: 'Translated', value: `from ${d.from} into English` },
        ...(d.pages !== undefined
          ? [{ label: 'Translation', value: `${d.pages} page${d.pages === 1 ? '' : 's'}, attached` }]
          : []),
      ]),
      paragraph(translationStatement(t.translator.name, d.from, d.title)),
      caption(translator),
      signature(t.translator.name, 'Date: ______________________'),
    ],
  }));

  const instructions: Block[] = [
    heading('How to use these certificates'),
    paragraph('Keep this page; do not file it.', 'small'),
    checklist([
      'The translator reads each certificate, then signs and dates it by hand.',
      'Put each set together in this order: a copy of the original document, its English translation, then its certificate.',
      'Check that each translation is complete: stamps, seals, handwriting and signatures are translated too, and anything that cannot be read is marked as illegible.',
      'File copies of the originals, not the originals, unless you are asked for them; bring the originals to the hearing or interview.',
    ]),
    list([
      `Each certificate gives what the rules ask for (${RULES.map(citationLabel).join(' for the immigration court and the BIA; ')} for USCIS): ` +
        'the translator’s statement of competence in both languages, and that the translation is complete and accurate.',
      'The rules do not require a notary’s stamp on the certificate.',
      'Anyone who knows both languages well can translate. A translation made by someone other than the person whose case it is usually carries more weight.',
    ]),
    paragraph(NOT_LEGAL_ADVICE, 'notice'),
  ];

  return createDocument('Certificate of translation', [
    ...certificates,
    { blocks: instructions },
    explanationSection(language, {
      kind: 'translation-certificate',
      documents: documents.length,
      prehearing: prehearingFact(computeDeadlines(facts)),
    }),
  ]);
}

/**
 * Whether the input gives a person to name: a `document` with any detail besides `language`, or
 * any `document` when the case has a person (the API always sends one, maybe empty).
 */
function namesThePerson(input: unknown, caseHasPerson: boolean): boolean {
  const document = (input as { document?: unknown }).document;
  if (document === undefined) return false;
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return true;
  return caseHasPerson || Object.keys(document).some((k) => k !== 'language');
}
