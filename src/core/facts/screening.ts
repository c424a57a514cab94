/**
 * What a person can tell us in plain terms, for screening every form of relief. Every field is
 * optional: a missing answer is unknown, never "no" (ARCHITECTURE.md principle 6).
 * Field names are a public contract: extend, never rename.
 */
import * as z from 'zod/mini';
import { isoDate } from './iso-date.ts';

import { CRIME_CATEGORIES, CURRENT_STATUSES, PROTECTED_GROUNDS } from './vocabulary.ts';

export { CRIME_CATEGORIES, CURRENT_STATUSES, PROTECTED_GROUNDS };

const protectedGround = z.enum(PROTECTED_GROUNDS);

export const conviction = z.object({
  category: z.enum(CRIME_CATEGORIES),
  offense: z.optional(z.string().check(z.maxLength(300))),
  sentenceYears: z.optional(z.number().check(z.minimum(0), z.maximum(200))),
  convictionDate: z.optional(isoDate),
});
export type Conviction = z.infer<typeof conviction>;

const flag = z.optional(z.boolean());

export const screening = z.object({
  fearOfReturn: flag,
  protectedGround: z.optional(z.union([protectedGround, z.array(protectedGround).check(z.maxLength(5))])),
  harmBy: z.optional(
    z.enum(['state', 'private_actors_state_unable_unwilling', 'private_actors_state_protects']),
  ),
  harmSeverity: z.optional(z.enum(['persecution', 'harassment_discrimination_only'])),
  tortureRisk: z.optional(z.enum(['more_likely_than_not', 'possible', 'none'])),
  stateAcquiescence: flag,
  oneYearExceptions: z.optional(z.object({ changedCircumstances: flag, extraordinaryCircumstances: flag })),
  unaccompaniedChild: flag,
  noParentOrGuardianInUS: flag,
  criminalHistory: z.optional(z.array(conviction).check(z.maxLength(50))),
  persecutorOfOthers: flag,
  firmResettlement: flag,
  /** Removable to a country under a safe-third-country or asylum cooperative agreement (INA 208(a)(2)(A)). */
  safeThirdCountry: flag,
  securityOrTerrorismBar: flag,
  currentStatus: z.optional(z.enum(CURRENT_STATUSES)),
  planningAffirmativeFiling: flag,
  wantsToWithdraw: flag,
  otherRelief: z.optional(z.array(z.string().check(z.maxLength(60))).check(z.maxLength(20))),
  crimeVictimHelpfulToLawEnforcement: flag,
  traffickingVictim: flag,
  unmarried: flag,
  parentalAbuseNeglectAbandonment: flag,
  stateCourtOrder: flag,
  usCitizenSpouse: flag,
  usCitizenChild: flag,
  usCitizenParent: flag,
  lprSpouse: flag,
  lprParent: flag,
  lprChild: flag,
  marriageDate: z.optional(isoDate),
  priorRemoval: flag,
  reentryAfterUnlawfulPresence: flag,
  section245iGrandfathered: flag,
  goodMoralCharacter: flag,
  absencesOver90Days: flag,
  hardshipToQualifyingRelative: flag,
  newCountryConditionsEvidence: flag,
  /** Why an earlier decision denied the case, for the denial playbook. */
  denialReasons: z.optional(
    z
      .array(
        z.enum([
          'no_credible_fear',
          'inconsistent_testimony',
          'missed_one_year_deadline',
          'insufficient_evidence',
          'criminal_record',
          'harm_not_persecution',
        ]),
      )
      .check(z.maxLength(6)),
  ),
});
export type Screening = z.infer<typeof screening>;
export type ScreeningFactId = keyof Screening;
