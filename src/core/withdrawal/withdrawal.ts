/**
 * The withdrawal advisor (RULES.md D): how to withdraw an asylum application where the case is,
 * what the request must contain, what it means for this person, and what to weigh first.
 */
import type { CitationId } from '../../../law/citations.ts';
import type { DeadlineReport } from '../deadlines/compute-deadlines.ts';
import type { Screening } from '../facts/screening.ts';
import type { Posture } from '../posture/posture.ts';

export type WithdrawalChannel = 'uscis_letter' | 'ij_motion' | 'not_applicable';

export interface WithdrawalItem {
  readonly code: string;
  readonly authority: readonly CitationId[];
}

export interface WithdrawalAdvice {
  readonly channel: WithdrawalChannel;
  /** The document the documents module should produce, if any. */
  readonly document: 'withdrawal_letter_uscis' | 'motion_to_withdraw_ij' | null;
  /** What the request must contain. */
  readonly contents: readonly string[];
  readonly steps: readonly WithdrawalItem[];
  readonly warnings: readonly WithdrawalItem[];
  readonly alternatives: readonly WithdrawalItem[];
}

const AT_USCIS: ReadonlySet<Posture> = new Set(['affirmative_pending']);
const IN_COURT: ReadonlySet<Posture> = new Set([
  'referred_to_court',
  'in_removal_proceedings',
  'administratively_closed',
  'ij_decision',
  'motion_pending',
]);

export function adviseWithdrawal(report: DeadlineReport, s: Screening): WithdrawalAdvice {
  const p = report.posture.posture;
  const outOfStatus = s.currentStatus === 'out_of_status' || s.currentStatus === 'no_status';
  const common: WithdrawalItem[] = [
    { code: 'withdrawal.not_a_denial_refiling_one_year', authority: ['INA-208-a-2-B', 'INA-208-a-2-C'] },
    { code: 'withdrawal.frivolousness_still_possible', authority: ['INA-208-d-6', 'CASE-Matter-of-X-M-C'] },
    { code: 'withdrawal.work_permit_ends', authority: ['8-CFR-274a.14'] },
  ];
  if (AT_USCIS.has(p)) {
    const warnings: WithdrawalItem[] = [...common];
    if (outOfStatus || s.currentStatus === undefined) {
      warnings.unshift({
        code: outOfStatus ? 'withdrawal.out_of_status_nta' : 'withdrawal.status_unknown_nta',
        authority: ['8-CFR-239.1', '8-CFR-208.14-c-1'],
      });
    }
    return {
      channel: 'uscis_letter',
      document: 'withdrawal_letter_uscis',
      contents: [
        'name',
        'aNumber',
        'receiptNumber',
        'dateOfBirth',
        'statementOfWithdrawal',
        'reasonOptional',
        'signature',
        'date',
      ],
      steps: [
        { code: 'withdrawal.uscis.sign_letter', authority: ['USCIS-AAPM'] },
        { code: 'withdrawal.uscis.send_to_asylum_office', authority: ['USCIS-AAPM'] },
        { code: 'withdrawal.uscis.keep_copy_and_proof', authority: ['USCIS-AAPM'] },
        { code: 'withdrawal.get_other_benefit_first', authority: ['INA-245-a'] },
      ],
      warnings,
      alternatives: alternatives(),
    };
  }
  if (IN_COURT.has(p)) {
    return {
      channel: 'ij_motion',
      document: 'motion_to_withdraw_ij',
      contents: [
        'caption',
        'name',
        'aNumber',
        'statementOfWithdrawal',
        'withOrWithoutPrejudice',
        'otherReliefSought',
        'proofOfServiceOnDhs',
        'signature',
        'date',
      ],
      steps: [
        { code: 'withdrawal.ij.file_motion_or_ask_at_hearing', authority: ['ICPM-3.1-b'] },
        { code: 'withdrawal.ij.serve_dhs', authority: ['ICPM-3.1-b'] },
        { code: 'withdrawal.ij.hearing_informed_voluntary', authority: ['ICPM-3.1-b'] },
        { code: 'withdrawal.ij.pair_with_other_outcome', authority: ['INA-240B-a', 'INA-245-a'] },
      ],
      warnings: [
        { code: 'withdrawal.ij.removal_order_without_other_relief', authority: ['INA-240B-a'] },
        { code: 'withdrawal.ij.with_prejudice', authority: ['ICPM-3.1-b'] },
        { code: 'withdrawal.ij.keep_attending_and_address', authority: ['8-CFR-1003.15-d-2'] },
        ...common,
      ],
      alternatives: alternatives(),
    };
  }
  return {
    channel: 'not_applicable',
    document: null,
    contents: [],
    steps: [{ code: `withdrawal.not_applicable.${p}`, authority: [] }],
    warnings: [],
    alternatives: p === 'not_filed' || p === 'granted' ? [] : alternatives(),
  };
}

function alternatives(): WithdrawalItem[] {
  return [
    { code: 'withdrawal.alternative.administrative_closure', authority: ['8-CFR-1003.18-c'] },
    {
      code: 'withdrawal.alternative.other_status',
      authority: ['INA-245-a', 'INA-101-a-15-U', 'INA-101-a-27-J'],
    },
    { code: 'withdrawal.alternative.congressional_inquiry', authority: ['5-USC-552a-b', '8-CFR-208.6'] },
  ];
}
