/**
 * The whole assessment of a case as of a date: posture, deadlines, every relief's screening,
 * the next steps, the evidence to gather and, when asked, the withdrawal advisor.
 * facts -> assess -> renderers; nothing downstream changes it.
 */
import { DEADLINES } from '../../law/deadlines.ts';
import type { ReliefId } from '../../law/relief-types.ts';
import { computeDeadlines, type DeadlineReport } from './deadlines/compute-deadlines.ts';
import { build, type Deadline } from './deadlines/deadline.ts';
import type { CaseFacts } from './facts/case-facts.ts';
import type { Screening } from './facts/screening.ts';
import {
  type DenialAnswer,
  denialAnswers,
  type PlannedStep,
  planNextSteps,
} from './next-steps/next-steps.ts';
import { type EvidenceNeed, evidenceFor } from './relief/evidence.ts';
import { type ReliefResult, screenAll } from './relief/screen.ts';
import type { ScreeningContext } from './relief/verdict.ts';
import type { Step } from './time/periods.ts';
import {
  addDays,
  civilOf,
  dateOf,
  daysInMonth,
  formatDate,
  type PlainDate,
  parseDate,
} from './time/plain-date.ts';
import { adviseWithdrawal, type WithdrawalAdvice } from './withdrawal/withdrawal.ts';

export interface Assessment {
  readonly report: DeadlineReport;
  readonly deadlines: readonly Deadline[];
  readonly relief: readonly ReliefResult[];
  readonly nextSteps: readonly PlannedStep[];
  readonly denialAnswers: readonly DenialAnswer[];
  readonly evidence: readonly EvidenceNeed[];
  readonly withdrawal?: WithdrawalAdvice;
  /** Every question whose answer would change some result, most decisive first. */
  readonly missingFacts: readonly string[];
  readonly warnings: readonly Step[];
}

export interface AssessOptions {
  /** Include the withdrawal advisor even when the screening does not say the person wants to withdraw. */
  readonly withdrawal?: boolean;
}

/** The day before the 21st birthday: the last day to file Form I-360 (RULES.md A.1 item 8, B.15). */
function sijsAgeLimit(birth: PlainDate, report: DeadlineReport): Deadline {
  const { year, month, day } = civilOf(birth);
  // A Feb 29 birthday is reached on Mar 1 in a common year, so the day before is Feb 28.
  const birthday21 =
    month === 2 && day === 29 && daysInMonth(year + 21, 2) === 28
      ? dateOf(year + 21, 3, 1)
      : dateOf(year + 21, month, day);
  const due = addDays(birthday21, -1);
  const version = DEADLINES.find((d) => d.id === 'sijs_age_limit')!;
  return build(
    version,
    { birthDate: birth },
    {
      due,
      steps: [
        { code: 'sijs.turns_21', params: { birthday: formatDate(birthday21) } },
        { code: 'sijs.no_roll', params: { date: formatDate(due) } },
      ],
    },
    report.asOf,
    { notes: [{ code: 'sijs.state_court_age_earlier', params: {} }], triggerDate: birthday21 },
  );
}

export function assess(facts: CaseFacts, options: AssessOptions = {}): Assessment {
  const report = computeDeadlines(facts);
  const s: Screening = facts.screening ?? {};
  const birthDate = facts.person?.birthDate !== undefined ? parseDate(facts.person.birthDate) : undefined;
  const ctx: ScreeningContext = {
    s,
    report,
    asOf: report.asOf,
    ...(birthDate !== undefined ? { birthDate } : {}),
  };
  const relief = screenAll(ctx);
  const status = (id: ReliefId) => relief.find((r) => r.id === id)?.status;

  const deadlines = [...report.deadlines];
  const sijs = status('sijs');
  if (birthDate !== undefined && (sijs === 'likely' || sijs === 'possible' || sijs === 'needs_more_facts')) {
    deadlines.push(sijsAgeLimit(birthDate, report));
  }

  const warnings: Step[] = [];
  const asylum = relief.find((r) => r.id === 'asylum');
  if (asylum?.reasons.some((r) => r.code === 'asylum.referral_if_not_granted')) {
    warnings.push({ code: 'asylum.referral_if_not_granted', params: {} });
  }
  warnings.push(...report.warnings);

  // A Set keeps first-asked order and drops repeats without rescanning the list for each fact.
  const order = new Set<string>();
  for (const r of relief) for (const f of r.missingFacts) order.add(f);

  const wantsAdvice = options.withdrawal === true || s.wantsToWithdraw === true;
  return {
    report,
    deadlines,
    relief,
    nextSteps: planNextSteps(report),
    denialAnswers: denialAnswers(s.denialReasons),
    evidence: evidenceFor(relief),
    ...(wantsAdvice ? { withdrawal: adviseWithdrawal(report, s) } : {}),
    missingFacts: [...order],
    warnings,
  };
}
