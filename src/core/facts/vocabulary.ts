/**
 * The closed lists the screening answers draw from, apart from their schemas, so that code which
 * only needs the words (the interview, in the browser) does not load the validation library.
 */
export const PROTECTED_GROUNDS = [
  'race',
  'religion',
  'nationality',
  'political_opinion',
  'particular_social_group',
] as const;
export const CRIME_CATEGORIES = [
  'aggravated_felony',
  'particularly_serious_crime',
  'serious_nonpolitical_crime',
  'other',
] as const;
export const CURRENT_STATUSES = ['in_status', 'out_of_status', 'paroled', 'tps', 'no_status'] as const;
