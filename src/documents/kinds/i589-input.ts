/**
 * What the I-589 worksheet reads: the case facts, the shared `document` details (with `language`),
 * and an optional `i589` object with the answers a person prepares for the form.
 *
 * Every answer is optional, and the three states are kept apart (ARCHITECTURE.md principle 6):
 * a missing key is "not answered yet" (the completeness check flags it); `null`, an empty list, or
 * the text "N/A" or "NONE" is an explicit "does not apply" or "I have none"; anything else is the
 * answer. So the input is refused only when it is malformed (a wrong type, an unknown key, a date
 * that is not a date), with the path of the first problem; a blank is never an error here.
 */
import * as z from 'zod';
import { type CaseFacts, normalizeANumber, parseCaseFacts } from '../../core/index.ts';
import { DocumentInputError } from '../errors.ts';
import {
  type Address,
  agreedANumber,
  agreedDateOfBirth,
  bool,
  type DocumentLanguage,
  documentDetails,
  isoDate,
  line,
  objectError,
  oneOf,
  parseKindDetails,
  str,
  text,
} from './input.ts';

/** "N/A", "NA", "NONE" (any case, with or without the slash or a dot): an explicit "none". */
export const NONE_TEXT = /^(n\/?\.?a\.?|none)$/i;

function listOf<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item, { error: (iss) => (iss.input === undefined ? 'is required' : 'must be a list') })
    .max(max, `has too many entries (at most ${max})`);
}

const monthYear = str().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');
const untilMonth = str().regex(
  /^(\d{4}-(0[1-9]|1[0-2])|present)$/,
  'must be a month written YYYY-MM, or "present"',
);
/** When: from a month, to a month or "present" (an address, a school, a job). */
const period = { from: monthYear.optional(), to: untilMonth.optional() };

/** A yes-or-no question whose "yes" the form asks to explain. */
const explained = z.strictObject(
  { answer: oneOf(['yes', 'no']), explanation: text(6000).optional() },
  objectError,
);
export type Explained = z.infer<typeof explained>;

/** An identifier "if any": its own format, or "N/A" / "NONE". */
function identifier(pattern: RegExp, what: string) {
  return str()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .refine(
          (s) => NONE_TEXT.test(s) || pattern.test(s.replace(/[\s-]/g, '').toUpperCase()),
          `must be ${what}, or "NONE"`,
        ),
    )
    .transform((s) => (NONE_TEXT.test(s) ? 'NONE' : s.replace(/[\s-]/g, '').toUpperCase()));
}

const GENDERS = ['male', 'female'] as const;
const MARITAL = ['single', 'married', 'divorced', 'widowed'] as const;
export const GROUNDS = [
  'race',
  'religion',
  'nationality',
  'political_opinion',
  'particular_social_group',
  'torture_convention',
] as const;
export type Ground = (typeof GROUNDS)[number];

/** A relative's A-number, normalised to `A` and nine digits, or "NONE". */
const aNumberOrNone = str()
  .max(40, 'is too long')
  .refine(
    (s) => NONE_TEXT.test(s.trim()) || normalizeANumber(s).ok,
    'must be the letter A followed by 7 to 9 digits, or "NONE"',
  )
  .transform((s) => {
    const r = normalizeANumber(s);
    return r.ok ? r.normalized : 'NONE';
  });

/** What the form asks about a spouse or a child, in the parts this worksheet checks. */
const relativeFields = {
  familyName: line(100).optional(),
  firstName: line(100).optional(),
  middleName: line(100).nullable().optional(),
  aNumber: aNumberOrNone.nullable().optional(),
  dateOfBirth: isoDate.optional(),
  cityOfBirth: line(100).optional(),
  countryOfBirth: line(100).optional(),
  nationality: line(100).optional(),
  ethnicity: line(100).optional(),
  gender: oneOf(GENDERS).optional(),
  inUS: bool.optional(),
  /** Where the person is, when not in the United States. */
  location: line(200).optional(),
  includeInApplication: bool.optional(),
};
const spouse = z.strictObject(
  { ...relativeFields, dateOfMarriage: isoDate.optional(), placeOfMarriage: line(200).optional() },
  objectError,
);
export type Spouse = z.infer<typeof spouse>;
const child = z.strictObject({ ...relativeFields, maritalStatus: oneOf(MARITAL).optional() }, objectError);
export type Child = z.infer<typeof child>;

const placeAbroad = {
  street: line(200).optional(),
  city: line(100),
  province: line(100).optional(),
  country: line(100),
};
const residence = z.strictObject({ ...placeAbroad, ...period }, objectError);
export type Residence = z.infer<typeof residence>;

const entry = z.strictObject(
  { date: isoDate, place: line(200), status: line(100), statusExpires: isoDate.optional() },
  objectError,
);
export type Entry = z.infer<typeof entry>;

const school = z.strictObject(
  {
    name: line(200),
    type: line(100).optional(),
    location: line(200).optional(),
    ...period,
  },
  objectError,
);
export type School = z.infer<typeof school>;

const job = z.strictObject(
  {
    employer: line(200),
    address: line(300).optional(),
    occupation: line(100).optional(),
    ...period,
  },
  objectError,
);
export type Job = z.infer<typeof job>;

const relative = z.strictObject(
  {
    name: line(200),
    cityOfBirth: line(100).optional(),
    countryOfBirth: line(100).optional(),
    location: line(200).optional(),
    deceased: bool.optional(),
  },
  objectError,
);
export type Relative = z.infer<typeof relative>;

const parent = relative.extend({ relationship: oneOf(['mother', 'father']) });
export type Parent = z.infer<typeof parent>;

const passport = z.strictObject(
  { country: line(100), number: line(40), expires: isoDate.optional() },
  objectError,
);
export type Passport = z.infer<typeof passport>;

const preparer = z.strictObject(
  {
    name: line(200).optional(),
    address: text(300).optional(),
    phone: line(40).optional(),
    signed: bool.optional(),
  },
  objectError,
);
export type Preparer = z.infer<typeof preparer>;

/** The `i589` object: a person's answers for Form I-589, each optional (see the top of this file). */
export const i589Schema = z.strictObject(
  {
    // Part A.I
    familyName: line(100).optional(),
    firstName: line(100).optional(),
    middleName: line(100).nullable().optional(),
    otherNames: listOf(line(200), 20).optional(),
    /** The telephone number of item 8 when `document.phone` does not give it; `null` for none. */
    phone: line(40).nullable().optional(),
    ssn: identifier(/^\d{9}$/, 'a Social Security number of nine digits')
      .nullable()
      .optional(),
    uscisAccountNumber: identifier(/^\d{12}$/, 'a USCIS online account number of twelve digits')
      .nullable()
      .optional(),
    /** Explicitly `null` when the mailing address is where the person lives. */
    mailingAddress: documentDetails.shape.address.unwrap().nullable().optional(),
    gender: oneOf(GENDERS).optional(),
    maritalStatus: oneOf(MARITAL).optional(),
    cityOfBirth: line(100).optional(),
    countryOfBirth: line(100).optional(),
    nationality: line(100).optional(),
    nationalityAtBirth: line(100).optional(),
    ethnicity: line(100).optional(),
    religion: line(100).optional(),
    courtProceedings: oneOf(['never', 'now', 'past']).optional(),
    lastLeftCountry: isoDate.optional(),
    i94Number: identifier(/^[A-Z0-9]{11}$/, 'an I-94 number of eleven letters and digits')
      .nullable()
      .optional(),
    entries: listOf(entry, 50).optional(),
    passport: passport.nullable().optional(),
    nativeLanguage: line(100).optional(),
    fluentInEnglish: bool.optional(),
    otherLanguages: listOf(line(100), 20).optional(),
    // Part A.II
    spouse: spouse.nullable().optional(),
    children: listOf(child, 30).optional(),
    // Part A.III
    lastAddressAbroad: residence.optional(),
    /** Explicitly `null` when the last address abroad was in the country feared. */
    lastAddressInFearedCountry: residence.nullable().optional(),
    addressesLast5Years: listOf(residence, 30).optional(),
    education: listOf(school, 30).optional(),
    employment: listOf(job, 30).optional(),
    parents: listOf(parent, 2).optional(),
    siblings: listOf(relative, 30).optional(),
    // Part B
    grounds: listOf(oneOf(GROUNDS), GROUNDS.length).optional(),
    pastHarm: explained.optional(),
    fearOfReturn: explained.optional(),
    arrestsAbroad: explained.optional(),
    organizations: explained.optional(),
    organizationsContinuing: explained.optional(),
    tortureFear: explained.optional(),
    // Part C
    priorApplications: explained.optional(),
    travelThroughOtherCountries: explained.optional(),
    statusInOtherCountries: explained.optional(),
    harmedOthers: explained.optional(),
    returnedToCountry: explained.optional(),
    /** Why the application was not filed within the year, when the law core says the year has passed. */
    oneYearExplanation: text(6000).optional(),
    crimesInUS: explained.optional(),
    // Part D, E
    nameInNativeAlphabet: line(300).nullable().optional(),
    familyHelped: explained.optional(),
    preparedBySomeoneElse: bool.optional(),
    receivedLegalHelpList: bool.optional(),
    signedByApplicant: bool.optional(),
    dateSigned: isoDate.optional(),
    preparer: preparer.optional(),
  },
  objectError,
);
export type I589Answers = z.infer<typeof i589Schema>;

export interface I589Input {
  readonly facts: CaseFacts;
  /** The full name, as printed in Part D: `document.name` or the case's `person.name`. */
  readonly name?: string;
  /** `A` and nine digits, or "NONE" when the person said they have none. */
  readonly aNumber?: string;
  readonly dateOfBirth?: string;
  readonly address?: Address;
  readonly phone?: string;
  readonly language: DocumentLanguage;
  readonly answers: I589Answers;
}

/**
 * Validates the worksheet's input: throws FactsError for bad case facts and DocumentInputError,
 * with a path, for malformed details or answers. Messages never repeat an identifier or a date of
 * birth (8 CFR 208.6).
 */
export function parseI589Input(input: unknown): I589Input {
  const facts = parseCaseFacts(input);
  // The shared details: their `language` is also the one the worksheet shows each question in.
  const d: z.output<typeof documentDetails> = parseKindDetails(input, 'document', documentDetails) ?? {};
  const answers: I589Answers = parseKindDetails(input, 'i589', i589Schema) ?? {};
  const person = facts.person ?? {};

  const personName = person.name?.normalize('NFC').trim();
  if (d.name !== undefined && personName !== undefined && personName !== '' && personName !== d.name)
    throw new DocumentInputError('document.name differs from person.name in the case', ['document', 'name']);
  const name = d.name ?? (personName !== '' ? personName : undefined);

  const dateOfBirth = agreedDateOfBirth(d.dateOfBirth, person.birthDate, facts.asOf);

  if (answers.dateSigned !== undefined && answers.dateSigned > facts.asOf)
    throw new DocumentInputError('i589.dateSigned is after asOf: a signature cannot be dated in the future', [
      'i589',
      'dateSigned',
    ]);

  const aNumber = pickANumber(d.aNumber, person.aNumber);
  return {
    facts,
    ...(name !== undefined ? { name } : {}),
    ...(aNumber !== undefined ? { aNumber } : {}),
    ...(dateOfBirth !== undefined ? { dateOfBirth } : {}),
    ...(d.address !== undefined ? { address: d.address } : {}),
    ...(d.phone !== undefined ? { phone: d.phone } : {}),
    language: d.language ?? 'en',
    answers,
  };
}

/** The A-number, normalised, or "NONE"; absent when neither the document nor the case gives one. */
function pickANumber(fromDocument: string | undefined, fromPerson: string | undefined): string | undefined {
  if (fromDocument !== undefined && NONE_TEXT.test(fromDocument.trim())) {
    if (fromPerson !== undefined)
      throw new DocumentInputError('document.aNumber says none, but the case has person.aNumber', [
        'document',
        'aNumber',
      ]);
    return 'NONE';
  }
  return agreedANumber(fromDocument, fromPerson, ', or "NONE"');
}
