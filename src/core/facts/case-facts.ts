/**
 * The facts of a case as the core accepts them: what has happened, each event dated on or before
 * the as-of date. Validated once at the edge (zod/mini keeps the browser bundle small); the rest of
 * the core trusts these types. Field and type names are a public contract: extend, never rename.
 */
import * as z from 'zod/mini';
import { normalizeANumber } from '../identifiers/a-number.ts';
import { isoDate } from './iso-date.ts';
import { screening } from './screening.ts';

export { isoDate };

const dated = { date: isoDate };

const arrival = z.object({
  type: z.literal('arrival'),
  ...dated,
  manner: z.optional(z.enum(['admitted', 'paroled', 'entry_without_inspection'])),
  class: z.optional(z.string().check(z.maxLength(40))),
  unaccompanied: z.optional(z.boolean()),
  /** Returned on advance parole: circuits differ on whether the clock restarts (RULES.md B.1). */
  advanceParole: z.optional(z.boolean()),
  portOfEntry: z.optional(z.string().check(z.maxLength(120))),
});

const asylumFiled = z.object({
  type: z.literal('asylum_filed'),
  ...dated,
  forum: z.enum(['uscis', 'immigration_court']),
  /** For an I-589 mailed to USCIS: the day it was mailed (8 CFR 208.4(a)(2)(ii)). */
  mailedDate: z.optional(isoDate),
  /** Whether clear and convincing documentary proof of the mailing date exists. */
  mailingProof: z.optional(z.boolean()),
});

const expeditedRemoval = z.object({ type: z.literal('expedited_removal'), ...dated });
const credibleFear = z.object({
  type: z.literal('credible_fear_determination'),
  ...dated,
  outcome: z.enum(['positive', 'negative']),
});
const uscisReferral = z.object({ type: z.literal('uscis_referral'), ...dated });
const ntaFiled = z.object({
  type: z.literal('nta_filed'),
  ...dated,
  ntaServedDate: z.optional(isoDate),
  ntaHasTimeAndPlace: z.optional(z.boolean()),
  detained: z.optional(z.boolean()),
});
const hearingNotice = z.object({
  type: z.literal('hearing_notice'),
  ...dated,
  hearingDate: isoDate,
  hearing: z.enum(['master', 'individual']),
  detained: z.optional(z.boolean()),
});

const voluntaryDepartureGrant = z.union([
  z.boolean(),
  z.object({
    /** Granted before the end of proceedings (up to 120 days) or at their end (up to 60 days). */
    stage: z.optional(z.enum(['before_conclusion', 'at_conclusion'])),
    /** The period the order gives, in days. */
    days: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(120))),
    bondAmount: z.optional(z.number().check(z.minimum(0))),
  }),
]);

const ijDecision = z.object({
  type: z.literal('ij_decision'),
  ...dated,
  outcome: z.enum(['granted', 'denied']),
  voluntaryDeparture: z.optional(voluntaryDepartureGrant),
});
const appealWaived = z.object({ type: z.literal('appeal_waived'), ...dated });
const biaAppealFiled = z.object({
  type: z.literal('bia_appeal_filed'),
  /** The day the BIA received it: the BIA has no mailbox rule (8 CFR 1003.38(c)). */
  ...dated,
  mailedDate: z.optional(isoDate),
  /** Who appealed; by default the person when the IJ denied, DHS when the IJ granted. */
  appellant: z.optional(z.enum(['respondent', 'dhs'])),
});
const biaDecision = z.object({
  type: z.literal('bia_decision'),
  ...dated,
  outcome: z.enum(['dismissed', 'sustained', 'remanded']),
  /** When the BIA served (mailed) the decision, if later than its date. */
  mailedDate: z.optional(isoDate),
  /** The BIA reinstated the IJ's voluntary departure period. */
  voluntaryDepartureReinstated: z.optional(z.boolean()),
});
const inAbsentiaOrder = z.object({ type: z.literal('in_absentia_order'), ...dated });
const motionForum = z.enum(['IJ', 'BIA']);
const motionToReopenFiled = z.object({
  type: z.literal('motion_to_reopen_filed'),
  ...dated,
  forum: motionForum,
  basis: z.optional(
    z.enum([
      'new_facts',
      'changed_country_conditions',
      'in_absentia_exceptional_circumstances',
      'in_absentia_no_notice',
      'joint',
    ]),
  ),
});
const motionToReconsiderFiled = z.object({
  type: z.literal('motion_to_reconsider_filed'),
  ...dated,
  forum: motionForum,
});
const motionDecision = z.object({
  type: z.literal('motion_decision'),
  ...dated,
  outcome: z.enum(['granted', 'denied']),
  forum: z.optional(motionForum),
  motion: z.optional(z.enum(['reopen', 'reconsider'])),
});
const addressChange = z.object({
  type: z.literal('address_change'),
  ...dated,
  /** When Form EOIR-33 (court or BIA) reached EOIR, if it has. */
  eoir33Filed: z.optional(isoDate),
  /** When Form AR-11 was submitted to USCIS, if it has been. */
  ar11Filed: z.optional(isoDate),
});
const asylumGranted = z.object({
  type: z.literal('asylum_granted'),
  ...dated,
  forum: z.optional(z.enum(['uscis', 'immigration_court', 'bia'])),
});
const withdrawal = z.object({
  type: z.literal('withdrawal'),
  ...dated,
  forum: z.optional(z.enum(['uscis', 'immigration_court'])),
  withPrejudice: z.optional(z.boolean()),
});
const administrativeClosure = z.object({ type: z.literal('administrative_closure'), ...dated });
const recalendared = z.object({ type: z.literal('recalendared'), ...dated });
const petitionForReviewFiled = z.object({ type: z.literal('petition_for_review_filed'), ...dated });
const petitionForReviewDecision = z.object({
  type: z.literal('petition_for_review_decision'),
  ...dated,
  outcome: z.enum(['granted', 'denied', 'remanded']),
});
const eadFiled = z.object({ type: z.literal('ead_filed'), ...dated });
/** The applicant caused a delay (e.g. asked for a continuance): the asylum EAD clock stops. */
const eadClockStopped = z.object({ type: z.literal('ead_clock_stopped'), ...dated });
const eadClockResumed = z.object({ type: z.literal('ead_clock_resumed'), ...dated });
const departedUS = z.object({
  type: z.literal('departure'),
  ...dated,
  /** The day of return, when the trip has ended. */
  returnDate: z.optional(isoDate),
});
const i730Filed = z.object({ type: z.literal('i730_filed'), ...dated });
const vdBondPosted = z.object({ type: z.literal('voluntary_departure_bond_posted'), ...dated });
const annualFeeNotice = z.object({
  type: z.literal('annual_asylum_fee_notice'),
  ...dated,
  forum: z.optional(z.enum(['uscis', 'immigration_court'])),
  /** For an immigration judge's order: the payment date it sets. */
  dueDate: z.optional(isoDate),
});
const annualFeePaid = z.object({ type: z.literal('annual_asylum_fee_paid'), ...dated });
const briefingSchedule = z.object({
  type: z.literal('briefing_schedule'),
  ...dated,
  /** The brief due date printed on the schedule, when known. */
  dueDate: z.optional(isoDate),
});
const briefFiled = z.object({ type: z.literal('brief_filed'), ...dated });

export const EVENT_SCHEMAS = [
  arrival,
  asylumFiled,
  expeditedRemoval,
  credibleFear,
  uscisReferral,
  ntaFiled,
  hearingNotice,
  ijDecision,
  appealWaived,
  biaAppealFiled,
  biaDecision,
  inAbsentiaOrder,
  motionToReopenFiled,
  motionToReconsiderFiled,
  motionDecision,
  addressChange,
  asylumGranted,
  withdrawal,
  administrativeClosure,
  recalendared,
  petitionForReviewFiled,
  petitionForReviewDecision,
  eadFiled,
  eadClockStopped,
  eadClockResumed,
  departedUS,
  i730Filed,
  vdBondPosted,
  annualFeeNotice,
  annualFeePaid,
  briefingSchedule,
  briefFiled,
] as const;

export const caseEvent = z.discriminatedUnion('type', [...EVENT_SCHEMAS]);
export type CaseEvent = z.infer<typeof caseEvent>;
export type EventType = CaseEvent['type'];
export type EventOf<T extends EventType> = Extract<CaseEvent, { type: T }>;
export const EVENT_TYPES: readonly EventType[] = EVENT_SCHEMAS.map(
  (s) => s.shape.type._zod.def.values[0] as EventType,
);

export const person = z.object({
  birthDate: z.optional(isoDate),
  aNumber: z.optional(
    z.string().check(
      z.maxLength(40),
      z.refine((a) => normalizeANumber(a).ok, { error: 'invalid_a_number' }),
    ),
  ),
  /** Names and other identifying fields are accepted and never used by the law core. */
  name: z.optional(z.string().check(z.maxLength(300))),
  countryOfNationality: z.optional(z.string().check(z.maxLength(100))),
});

export const caseFacts = z.object({
  asOf: isoDate,
  person: z.optional(person),
  events: z.array(caseEvent).check(z.maxLength(1000)),
  /** Answers to the screening questions (see screening.ts). */
  screening: z.optional(screening),
});
export type CaseFacts = z.infer<typeof caseFacts>;
