/**
 * Review of a removal order: the BIA appeal (8 CFR 1003.38), motions to reconsider and reopen
 * (INA 240(c)(6)-(7); 8 CFR 1003.2, 1003.23), reopening an in absentia order (INA 240(b)(5)(C)),
 * and the petition for review (INA 242(b)(1)). RULES.md B.2-B.6.
 */
import type { Forum } from '../../../../law/deadlines.ts';
import type { TimedEvent } from '../../facts/timeline.ts';
import { inaugurationDayOn } from '../../time/holidays.ts';
import type { Step } from '../../time/periods.ts';
import { type PlainDate, parseDate } from '../../time/plain-date.ts';
import { firstAfter, type RuleContext } from '../context.ts';
import { applyPeriod, build, type Deadline } from '../deadline.ts';
import { versionInForce } from '../rule-versions.ts';

function withForum(d: Deadline, forum: Forum): Deadline {
  return { ...d, forum };
}

/** The BIA sits in Falls Church (Fairfax County), where Inauguration Day is a holiday. */
function inaugurationNote(due: PlainDate): Step[] {
  const day = inaugurationDayOn(due);
  return day ? [{ code: 'bia.inauguration_day_uncertain', params: {} }] : [];
}

/** The latest IJ decision, when it is a denial that is still the last word before the IJ. */
function governingIjDenial(
  ctx: RuleContext,
): TimedEvent<Extract<TimedEvent['event'], { type: 'ij_decision' }>> | undefined {
  const decision = ctx.timeline.last('ij_decision');
  if (decision?.event.outcome !== 'denied') return undefined;
  const inAbsentia = ctx.timeline.last('in_absentia_order');
  if (inAbsentia && inAbsentia.on >= decision.on) return undefined;
  return decision;
}

export function biaAppeal(ctx: RuleContext): Deadline[] {
  const decision = governingIjDenial(ctx);
  if (!decision) {
    const inAbsentia = ctx.timeline.last('in_absentia_order');
    if (inAbsentia) ctx.warnings.push({ code: 'bia.no_appeal_in_absentia', params: {} });
    return [];
  }
  if (firstAfter(ctx, 'appeal_waived', decision)) {
    ctx.warnings.push({ code: 'bia.appeal_waived', params: { date: decision.event.date } });
    return [];
  }
  const version = versionInForce('bia_appeal', decision.on);
  const computed = applyPeriod(version, decision.on);
  const filed = firstAfter(ctx, 'bia_appeal_filed', decision);
  const notes: Step[] = [
    { code: 'bia.receipt_rule', params: {} },
    { code: 'bia.fee_or_waiver', params: {} },
    ...inaugurationNote(computed.due),
  ];
  if (
    filed?.event.mailedDate !== undefined &&
    parseDate(filed.event.mailedDate) <= computed.due &&
    filed.on > computed.due
  ) {
    notes.push({ code: 'bia.mailed_on_time_received_late', params: { mailed: filed.event.mailedDate } });
  }
  return [build(version, decision, computed, ctx.asOf, { ...(filed ? { doneOn: filed.on } : {}), notes })];
}

/** A BIA decision that left the person with a removal order (their appeal dismissed, or DHS's sustained). */
function governingBiaLoss(ctx: RuleContext) {
  const bia = ctx.timeline.last('bia_decision');
  const ij = ctx.timeline.last('ij_decision');
  if (!bia || (ij && ij.on > bia.on)) return undefined;
  if (bia.event.outcome === 'remanded') return undefined;
  const appeal = ctx.timeline
    .all('bia_appeal_filed')
    .filter((a) => a.on <= bia.on)
    .at(-1);
  const appellant = appeal?.event.appellant ?? (ij?.event.outcome === 'granted' ? 'dhs' : 'respondent');
  const lost = (appellant === 'respondent') === (bia.event.outcome === 'dismissed');
  return lost ? bia : undefined;
}

function motionDeadlines(
  ctx: RuleContext,
  trigger: TimedEvent,
  forum: 'immigration_court' | 'bia',
  reconsiderFrom: PlainDate,
  notes: Step[],
): Deadline[] {
  const out: Deadline[] = [];
  const reconsider = versionInForce('motion_to_reconsider', trigger.on);
  const reconsiderComputed = applyPeriod(reconsider, reconsiderFrom);
  const mtc = firstAfter(ctx, 'motion_to_reconsider_filed', trigger);
  out.push(
    withForum(
      build(reconsider, trigger, reconsiderComputed, ctx.asOf, {
        ...(mtc ? { doneOn: mtc.on } : {}),
        notes: [
          { code: 'motion.one_reconsider', params: {} },
          ...(forum === 'bia' ? [{ code: 'motion.pfr_not_tolled', params: {} }] : []),
          ...notes,
        ],
        triggerDate: reconsiderFrom,
      }),
      forum,
    ),
  );
  const reopen = versionInForce('motion_to_reopen', trigger.on);
  const reopenComputed = applyPeriod(reopen, trigger.on);
  const mtr = firstAfter(ctx, 'motion_to_reopen_filed', trigger);
  out.push(
    withForum(
      build(reopen, trigger, reopenComputed, ctx.asOf, {
        ...(mtr ? { doneOn: mtr.on } : {}),
        notes: [
          { code: 'motion.one_reopen', params: {} },
          { code: 'motion.changed_country_conditions_exception', params: {} },
          { code: 'motion.no_automatic_stay', params: {} },
          ...notes,
        ],
      }),
      forum,
    ),
  );
  return out;
}

export function motions(ctx: RuleContext): Deadline[] {
  const bia = governingBiaLoss(ctx);
  if (bia) {
    // 8 CFR 1003.2(b)(2): reconsideration runs from the mailing of the Board's decision; when the
    // mailing date is unknown the decision date, which is never later, is the safe start.
    const mailed = bia.event.mailedDate !== undefined ? parseDate(bia.event.mailedDate) : bia.on;
    return motionDeadlines(ctx, bia, 'bia', mailed, []);
  }
  const decision = governingIjDenial(ctx);
  if (!decision) return [];
  if (firstAfter(ctx, 'bia_appeal_filed', decision)) return []; // the case is with the BIA now
  const waived = firstAfter(ctx, 'appeal_waived', decision);
  // INTERPRETATION: an unappealed IJ order becomes final when the appeal time ends (8 CFR
  // 1241.1(c)); counting from the decision date is earlier and therefore safe (RULES.md B.4).
  const notes: Step[] = waived ? [] : [{ code: 'motion.counted_from_ij_decision', params: {} }];
  return motionDeadlines(ctx, decision, 'immigration_court', decision.on, notes);
}

export function reopenInAbsentia(ctx: RuleContext): Deadline[] {
  const order = ctx.timeline.last('in_absentia_order');
  if (!order) return [];
  const version = versionInForce('motion_to_reopen_in_absentia', order.on);
  const computed = applyPeriod(version, order.on);
  const filed = firstAfter(ctx, 'motion_to_reopen_filed', order);
  return [
    build(version, order, computed, ctx.asOf, {
      ...(filed ? { doneOn: filed.on } : {}),
      notes: [
        { code: 'in_absentia.exceptional_circumstances_180', params: {} },
        { code: 'in_absentia.no_notice_any_time', params: {} },
        { code: 'in_absentia.automatic_stay', params: {} },
        { code: 'in_absentia.ten_year_bar', params: {} },
      ],
    }),
  ];
}

export function petitionForReview(ctx: RuleContext): Deadline[] {
  const bia = governingBiaLoss(ctx);
  // A BIA denial of a motion is its own final order with its own 30 days (RULES.md B.6).
  const motionDenial = ctx.timeline
    .all('motion_decision')
    .filter((m) => m.event.outcome === 'denied' && m.event.forum === 'BIA' && (!bia || m.on > bia.on))
    .at(-1);
  const trigger = motionDenial ?? bia;
  if (!trigger) return [];
  const version = versionInForce('petition_for_review', trigger.on);
  const computed = applyPeriod(version, trigger.on);
  const filed = firstAfter(ctx, 'petition_for_review_filed', trigger);
  return [
    build(version, trigger, computed, ctx.asOf, {
      ...(filed ? { doneOn: filed.on } : {}),
      notes: [
        { code: 'pfr.claim_processing_rule', params: {} },
        { code: 'pfr.not_tolled_by_motions', params: {} },
        { code: 'pfr.no_automatic_stay', params: {} },
      ],
    }),
  ];
}
