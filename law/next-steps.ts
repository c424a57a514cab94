import type { CitationId } from './citations.ts';
import type { DeadlineId } from './deadlines.ts';

/**
 * The denial playbook and the ordered options for each posture (RULES.md B, C, D), as data.
 * Each step's words are `step.<id>` in the locale files; `deadline` ties it to a computed
 * deadline of part 1, shown with its date when the case has one.
 */
export interface NextStep {
  readonly id: string;
  readonly deadline?: DeadlineId;
  readonly authority: readonly CitationId[];
  /** Shown only when the case has this deadline (e.g. voluntary departure was granted). */
  readonly onlyWithDeadline?: true;
}

export type PostureKey =
  | 'not_filed'
  | 'credible_fear'
  | 'affirmative_pending'
  | 'referred_to_court'
  | 'in_removal_proceedings'
  | 'ij_decision'
  | 'appeal_pending'
  | 'bia_decision'
  | 'petition_for_review_pending'
  | 'motion_pending'
  | 'final_order'
  | 'granted'
  | 'withdrawn'
  | 'administratively_closed';

const FIND_HELP: NextStep = { id: 'find_authorized_help', authority: ['8-CFR-1292.1'] };
const AR11: NextStep = {
  id: 'keep_address_current',
  deadline: 'address_change_uscis',
  authority: ['INA-265-a', '8-CFR-265.1'],
};
const EOIR33: NextStep = {
  id: 'keep_court_address_current',
  deadline: 'address_change_court',
  authority: ['8-CFR-1003.15-d-2', 'INA-239-a-1-F'],
};
const COURT_PREP: readonly NextStep[] = [
  { id: 'attend_every_hearing', authority: ['INA-240-b-7', 'INA-239-a-1-F'] },
  EOIR33,
  { id: 'file_defensive_asylum', deadline: 'one_year_filing', authority: ['INA-208-a-2-B', 'ICPM-3.1-b'] },
  {
    id: 'file_evidence_before_hearing',
    deadline: 'prehearing_filing',
    authority: ['ICPM-3.1-b', 'ICPM-3.1-c'],
  },
  { id: 'rebuild_the_record', authority: ['INA-208-b-1-B-ii-iii', '8-CFR-1208.13-b'] },
  { id: 'weigh_alternatives_in_court', authority: ['8-CFR-1003.18-c', 'EO-14159'] },
  FIND_HELP,
];

export const STEPS_BY_POSTURE: Readonly<Record<PostureKey, readonly NextStep[]>> = {
  not_filed: [
    {
      id: 'file_i589_within_one_year',
      deadline: 'one_year_filing',
      authority: ['INA-208-a-2-B', '8-CFR-208.4-a-2'],
    },
    { id: 'gather_evidence', authority: ['INA-208-b-1-B-ii-iii'] },
    { id: 'consider_other_paths', authority: ['INA-101-a-15-U', 'INA-101-a-27-J', 'INA-245-a'] },
    AR11,
    FIND_HELP,
  ],
  credible_fear: [
    { id: 'explain_fear_at_interview', authority: ['INA-235-b-1-B'] },
    { id: 'ask_ij_review_negative_fear', authority: ['INA-235-b-1-B'] },
    FIND_HELP,
  ],
  affirmative_pending: [
    { id: 'prepare_for_interview', authority: ['USCIS-AAPM'] },
    AR11,
    { id: 'apply_for_work_permit', deadline: 'ead_application_earliest', authority: ['8-CFR-208.7-a-1'] },
    { id: 'pay_annual_asylum_fee', deadline: 'annual_asylum_fee', authority: ['OBBBA-100009'] },
    { id: 'no_travel_without_advance_parole', authority: ['8-CFR-208.4-a-2'] },
    FIND_HELP,
  ],
  referred_to_court: COURT_PREP,
  in_removal_proceedings: COURT_PREP,
  ij_decision: [
    {
      id: 'appeal_to_bia',
      deadline: 'bia_appeal',
      authority: ['8-CFR-1003.38-b', '8-CFR-1003.38-c', '8-CFR-1003.3-a-1'],
    },
    { id: 'no_new_evidence_on_appeal', authority: ['8-CFR-1003.1-d-3-iv'] },
    { id: 'order_transcript_and_brief', authority: ['8-CFR-1003.3-c-1'] },
    { id: 'stay_during_appeal', authority: ['8-CFR-1003.6-a'] },
    {
      id: 'motion_to_reconsider_ij',
      deadline: 'motion_to_reconsider',
      authority: ['INA-240-c-6', '8-CFR-1003.23-b-1'],
    },
    {
      id: 'motion_to_reopen_ij',
      deadline: 'motion_to_reopen',
      authority: ['INA-240-c-7', '8-CFR-1003.23-b-1'],
    },
    {
      id: 'voluntary_departure_terms',
      deadline: 'voluntary_departure',
      authority: ['INA-240B-b'],
      onlyWithDeadline: true,
    },
    FIND_HELP,
  ],
  appeal_pending: [
    { id: 'file_bia_brief', deadline: 'bia_brief', authority: ['8-CFR-1003.3-c-1'] },
    { id: 'keep_bia_address_current', deadline: 'address_change_bia', authority: ['8-CFR-1003.38-e'] },
    {
      id: 'send_vd_bond_proof',
      deadline: 'voluntary_departure_bond_proof_bia',
      authority: ['8-CFR-1240.26-c-3'],
      onlyWithDeadline: true,
    },
    { id: 'stay_during_appeal', authority: ['8-CFR-1003.6-a'] },
    AR11,
    FIND_HELP,
  ],
  bia_decision: [
    { id: 'petition_for_review', deadline: 'petition_for_review', authority: ['INA-242-b-1', 'FRAP-26-a'] },
    { id: 'ask_court_for_stay', authority: ['INA-242-b-3-B'] },
    { id: 'motion_to_reconsider_bia', deadline: 'motion_to_reconsider', authority: ['8-CFR-1003.2-b-2'] },
    { id: 'motion_to_reopen_bia', deadline: 'motion_to_reopen', authority: ['8-CFR-1003.2-c-2'] },
    { id: 'ask_for_prosecutorial_discretion', authority: ['EO-14159'] },
    FIND_HELP,
  ],
  petition_for_review_pending: [
    { id: 'ask_court_for_stay', authority: ['INA-242-b-3-B'] },
    { id: 'ask_ice_for_stay', authority: ['8-CFR-241.6'] },
    AR11,
    FIND_HELP,
  ],
  motion_pending: [
    { id: 'ask_for_stay_with_motion', authority: ['8-CFR-1003.23-b-1', '8-CFR-241.6'] },
    { id: 'keep_court_address_current', deadline: 'address_change_court', authority: ['8-CFR-1003.15-d-2'] },
    FIND_HELP,
  ],
  final_order: [
    {
      id: 'reopen_in_absentia_order',
      deadline: 'motion_to_reopen_in_absentia',
      authority: ['INA-240-b-5-C', '8-CFR-1003.23-b-4-ii'],
      onlyWithDeadline: true,
    },
    {
      id: 'motion_to_reopen_changed_conditions',
      deadline: 'motion_to_reopen',
      authority: ['INA-240-c-7-C-ii', '8-CFR-1003.23-b-4-i'],
    },
    { id: 'ask_ice_for_stay', authority: ['8-CFR-241.6'] },
    { id: 'ask_for_prosecutorial_discretion', authority: ['EO-14159'] },
    { id: 'ask_about_humanitarian_parole', authority: ['INA-212-d-5-A'] },
    {
      id: 'voluntary_departure_terms',
      deadline: 'voluntary_departure',
      authority: ['INA-240B-d-1'],
      onlyWithDeadline: true,
    },
    FIND_HELP,
  ],
  granted: [
    { id: 'petition_for_family', deadline: 'i730_follow_to_join', authority: ['8-CFR-208.21-d'] },
    {
      id: 'apply_for_green_card',
      deadline: 'asylee_adjustment_earliest',
      authority: ['INA-209-b-2', '8-CFR-209.2-a-1-ii'],
    },
    { id: 'travel_with_refugee_document', authority: ['INA-208-b-1-B'] },
    AR11,
  ],
  withdrawn: [
    { id: 'pursue_other_status', authority: ['INA-245-a'] },
    { id: 'watch_for_nta', authority: ['8-CFR-239.1'] },
    AR11,
    FIND_HELP,
  ],
  administratively_closed: [
    { id: 'pursue_uscis_petition', authority: ['8-CFR-1003.18-c'] },
    EOIR33,
    { id: 'recalendar_when_ready', authority: ['8-CFR-1003.18-c'] },
    FIND_HELP,
  ],
};

export type DenialReason =
  | 'no_credible_fear'
  | 'inconsistent_testimony'
  | 'missed_one_year_deadline'
  | 'insufficient_evidence'
  | 'criminal_record'
  | 'harm_not_persecution';

/** What can answer each common reason for a denial (RULES.md B-C). Words: `denial.<reason>`. */
export const DENIAL_PLAYBOOK: Readonly<
  Record<DenialReason, { readonly answers: readonly string[]; readonly authority: readonly CitationId[] }>
> = {
  no_credible_fear: {
    answers: ['ask_ij_review_negative_fear', 'explain_fear_at_interview'],
    authority: ['INA-235-b-1-B'],
  },
  inconsistent_testimony: {
    answers: ['rebuild_the_record', 'order_transcript_and_brief'],
    authority: ['INA-208-b-1-B-ii-iii'],
  },
  missed_one_year_deadline: {
    answers: ['show_one_year_exception', 'withholding_and_cat_have_no_deadline'],
    authority: ['INA-208-a-2-D', '8-CFR-208.4-a-4-5'],
  },
  insufficient_evidence: {
    answers: ['rebuild_the_record', 'motion_to_reopen_changed_conditions'],
    authority: ['INA-208-b-1-B-ii-iii', 'INA-240-c-7'],
  },
  criminal_record: {
    answers: ['check_conviction_category', 'cat_deferral_has_no_bars'],
    authority: ['INA-208-b-2-B-i', '8-CFR-1208.17'],
  },
  harm_not_persecution: {
    answers: ['show_cumulative_harm', 'rebuild_the_record'],
    authority: ['INA-101-a-42', '8-CFR-1208.13-b'],
  },
};
