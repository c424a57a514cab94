/**
 * The names of the screening facts, without their schema: what the screening engine needs at run
 * time, kept apart so the browser's interview does not carry the validation library with it.
 * A test holds this list equal to the schema's keys (screening.ts).
 */
import type { ScreeningFactId } from './screening.ts';

export const SCREENING_FACTS = [
  'fearOfReturn',
  'protectedGround',
  'harmBy',
  'harmSeverity',
  'tortureRisk',
  'stateAcquiescence',
  'oneYearExceptions',
  'unaccompaniedChild',
  'noParentOrGuardianInUS',
  'criminalHistory',
  'persecutorOfOthers',
  'firmResettlement',
  'safeThirdCountry',
  'securityOrTerrorismBar',
  'currentStatus',
  'planningAffirmativeFiling',
  'wantsToWithdraw',
  'otherRelief',
  'crimeVictimHelpfulToLawEnforcement',
  'traffickingVictim',
  'unmarried',
  'parentalAbuseNeglectAbandonment',
  'stateCourtOrder',
  'usCitizenSpouse',
  'usCitizenChild',
  'usCitizenParent',
  'lprSpouse',
  'lprParent',
  'lprChild',
  'marriageDate',
  'priorRemoval',
  'reentryAfterUnlawfulPresence',
  'section245iGrandfathered',
  'goodMoralCharacter',
  'absencesOver90Days',
  'hardshipToQualifyingRelative',
  'newCountryConditionsEvidence',
  'denialReasons',
] as const satisfies readonly ScreeningFactId[];
