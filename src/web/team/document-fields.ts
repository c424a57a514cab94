/**
 * The details the case page asks for, by document: only what the case cannot know. Anything else a
 * document needs, the server names when it refuses (422 with the path), so nothing here is final.
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'checkbox'
  | 'address'
  | 'lines'
  | { readonly options: string[] };

export interface Field {
  /** Where the value goes in the request's details, such as `document.court.city`. */
  readonly path: string;
  readonly kind: FieldKind;
}

/** Every document prints the person's name; a name in Arabic or Amharic letters needs its Latin spelling. */
const LATIN_NAME: Field = { path: 'document.nameInLatinLetters', kind: 'text' };

/**
 * Every document ends with a page that explains it to the person in their language (the I-589
 * worksheet also shows its questions in it); the filing itself stays in English.
 */
const LANGUAGE: Field = { path: 'document.language', kind: { options: ['en', 'es', 'fr'] } };

const COURT: readonly Field[] = [
  { path: 'document.court.city', kind: 'text' },
  { path: 'document.court.state', kind: 'text' },
  { path: 'document.court.judge', kind: 'text' },
  { path: 'document.court.nextHearingDate', kind: 'date' },
  { path: 'document.detained', kind: 'checkbox' },
  {
    path: 'document.service.method',
    kind: { options: ['mail', 'personal_delivery', 'electronic', 'courier'] },
  },
  { path: 'document.service.date', kind: 'date' },
  { path: 'document.service.office', kind: 'text' },
];

/** Each document kind's own details, by the API's names (src/documents/kinds/index.ts). */
const OWN_FIELDS: Readonly<Record<string, readonly Field[]>> = {
  'withdrawal-letter': [
    { path: 'document.receiptNumber', kind: 'text' },
    { path: 'document.reason', kind: 'textarea' },
    { path: 'document.asylumOffice', kind: 'textarea' },
  ],
  'change-of-address': [
    { path: 'document.newAddress', kind: 'address' },
    { path: 'document.address', kind: 'address' },
  ],
  'motion-to-withdraw': [{ path: 'document.prejudice', kind: { options: ['without', 'with'] } }, ...COURT],
  'motion-to-reopen': COURT,
  'motion-to-reconsider': COURT,
  'notice-of-appeal-checklist': [
    { path: 'appeal.immigrationCourt', kind: 'text' },
    { path: 'appeal.represented', kind: 'checkbox' },
    { path: 'appeal.feeWaiver', kind: 'checkbox' },
  ],
  'congress-letter': [
    { path: 'congress.chamber', kind: { options: ['house', 'senate'] } },
    { path: 'congress.member', kind: 'text' },
    { path: 'congress.matter', kind: { options: ['asylum', 'work_permit'] } },
    { path: 'document.address', kind: 'address' },
  ],
  'translation-certificate': [
    { path: 'translation.translator.name', kind: 'text' },
    { path: 'translation.translator.address', kind: 'address' },
    { path: 'translation.fromLanguage', kind: 'text' },
    { path: 'translation.documents', kind: 'lines' },
  ],
  'i589-worksheet': [],
  // The exhibits themselves are chosen among the case's files; these say where the packet goes.
  'exhibit-packet': [...COURT, { path: 'document.address', kind: 'address' }],
};

/** By document kind (the API's names): its own details, the person's language, the Latin spelling of the name. */
export const FIELDS: Readonly<Record<string, readonly Field[]>> = Object.fromEntries(
  Object.entries(OWN_FIELDS).map(([kind, fields]) => [kind, [...fields, LANGUAGE, LATIN_NAME]]),
);

export const ADDRESS_PARTS = ['street', 'unit', 'city', 'state', 'zip'] as const;
