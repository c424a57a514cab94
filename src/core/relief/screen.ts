/**
 * Screening every relief in the catalogue. `missingFacts` are found by trying the answers: an
 * unknown fact is listed only when some answer would change that relief's status, so the
 * interview never asks a question that cannot matter (ARCHITECTURE.md principle 7).
 */
import type { ReliefId } from '../../../law/relief-types.ts';
import type { Screening, ScreeningFactId } from '../facts/screening.ts';
import { DISCRETION_RULES } from './rules/discretion.ts';
import { OTHER_STATUS_RULES } from './rules/other-status.ts';
import { PROTECTION_RULES } from './rules/protection.ts';
import type { ReliefRule, ScreeningContext, Verdict } from './verdict.ts';

export const RELIEF_RULES: readonly ReliefRule[] = [
  ...PROTECTION_RULES,
  ...OTHER_STATUS_RULES,
  ...DISCRETION_RULES,
];

/** Answers tried for each unknown fact; facts that never decide a status have none. */
const TRIAL_ANSWERS: Partial<Record<ScreeningFactId, readonly unknown[]>> = {
  protectedGround: ['political_opinion', []],
  harmBy: ['state', 'private_actors_state_unable_unwilling', 'private_actors_state_protects'],
  harmSeverity: ['persecution', 'harassment_discrimination_only'],
  tortureRisk: ['more_likely_than_not', 'possible', 'none'],
  oneYearExceptions: [
    { changedCircumstances: true, extraordinaryCircumstances: false },
    { changedCircumstances: false, extraordinaryCircumstances: false },
  ],
  criminalHistory: [
    [],
    [{ category: 'aggravated_felony', sentenceYears: 6 }],
    [{ category: 'aggravated_felony', sentenceYears: 1 }],
    [{ category: 'particularly_serious_crime' }],
    [{ category: 'serious_nonpolitical_crime' }],
    [{ category: 'other' }],
  ],
  currentStatus: ['in_status', 'out_of_status', 'paroled', 'tps', 'no_status'],
  otherRelief: [['employment_based'], []],
};
const BOOLEAN: readonly unknown[] = [true, false];
const CLOSED: ReadonlySet<string> = new Set(['not_available', 'barred']);

function answersFor(fact: ScreeningFactId): readonly unknown[] {
  return TRIAL_ANSWERS[fact] ?? BOOLEAN;
}

export interface ReliefResult extends Verdict {
  readonly id: ReliefId;
  readonly missingFacts: readonly string[];
}

export function screenRelief(rule: ReliefRule, ctx: ScreeningContext): ReliefResult {
  const verdict = rule.evaluate(ctx);
  const missing: string[] = [];
  const settled = rule.settledElsewhere?.(ctx) ?? [];
  for (const fact of rule.consults) {
    if (ctx.s[fact] !== undefined || settled.includes(fact)) continue;
    const changes = answersFor(fact).some((answer) => {
      const trial = { ...ctx, s: { ...ctx.s, [fact]: answer } as Screening };
      const status = rule.evaluate(trial).status;
      // Moving between "not available" and "barred" changes nothing a person can act on.
      return status !== verdict.status && !(CLOSED.has(status) && CLOSED.has(verdict.status));
    });
    if (changes) missing.push(fact);
  }
  return { id: rule.id, ...verdict, missingFacts: [...verdict.needs, ...missing] };
}

export function screenAll(ctx: ScreeningContext): ReliefResult[] {
  return RELIEF_RULES.map((rule) => screenRelief(rule, ctx));
}
