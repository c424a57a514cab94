/**
 * Dates set by a notice or order rather than by a fixed period: the annual asylum fee
 * (Pub. L. 119-21 sec. 100009; RULES.md B.11) and the BIA briefing schedule (8 CFR 1003.3(c)(1)).
 */
import type { Step } from '../../time/periods.ts';
import { formatDate, parseDate } from '../../time/plain-date.ts';
import { firstAfter, type RuleContext } from '../context.ts';
import { applyPeriod, build, type Computed, type Deadline } from '../deadline.ts';
import { versionInForce } from '../rule-versions.ts';

function setByOrder(dueDate: string): Computed {
  return { due: parseDate(dueDate), steps: [{ code: 'due.set_by_order', params: { date: dueDate } }] };
}

export function annualAsylumFee(ctx: RuleContext): Deadline[] {
  const notice = ctx.timeline.last('annual_asylum_fee_notice');
  if (!notice) return [];
  const version = versionInForce('annual_asylum_fee', notice.on);
  const paid = firstAfter(ctx, 'annual_asylum_fee_paid', notice);
  const notes: Step[] = [{ code: 'annual_fee.consequences', params: {} }];
  let computed: Computed;
  if (notice.event.forum === 'immigration_court') {
    if (notice.event.dueDate === undefined) {
      ctx.notTriggered.push({ id: 'annual_asylum_fee', reason: 'needs.order_due_date' });
      return [];
    }
    computed = setByOrder(notice.event.dueDate);
    return [
      build(
        { ...version, forum: 'immigration_court', authority: ['OBBBA-100009', 'EOIR-PM-26-01'] },
        notice,
        computed,
        ctx.asOf,
        { ...(paid ? { doneOn: paid.on } : {}), notes },
      ),
    ];
  }
  if (formatDate(notice.on) < version.inForce.from) {
    ctx.warnings.push({ code: 'annual_fee.before_rule', params: { from: version.inForce.from } });
  }
  computed =
    notice.event.dueDate !== undefined ? setByOrder(notice.event.dueDate) : applyPeriod(version, notice.on);
  return [build(version, notice, computed, ctx.asOf, { ...(paid ? { doneOn: paid.on } : {}), notes })];
}

export function biaBrief(ctx: RuleContext): Deadline[] {
  const schedule = ctx.timeline.last('briefing_schedule');
  if (!schedule) return [];
  const version = versionInForce('bia_brief', schedule.on);
  const filed = firstAfter(ctx, 'brief_filed', schedule);
  const computed =
    schedule.event.dueDate !== undefined
      ? setByOrder(schedule.event.dueDate)
      : applyPeriod(version, schedule.on);
  return [
    build(version, schedule, computed, ctx.asOf, {
      ...(filed ? { doneOn: filed.on } : {}),
      notes: [{ code: 'bia.brief_extension', params: {} }],
    }),
  ];
}
