/** Which Learn explainer each idea in the results points to (topic ids: src/content/learn/*.json). */
export const TOPIC_OF_RELIEF: Readonly<Record<string, string>> = {
  asylum: 'affirmative-asylum',
  withholding_of_removal: 'asylum-withholding-cat',
  cat_withholding: 'asylum-withholding-cat',
  cat_deferral: 'asylum-withholding-cat',
  u_visa: 'u-visa',
  t_visa: 't-visa',
  sijs: 'sijs',
  family_based: 'family-based-residence',
  cancellation_of_removal: 'cancellation-of-removal',
  prosecutorial_discretion: 'prosecutorial-discretion',
  humanitarian_parole: 'humanitarian-parole',
  administrative_closure: 'administrative-closure',
  voluntary_departure: 'voluntary-departure',
};

const BY_DEADLINE_PREFIX: readonly (readonly [string, string])[] = [
  ['address_change', 'change-of-address'],
  ['bia_', 'appeal-to-bia'],
  ['motion_to_reopen', 'motion-to-reopen'],
  ['motion_to_reconsider', 'motion-to-reconsider'],
  ['petition_for_review', 'petition-for-review'],
  ['ead_', 'work-permit-clock'],
  ['voluntary_departure', 'voluntary-departure'],
  ['one_year', 'one-year-deadline'],
  ['changed_', 'one-year-deadline'],
  ['extraordinary', 'one-year-deadline'],
  ['unaccompanied', 'one-year-deadline'],
  ['sijs', 'sijs'],
  ['annual_asylum_fee', 'fees-and-fee-waivers'],
  ['prehearing', 'hearings-and-missing-court'],
  ['no_notice', 'hearings-and-missing-court'],
];

export function topicOfDeadline(id: string): string | undefined {
  return BY_DEADLINE_PREFIX.find(([prefix]) => id.startsWith(prefix))?.[1];
}

export const TOPIC_OF_POSTURE: Readonly<Record<string, string>> = {
  not_filed: 'one-year-deadline',
  credible_fear: 'credible-fear',
  affirmative_pending: 'affirmative-asylum',
  referred_to_court: 'defensive-asylum',
  in_removal_proceedings: 'defensive-asylum',
  ij_decision: 'appeal-to-bia',
  appeal_pending: 'appeal-to-bia',
  bia_decision: 'petition-for-review',
  petition_for_review_pending: 'petition-for-review',
  motion_pending: 'motion-to-reopen',
  final_order: 'final-order',
  withdrawn: 'withdrawing-an-application',
  administratively_closed: 'administrative-closure',
};
