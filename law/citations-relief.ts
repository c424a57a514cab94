import type { Citation } from './citations.ts';

/**
 * Authorities the catalogue of relief (law/relief.ts) cites beyond those already in
 * law/citations.ts and law/citations-screening.ts, which it reuses. Merged into CITATIONS there.
 * Ids follow the same normalisation: `INA-208-b-1-A` for INA 208(b)(1)(A), `8-CFR-1208.13-b-3`
 * for 8 CFR 1208.13(b)(3), `CASE-<short name>` for case law, `FR-<volume>-<page>` for a rule.
 */
const ECFR = 'https://www.ecfr.gov/current/title-8/section-';
const USC8 = 'https://www.law.cornell.edu/uscode/text/8/';
const V = '2026-11-22';

export const RELIEF_CITATIONS = {
  // Statutes that set up the current frameworks
  'PL-96-212': { label: 'Refugee Act of 1980, Pub. L. 96-212 (signed 1980-03-17)', verifiedOn: V },
  'PL-104-208-C': {
    label:
      'Illegal Immigration Reform and Immigrant Responsibility Act of 1996, Pub. L. 104-208, div. C (generally effective 1997-04-01)',
    verifiedOn: V,
  },

  // Asylum
  'INA-208-a-1': { label: 'INA 208(a)(1)', url: `${USC8}1158`, verifiedOn: V },
  'INA-208-b-1-A': { label: 'INA 208(b)(1)(A)', url: `${USC8}1158`, verifiedOn: V },
  'INA-208-b-1-B-i': { label: 'INA 208(b)(1)(B)(i)', url: `${USC8}1158`, verifiedOn: V },
  'INA-208-b-3-A': { label: 'INA 208(b)(3)(A)', url: `${USC8}1158`, verifiedOn: V },
  'INA-208-c-1': { label: 'INA 208(c)(1)', url: `${USC8}1158`, verifiedOn: V },
  '8-CFR-1208.13-b-1': { label: '8 CFR 1208.13(b)(1)', url: `${ECFR}1208.13`, verifiedOn: V },
  '8-CFR-1208.13-b-2': { label: '8 CFR 1208.13(b)(2)', url: `${ECFR}1208.13`, verifiedOn: V },
  '8-CFR-1208.13-b-3': { label: '8 CFR 1208.13(b)(3)', url: `${ECFR}1208.13`, verifiedOn: V },
  '8-CFR-274a.12-a-5': { label: '8 CFR 274a.12(a)(5)', url: `${ECFR}274a.12`, verifiedOn: V },
  '8-CFR-223.1-b': { label: '8 CFR 223.1(b)', url: `${ECFR}223.1`, verifiedOn: V },
  'INA-316-a': { label: 'INA 316(a)', url: `${USC8}1427`, verifiedOn: V },
  'CASE-Matter-of-Pula': { label: 'Matter of Pula, 19 I&N Dec. 467 (BIA 1987)', verifiedOn: V },
  '8-CFR-208.33': {
    label: '8 CFR 208.33 (Circumvention of Lawful Pathways, entries 2023-05-11 to 2025-05-11)',
    url: `${ECFR}208.33`,
    verifiedOn: V,
  },
  '8-CFR-208.35': {
    label: '8 CFR 208.35 (Securing the Border, effective 2024-06-05)',
    url: `${ECFR}208.35`,
    verifiedOn: V,
  },
  'PROC-10888': { label: 'Proclamation 10888 (2025-01-20)', verifiedOn: V },

  // Withholding of removal
  'INA-241-b-3-C': { label: 'INA 241(b)(3)(C)', url: `${USC8}1231`, verifiedOn: V },
  'CASE-Matter-of-C-T-L': { label: 'Matter of C-T-L-, 25 I&N Dec. 341 (BIA 2010)', verifiedOn: V },
  'CASE-Barajas-Romero-v-Lynch': {
    label: 'Barajas-Romero v. Lynch, 846 F.3d 351 (9th Cir. 2017)',
    verifiedOn: V,
  },
  'CASE-Matter-of-Y-L-A-G-R-S-R': {
    label: 'Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G. 2002)',
    verifiedOn: V,
  },
  '8-CFR-274a.12-a-10': { label: '8 CFR 274a.12(a)(10)', url: `${ECFR}274a.12`, verifiedOn: V },

  // Convention Against Torture
  'FARRA-2242': {
    label: 'Foreign Affairs Reform and Restructuring Act of 1998, Pub. L. 105-277, div. G, sec. 2242',
    verifiedOn: V,
  },
  'FR-64-8478': { label: '64 FR 8478 (1999-02-19, effective 1999-03-22)', verifiedOn: V },
  '8-CFR-1208.16-c-2': { label: '8 CFR 1208.16(c)(2)', url: `${ECFR}1208.16`, verifiedOn: V },
  '8-CFR-1208.16-c-3': { label: '8 CFR 1208.16(c)(3)', url: `${ECFR}1208.16`, verifiedOn: V },
  '8-CFR-1208.16-c-4': { label: '8 CFR 1208.16(c)(4)', url: `${ECFR}1208.16`, verifiedOn: V },
  '8-CFR-1208.17-a': { label: '8 CFR 1208.17(a)', url: `${ECFR}1208.17`, verifiedOn: V },
  '8-CFR-1208.17-d': { label: '8 CFR 1208.17(d)', url: `${ECFR}1208.17`, verifiedOn: V },
  '8-CFR-1208.18-a-1': { label: '8 CFR 1208.18(a)(1)', url: `${ECFR}1208.18`, verifiedOn: V },
  '8-CFR-1208.18-a-7': { label: '8 CFR 1208.18(a)(7)', url: `${ECFR}1208.18`, verifiedOn: V },
  '8-CFR-1208.18-c': { label: '8 CFR 1208.18(c)', url: `${ECFR}1208.18`, verifiedOn: V },
  '8-CFR-274a.12-c-18': { label: '8 CFR 274a.12(c)(18)', url: `${ECFR}274a.12`, verifiedOn: V },

  // U visa
  'INA-101-a-15-U-i': { label: 'INA 101(a)(15)(U)(i)', url: `${USC8}1101`, verifiedOn: V },
  'INA-101-a-15-U-iii': { label: 'INA 101(a)(15)(U)(iii)', url: `${USC8}1101`, verifiedOn: V },
  'INA-214-p-1': { label: 'INA 214(p)(1)', url: `${USC8}1184`, verifiedOn: V },
  'INA-214-p-2': { label: 'INA 214(p)(2)', url: `${USC8}1184`, verifiedOn: V },
  'INA-214-p-6': { label: 'INA 214(p)(6)', url: `${USC8}1184`, verifiedOn: V },
  'INA-212-d-14': { label: 'INA 212(d)(14)', url: `${USC8}1182`, verifiedOn: V },
  'INA-245-m': { label: 'INA 245(m)', url: `${USC8}1255`, verifiedOn: V },
  '8-CFR-214.14-a-9': { label: '8 CFR 214.14(a)(9)', url: `${ECFR}214.14`, verifiedOn: V },
  '8-CFR-214.14-b': { label: '8 CFR 214.14(b)', url: `${ECFR}214.14`, verifiedOn: V },
  '8-CFR-214.14-c-2-i': { label: '8 CFR 214.14(c)(2)(i)', url: `${ECFR}214.14`, verifiedOn: V },
  '8-CFR-214.14-d-2': { label: '8 CFR 214.14(d)(2)', url: `${ECFR}214.14`, verifiedOn: V },
  '8-CFR-212.17': { label: '8 CFR 212.17', url: `${ECFR}212.17`, verifiedOn: V },
  'FR-72-53014': { label: '72 FR 53014 (2007-09-17, effective 2007-10-17)', verifiedOn: V },
  'USCIS-PM-3-C': {
    label:
      'USCIS Policy Manual vol. 3, part C (U nonimmigrant status; bona fide determinations from 2021-06-14)',
    verifiedOn: V,
  },

  // T visa (8 CFR 214.201-214.216 since 2024-08-28; the rules were in 8 CFR 214.11 before)
  'INA-101-a-15-T-i': { label: 'INA 101(a)(15)(T)(i)', url: `${USC8}1101`, verifiedOn: V },
  'INA-214-o': { label: 'INA 214(o)', url: `${USC8}1184`, verifiedOn: V },
  'INA-212-d-13': { label: 'INA 212(d)(13)', url: `${USC8}1182`, verifiedOn: V },
  'INA-245-l': { label: 'INA 245(l)', url: `${USC8}1255`, verifiedOn: V },
  '8-CFR-214.202': { label: '8 CFR 214.202', url: `${ECFR}214.202`, verifiedOn: V },
  '8-CFR-214.205': { label: '8 CFR 214.205', url: `${ECFR}214.205`, verifiedOn: V },
  '8-CFR-214.206': { label: '8 CFR 214.206', url: `${ECFR}214.206`, verifiedOn: V },
  '8-CFR-214.207': { label: '8 CFR 214.207', url: `${ECFR}214.207`, verifiedOn: V },
  '8-CFR-214.208': { label: '8 CFR 214.208', url: `${ECFR}214.208`, verifiedOn: V },
  '8-CFR-214.209': { label: '8 CFR 214.209', url: `${ECFR}214.209`, verifiedOn: V },
  '8-CFR-214.211': { label: '8 CFR 214.211', url: `${ECFR}214.211`, verifiedOn: V },
  '8-CFR-212.16': { label: '8 CFR 212.16', url: `${ECFR}212.16`, verifiedOn: V },
  'FR-89-34864': { label: '89 FR 34864 (2024-04-30, effective 2024-08-28)', verifiedOn: V },

  // Special Immigrant Juvenile Status
  'INA-101-a-27-J-i': { label: 'INA 101(a)(27)(J)(i)', url: `${USC8}1101`, verifiedOn: V },
  'INA-101-a-27-J-ii': { label: 'INA 101(a)(27)(J)(ii)', url: `${USC8}1101`, verifiedOn: V },
  'INA-101-a-27-J-iii': { label: 'INA 101(a)(27)(J)(iii)', url: `${USC8}1101`, verifiedOn: V },
  'INA-203-b-4': { label: 'INA 203(b)(4)', url: `${USC8}1153`, verifiedOn: V },
  'INA-245-h': { label: 'INA 245(h)', url: `${USC8}1255`, verifiedOn: V },
  '8-CFR-204.11-b': { label: '8 CFR 204.11(b)', url: `${ECFR}204.11`, verifiedOn: V },
  '8-CFR-204.11-c': { label: '8 CFR 204.11(c)', url: `${ECFR}204.11`, verifiedOn: V },
  'FR-87-13066': { label: '87 FR 13066 (2022-03-08, effective 2022-04-07)', verifiedOn: V },
  'CASE-A-C-R-v-Noem': {
    label: 'A.C.R. v. Noem (E.D.N.Y.; rescission of SIJ deferred action stayed 2025-11-19)',
    verifiedOn: V,
  },

  // Family-based and employment-based residence
  'INA-204-a-1-A': { label: 'INA 204(a)(1)(A)', url: `${USC8}1154`, verifiedOn: V },
  'INA-204-a-1-F': { label: 'INA 204(a)(1)(F)', url: `${USC8}1154`, verifiedOn: V },
  'INA-245-c': { label: 'INA 245(c)', url: `${USC8}1255`, verifiedOn: V },
  'INA-245-c-2': { label: 'INA 245(c)(2)', url: `${USC8}1255`, verifiedOn: V },
  'INA-245-k': { label: 'INA 245(k)', url: `${USC8}1255`, verifiedOn: V },
  'INA-213A': { label: 'INA 213A', url: `${USC8}1183a`, verifiedOn: V },
  'INA-212-a-5-A': { label: 'INA 212(a)(5)(A)', url: `${USC8}1182`, verifiedOn: V },
  '8-CFR-245.10': { label: '8 CFR 245.10', url: `${ECFR}245.10`, verifiedOn: V },
  '8-CFR-1245.2-a-1': { label: '8 CFR 1245.2(a)(1)', url: `${ECFR}1245.2`, verifiedOn: V },
  '20-CFR-656': {
    label: '20 CFR part 656 (labor certification)',
    url: 'https://www.ecfr.gov/current/title-20/part-656',
    verifiedOn: V,
  },
  'CASE-Matter-of-Chawathe': { label: 'Matter of Chawathe, 25 I&N Dec. 369 (AAO 2010)', verifiedOn: V },

  // Cancellation of removal for non-permanent residents
  'INA-240A-b-1-A': { label: 'INA 240A(b)(1)(A)', url: `${USC8}1229b`, verifiedOn: V },
  'INA-240A-b-1-B': { label: 'INA 240A(b)(1)(B)', url: `${USC8}1229b`, verifiedOn: V },
  'INA-240A-b-1-C': { label: 'INA 240A(b)(1)(C)', url: `${USC8}1229b`, verifiedOn: V },
  'INA-240A-b-1-D': { label: 'INA 240A(b)(1)(D)', url: `${USC8}1229b`, verifiedOn: V },
  'INA-240A-c': { label: 'INA 240A(c)', url: `${USC8}1229b`, verifiedOn: V },
  'INA-240A-e': { label: 'INA 240A(e)', url: `${USC8}1229b`, verifiedOn: V },
  'CASE-Pereira-v-Sessions': { label: 'Pereira v. Sessions, 585 U.S. 198 (2018)', verifiedOn: V },
  'CASE-Wilkinson-v-Garland': { label: 'Wilkinson v. Garland, 601 U.S. 209 (2024)', verifiedOn: V },

  // Prosecutorial discretion
  '6-USC-202-5': {
    label: '6 U.S.C. 202(5)',
    url: 'https://www.law.cornell.edu/uscode/text/6/202',
    verifiedOn: V,
  },
  'CASE-Reno-v-AADC': {
    label: 'Reno v. American-Arab Anti-Discrimination Committee, 525 U.S. 471 (1999)',
    verifiedOn: V,
  },
  '8-CFR-274a.12-c-14': { label: '8 CFR 274a.12(c)(14)', url: `${ECFR}274a.12`, verifiedOn: V },

  // Humanitarian parole
  '8-CFR-212.5': { label: '8 CFR 212.5', url: `${ECFR}212.5`, verifiedOn: V },
  '8-CFR-274a.12-c-11': { label: '8 CFR 274a.12(c)(11)', url: `${ECFR}274a.12`, verifiedOn: V },

  // Administrative closure
  '8-CFR-1003.18-c-3': { label: '8 CFR 1003.18(c)(3)', url: `${ECFR}1003.18`, verifiedOn: V },
  'FR-89-46742': { label: '89 FR 46742 (2024-05-29, effective 2024-07-29)', verifiedOn: V },
  'CASE-Matter-of-Cruz-Valdez': {
    label: 'Matter of Cruz-Valdez, 28 I&N Dec. 326 (A.G. 2021)',
    verifiedOn: V,
  },

  // Voluntary departure
  '8-CFR-240.25': { label: '8 CFR 240.25', url: `${ECFR}240.25`, verifiedOn: V },
  'FR-73-76927': { label: '73 FR 76927 (2008-12-18, effective 2009-01-20)', verifiedOn: V },
} as const satisfies Record<string, Citation>;
