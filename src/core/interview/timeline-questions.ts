/**
 * The first half of the interview: where the case stands. Rather than a fixed list, the engine asks
 * "what happened next?" with only the events that can follow the case's current posture, so a
 * person is never asked about an appeal before there is a decision to appeal. The second half,
 * the screening, follows `missingFacts` (questions.ts).
 */
import type { EventType } from '../facts/case-facts.ts';
import type { Posture } from '../posture/posture.ts';

/** An event a person can report, with the details the deadline rules need. */
export type ReportableEvent =
  | 'arrival'
  | 'credible_fear_determination'
  | 'asylum_filed'
  | 'uscis_referral'
  | 'nta_filed'
  | 'hearing_notice'
  | 'ij_decision'
  | 'in_absentia_order'
  | 'bia_appeal_filed'
  | 'bia_decision'
  | 'motion_to_reopen_filed'
  | 'motion_to_reconsider_filed'
  | 'petition_for_review_filed'
  | 'asylum_granted';

/** What can happen next, by posture, in the order a case usually moves (8 CFR 208, 1003, 1240). */
const NEXT_EVENTS: Readonly<Record<Posture, readonly ReportableEvent[]>> = {
  not_filed: ['asylum_filed', 'nta_filed', 'credible_fear_determination'],
  credible_fear: ['nta_filed', 'asylum_filed'],
  affirmative_pending: ['uscis_referral', 'asylum_granted', 'nta_filed'],
  referred_to_court: ['hearing_notice', 'ij_decision', 'in_absentia_order'],
  in_removal_proceedings: ['asylum_filed', 'hearing_notice', 'ij_decision', 'in_absentia_order'],
  ij_decision: ['bia_appeal_filed', 'motion_to_reopen_filed', 'motion_to_reconsider_filed'],
  appeal_pending: ['bia_decision'],
  bia_decision: ['petition_for_review_filed', 'motion_to_reopen_filed', 'motion_to_reconsider_filed'],
  petition_for_review_pending: ['motion_to_reopen_filed'],
  motion_pending: [],
  final_order: ['motion_to_reopen_filed', 'petition_for_review_filed'],
  granted: [],
  withdrawn: [],
  administratively_closed: [],
};

export type TimelineQuestion =
  /** When did you arrive? Asked first: the one-year clock and most bars start there. */
  | { readonly id: 'timeline.arrival'; readonly event: 'arrival' }
  /** Which of these has happened since? (or none of them) */
  | { readonly id: 'timeline.next'; readonly options: readonly ReportableEvent[] }
  | null;

/**
 * The next question about the case's history, or null when the person has said nothing more has
 * happened (`settled` is the postures at which they answered "none of these").
 */
export function nextTimelineQuestion(
  posture: Posture,
  reported: readonly EventType[],
  settled: readonly Posture[],
): TimelineQuestion {
  if (!reported.includes('arrival')) return { id: 'timeline.arrival', event: 'arrival' };
  if (settled.includes(posture)) return null;
  const options = NEXT_EVENTS[posture].filter(
    // Asylum is filed once; a later filing is a different thing the interview does not ask about.
    (e) => !(e === 'asylum_filed' && reported.includes('asylum_filed')),
  );
  return options.length ? { id: 'timeline.next', options } : null;
}

/** The details each reportable event asks for, beyond its date. */
export const EVENT_DETAILS: Readonly<
  Record<ReportableEvent, Readonly<Record<string, readonly string[] | 'date'>>>
> = {
  arrival: { manner: ['admitted', 'paroled', 'entry_without_inspection'] },
  credible_fear_determination: { outcome: ['positive', 'negative'] },
  asylum_filed: { forum: ['uscis', 'immigration_court'] },
  uscis_referral: {},
  nta_filed: {},
  hearing_notice: { hearing: ['master', 'individual'], hearingDate: 'date' },
  ij_decision: { outcome: ['granted', 'denied'] },
  in_absentia_order: {},
  bia_appeal_filed: {},
  bia_decision: { outcome: ['dismissed', 'sustained', 'remanded'] },
  motion_to_reopen_filed: { forum: ['IJ', 'BIA'] },
  motion_to_reconsider_filed: { forum: ['IJ', 'BIA'] },
  petition_for_review_filed: {},
  asylum_granted: {},
};
