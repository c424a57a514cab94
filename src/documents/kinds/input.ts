/**
 * What every document kind reads: the case-facts JSON the CLI uses (`parseCaseFacts`) plus a
 * `document` object with the person's details. The details may also come from the case's `person`
 * (name, aNumber, birthDate); when both give one, they must agree.
 */
import * as z from 'zod';
import { type CaseFacts, normalizeANumber, parseCaseFacts, parseDate } from '../../core/index.ts';
import { DocumentInputError } from '../errors.ts';
import { drawableGlyphByGlyph, inLatinLetters } from '../scripts.ts';

// C0 and C1 control characters and the line and paragraph separators: never part of a name or an
// address, and invalid in DOCX's XML. A reason may keep its line breaks.
const CONTROL = /(?!\n)[\p{Cc}\u2028\u2029]/u;
const CONTROL_OR_NEWLINE = /[\p{Cc}\u2028\u2029]/u;

/** A string; a missing one "is required", anything else "must be text". */
export function str() {
  return z.string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') });
}

/** One line of text: trimmed, NFC (so "é" is one character, as fonts expect), no control characters. */
export function line(max: number) {
  return str()
    .transform((s) =>
      s
        .normalize('NFC')
        .trim()
        .replace(/[ \t]+/g, ' '),
    )
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `is too long (at most ${max} characters)`)
        .refine((s) => !CONTROL_OR_NEWLINE.test(s), 'must be one line without control characters'),
    );
}

/** Text that may keep line breaks (a reason, an office's address). */
export function text(max: number) {
  return str()
    .transform((s) =>
      s
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.trim().replace(/[ \t]+/g, ' '))
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `is too long (at most ${max} characters)`)
        .refine((s) => !CONTROL.test(s), 'must not contain control characters'),
    );
}

/** One of `values`; a missing one "is required", anything else names the values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined ? 'is required' : `must be one of: ${values.map((v) => `"${v}"`).join(', ')}`,
  });
}

/** true or false; a missing one "is required". */
export const bool = z.boolean({
  error: (iss) => (iss.input === undefined ? 'is required' : 'must be true or false'),
});

export const isoDate = z.iso
  .date({ error: 'must be a real calendar date written YYYY-MM-DD' })
  .refine((s) => s >= '1900-01-01' && s <= '2100-12-31', 'must be between 1900-01-01 and 2100-12-31');

/** A US mailing address, in the parts Forms EOIR-33 and AR-11 ask for. */
export const objectError = {
  error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is required' : 'must be an object'),
};

export const stateCode = str()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be the two-letter state code (for example NY)'));

export const address = z.strictObject(
  {
    inCareOf: line(100).optional(),
    street: line(200),
    unit: line(50).optional(),
    city: line(100),
    state: stateCode,
    zip: str()
      .transform((s) => s.trim())
      .pipe(
        z.string().regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code: five digits, or five, a dash and four'),
      ),
  },
  objectError,
);
export type Address = z.infer<typeof address>;

/**
 * For filings with an immigration court: the court that has the case (its city and state name the
 * court on the cover page, ICPM ch. 3.3), and the judge and next hearing when known.
 */
const court = z.strictObject(
  {
    city: line(100),
    state: stateCode,
    judge: line(200).optional(),
    nextHearingDate: isoDate.optional(),
  },
  objectError,
);
export type CourtDetails = z.infer<typeof court>;

/** How a court filing reaches the DHS attorney: the ways of service 8 CFR 1003.13 names, and a courier. */
export const SERVICE_METHODS = ['mail', 'personal_delivery', 'electronic', 'courier'] as const;

/** Service of a court filing on DHS: the Office of the Principal Legal Advisor (OPLA) that has the case. */
const service = z.strictObject(
  {
    method: z
      .enum(SERVICE_METHODS, { error: `must be one of: ${SERVICE_METHODS.map((m) => `"${m}"`).join(', ')}` })
      .optional(),
    date: isoDate.optional(),
    office: line(200).optional(),
    address: address.optional(),
  },
  objectError,
);
export type ServiceDetails = z.infer<typeof service>;

/** A phone number as people write it: digits with spaces, dots, dashes, parentheses, a leading "+". */
export const phone = line(40).refine(
  (s) => /^\+?[\d\s().-]+$/.test(s) && (s.match(/\d/g) ?? []).length >= 7,
  'must be a phone number: at least 7 digits, with only spaces, dots, dashes, parentheses or a leading +',
);
/** An email address, checked only for its shape: the mail server is the real test. */
export const email = line(254).refine(
  (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  'must be an email address (name@example.org)',
);

/** An attorney or accredited representative filing for the person, identified by the EOIR ID. */
const representative = z.strictObject(
  {
    name: line(200),
    eoirId: str()
      .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
      .pipe(
        z
          .string()
          .regex(
            /^[A-Z0-9]{6,12}$/,
            'must be the EOIR ID EOIR gave at registration: letters and digits (for example AB123456)',
          ),
      ),
    organization: line(200).optional(),
    address,
    phone: phone.optional(),
    email: email.optional(),
  },
  objectError,
);
export type Representative = z.infer<typeof representative>;

/**
 * The languages a person may read the explanation page in (explanations.ts), and the I-589
 * worksheet's questions. The filing itself is always in English, as courts and USCIS accept it.
 */
export const DOCUMENT_LANGUAGES = ['en', 'es', 'fr'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** The `document` details every kind accepts. */
export const documentDetails = z.strictObject(
  {
    /** The language the person reads: the explanation page is in it (default English). */
    language: oneOf(DOCUMENT_LANGUAGES).optional(),
    name: line(300).optional(),
    /**
     * The name as courts and USCIS write it, in Latin letters (as on the passport or the Notice to
     * Appear): printed instead of a name in a script the PDF cannot lay out (Arabic, Amharic, ...).
     */
    nameInLatinLetters: line(300)
      .refine(inLatinLetters, 'must be written in Latin letters (A to Z, with accents if any)')
      .optional(),
    aNumber: str().max(40, 'is too long').optional(),
    dateOfBirth: isoDate.optional(),
    receiptNumber: str().max(40, 'is too long').optional(),
    address: address.optional(),
    newAddress: address.optional(),
    reason: text(2000).optional(),
    asylumOffice: text(300).optional(),
    phone: phone.optional(),
    email: email.optional(),
    court: court.optional(),
    detained: z.boolean({ error: 'must be true or false' }).optional(),
    service: service.optional(),
    representative: representative.optional(),
    prejudice: z.enum(['with', 'without'], { error: 'must be "with" or "without"' }).optional(),
    otherRelief: text(1000).optional(),
  },
  objectError,
);

export interface PersonDetails {
  /** The person's language, for the explanation page: `document.language`, English by default. */
  readonly language: DocumentLanguage;
  readonly name: string;
  /** Normalised: `A` and nine digits. */
  readonly aNumber: string;
  readonly dateOfBirth?: string;
  /** Normalised: three capital letters and ten digits. */
  readonly receiptNumber?: string;
  readonly address?: Address;
  readonly newAddress?: Address;
  readonly reason?: string;
  readonly asylumOffice?: string;
  readonly phone?: string;
  readonly email?: string;
  /** For a court filing (court-filing.ts): the court, and the judge and next hearing when known. */
  readonly court?: CourtDetails;
  /** Whether the person is held in immigration detention. */
  readonly detained?: boolean;
  readonly service?: ServiceDetails;
  /** Absent when the person files for themselves. */
  readonly representative?: Representative;
  /** For a withdrawal before the immigration court: may the application be filed again there? */
  readonly prejudice?: 'with' | 'without';
  /** What the person asks for instead of the application withdrawn (voluntary departure, ...). */
  readonly otherRelief?: string;
}

export interface DocumentInput {
  readonly facts: CaseFacts;
  readonly details: PersonDetails;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      // Our messages never repeat the value: an A-number or a birth date is personal data.
      return issue.message;
  }
}

/**
 * `document.language` alone, for a document whose person is optional (the translation
 * certificate): English when it is not given. Anything but a known language is refused at its path.
 */
export function parseDocumentLanguage(input: unknown): DocumentLanguage {
  const raw = (input as { document?: unknown }).document;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'en';
  const parsed = documentDetails.shape.language.safeParse((raw as { language?: unknown }).language);
  if (!parsed.success)
    throw new DocumentInputError(`document.language ${describeIssue(parsed.error.issues[0]!)}`, [
      'document',
      'language',
    ]);
  return parsed.data ?? 'en';
}

/**
 * Validates the details only one kind reads, kept beside `document` under their own key (`appeal`,
 * `congress`, `translation`) with the kind's own schema; errors name the path as `document`'s do.
 */
export function parseKindDetails<S extends z.ZodType>(
  input: unknown,
  key: string,
  schema: S,
  missing?: string,
): z.output<S> | undefined {
  const raw = (input as Record<string, unknown>)[key];
  if (raw === undefined) {
    if (missing !== undefined) throw new DocumentInputError(`${key} is required: ${missing}`, [key]);
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = [key, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  throw new DocumentInputError(`${path.join('.')} ${describeIssue(issue)}`, path);
}

/**
 * Validates the input of a document kind. `required` lists the details this kind cannot do
 * without; the name and the A-number are always required.
 */
export function parseDocumentInput(
  input: unknown,
  required: readonly ('dateOfBirth' | 'newAddress')[] = [],
): DocumentInput {
  const facts = parseCaseFacts(input);
  return { facts, details: parseDetails(input, facts, required) };
}

/** The `document` details of an input whose case facts are already validated. */
export function parseDetails(
  input: unknown,
  facts: CaseFacts,
  required: readonly ('dateOfBirth' | 'newAddress')[] = [],
): PersonDetails {
  const raw = (input as { document?: unknown }).document;
  if (raw === undefined)
    throw new DocumentInputError(
      'document is required: an object with the person\'s details ("name", "aNumber", "dateOfBirth", ...)',
      ['document'],
    );
  const parsed = documentDetails.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ['document', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    throw new DocumentInputError(`${path.join('.')} ${describeIssue(issue)}`, path);
  }
  const d = parsed.data;
  const person = facts.person ?? {};

  const name = d.name ?? (person.name !== undefined ? person.name.normalize('NFC').trim() : undefined);
  if (name === undefined || name === '')
    throw new DocumentInputError('document.name is required (or person.name in the case)', [
      'document',
      'name',
    ]);
  if (d.name !== undefined && person.name !== undefined && person.name.normalize('NFC').trim() !== d.name)
    throw new DocumentInputError('document.name differs from person.name in the case', ['document', 'name']);

  const aNumber = agreedANumber(d.aNumber, person.aNumber);
  if (aNumber === undefined)
    throw new DocumentInputError('document.aNumber is required (or person.aNumber in the case)', [
      'document',
      'aNumber',
    ]);

  const dateOfBirth = agreedDateOfBirth(d.dateOfBirth, person.birthDate, facts.asOf);

  for (const need of required) {
    const have = need === 'dateOfBirth' ? dateOfBirth : d.newAddress;
    if (have === undefined) {
      const alt = need === 'dateOfBirth' ? ' (or person.birthDate in the case)' : '';
      throw new DocumentInputError(`document.${need} is required for this document${alt}`, [
        'document',
        need,
      ]);
    }
  }

  let receiptNumber: string | undefined;
  if (d.receiptNumber !== undefined) {
    receiptNumber = d.receiptNumber.replace(/[\s-]/g, '').toUpperCase();
    if (!/^[A-Z]{3}\d{10}$/.test(receiptNumber))
      throw new DocumentInputError(
        'document.receiptNumber must be three letters and ten digits, as printed on the receipt notice (for example ABC1234567890)',
        ['document', 'receiptNumber'],
      );
  }

  return {
    language: d.language ?? 'en',
    // A name in a script that needs shaping is printed as courts write it, when we have that.
    name: d.nameInLatinLetters !== undefined && !drawableGlyphByGlyph(name) ? d.nameInLatinLetters : name,
    aNumber,
    ...(dateOfBirth !== undefined ? { dateOfBirth } : {}),
    ...(receiptNumber !== undefined ? { receiptNumber } : {}),
    ...(d.address !== undefined ? { address: d.address } : {}),
    ...(d.newAddress !== undefined ? { newAddress: d.newAddress } : {}),
    ...(d.reason !== undefined ? { reason: d.reason } : {}),
    ...(d.asylumOffice !== undefined ? { asylumOffice: d.asylumOffice } : {}),
    ...(d.phone !== undefined ? { phone: d.phone } : {}),
    ...(d.email !== undefined ? { email: d.email } : {}),
    ...(d.court !== undefined ? { court: d.court } : {}),
    ...(d.detained !== undefined ? { detained: d.detained } : {}),
    ...(d.service !== undefined ? { service: d.service } : {}),
    ...(d.representative !== undefined ? { representative: d.representative } : {}),
    ...(d.prejudice !== undefined ? { prejudice: d.prejudice } : {}),
    ...(d.otherRelief !== undefined ? { otherRelief: d.otherRelief } : {}),
  };
}

/**
 * The A-number the document or the case gives, normalised to `A` and nine digits; refused when it
 * is malformed (the message ends with `orElse`, "or NONE" where that is accepted) or when both give
 * one and they differ. Undefined when neither does.
 */
export function agreedANumber(
  fromDocument: string | undefined,
  fromPerson: string | undefined,
  orElse = '',
): string | undefined {
  const source = fromDocument ?? fromPerson;
  if (source === undefined) return undefined;
  const path = fromDocument !== undefined ? ['document', 'aNumber'] : ['person', 'aNumber'];
  const r = normalizeANumber(source);
  if (!r.ok) throw new DocumentInputError(`${path.join('.')}: ${r.error}${orElse}`, path);
  if (fromDocument !== undefined && fromPerson !== undefined) {
    const other = normalizeANumber(fromPerson);
    if (other.ok && other.normalized !== r.normalized)
      throw new DocumentInputError('document.aNumber differs from person.aNumber in the case', [
        'document',
        'aNumber',
      ]);
  }
  return r.normalized;
}

/** The date of birth the document or the case gives; refused when they differ, or when it is after asOf. */
export function agreedDateOfBirth(
  fromDocument: string | undefined,
  fromPerson: string | undefined,
  asOf: string,
): string | undefined {
  if (fromDocument !== undefined && fromPerson !== undefined && fromDocument !== fromPerson)
    throw new DocumentInputError('document.dateOfBirth differs from person.birthDate in the case', [
      'document',
      'dateOfBirth',
    ]);
  const dateOfBirth = fromDocument ?? fromPerson;
  if (dateOfBirth !== undefined && dateOfBirth > asOf)
    throw new DocumentInputError('document.dateOfBirth is after asOf', ['document', 'dateOfBirth']);
  return dateOfBirth;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * A date as people write it in US letters: "April 15, 1990", never 04/05 (which reads as two days).
 * With `weekday`: "Wednesday, November 25, 2026". Takes a validated `YYYY-MM-DD`.
 */
export function longDate(iso: string, options: { weekday?: boolean } = {}): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const text = `${MONTHS[m - 1]} ${d}, ${y}`;
  if (!options.weekday) return text;
  // Epoch day 0 (1970-01-01) was a Thursday: index 3 from Monday.
  const weekday = WEEKDAYS[(((parseDate(iso) + 3) % 7) + 7) % 7]!;
  return `${weekday}, ${text}`;
}

/** An address as the lines of an envelope. */
export function addressLines(a: Address): string[] {
  return [
    ...(a.inCareOf !== undefined ? [`c/o ${a.inCareOf}`] : []),
    a.unit !== undefined ? `${a.street}, ${a.unit}` : a.street,
    `${a.city}, ${a.state} ${a.zip}`,
  ];
}

/** Legal information, not legal advice: on every document a person prepares for themselves. */
export const NOT_LEGAL_ADVICE =
  'This is legal information, not legal advice. Refugio explains general rules and can be wrong; the law changes. ' +
  'Check with a licensed attorney or a DOJ-accredited representative before you file or send anything. ' +
  'Notarios and immigration "consultants" cannot represent you.';
