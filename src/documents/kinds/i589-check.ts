/**
 * The I-589 completeness check: every question of Form I-589 that has no answer yet, a missing
 * signature or date, and the one-year filing deadline as the law core counts it. Pure: input in,
 * data out, no clock. The worksheet (i589-worksheet.ts) shows the result first; the API can call
 * `checkI589Completeness` on its own.
 *
 * Authority. An asylum application that does not answer each question of the form, is unsigned, or
 * lacks the required materials is incomplete and is sent back (8 CFR 208.3(c)(3); 1208.3(c)(3) in
 * immigration court, where an application still incomplete after a chance to cure it may be held
 * abandoned: Matter of C-A-R-R-, 29 I&N Dec. 13 (BIA 2025)). An application sent back is not filed,
 * so the one-year clock keeps running. Hence every question is checked, not a chosen few, and a
 * question that does not apply must say "N/A" or "NONE" rather than stay empty.
 * INTERPRETATION: USCIS's October 2019 practice of returning an I-589 for any empty box was
 * withdrawn in 2021, but the regulation's "response to each of the questions" still stands, and
 * immigration judges apply it; treating every blank as a defect is the reading that never costs a
 * filing date. OPEN QUESTION: the 2021 withdrawal is known here from practitioners' reports, not
 * from the USCIS notice itself, and USCIS lists no "required fields" for the I-589 that we have read.
 */
import type { CitationId } from '../../../law/citations.ts';
import { type Assessment, assess, type DeadlineStatus, formatDate, type Step } from '../../core/index.ts';
import {
  type Child,
  type Explained,
  GROUNDS,
  type I589Answers,
  type I589Input,
  NONE_TEXT,
  parseI589Input,
  type Relative,
  type Residence,
  type Spouse,
} from './i589-input.ts';
import { I589_QUESTIONS, type I589Part, type I589QuestionId } from './i589-questions.ts';
import { addressLines, longDate } from './input.ts';

/** What is wrong with an answer. Codes are a public contract: add, never rename. */
export type I589IssueCode =
  /** No answer at all: write it, or "N/A" / "NONE" where it does not apply. */
  | 'blank'
  /** "Yes" to a question that asks you to explain a yes, and no explanation. */
  | 'explanation_missing'
  /** Part D has no signature. */
  | 'unsigned'
  /** Part D has no date next to the signature. */
  | 'undated'
  /** Part D says someone else prepared the form, and Part E is missing or incomplete. */
  | 'preparer_missing'
  /** Part E is filled in but the preparer has not signed it. */
  | 'preparer_unsigned'
  /** Part C question 5 cannot be answered: the case has no arrival date for the law core to count from. */
  | 'one_year_unknown'
  /** An answer contradicts the case's facts or another answer. */
  | 'conflict';

export interface I589Issue {
  readonly part: I589Part;
  /** The item's number on the form (`4`, `1.A`) or its name where the form has none (`Signature`). */
  readonly question: string;
  /** The question's stable id (`A.I.4`). */
  readonly id: I589QuestionId;
  readonly code: I589IssueCode;
  /** What to do, in English. Never repeats an identifier or a date of birth. */
  readonly message: string;
  /** Where in the input the answer goes (`i589.familyName`, `document.aNumber`). */
  readonly path: string;
}

/** Exceptions to the one-year rule the law core says may apply to this case. */
export type OneYearException =
  | 'unaccompanied_child'
  | 'changed_circumstances'
  | 'extraordinary_circumstances'
  | 'mendez_rojas';

export interface OneYearCheck {
  /** The law core's status of `one_year_filing`; `unknown` when the case has no arrival to count from. */
  readonly status: DeadlineStatus | 'unknown';
  /** Whether the last day to file is behind the as-of date without a timely filing. */
  readonly passed: boolean | null;
  /** The day the year counts from (the last arrival, or 1997-04-01), `YYYY-MM-DD`. */
  readonly countsFrom: string | null;
  /** The last day to file, rolled off weekends and holidays, `YYYY-MM-DD`. */
  readonly due: string | null;
  /** When the application was filed, if the case says it was. */
  readonly filedOn: string | null;
  readonly exceptions: readonly OneYearException[];
  /** What the case's screening answers say about the exceptions (undefined: not answered). */
  readonly claimed: {
    readonly changedCircumstances?: boolean;
    readonly extraordinaryCircumstances?: boolean;
  };
  /** How the law core counted the date, and what it says about it, as codes for renderMessage. */
  readonly steps: readonly Step[];
  readonly notes: readonly Step[];
  readonly authority: readonly CitationId[];
}

export interface I589Completeness {
  /** In the order of the form. Empty when nothing is missing. */
  readonly issues: readonly I589Issue[];
  readonly oneYear: OneYearCheck;
}

/** The regulation and the decision the blank check rests on. */
export const COMPLETENESS_AUTHORITY: readonly CitationId[] = [
  '8-CFR-208.3-c-3',
  '8-CFR-1208.3-c-3',
  'CASE-Matter-of-C-A-R-R',
];

/** One question's answer as the worksheet shows it: lines to copy; absent when not answered at all. */
export interface I589Row {
  readonly answer?: string;
}

export interface I589Sheet extends I589Completeness {
  readonly input: I589Input;
  readonly assessment: Assessment;
  readonly rows: ReadonlyMap<I589QuestionId, I589Row>;
}

/** The completeness check alone, for the API and tests. Throws for malformed input, as the worksheet does. */
export function checkI589Completeness(input: unknown): I589Completeness {
  const { issues, oneYear } = fillI589(parseI589Input(input));
  return { issues, oneYear };
}

// ---------------------------------------------------------------------------------------------
// Formatting answers as the form wants them.

/** A date as the form asks for it (mm/dd/yyyy), with the month spelled out so it cannot be misread. */
export function formDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y} (${longDate(iso)})`;
}
/** A month as the form's "Mo/Yr" columns want it. */
function formMonth(month: string | undefined): string {
  if (month === undefined) return '?';
  if (month === 'present') return 'present';
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const GROUND_LABEL: Readonly<Record<(typeof GROUNDS)[number], string>> = {
  race: 'Race',
  religion: 'Religion',
  nationality: 'Nationality',
  political_opinion: 'Political opinion',
  particular_social_group: 'Membership in a particular social group',
  torture_convention: 'Convention Against Torture',
};
/** Said of an answer taken from the case's screening answers rather than from `i589`. */
const FROM_CASE = ' (from your answers about your case: check it)';

/** A list of names of the parts missing, as a sentence: "the date of marriage and the gender". */
function listed(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------

class SheetBuilder {
  readonly rows = new Map<I589QuestionId, I589Row>();
  readonly issues: I589Issue[] = [];

  answer(id: I589QuestionId, text: string | undefined): void {
    this.rows.set(id, text === undefined ? {} : { answer: text });
  }

  flag(id: I589QuestionId, code: I589IssueCode, message: string, path: string): void {
    const q = I589_QUESTIONS.find((x) => x.id === id)!;
    this.issues.push({ part: q.part, question: q.number, id, code, message, path });
  }

  /**
   * A one-line answer that must be given. `message` says what to write when it is blank; `none` is
   * what `null` (or "N/A" / "NONE" typed as the answer) is shown as.
   */
  text(
    id: I589QuestionId,
    value: string | null | undefined,
    path: string,
    message: string,
    none: 'N/A' | 'NONE' = 'N/A',
  ): void {
    if (value === undefined) {
      this.answer(id, undefined);
      this.flag(id, 'blank', message, path);
      return;
    }
    if (value === null) this.answer(id, none);
    else this.answer(id, NONE_TEXT.test(value) ? (/^none$/i.test(value) ? 'NONE' : 'N/A') : value);
  }

  /** A yes-or-no question whose "yes" needs an explanation. `fromCase` is the screening's answer. */
  explained(
    id: I589QuestionId,
    given: Explained | undefined,
    path: string,
    what: string,
    fromCase?: 'yes' | 'no',
    derivedNote = FROM_CASE,
  ): void {
    if (given !== undefined && fromCase !== undefined && given.answer !== fromCase)
      this.flag(
        id,
        'conflict',
        `${what}: you answered "${given.answer}" here, but your answers about your case say "${fromCase}". Check which is right: the two must agree.`,
        path,
      );
    const answer = given?.answer ?? fromCase;
    if (answer === undefined) {
      this.answer(id, undefined);
      this.flag(id, 'blank', `${what}: no answer yet. Tick yes or no.`, `${path}.answer`);
      return;
    }
    const note = given === undefined ? derivedNote : '';
    if (answer === 'no') {
      this.answer(id, `No${note}.`);
      return;
    }
    const explanation = given?.explanation;
    if (explanation === undefined) {
      this.answer(id, `Yes${note}. The explanation is missing.`);
      this.flag(
        id,
        'explanation_missing',
        `${what}: the answer is yes, so the form asks you to explain. Write the explanation (attach extra pages if needed).`,
        `${path}.explanation`,
      );
      return;
    }
    this.answer(id, `Yes${note}.\n${explanation}`);
  }

  /** Lines of details, some of which may be missing: one issue naming every missing one. */
  details(
    id: I589QuestionId,
    path: string,
    who: string,
    fields: readonly (readonly [label: string, value: string | undefined])[],
  ): string {
    const missing = fields.filter(([, v]) => v === undefined).map(([label]) => label.toLowerCase());
    if (missing.length > 0)
      this.flag(
        id,
        'blank',
        `${who}: ${listed(missing.map((m) => `the ${m}`))} ${missing.length > 1 ? 'are' : 'is'} blank. Write ${missing.length > 1 ? 'them' : 'it'}, or N/A or NONE where it does not apply.`,
        path,
      );
    return fields.map(([label, value]) => `${label}: ${value ?? 'not answered yet'}`).join('\n');
  }
}

/** Fills every question of the worksheet from the input, collecting what is missing. */
export function fillI589(input: I589Input): I589Sheet {
  const assessment = assess(input.facts);
  const s = new SheetBuilder();
  const a = input.answers;
  const screening = input.facts.screening ?? {};

  // Part A.I ----------------------------------------------------------------------------------
  s.text(
    'A.I.1',
    input.aNumber,
    'document.aNumber',
    'Your A-number is blank: write it (it is on any notice from USCIS or the immigration court), or NONE if you have never been given one.',
    'NONE',
  );
  s.text(
    'A.I.2',
    a.ssn === undefined || a.ssn === null ? a.ssn : formatSsn(a.ssn),
    'i589.ssn',
    'Your Social Security number is blank: write it, or NONE if you have none.',
    'NONE',
  );
  s.text(
    'A.I.3',
    a.uscisAccountNumber,
    'i589.uscisAccountNumber',
    'Your USCIS online account number is blank: write it, or NONE if you have none.',
    'NONE',
  );
  s.text(
    'A.I.4',
    a.familyName,
    'i589.familyName',
    'Your family name is blank: write it as on your passport or identity document.',
  );
  s.text(
    'A.I.5',
    a.firstName,
    'i589.firstName',
    'Your first name is blank: write it as on your passport or identity document.',
  );
  if (input.name !== undefined) {
    const full = fold(input.name);
    if (a.familyName !== undefined && !full.includes(fold(a.familyName)))
      s.flag(
        'A.I.4',
        'conflict',
        'Your family name does not appear in your full name (document.name): the two must match.',
        'i589.familyName',
      );
    if (a.firstName !== undefined && !full.includes(fold(a.firstName)))
      s.flag(
        'A.I.5',
        'conflict',
        'Your first name does not appear in your full name (document.name): the two must match.',
        'i589.firstName',
      );
  }
  s.text(
    'A.I.6',
    a.middleName,
    'i589.middleName',
    'Your middle name is blank: write it, or N/A if you have none.',
  );
  s.text(
    'A.I.7',
    a.otherNames === undefined ? undefined : a.otherNames.length === 0 ? null : a.otherNames.join('; '),
    'i589.otherNames',
    'The other names you have used are blank: list them (a maiden name, an alias), or write NONE.',
    'NONE',
  );
  residenceInUs(s, input);
  s.text(
    'A.I.9',
    a.mailingAddress === undefined || a.mailingAddress === null
      ? a.mailingAddress
      : addressLines(a.mailingAddress).join('\n'),
    'i589.mailingAddress',
    'Your mailing address is blank: write it, or N/A if mail reaches you where you live.',
  );
  s.text('A.I.10', a.gender && capitalised(a.gender), 'i589.gender', 'Your gender is blank: tick one box.');
  s.text(
    'A.I.11',
    a.maritalStatus && capitalised(a.maritalStatus),
    'i589.maritalStatus',
    'Your marital status is blank: tick one box.',
  );
  s.text(
    'A.I.12',
    input.dateOfBirth && formDate(input.dateOfBirth),
    'document.dateOfBirth',
    'Your date of birth is blank: write it (month, day, year).',
  );
  const cityOfBirth = a.cityOfBirth;
  const countryOfBirth = a.countryOfBirth;
  if (cityOfBirth === undefined || countryOfBirth === undefined) {
    const both = cityOfBirth === undefined && countryOfBirth === undefined;
    s.answer('A.I.13', cityOfBirth ?? countryOfBirth);
    s.flag(
      'A.I.13',
      'blank',
      both
        ? 'The city and the country where you were born are blank: write them.'
        : `The ${cityOfBirth === undefined ? 'city' : 'country'} where you were born is blank: write it.`,
      cityOfBirth === undefined ? 'i589.cityOfBirth' : 'i589.countryOfBirth',
    );
  } else s.answer('A.I.13', `${cityOfBirth}, ${countryOfBirth}`);
  s.text(
    'A.I.14',
    a.nationality ?? input.facts.person?.countryOfNationality,
    'i589.nationality',
    'Your present nationality is blank: write the country you are a citizen of, or "Stateless".',
  );
  s.text(
    'A.I.15',
    a.nationalityAtBirth,
    'i589.nationalityAtBirth',
    'Your nationality at birth is blank: write it.',
  );
  s.text('A.I.16', a.ethnicity, 'i589.ethnicity', 'Your race, ethnic or tribal group is blank: write it.');
  s.text(
    'A.I.17',
    a.religion,
    'i589.religion',
    'Your religion is blank: write it, or NONE if you have no religion.',
    'NONE',
  );
  courtProceedings(s, a.courtProceedings, assessment);
  s.text(
    'A.I.19a',
    a.lastLeftCountry && formDate(a.lastLeftCountry),
    'i589.lastLeftCountry',
    'The date you last left your country is blank: write it.',
  );
  s.text(
    'A.I.19b',
    a.i94Number,
    'i589.i94Number',
    'Your I-94 number is blank: write it, or NONE if you have none (people who entered without inspection usually have none).',
    'NONE',
  );
  entries(s, input, assessment);
  if (a.passport === undefined || a.passport === null)
    s.text(
      'A.I.20',
      a.passport,
      'i589.passport',
      'Your last passport or travel document is blank: give the country that issued it, its number and its expiration date, or write NONE if you have never had one.',
      'NONE',
    );
  else
    s.answer(
      'A.I.20',
      s.details('A.I.20', 'i589.passport', 'Your passport or travel document', [
        ['Issued by', a.passport.country],
        ['Number', a.passport.number],
        ['Expiration date', a.passport.expires && formDate(a.passport.expires)],
      ]),
    );
  s.text(
    'A.I.23',
    a.nativeLanguage,
    'i589.nativeLanguage',
    'Your native language is blank: write it, with its dialect if it has one.',
  );
  s.text(
    'A.I.24',
    a.fluentInEnglish === undefined ? undefined : yesNo(a.fluentInEnglish),
    'i589.fluentInEnglish',
    'Whether you are fluent in English is blank: tick yes or no.',
  );
  s.text(
    'A.I.25',
    a.otherLanguages === undefined
      ? undefined
      : a.otherLanguages.length === 0
        ? null
        : a.otherLanguages.join(', '),
    'i589.otherLanguages',
    'The other languages you speak fluently are blank: list them, or write NONE.',
    'NONE',
  );

  // Part A.II ---------------------------------------------------------------------------------
  spouseRow(s, a);
  childrenRow(s, a);

  // Part A.III --------------------------------------------------------------------------------
  lastAddresses(s, a);
  const homes = a.addressesLast5Years;
  if (homes === undefined || homes.length === 0) {
    s.answer('A.III.2', undefined);
    s.flag(
      'A.III.2',
      'blank',
      'Where you have lived in the past five years is blank: list each address, where you live now first, with dates.',
      'i589.addressesLast5Years',
    );
  } else {
    s.answer('A.III.2', homes.map(placeLine).join('\n'));
    undated(s, 'A.III.2', 'i589.addressesLast5Years', homes, 'Some of your addresses of the past five years');
  }
  if (a.education !== undefined && a.education.length > 0) {
    s.answer(
      'A.III.3',
      a.education
        .map(
          (e) =>
            `${e.name}${e.type ? ` (${e.type})` : ''}${e.location ? `, ${e.location}` : ''}: ${formMonth(e.from)} to ${formMonth(e.to)}`,
        )
        .join('\n'),
    );
    undated(s, 'A.III.3', 'i589.education', a.education, 'Some of your schools');
  } else
    s.text(
      'A.III.3',
      a.education && null,
      'i589.education',
      'Your schooling is blank: list the schools you attended, or write NONE if you never went to school.',
      'NONE',
    );
  if (a.employment !== undefined && a.employment.length > 0) {
    s.answer(
      'A.III.4',
      a.employment
        .map(
          (j) =>
            `${j.employer}${j.address ? `, ${j.address}` : ''}${j.occupation ? `: ${j.occupation}` : ''}, ${formMonth(j.from)} to ${formMonth(j.to)}`,
        )
        .join('\n'),
    );
    undated(s, 'A.III.4', 'i589.employment', a.employment, 'Some of your jobs');
  } else
    s.text(
      'A.III.4',
      a.employment && null,
      'i589.employment',
      'Your work in the past five years is blank: list each job, or write NONE if you have not worked in that time.',
      'NONE',
    );
  family(s, a);

  // Part B ------------------------------------------------------------------------------------
  grounds(s, a, screening);
  const harmFromCase =
    screening.harmBy !== undefined || screening.harmSeverity !== undefined ? 'yes' : undefined;
  s.explained('B.1.A', a.pastHarm, 'i589.pastHarm', 'Past harm or threats', harmFromCase);
  s.explained(
    'B.1.B',
    a.fearOfReturn,
    'i589.fearOfReturn',
    'Fear of harm on return',
    screening.fearOfReturn === undefined ? undefined : screening.fearOfReturn ? 'yes' : 'no',
  );
  s.explained('B.2', a.arrestsAbroad, 'i589.arrestsAbroad', 'Arrests or charges outside the United States');
  s.explained('B.3.A', a.organizations, 'i589.organizations', 'Groups you or your family belonged to');
  s.explained(
    'B.3.B',
    a.organizationsContinuing,
    'i589.organizationsContinuing',
    'Groups you or your family still take part in',
    // Someone who never belonged to such a group cannot still take part in one.
    a.organizations?.answer === 'no' ? 'no' : undefined,
    ' (you answered no to 3.A)',
  );
  const torture = screening.tortureRisk;
  s.explained(
    'B.4',
    a.tortureFear,
    'i589.tortureFear',
    'Fear of torture',
    torture === undefined ? undefined : torture === 'none' ? 'no' : 'yes',
  );

  // Part C ------------------------------------------------------------------------------------
  s.explained('C.1', a.priorApplications, 'i589.priorApplications', 'Earlier applications for protection');
  s.explained(
    'C.2.A',
    a.travelThroughOtherCountries,
    'i589.travelThroughOtherCountries',
    'Other countries on the way',
  );
  s.explained(
    'C.2.B',
    a.statusInOtherCountries,
    'i589.statusInOtherCountries',
    'Status in another country',
    // Only a "yes" follows from firm resettlement: "not offered permanent status" is not "never
    // had any status" there.
    screening.firmResettlement === true ? 'yes' : undefined,
  );
  s.explained(
    'C.3',
    a.harmedOthers,
    'i589.harmedOthers',
    'Harming others',
    // The screening asks about the person only; the form also asks about spouse and children.
    screening.persecutorOfOthers === true ? 'yes' : undefined,
  );
  s.explained('C.4', a.returnedToCountry, 'i589.returnedToCountry', 'Going back to the country you fear');
  const oneYear = oneYearCheck(assessment, screening);
  oneYearRow(s, oneYear, a.oneYearExplanation);
  s.explained('C.6', a.crimesInUS, 'i589.crimesInUS', 'Crimes or arrests in the United States');

  // Parts D, E, F -----------------------------------------------------------------------------
  signatureRows(s, input);
  s.answer(
    'F.interview',
    'Leave it blank now. You sign it at your asylum interview, in front of the officer (in immigration court, the matching part is signed at the hearing).',
  );

  const order = (id: I589QuestionId) => I589_QUESTIONS.findIndex((q) => q.id === id);
  const issues = s.issues
    .map((issue, i) => ({ issue, i }))
    .sort((x, y) => order(x.issue.id) - order(y.issue.id) || x.i - y.i)
    .map((x) => x.issue);
  return { input, assessment, rows: s.rows, issues, oneYear };
}

// ---------------------------------------------------------------------------------------------

/** Case- and accent-insensitive text, for checking that a name part appears in the full name. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function formatSsn(ssn: string): string {
  return ssn === 'NONE' ? ssn : `${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}`;
}

function residenceInUs(s: SheetBuilder, input: I589Input): void {
  const phone = input.answers.phone === null ? 'NONE' : (input.answers.phone ?? input.phone);
  const parts: string[] = [];
  if (input.address !== undefined) parts.push(...addressLines(input.address));
  else
    s.flag(
      'A.I.8',
      'blank',
      'The address where you live is blank: write it (street, apartment, city, state and ZIP code).',
      'document.address',
    );
  if (phone !== undefined) parts.push(`Telephone: ${phone}`);
  else
    s.flag(
      'A.I.8',
      'blank',
      'Your telephone number is blank: write a number where you can be reached, or NONE if you have none.',
      'i589.phone',
    );
  s.answer('A.I.8', parts.length > 0 ? parts.join('\n') : undefined);
}

const COURT_TEXT = {
  never: 'I have never been in immigration court proceedings.',
  now: 'I am now in immigration court proceedings.',
  past: 'I am not in immigration court proceedings now, but I have been in the past.',
} as const;

function courtProceedings(
  s: SheetBuilder,
  given: 'never' | 'now' | 'past' | undefined,
  assessment: Assessment,
): void {
  const forum = assessment.report.posture.forum;
  // Only "now" follows from the case: the court or the BIA has it. A case file without court
  // events does not show that the person was never in proceedings (principle 6).
  const fromCase = forum === 'immigration_court' || forum === 'bia' ? 'now' : undefined;
  if (given !== undefined && fromCase !== undefined && given !== fromCase)
    s.flag(
      'A.I.18',
      'conflict',
      'Item 18 says you are not in immigration court proceedings now, but your case shows it is before the immigration court or the BIA. Check which is right.',
      'i589.courtProceedings',
    );
  const answer = given ?? fromCase;
  if (answer === undefined) {
    s.answer('A.I.18', undefined);
    s.flag(
      'A.I.18',
      'blank',
      'Item 18 (immigration court proceedings) has no answer: tick one box.',
      'i589.courtProceedings',
    );
    return;
  }
  s.answer('A.I.18', COURT_TEXT[answer] + (given === undefined ? FROM_CASE : ''));
}

const MANNER: Readonly<Record<string, string>> = {
  paroled: 'Parole',
  entry_without_inspection: 'EWI (entered without inspection)',
};

function entries(s: SheetBuilder, input: I589Input, assessment: Assessment): void {
  const given = input.answers.entries;
  if (given !== undefined && given.length > 0) {
    const sorted = [...given].sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
    s.answer(
      'A.I.19c',
      sorted
        .map(
          (e) =>
            `${formDate(e.date)}, ${e.place}: ${e.status}${e.statusExpires ? `, until ${formDate(e.statusExpires)}` : ''}`,
        )
        .join('\n'),
    );
    return;
  }
  // The case's arrival events, latest first, when the answers do not list the entries.
  const arrivals = assessment.report.timeline.all('arrival').slice().reverse();
  if (arrivals.length === 0) {
    s.answer('A.I.19c', undefined);
    s.flag(
      'A.I.19c',
      'blank',
      'Your entries into the United States are blank: list each one, the latest first, with its date, place and status.',
      'i589.entries',
    );
    return;
  }
  const missing: string[] = [];
  const lines = arrivals.map((t) => {
    const e = t.event;
    const status =
      e.manner === 'admitted'
        ? (e.class ?? undefined)
        : e.manner !== undefined
          ? MANNER[e.manner]
          : undefined;
    if (e.portOfEntry === undefined) missing.push('place');
    if (status === undefined) missing.push('status');
    return `${formDate(e.date)}, ${e.portOfEntry ?? 'place not given'}: ${status ?? 'status not given'}`;
  });
  s.answer('A.I.19c', `${lines.join('\n')}\n(From the arrivals in your case: check them.)`);
  if (missing.length > 0)
    s.flag(
      'A.I.19c',
      'blank',
      `Your entries into the United States: the ${listed([...new Set(missing)])} of some entries ${missing.length > 1 ? 'are' : 'is'} missing. Write them in i589.entries (date, place, status).`,
      'i589.entries',
    );
}

/** The details the form asks about a spouse or a child, as labelled lines. */
function relativeLines(r: Spouse | Child): (readonly [string, string | undefined])[] {
  const born = r.dateOfBirth !== undefined ? formDate(r.dateOfBirth) : undefined;
  const place =
    r.cityOfBirth !== undefined && r.countryOfBirth !== undefined
      ? `${r.cityOfBirth}, ${r.countryOfBirth}`
      : undefined;
  const lines: (readonly [string, string | undefined])[] = [
    ['Family name', r.familyName],
    ['First name', r.firstName],
    ['Middle name', r.middleName === null ? 'N/A' : r.middleName],
    ['A-number', r.aNumber === null ? 'NONE' : r.aNumber],
    ['Date of birth', born],
    ['City and country of birth', place],
    ['Nationality', r.nationality],
    ['Race, ethnic or tribal group', r.ethnicity],
    ['Gender', r.gender && capitalised(r.gender)],
    ['In the United States', r.inUS === undefined ? undefined : yesNo(r.inUS)],
  ];
  if (r.inUS === true)
    lines.push([
      'Included in this application',
      r.includeInApplication === undefined ? undefined : yesNo(r.includeInApplication),
    ]);
  if (r.inUS === false) lines.push(['Location now', r.location]);
  return lines;
}

function spouseRow(s: SheetBuilder, a: I589Answers): void {
  if (a.maritalStatus === undefined) {
    // Item 11 is already flagged; this row follows from it.
    s.answer('A.II.spouse', 'Answer item 11 (marital status) first.');
    return;
  }
  if (a.maritalStatus !== 'married') {
    if (a.spouse !== undefined && a.spouse !== null)
      s.flag(
        'A.II.spouse',
        'conflict',
        `You gave details of a spouse, but item 11 says you are ${a.maritalStatus}. Check which is right.`,
        'i589.spouse',
      );
    s.answer('A.II.spouse', 'I am not married.');
    return;
  }
  if (a.spouse === undefined || a.spouse === null) {
    s.answer('A.II.spouse', undefined);
    s.flag(
      'A.II.spouse',
      'blank',
      'You are married, and your spouse’s details are blank: the form asks about your spouse even if they are not in the United States or not included in the application.',
      'i589.spouse',
    );
    return;
  }
  const sp = a.spouse;
  const lines = relativeLines(sp);
  lines.splice(
    4,
    0,
    ['Date of marriage', sp.dateOfMarriage && formDate(sp.dateOfMarriage)],
    ['Place of marriage', sp.placeOfMarriage],
  );
  s.answer('A.II.spouse', s.details('A.II.spouse', 'i589.spouse', 'Your spouse', lines));
}

function childrenRow(s: SheetBuilder, a: I589Answers): void {
  const children = a.children;
  if (children === undefined) {
    s.answer('A.II.children', undefined);
    s.flag(
      'A.II.children',
      'blank',
      'Your children are not listed: list every child, whatever their age or where they live, or say you have none.',
      'i589.children',
    );
    return;
  }
  if (children.length === 0) {
    s.answer('A.II.children', 'I do not have any children.');
    return;
  }
  const blocks = children.map((c, i) => {
    const lines = relativeLines(c);
    lines.splice(4, 0, ['Marital status', c.maritalStatus && capitalised(c.maritalStatus)]);
    return `Child ${i + 1}:\n${s.details('A.II.children', `i589.children.${i}`, `Child ${i + 1}`, lines)}`;
  });
  s.answer(
    'A.II.children',
    `I have children. Total number of children: ${children.length}.\n\n${blocks.join('\n\n')}`,
  );
}

function placeLine(p: Residence): string {
  const where = [p.street, p.city, p.province, p.country].filter((x) => x !== undefined).join(', ');
  return `${where}: ${formMonth(p.from)} to ${formMonth(p.to)}`;
}

/** One issue for a list whose entries lack a "from" or "to" month. */
function undated(
  s: SheetBuilder,
  id: I589QuestionId,
  path: string,
  items: readonly { from?: string; to?: string }[],
  what: string,
): void {
  const i = items.findIndex((x) => x.from === undefined || x.to === undefined);
  if (i >= 0)
    s.flag(
      id,
      'blank',
      `${what} have no dates: give the month and year each began and ended ("present" if it goes on).`,
      `${path}.${i}`,
    );
}

function lastAddresses(s: SheetBuilder, a: I589Answers): void {
  const last = a.lastAddressAbroad;
  const feared = a.lastAddressInFearedCountry;
  const lines: string[] = [];
  if (last === undefined)
    s.flag(
      'A.III.1',
      'blank',
      'Your last address before coming to the United States is blank: write it, with the dates you lived there.',
      'i589.lastAddressAbroad',
    );
  else {
    lines.push(`Last address before the United States: ${placeLine(last)}`);
    undated(s, 'A.III.1', 'i589', [last], 'Your last address abroad');
  }
  if (feared === undefined)
    s.flag(
      'A.III.1',
      'blank',
      'Your last address in the country you fear is blank: write it if it was not your last address abroad, or N/A if it was.',
      'i589.lastAddressInFearedCountry',
    );
  else
    lines.push(
      `Last address in the country you fear: ${feared === null ? 'N/A (the same)' : placeLine(feared)}`,
    );
  s.answer('A.III.1', lines.length > 0 ? lines.join('\n') : undefined);
}

function family(s: SheetBuilder, a: I589Answers): void {
  const lines: string[] = [];
  const relativeLine = (r: Relative, label: string, path: string) => {
    const missing: string[] = [];
    if (r.cityOfBirth === undefined || r.countryOfBirth === undefined)
      missing.push('city and country of birth');
    if (r.deceased !== true && r.location === undefined)
      missing.push('where they live now (or that they have died)');
    if (missing.length > 0)
      s.flag(
        'A.III.5',
        'blank',
        `${label}: ${listed(missing.map((m) => `the ${m}`))} ${missing.length > 1 ? 'are' : 'is'} blank.`,
        path,
      );
    const born =
      [r.cityOfBirth, r.countryOfBirth].filter((x) => x !== undefined).join(', ') || 'not answered yet';
    const now = r.deceased === true ? 'Deceased' : (r.location ?? 'not answered yet');
    return `${label}: ${r.name}; born in ${born}; ${r.deceased === true ? now : `now in ${now}`}`;
  };
  if (a.parents === undefined) {
    s.flag(
      'A.III.5',
      'blank',
      'Your parents are blank: give your mother and your father (write "Unknown" for a name you do not know).',
      'i589.parents',
    );
  } else {
    for (const relationship of ['mother', 'father'] as const) {
      const i = a.parents.findIndex((p) => p.relationship === relationship);
      if (i < 0)
        s.flag(
          'A.III.5',
          'blank',
          `Your ${relationship} is not listed: the form asks for both parents (write "Unknown" for a name you do not know).`,
          'i589.parents',
        );
      else lines.push(relativeLine(a.parents[i]!, capitalised(relationship), `i589.parents.${i}`));
    }
  }
  if (a.siblings === undefined)
    s.flag(
      'A.III.5',
      'blank',
      'Your brothers and sisters are blank: list them, or write NONE if you have none.',
      'i589.siblings',
    );
  else if (a.siblings.length === 0) lines.push('Brothers and sisters: NONE');
  else
    for (const [i, b] of a.siblings.entries())
      lines.push(relativeLine(b, `Sibling ${i + 1}`, `i589.siblings.${i}`));
  s.answer('A.III.5', lines.length > 0 ? lines.join('\n') : undefined);
}

function grounds(
  s: SheetBuilder,
  a: I589Answers,
  screening: NonNullable<I589Input['facts']['screening']>,
): void {
  let chosen = a.grounds;
  let note = '';
  if (chosen === undefined) {
    const fromCase = new Set<(typeof GROUNDS)[number]>();
    const pg = screening.protectedGround;
    for (const g of pg === undefined ? [] : Array.isArray(pg) ? pg : [pg]) fromCase.add(g);
    if (screening.tortureRisk === 'more_likely_than_not' || screening.tortureRisk === 'possible')
      fromCase.add('torture_convention');
    if (fromCase.size > 0) {
      chosen = GROUNDS.filter((g) => fromCase.has(g));
      note = FROM_CASE;
    }
  }
  if (chosen === undefined || chosen.length === 0) {
    s.answer('B.1', undefined);
    s.flag(
      'B.1',
      'blank',
      'No ground is ticked: Tick each reason you are asking for protection (at least one).',
      'i589.grounds',
    );
    return;
  }
  s.answer('B.1', `${chosen.map((g) => GROUND_LABEL[g]).join('; ')}${note}`);
}

/** The one-year deadline as the law core computed it: read, never recounted. */
function oneYearCheck(
  assessment: Assessment,
  screening: NonNullable<I589Input['facts']['screening']>,
): OneYearCheck {
  const claimed = screening.oneYearExceptions ?? {};
  const d = assessment.deadlines.find((x) => x.id === 'one_year_filing');
  if (d === undefined)
    return {
      status: 'unknown',
      passed: null,
      countsFrom: null,
      due: null,
      filedOn: null,
      exceptions: [],
      claimed,
      steps: [],
      notes: [],
      authority: [],
    };
  const codes = new Set(d.notes.map((n) => n.code));
  const exceptions: OneYearException[] = [];
  if (codes.has('one_year.unaccompanied_child_exempt')) exceptions.push('unaccompanied_child');
  if (codes.has('one_year.exceptions'))
    exceptions.push('changed_circumstances', 'extraordinary_circumstances');
  if (codes.has('one_year.mendez_rojas')) exceptions.push('mendez_rojas');
  return {
    status: d.status,
    passed: d.status === 'passed',
    countsFrom: formatDate(d.trigger.date),
    due: formatDate(d.due),
    filedOn: d.doneOn !== undefined ? formatDate(d.doneOn) : null,
    exceptions,
    claimed,
    steps: d.steps,
    notes: d.notes,
    authority: d.authority,
  };
}

function oneYearRow(s: SheetBuilder, y: OneYearCheck, explanation: string | undefined): void {
  if (y.status === 'unknown') {
    s.answer('C.5', undefined);
    s.flag(
      'C.5',
      'one_year_unknown',
      'The answer depends on the date of your last arrival in the United States: add it to your case (an "arrival" event) so the one-year deadline can be counted.',
      'events',
    );
    return;
  }
  if (!y.passed) {
    s.answer(
      'C.5',
      y.status === 'met'
        ? `No: the application was filed on ${longDate(y.filedOn!)}, within the year.`
        : `No, if the application is filed by ${longDate(y.due!, { weekday: true })}, the last day of the year counted from your last arrival.`,
    );
    return;
  }
  if (explanation === undefined) {
    s.answer('C.5', `Yes: the one-year deadline was ${longDate(y.due!)}. The explanation is missing.`);
    s.flag(
      'C.5',
      'explanation_missing',
      `The one-year deadline (${longDate(y.due!)}) has passed, so the answer is yes and the form asks why you did not file in time. Explain what changed or what kept you from filing, and when; see the one-year section of this worksheet.`,
      'i589.oneYearExplanation',
    );
    return;
  }
  s.answer('C.5', `Yes: the one-year deadline was ${longDate(y.due!)}.\n${explanation}`);
}

function signatureRows(s: SheetBuilder, input: I589Input): void {
  const a = input.answers;
  const native =
    a.nameInNativeAlphabet === undefined
      ? undefined
      : a.nameInNativeAlphabet === null || NONE_TEXT.test(a.nameInNativeAlphabet)
        ? 'N/A'
        : a.nameInNativeAlphabet;
  if (input.name === undefined)
    s.flag('D.name', 'blank', 'Your full name is blank: write it as you sign.', 'document.name');
  if (native === undefined)
    s.flag(
      'D.name',
      'blank',
      'Your name in your native alphabet is blank: write it, or N/A if your language uses the same alphabet as English.',
      'i589.nameInNativeAlphabet',
    );
  s.answer(
    'D.name',
    input.name === undefined && native === undefined
      ? undefined
      : `Printed name: ${input.name ?? 'not answered yet'}\nIn your native alphabet: ${native ?? 'not answered yet'}`,
  );
  s.explained('D.family', a.familyHelped, 'i589.familyHelped', 'Help from your spouse, a parent or a child');

  const someoneElse = a.preparedBySomeoneElse ?? (a.preparer !== undefined ? true : undefined);
  if (someoneElse === undefined) {
    s.answer('D.preparer', undefined);
    s.flag(
      'D.preparer',
      'blank',
      'Whether someone else prepared the application has no answer: tick yes or no.',
      'i589.preparedBySomeoneElse',
    );
  } else s.answer('D.preparer', someoneElse ? 'Yes: complete Part E.' : 'No.');
  s.text(
    'D.list',
    a.receivedLegalHelpList === undefined ? undefined : yesNo(a.receivedLegalHelpList),
    'i589.receivedLegalHelpList',
    'Whether you were given a list of free or low-cost legal help is blank: tick yes or no.',
  );

  const signed = a.signedByApplicant === true;
  if (!signed)
    s.flag(
      'D.signature',
      'unsigned',
      'Part D is not signed: sign it by hand, in ink, after reading the whole application. An unsigned application is sent back as incomplete.',
      'i589.signedByApplicant',
    );
  if (a.dateSigned === undefined)
    s.flag(
      'D.signature',
      'undated',
      'Part D has no date: write the date you sign, next to your signature.',
      'i589.dateSigned',
    );
  s.answer(
    'D.signature',
    signed
      ? `Signed${a.dateSigned !== undefined ? ` on ${formDate(a.dateSigned)}` : ', but not dated'}.`
      : `Not signed yet${a.dateSigned !== undefined ? ` (date given: ${formDate(a.dateSigned)})` : ''}.`,
  );

  // Part E
  if (someoneElse !== true) {
    s.answer(
      'E.preparer',
      someoneElse === false
        ? 'N/A: you, or your spouse, parent or child, prepared the application.'
        : 'Answer the Part D question about who prepared the application first.',
    );
    return;
  }
  const p = a.preparer;
  if (p === undefined) {
    s.answer('E.preparer', undefined);
    s.flag(
      'E.preparer',
      'preparer_missing',
      'Someone else prepared the application, so Part E must give their name, address and telephone number, and they must sign it.',
      'i589.preparer',
    );
    return;
  }
  const text = s.details('E.preparer', 'i589.preparer', 'The preparer', [
    ['Name', p.name],
    ['Address', p.address],
    ['Telephone', p.phone],
  ]);
  if (p.signed !== true)
    s.flag(
      'E.preparer',
      'preparer_unsigned',
      'Part E is not signed: the person who prepared the application signs it.',
      'i589.preparer.signed',
    );
  s.answer('E.preparer', `${text}\nSigned: ${p.signed === true ? 'Yes' : 'not yet'}`);
}
