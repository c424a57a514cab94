/**
 * Filings before an immigration-court hearing (ICPM ch. 3.1(b); RULES.md B.9): 15 days before a
 * master calendar hearing (when asking for a ruling), 30 days before an individual hearing, counted
 * back and moved to the previous business day. For detained cases the court sets the dates.
 */

import type { Step } from '../../time/periods.ts';
import { formatDate, parseDate } from '../../time/plain-date.ts';
import type { RuleContext } from '../context.ts';
import { applyPeriod, build, type Deadline } from '../deadline.ts';
import { versionInForce } from '../rule-versions.ts';

export function prehearingFiling(ctx: RuleContext): Deadline[] {
  const notice = ctx.timeline.last('hearing_notice');
  if (!notice) return [];
  const hearingDate = parseDate(notice.event.hearingDate);
  if (
    ctx.timeline.anyAfter(
      notice,
      'ij_decision',
      'in_absentia_order',
      'withdrawal',
      'asylum_granted',
      'administrative_closure',
    )
  ) {
    if (hearingDate >= ctx.asOf)
      ctx.warnings.push({ code: 'hearing.overtaken', params: { hearingDate: notice.event.hearingDate } });
    return [];
  }
  const detained = notice.event.detained ?? ctx.timeline.last('nta_filed')?.event.detained ?? false;
  if (detained) {
    ctx.notTriggered.push({ id: 'prehearing_filing', reason: 'set_by_court.detained' });
    return [];
  }
  const trigger = notice.event.hearing === 'master' ? 'master_hearing' : 'individual_hearing';
  const version = versionInForce('prehearing_filing', hearingDate, trigger);
  const computed = applyPeriod(version, hearingDate);
  const notes: Step[] = [
    { code: `prehearing.${notice.event.hearing}`, params: { hearingDate: notice.event.hearingDate } },
    { code: 'prehearing.judge_order_prevails', params: {} },
  ];
  if (computed.alternativeDue)
    notes.push({
      code: 'prehearing.later_reading',
      params: { other: formatDate(computed.alternativeDue.date) },
    });
  return [build(version, notice, computed, ctx.asOf, { notes, triggerDate: hearingDate })];
}
