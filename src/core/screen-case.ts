/**
 * A case screened as of a date: posture, deadlines, every relief's status and the questions whose
 * answers would change one. This is what the interview needs at each step; the full assessment
 * (assess.ts) adds the next steps, the evidence and the withdrawal advisor, which only the results
 * show, so a browser can load them after the first screen.
 */
import { DEADLINES } from '../../law/deadlines.ts';
import type { ReliefId } from '../../law/relief-types.ts';
import { computeDeadlines, type DeadlineReport } from './deadlines/compute-deadlines.ts';
import { build, type Deadline } from './deadlines/deadline.ts';
import type { CaseFacts } from './facts/case-facts.ts';
import type { Screening } from './facts/screening.ts';
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

export interface ScreenedCase {
  readonly report: DeadlineReport;
  readonly deadlines: readonly Deadline[];
  readonly relief: readonly ReliefResult[];
  /** Every question whose answer would change some result, most decisive first. */
  readonly missingFacts: readonly string[];
  readonly warnings: readonly Step[];
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

export function screenCase(facts: CaseFacts): ScreenedCase {
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

  return { report, deadlines, relief, missingFacts: [...order], warnings };
}
