/**
 * Every authority the law core cites, keyed by a stable normalised id.
 *
 * `label` is how a lawyer writes the citation; `url` the official text where one exists;
 * `verifiedOn` the day a person last read the provision against what the rules do with it
 * (RULES.md was compiled 2026-11-22). Rules refer to these ids, never to free text, so a typo
 * in a citation is a type error.
 */
import { RELIEF_CITATIONS } from './citations-relief.ts';
import { SCREENING_CITATIONS } from './citations-screening.ts';

export interface Citation {
  readonly label: string;
  readonly url?: string;
  readonly verifiedOn: string;
}

const ECFR = 'https://www.ecfr.gov/current/title-8/section-';
const USC8 = 'https://www.law.cornell.edu/uscode/text/8/';
const V = '2026-11-22';

export const CITATIONS = {
  // Counting periods and holidays
  '8-CFR-1.2': { label: '8 CFR 1.2', url: `${ECFR}1.2`, verifiedOn: V },
  '8-CFR-1001.1-h': { label: '8 CFR 1001.1(h)', url: `${ECFR}1001.1`, verifiedOn: V },
  '5-USC-6103-a': {
    label: '5 U.S.C. 6103(a)',
    url: 'https://www.law.cornell.edu/uscode/text/5/6103',
    verifiedOn: V,
  },
  '5-USC-6103-b': {
    label: '5 U.S.C. 6103(b)',
    url: 'https://www.law.cornell.edu/uscode/text/5/6103',
    verifiedOn: V,
  },
  '5-USC-6103-c': {
    label: '5 U.S.C. 6103(c)',
    url: 'https://www.law.cornell.edu/uscode/text/5/6103',
    verifiedOn: V,
  },
  'EO-11582-3-a': { label: 'Executive Order 11582, sec. 3(a) (1971)', verifiedOn: V },
  'PL-117-17': {
    label: 'Pub. L. 117-17 (Juneteenth National Independence Day Act, 2021-06-17)',
    verifiedOn: V,
  },
  'FRAP-26-a': {
    label: 'Fed. R. App. P. 26(a)',
    url: 'https://www.law.cornell.edu/rules/frap/rule_26',
    verifiedOn: V,
  },
  'ICPM-3.1-c': {
    label: 'Immigration Court Practice Manual ch. 3.1(c)',
    url: 'https://www.justice.gov/eoir/reference-materials/ic/chapter-3/1',
    verifiedOn: V,
  },
  'ICPM-3.1-b': {
    label: 'Immigration Court Practice Manual ch. 3.1(b)',
    url: 'https://www.justice.gov/eoir/reference-materials/ic/chapter-3/1',
    verifiedOn: V,
  },
  'BIA-PM-3.1-b': { label: 'BIA Practice Manual ch. 3.1(b)', verifiedOn: V },
  'BIA-PM-4.5-a': { label: 'BIA Practice Manual ch. 4.5(a)', verifiedOn: V },
  'USCIS-PM-1-B-6': {
    label: 'USCIS Policy Manual vol. 1 (weekend and holiday receipt, update of 2023-03-29)',
    verifiedOn: V,
  },
  'CASE-Monsalvo-Velazquez': {
    label: 'Monsalvo Velázquez v. Bondi, No. 23-929 (U.S. Apr. 22, 2025)',
    verifiedOn: V,
  },
  'CASE-Minasyan': { label: 'Minasyan v. Mukasey, 553 F.3d 1224 (9th Cir. 2009)', verifiedOn: V },

  // One-year filing deadline
  'INA-208-a-2-B': { label: 'INA 208(a)(2)(B)', url: `${USC8}1158`, verifiedOn: V },
  'INA-208-a-2-D': { label: 'INA 208(a)(2)(D)', url: `${USC8}1158`, verifiedOn: V },
  'INA-208-a-2-E': { label: 'INA 208(a)(2)(E)', url: `${USC8}1158`, verifiedOn: V },
  '8-CFR-208.4-a-2': { label: '8 CFR 208.4(a)(2)', url: `${ECFR}208.4`, verifiedOn: V },
  '8-CFR-1208.4-a-2': { label: '8 CFR 1208.4(a)(2)', url: `${ECFR}1208.4`, verifiedOn: V },
  '8-CFR-208.4-a-4-5': { label: '8 CFR 208.4(a)(4)-(5)', url: `${ECFR}208.4`, verifiedOn: V },
  'CASE-Matter-of-F-P-R': { label: 'Matter of F-P-R-, 24 I&N Dec. 681 (BIA 2008)', verifiedOn: V },
  'CASE-Matter-of-T-M-H': { label: 'Matter of T-M-H- & S-W-C-, 25 I&N Dec. 193 (BIA 2010)', verifiedOn: V },
  'CASE-Mendez-Rojas': {
    label: 'Mendez Rojas v. Johnson (W.D. Wash., settlement approved 2020)',
    verifiedOn: V,
  },

  // BIA appeal, motions, petition for review
  '8-CFR-1003.38-b': { label: '8 CFR 1003.38(b)', url: `${ECFR}1003.38`, verifiedOn: V },
  '8-CFR-1003.38-c': { label: '8 CFR 1003.38(c)', url: `${ECFR}1003.38`, verifiedOn: V },
  '8-CFR-1003.38-d': { label: '8 CFR 1003.38(d)', url: `${ECFR}1003.38`, verifiedOn: V },
  '8-CFR-1003.38-e': { label: '8 CFR 1003.38(e)', url: `${ECFR}1003.38`, verifiedOn: V },
  '8-CFR-1003.3-a-1': { label: '8 CFR 1003.3(a)(1)', url: `${ECFR}1003.3`, verifiedOn: V },
  '8-CFR-1003.3-c-1': { label: '8 CFR 1003.3(c)(1)', url: `${ECFR}1003.3`, verifiedOn: V },
  '8-CFR-1003.6-a': { label: '8 CFR 1003.6(a)', url: `${ECFR}1003.6`, verifiedOn: V },
  '8-CFR-1240.15': { label: '8 CFR 1240.15', url: `${ECFR}1240.15`, verifiedOn: V },
  '8-CFR-1003.39': { label: '8 CFR 1003.39', url: `${ECFR}1003.39`, verifiedOn: V },
  '8-CFR-1003.3-b': { label: '8 CFR 1003.3(b)', url: `${ECFR}1003.3`, verifiedOn: V },
  '8-CFR-1003.1-d-2-i': { label: '8 CFR 1003.1(d)(2)(i)', url: `${ECFR}1003.1`, verifiedOn: V },
  'BIA-PM-4.16': { label: 'BIA Practice Manual ch. 4.16', verifiedOn: V },
  '8-CFR-1003.23-b-1': { label: '8 CFR 1003.23(b)(1)', url: `${ECFR}1003.23`, verifiedOn: V },
  '8-CFR-1003.23-b-4-i': { label: '8 CFR 1003.23(b)(4)(i)', url: `${ECFR}1003.23`, verifiedOn: V },
  '8-CFR-1003.23-b-4-ii': { label: '8 CFR 1003.23(b)(4)(ii)', url: `${ECFR}1003.23`, verifiedOn: V },
  '8-CFR-1003.2-b-2': { label: '8 CFR 1003.2(b)(2)', url: `${ECFR}1003.2`, verifiedOn: V },
  '8-CFR-1003.2-c-2': { label: '8 CFR 1003.2(c)(2)', url: `${ECFR}1003.2`, verifiedOn: V },
  '8-CFR-1003.2-c-3-ii': { label: '8 CFR 1003.2(c)(3)(ii)', url: `${ECFR}1003.2`, verifiedOn: V },
  '8-CFR-1241.1': { label: '8 CFR 1241.1', url: `${ECFR}1241.1`, verifiedOn: V },
  'INA-240-c-6': { label: 'INA 240(c)(6)', url: `${USC8}1229a`, verifiedOn: V },
  'INA-240-c-7': { label: 'INA 240(c)(7)', url: `${USC8}1229a`, verifiedOn: V },
  'INA-240-c-7-C-ii': { label: 'INA 240(c)(7)(C)(ii)', url: `${USC8}1229a`, verifiedOn: V },
  'INA-240-b-5-C': { label: 'INA 240(b)(5)(C)', url: `${USC8}1229a`, verifiedOn: V },
  'INA-240-b-7': { label: 'INA 240(b)(7)', url: `${USC8}1229a`, verifiedOn: V },
  'INA-242-b-1': { label: 'INA 242(b)(1)', url: `${USC8}1252`, verifiedOn: V },
  'INA-242-b-3-B': { label: 'INA 242(b)(3)(B)', url: `${USC8}1252`, verifiedOn: V },
  'CASE-Stone-v-INS': { label: 'Stone v. INS, 514 U.S. 386 (1995)', verifiedOn: V },
  'CASE-Riley-v-Bondi': { label: 'Riley v. Bondi, No. 23-1270 (U.S. June 26, 2025)', verifiedOn: V },
  'FRAP-25-a-2': { label: 'Fed. R. App. P. 25(a)(2)', verifiedOn: V },

  // Addresses and hearings
  '8-CFR-1003.15-d-2': { label: '8 CFR 1003.15(d)(2)', url: `${ECFR}1003.15`, verifiedOn: V },
  'ICPM-2.2-c': { label: 'Immigration Court Practice Manual ch. 2.2(c)', verifiedOn: V },
  'INA-239-a-1-F': { label: 'INA 239(a)(1)(F)', url: `${USC8}1229`, verifiedOn: V },
  'INA-239-b-1': { label: 'INA 239(b)(1)', url: `${USC8}1229`, verifiedOn: V },
  'INA-265-a': { label: 'INA 265(a)', url: `${USC8}1305`, verifiedOn: V },
  '8-CFR-265.1': { label: '8 CFR 265.1', url: `${ECFR}265.1`, verifiedOn: V },

  // Work permit, adjustment, family
  'INA-208-d-2': { label: 'INA 208(d)(2)', url: `${USC8}1158`, verifiedOn: V },
  '8-CFR-208.7-a-1': { label: '8 CFR 208.7(a)(1)', url: `${ECFR}208.7`, verifiedOn: V },
  '8-CFR-208.7-a-2': { label: '8 CFR 208.7(a)(2)', url: `${ECFR}208.7`, verifiedOn: V },
  'FR-85-38532': {
    label: '85 FR 38532 (2020-06-26, effective 2020-08-25; vacated 2022-02-07)',
    verifiedOn: V,
  },
  'FR-87-57795': { label: '87 FR 57795 (2022-09-22)', verifiedOn: V },
  'FR-91-8616': { label: '91 FR 8616 (proposed rule, 2026-02-23)', verifiedOn: V },
  'INA-209-b-2': { label: 'INA 209(b)(2)', url: `${USC8}1159`, verifiedOn: V },
  '8-CFR-209.2-a-1-ii': { label: '8 CFR 209.2(a)(1)(ii)', url: `${ECFR}209.2`, verifiedOn: V },
  'USCIS-PM-7-M': { label: 'USCIS Policy Manual vol. 7, part M', verifiedOn: V },
  '8-CFR-208.21-d': { label: '8 CFR 208.21(d)', url: `${ECFR}208.21`, verifiedOn: V },

  // Voluntary departure
  'INA-240B-a': { label: 'INA 240B(a)', url: `${USC8}1229c`, verifiedOn: V },
  'INA-240B-b': { label: 'INA 240B(b)', url: `${USC8}1229c`, verifiedOn: V },
  'INA-240B-d-1': { label: 'INA 240B(d)(1)', url: `${USC8}1229c`, verifiedOn: V },
  '8-CFR-1240.26-b': { label: '8 CFR 1240.26(b)', url: `${ECFR}1240.26`, verifiedOn: V },
  '8-CFR-1240.26-c': { label: '8 CFR 1240.26(c)', url: `${ECFR}1240.26`, verifiedOn: V },
  '8-CFR-1240.26-c-3': { label: '8 CFR 1240.26(c)(3)', url: `${ECFR}1240.26`, verifiedOn: V },
  '8-CFR-1240.26-i': { label: '8 CFR 1240.26(i)', url: `${ECFR}1240.26`, verifiedOn: V },
  'CASE-Matter-of-Gamero': { label: 'Matter of Gamero, 25 I&N Dec. 164 (BIA 2010)', verifiedOn: V },

  // Annual asylum fee
  'OBBBA-100009': { label: 'Pub. L. 119-21, sec. 100009 (annual asylum fee)', verifiedOn: V },
  'EOIR-PM-26-01': { label: 'EOIR Policy Memorandum 26-01 (effective 2026-01-02)', verifiedOn: V },
  'USCIS-AAF-IFR-2026': {
    label: 'USCIS interim final rule on the annual asylum fee (published 2026-04-28, effective 2026-05-29)',
    verifiedOn: V,
  },

  // Translations of foreign-language documents (EOIR, then USCIS)
  '8-CFR-1003.33': { label: '8 CFR 1003.33', url: `${ECFR}1003.33`, verifiedOn: V },
  '8-CFR-103.2-b-3': { label: '8 CFR 103.2(b)(3)', url: `${ECFR}103.2`, verifiedOn: V },

  // A complete Form I-589: an answer to every question, a signature, the required materials.
  // OPEN QUESTION: checked against the BIA's reading in Matter of C-A-R-R- and summaries of it,
  // not yet against the current eCFR text of 208.3(c)(3) itself.
  '8-CFR-208.3-c-3': { label: '8 CFR 208.3(c)(3)', url: `${ECFR}208.3`, verifiedOn: V },
  '8-CFR-1208.3-c-3': { label: '8 CFR 1208.3(c)(3)', url: `${ECFR}1208.3`, verifiedOn: V },
  'CASE-Matter-of-C-A-R-R': { label: 'Matter of C-A-R-R-, 29 I&N Dec. 13 (BIA 2025)', verifiedOn: V },

  // SIJS age
  'INA-101-a-27-J': { label: 'INA 101(a)(27)(J)', url: `${USC8}1101`, verifiedOn: V },
  '8-CFR-204.11-b-1': { label: '8 CFR 204.11(b)(1)', url: `${ECFR}204.11`, verifiedOn: V },

  // Relief catalogue and screening rules, kept in their own files.
  ...SCREENING_CITATIONS,
  ...RELIEF_CITATIONS,
} as const satisfies Record<string, Citation>;

export type CitationId = keyof typeof CITATIONS;

export function citationLabel(id: CitationId): string {
  return CITATIONS[id].label;
}

/** The label of a citation id that comes as text (a message parameter), or undefined if unknown. */
export function labelOfCitation(id: string): string | undefined {
  return Object.hasOwn(CITATIONS, id) ? CITATIONS[id as CitationId].label : undefined;
}
