import type { CitationId } from './citations.ts';

/**
 * The deadlines of the asylum process as data (RULES.md section B). The functions in
 * src/core/deadlines decide when each is triggered; the numbers, forms and authorities live here.
 *
 * A deadline may have several versions with non-overlapping `inForce` ranges; the core picks the
 * one in force on the rule's reference date (the trigger, unless the rule says otherwise) and a
 * test checks that every date from 1997 to 2100 has exactly one version.
 */
export type DeadlineId =
  | 'one_year_filing'
  | 'bia_appeal'
  | 'voluntary_departure_bond_proof_bia'
  | 'bia_brief'
  | 'motion_to_reconsider'
  | 'motion_to_reopen'
  | 'motion_to_reopen_in_absentia'
  | 'petition_for_review'
  | 'address_change_court'
  | 'address_change_bia'
  | 'address_change_uscis'
  | 'prehearing_filing'
  | 'ead_application_earliest'
  | 'ead_eligibility'
  | 'asylee_adjustment_earliest'
  | 'i730_follow_to_join'
  | 'voluntary_departure'
  | 'voluntary_departure_bond'
  | 'annual_asylum_fee'
  | 'sijs_age_limit';

export type Forum = 'uscis' | 'immigration_court' | 'bia' | 'court_of_appeals' | 'dhs';

export type Period =
  | { readonly unit: 'days'; readonly length: number; readonly direction: 'after' | 'before' }
  | { readonly unit: 'working_days'; readonly length: number; readonly direction: 'after' }
  | { readonly unit: 'years'; readonly length: number; readonly direction: 'after' };

export interface DeadlineVersion {
  readonly id: DeadlineId;
  /** A deadline to act by, or the earliest day one may act (never rolled). */
  readonly kind: 'deadline' | 'earliest';
  /** What starts the period, as a code the renderers turn into words. */
  readonly trigger: string;
  readonly period: Period;
  readonly forum: Forum;
  readonly form: string | null;
  readonly authority: readonly CitationId[];
  /** The provision that moves a last day off a weekend or holiday. */
  readonly rollAuthority?: CitationId;
  readonly inForce: { readonly from: string; readonly to?: string };
  /** Named exceptions, each with its authority (Catala-style labels). */
  readonly exceptions?: readonly { readonly id: string; readonly authority: readonly CitationId[] }[];
  /** Set when the rule or its reading is unsettled (RULES.md marks it [uncertain]). */
  readonly uncertain?: string;
  /**
   * A court set the rule aside on this date: from then on it governs nobody, even filings made
   * while it was in force (unlike a rule that is merely superseded for later filings).
   */
  readonly vacatedOn?: string;
}

export const DEADLINES: readonly DeadlineVersion[] = [
  {
    id: 'one_year_filing',
    kind: 'deadline',
    trigger: 'last_arrival',
    period: { unit: 'years', length: 1, direction: 'after' },
    forum: 'uscis',
    form: 'I-589',
    authority: ['INA-208-a-2-B', '8-CFR-208.4-a-2', '8-CFR-1208.4-a-2'],
    rollAuthority: '8-CFR-208.4-a-2',
    inForce: { from: '1997-04-01' },
    exceptions: [
      { id: 'changed_circumstances', authority: ['INA-208-a-2-D', '8-CFR-208.4-a-4-5'] },
      { id: 'extraordinary_circumstances', authority: ['INA-208-a-2-D', '8-CFR-208.4-a-4-5'] },
      { id: 'unaccompanied_child', authority: ['INA-208-a-2-E'] },
    ],
  },
  {
    id: 'bia_appeal',
    kind: 'deadline',
    trigger: 'ij_decision',
    period: { unit: 'days', length: 30, direction: 'after' },
    forum: 'bia',
    form: 'EOIR-26',
    authority: ['8-CFR-1003.38-b', '8-CFR-1003.38-c', '8-CFR-1003.3-a-1', 'BIA-PM-4.5-a'],
    rollAuthority: '8-CFR-1003.38-b',
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'voluntary_departure_bond_proof_bia',
    kind: 'deadline',
    trigger: 'bia_appeal_filed',
    period: { unit: 'days', length: 30, direction: 'after' },
    forum: 'bia',
    form: null,
    authority: ['8-CFR-1240.26-c-3', 'CASE-Matter-of-Gamero'],
    rollAuthority: '8-CFR-1001.1-h',
    inForce: { from: '2009-01-20' },
  },
  {
    id: 'bia_brief',
    kind: 'deadline',
    trigger: 'briefing_schedule',
    period: { unit: 'days', length: 21, direction: 'after' },
    forum: 'bia',
    form: null,
    authority: ['8-CFR-1003.3-c-1'],
    rollAuthority: '8-CFR-1001.1-h',
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'motion_to_reconsider',
    kind: 'deadline',
    trigger: 'final_order',
    period: { unit: 'days', length: 30, direction: 'after' },
    forum: 'immigration_court',
    form: null,
    authority: ['INA-240-c-6', '8-CFR-1003.23-b-1', '8-CFR-1003.2-b-2'],
    rollAuthority: '8-CFR-1001.1-h',
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'motion_to_reopen',
    kind: 'deadline',
    trigger: 'final_order',
    period: { unit: 'days', length: 90, direction: 'after' },
    forum: 'immigration_court',
    form: null,
    authority: ['INA-240-c-7', '8-CFR-1003.23-b-1', '8-CFR-1003.2-c-2'],
    rollAuthority: '8-CFR-1001.1-h',
    inForce: { from: '1997-04-01' },
    exceptions: [
      {
        id: 'changed_country_conditions',
        authority: ['INA-240-c-7-C-ii', '8-CFR-1003.23-b-4-i', '8-CFR-1003.2-c-3-ii'],
      },
    ],
  },
  {
    id: 'motion_to_reopen_in_absentia',
    kind: 'deadline',
    trigger: 'in_absentia_order',
    period: { unit: 'days', length: 180, direction: 'after' },
    forum: 'immigration_court',
    form: null,
    authority: ['INA-240-b-5-C', '8-CFR-1003.23-b-4-ii'],
    rollAuthority: '8-CFR-1001.1-h',
    inForce: { from: '1997-04-01' },
    exceptions: [{ id: 'no_notice_or_in_custody', authority: ['INA-240-b-5-C'] }],
  },
  {
    id: 'petition_for_review',
    kind: 'deadline',
    trigger: 'final_order',
    period: { unit: 'days', length: 30, direction: 'after' },
    forum: 'court_of_appeals',
    form: null,
    authority: ['INA-242-b-1', 'FRAP-26-a', 'CASE-Riley-v-Bondi'],
    rollAuthority: 'FRAP-26-a',
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'address_change_court',
    kind: 'deadline',
    trigger: 'address_change',
    period: { unit: 'days', length: 5, direction: 'after' },
    forum: 'immigration_court',
    form: 'EOIR-33/IC',
    authority: ['8-CFR-1003.15-d-2', 'ICPM-2.2-c', 'INA-239-a-1-F'],
    rollAuthority: '8-CFR-1001.1-h',
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'address_change_bia',
    kind: 'deadline',
    trigger: 'address_change',
    period: { unit: 'working_days', length: 5, direction: 'after' },
    forum: 'bia',
    form: 'EOIR-33/BIA',
    authority: ['8-CFR-1003.38-e'],
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'address_change_uscis',
    kind: 'deadline',
    trigger: 'address_change',
    period: { unit: 'days', length: 10, direction: 'after' },
    forum: 'uscis',
    form: 'AR-11',
    authority: ['INA-265-a', '8-CFR-265.1'],
    rollAuthority: '8-CFR-1.2',
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'prehearing_filing',
    kind: 'deadline',
    trigger: 'master_hearing',
    period: { unit: 'days', length: 15, direction: 'before' },
    forum: 'immigration_court',
    form: null,
    authority: ['ICPM-3.1-b', 'ICPM-3.1-c'],
    inForce: { from: '1997-04-01' },
    uncertain: 'backward_count_direction',
  },
  {
    id: 'prehearing_filing',
    kind: 'deadline',
    trigger: 'individual_hearing',
    period: { unit: 'days', length: 30, direction: 'before' },
    forum: 'immigration_court',
    form: null,
    authority: ['ICPM-3.1-b', 'ICPM-3.1-c'],
    inForce: { from: '1997-04-01' },
    uncertain: 'individual_hearing_lead_time',
  },
  {
    id: 'ead_application_earliest',
    kind: 'earliest',
    trigger: 'asylum_filed',
    period: { unit: 'days', length: 150, direction: 'after' },
    forum: 'uscis',
    form: 'I-765',
    authority: ['8-CFR-208.7-a-1'],
    inForce: { from: '1997-04-01', to: '2020-08-24' },
  },
  {
    id: 'ead_application_earliest',
    kind: 'earliest',
    trigger: 'asylum_filed',
    // 85 FR 38532: 365 days, for applications filed from 2020-08-25 until the rule was vacated.
    period: { unit: 'days', length: 365, direction: 'after' },
    forum: 'uscis',
    form: 'I-765',
    authority: ['FR-85-38532'],
    inForce: { from: '2020-08-25', to: '2022-02-06' },
    uncertain: 'ead_rule_2020_enjoined_for_members',
    vacatedOn: '2022-02-07',
  },
  {
    id: 'ead_application_earliest',
    kind: 'earliest',
    trigger: 'asylum_filed',
    period: { unit: 'days', length: 150, direction: 'after' },
    forum: 'uscis',
    form: 'I-765',
    authority: ['8-CFR-208.7-a-1', 'FR-87-57795'],
    inForce: { from: '2022-02-07' },
  },
  {
    id: 'ead_eligibility',
    kind: 'earliest',
    trigger: 'asylum_filed',
    period: { unit: 'days', length: 180, direction: 'after' },
    forum: 'uscis',
    form: 'I-765',
    authority: ['INA-208-d-2', '8-CFR-208.7-a-2'],
    inForce: { from: '1997-04-01', to: '2020-08-24' },
  },
  {
    id: 'ead_eligibility',
    kind: 'earliest',
    trigger: 'asylum_filed',
    period: { unit: 'days', length: 365, direction: 'after' },
    forum: 'uscis',
    form: 'I-765',
    authority: ['INA-208-d-2', 'FR-85-38532'],
    inForce: { from: '2020-08-25', to: '2022-02-06' },
    uncertain: 'ead_rule_2020_enjoined_for_members',
    vacatedOn: '2022-02-07',
  },
  {
    id: 'ead_eligibility',
    kind: 'earliest',
    trigger: 'asylum_filed',
    period: { unit: 'days', length: 180, direction: 'after' },
    forum: 'uscis',
    form: 'I-765',
    authority: ['INA-208-d-2', '8-CFR-208.7-a-2', 'FR-87-57795'],
    inForce: { from: '2022-02-07' },
  },
  {
    id: 'asylee_adjustment_earliest',
    kind: 'earliest',
    trigger: 'asylum_granted',
    period: { unit: 'years', length: 1, direction: 'after' },
    forum: 'uscis',
    form: 'I-485',
    authority: ['INA-209-b-2', '8-CFR-209.2-a-1-ii', 'USCIS-PM-7-M'],
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'i730_follow_to_join',
    kind: 'deadline',
    trigger: 'asylum_granted',
    period: { unit: 'years', length: 2, direction: 'after' },
    forum: 'uscis',
    form: 'I-730',
    authority: ['8-CFR-208.21-d'],
    rollAuthority: '8-CFR-1.2',
    inForce: { from: '1997-04-01' },
    exceptions: [{ id: 'humanitarian_extension', authority: ['8-CFR-208.21-d'] }],
  },
  {
    id: 'voluntary_departure',
    kind: 'deadline',
    trigger: 'voluntary_departure_before_conclusion',
    period: { unit: 'days', length: 120, direction: 'after' },
    forum: 'dhs',
    form: null,
    authority: ['INA-240B-a', '8-CFR-1240.26-b', 'CASE-Monsalvo-Velazquez'],
    rollAuthority: '8-CFR-1001.1-h',
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'voluntary_departure',
    kind: 'deadline',
    trigger: 'voluntary_departure_at_conclusion',
    period: { unit: 'days', length: 60, direction: 'after' },
    forum: 'dhs',
    form: null,
    authority: ['INA-240B-b', '8-CFR-1240.26-c', 'CASE-Monsalvo-Velazquez'],
    rollAuthority: '8-CFR-1001.1-h',
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'voluntary_departure_bond',
    kind: 'deadline',
    trigger: 'voluntary_departure_at_conclusion',
    period: { unit: 'working_days', length: 5, direction: 'after' },
    forum: 'dhs',
    form: null,
    authority: ['INA-240B-b', '8-CFR-1240.26-c-3'],
    inForce: { from: '1997-04-01' },
  },
  {
    id: 'annual_asylum_fee',
    kind: 'deadline',
    trigger: 'annual_asylum_fee_notice',
    period: { unit: 'days', length: 30, direction: 'after' },
    forum: 'uscis',
    form: null,
    authority: ['OBBBA-100009', 'USCIS-AAF-IFR-2026'],
    rollAuthority: '8-CFR-1.2',
    inForce: { from: '2026-05-29' },
    uncertain: 'annual_fee_litigation',
  },
  {
    id: 'sijs_age_limit',
    kind: 'deadline',
    trigger: 'twenty_first_birthday',
    period: { unit: 'days', length: -1, direction: 'after' },
    forum: 'uscis',
    form: 'I-360',
    authority: ['INA-101-a-27-J', '8-CFR-204.11-b-1'],
    inForce: { from: '1997-04-01' },
  },
];
