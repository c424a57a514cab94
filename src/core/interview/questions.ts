/**
 * The interview as data derived from the rules: every question is a fact the screening engine can
 * ask for, with the answers it accepts. Which one comes next is decided by the engine's
 * `missingFacts` (only questions whose answer would change a result), never by the UI.
 */
import type { ScreeningFactId } from '../facts/screening.ts';
import { CRIME_CATEGORIES, CURRENT_STATUSES, PROTECTED_GROUNDS } from '../facts/vocabulary.ts';

export type Answer =
  | { readonly kind: 'yes_no' }
  | { readonly kind: 'one_of'; readonly options: readonly string[] }
  | { readonly kind: 'some_of'; readonly options: readonly string[] }
  | { readonly kind: 'date' }
  | { readonly kind: 'convictions'; readonly categories: readonly string[] }
  | { readonly kind: 'one_year_exceptions' };

export type QuestionId =
  | ScreeningFactId
  | 'person.birthDate'
  | 'events.arrival'
  | 'criminalHistory.sentenceYears';

const ANSWERS: Partial<Record<QuestionId, Answer>> = {
  protectedGround: { kind: 'some_of', options: PROTECTED_GROUNDS },
  harmBy: {
    kind: 'one_of',
    options: ['state', 'private_actors_state_unable_unwilling', 'private_actors_state_protects'],
  },
  harmSeverity: { kind: 'one_of', options: ['persecution', 'harassment_discrimination_only'] },
  tortureRisk: { kind: 'one_of', options: ['more_likely_than_not', 'possible', 'none'] },
  currentStatus: { kind: 'one_of', options: CURRENT_STATUSES },
  otherRelief: { kind: 'some_of', options: ['employment_based'] },
  criminalHistory: { kind: 'convictions', categories: CRIME_CATEGORIES },
  oneYearExceptions: { kind: 'one_year_exceptions' },
  marriageDate: { kind: 'date' },
  'person.birthDate': { kind: 'date' },
  'events.arrival': { kind: 'date' },
  'criminalHistory.sentenceYears': { kind: 'one_of', options: ['under_5_years', '5_years_or_more'] },
};

export interface Question {
  readonly id: QuestionId;
  readonly answer: Answer;
}

export function questionFor(id: string): Question {
  return { id: id as QuestionId, answer: ANSWERS[id as QuestionId] ?? { kind: 'yes_no' } };
}

/** The next question to ask: the first missing fact, in the order the engine reported them. */
export function nextQuestion(missingFacts: readonly string[]): Question | null {
  const first = missingFacts[0];
  return first === undefined ? null : questionFor(first);
}
