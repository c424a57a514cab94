/**
 * Screening every relief in the catalogue. `missingFacts` are found by trying the answers: an
 * unknown fact is listed only when some answer would change that relief's status, so the
 * interview never asks a question that cannot matter (ARCHITECTURE.md principle 7).
 */
import type { ReliefId } from '../../../law/relief-types.ts';
import type { Screening, ScreeningFactId } from '../facts/screening.ts';
import { SCREENING_FACTS } from '../facts/screening-facts.ts';
import { DISCRETION_RULES } from './rules/discretion.ts';
import { OTHER_STATUS_RULES } from './rules/other-status.ts';
import { PROTECTION_RULES } from './rules/protection.ts';
import type { ReliefRule, ReliefStatus, ScreeningContext, Verdict } from './verdict.ts';

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

function answersFor(fact: ScreeningFactId): readonly unknown[] {
  return TRIAL_ANSWERS[fact] ?? BOOLEAN;
}

/** A fact a rule consults and the answers tried for it. */
interface Probe {
  readonly fact: ScreeningFactId;
  readonly answers: readonly unknown[];
}

const probesOf = (rule: ReliefRule): readonly Probe[] =>
  rule.consults.map((fact) => ({ fact, answers: answersFor(fact) }));

/** Worked out once at load: looking facts up by name is a measurable part of screening a case. */
const PROBES: ReadonlyMap<ReliefRule, readonly Probe[]> = new Map(
  RELIEF_RULES.map((rule) => [rule, probesOf(rule)]),
);

/** Moving between "not available" and "barred" changes nothing a person can act on. */
const closed = (status: ReliefStatus) => status === 'not_available' || status === 'barred';

export interface ReliefResult extends Verdict {
  readonly id: ReliefId;
  readonly missingFacts: readonly string[];
}

/**
 * Every screening fact, unknown. The what-if trials copy the case's answers onto this template, so
 * the rules always read one object shape: property reads stay monomorphic, and a trial changes one
 * value in place instead of spreading a 40-key object for every answer tried.
 */
const ALL_UNKNOWN: Readonly<Record<string, undefined>> = Object.fromEntries(
  SCREENING_FACTS.map((fact) => [fact, undefined]),
);

interface Contexts {
  /** For the full evaluation, with its reasons. */
  readonly full: ScreeningContext;
  /** For the status-only what-if trials, which change `s` in place and put it back. */
  readonly trial: ScreeningContext;
  /** The facts the case answers: only the others are tried. */
  readonly known: ReadonlySet<string>;
}

/** The contexts the rules are evaluated in, sharing one copy of the case's answers. */
function contextsFor(ctx: ScreeningContext): Contexts {
  const s = Object.assign({ ...ALL_UNKNOWN }, ctx.s) as Screening;
  const known = new Set<string>();
  for (const fact in ctx.s) if (ctx.s[fact as ScreeningFactId] !== undefined) known.add(fact);
  const derived = new Map<unknown, unknown>();
  return {
    full: { ...ctx, s, statusOnly: false, derived },
    trial: { ...ctx, s, statusOnly: true, derived },
    known,
  };
}

/** Whether some answer to the unknown fact moves the rule to a status a person could act on. */
function answerWouldMatter(rule: ReliefRule, trial: ScreeningContext, probe: Probe, status: ReliefStatus) {
  const facts = trial.s as Record<ScreeningFactId, unknown>;
  try {
    for (const answer of probe.answers) {
      facts[probe.fact] = answer;
      const tried = rule.evaluate(trial).status;
      if (tried !== status && !(closed(tried) && closed(status))) return true;
    }
    return false;
  } finally {
    facts[probe.fact] = undefined;
  }
}

export function screenRelief(
  rule: ReliefRule,
  ctx: ScreeningContext,
  { full, trial, known } = contextsFor(ctx),
): ReliefResult {
  const verdict = rule.evaluate(full);
  const missing: string[] = [];
  const settled = rule.settledElsewhere?.(full) ?? [];
  for (const probe of PROBES.get(rule) ?? probesOf(rule)) {
    if (known.has(probe.fact) || settled.includes(probe.fact)) continue;
    if (answerWouldMatter(rule, trial, probe, verdict.status)) missing.push(probe.fact);
  }
  return { id: rule.id, ...verdict, missingFacts: [...verdict.needs, ...missing] };
}

export function screenAll(ctx: ScreeningContext): ReliefResult[] {
  const contexts = contextsFor(ctx);
  return RELIEF_RULES.map((rule) => screenRelief(rule, ctx, contexts));
}
