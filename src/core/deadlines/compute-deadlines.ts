/** Every deadline of a case as of a date, in the order a person should see them. */
import { STEPS_BY_POSTURE } from '../../../law/next-steps.ts';
import type { CaseFacts } from '../facts/case-facts.ts';
import { checkSequence, Timeline } from '../facts/timeline.ts';
import { inferPosture, type PostureState } from '../posture/posture.ts';
import { adHocClosureOn } from '../time/holidays.ts';
import type { Step } from '../time/periods.ts';
import { formatDate, type PlainDate, parseDate } from '../time/plain-date.ts';
import type { DeadlineRule, NotTriggered, RuleContext } from './context.ts';
import type { Deadline } from './deadline.ts';
import { addressChange } from './rules/address-change.ts';
import { afterGrant } from './rules/after-grant.ts';
import { oneYearFiling } from './rules/one-year-filing.ts';
import { annualAsylumFee, biaBrief } from './rules/orders.ts';
import { prehearingFiling } from './rules/prehearing-filing.ts';
import { biaAppeal, motions, petitionForReview, reopenInAbsentia } from './rules/review.ts';
import { voluntaryDeparture } from './rules/voluntary-departure.ts';
import { workPermit } from './rules/work-permit.ts';

const RULES: readonly DeadlineRule[] = [
  oneYearFiling,
  biaAppeal,
  motions,
  reopenInAbsentia,
  petitionForReview,
  addressChange,
  prehearingFiling,
  workPermit,
  afterGrant,
  voluntaryDeparture,
  annualAsylumFee,
  biaBrief,
];

export interface DeadlineReport {
  readonly asOf: PlainDate;
  readonly posture: PostureState;
  readonly deadlines: readonly Deadline[];
  readonly notTriggered: readonly NotTriggered[];
  readonly warnings: readonly Step[];
  readonly timeline: Timeline;
}

const STATUS_ORDER = { upcoming: 0, passed: 1, met: 2 } as const;

export function computeDeadlines(facts: CaseFacts): DeadlineReport {
  const timeline = new Timeline(facts);
  const birthDate = facts.person?.birthDate !== undefined ? parseDate(facts.person.birthDate) : undefined;
  checkSequence(timeline, birthDate);
  const posture = inferPosture(timeline);
  const ctx: RuleContext = {
    facts,
    timeline,
    asOf: timeline.asOf,
    posture,
    ...(birthDate !== undefined ? { birthDate } : {}),
    warnings: [],
    notTriggered: [],
  };
  const deadlines = RULES.flatMap((rule) => rule(ctx));
  for (const d of deadlines) {
    const closure = adHocClosureOn(d.due);
    if (closure && d.kind === 'deadline' && d.status === 'upcoming') {
      ctx.warnings.push({
        code: 'calendar.ad_hoc_closure',
        params: { id: d.id, date: formatDate(d.due), source: closure },
      });
    }
  }
  if (posture.posture === 'credible_fear' && posture.removalOrder)
    ctx.warnings.push({ code: 'credible_fear.negative', params: {} });
  deadlines.sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.due - b.due || a.id.localeCompare(b.id),
  );
  // Deadlines this stage of the case can still bring, and the event that would start each.
  for (const step of STEPS_BY_POSTURE[posture.posture]) {
    const id = step.deadline;
    if (!id || deadlines.some((d) => d.id === id) || ctx.notTriggered.some((n) => n.id === id)) continue;
    ctx.notTriggered.push({ id, reason: `awaits.${id}` });
  }
  ctx.warnings.push({ code: 'disclaimer.legal_information', params: {} });
  return {
    asOf: timeline.asOf,
    posture,
    deadlines,
    notTriggered: ctx.notTriggered,
    warnings: ctx.warnings,
    timeline,
  };
}
