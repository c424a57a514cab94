/**
 * The asylum work-permit clock (RULES.md B.10): Form I-765 (c)(8) may be filed 150 days after a
 * complete I-589 is received (8 CFR 208.7(a)(1)) and granted only after 180 days of clock time,
 * not counting delays the applicant caused (INA 208(d)(2); 8 CFR 208.7(a)(2)). The 2020 rule's
 * 365 days applied to filings from 2020-08-25 until its vacatur on 2022-02-07.
 */

import type { DeadlineId } from '../../../../law/deadlines.ts';
import type { Step } from '../../time/periods.ts';
import { formatDate, type PlainDate } from '../../time/plain-date.ts';
import { firstAfter, type RuleContext } from '../context.ts';
import { applyPeriod, build, type Deadline } from '../deadline.ts';
import { versionInForce } from '../rule-versions.ts';

function versionFor(id: DeadlineId, filed: PlainDate, asOf: PlainDate) {
  const atFiling = versionInForce(id, filed);
  // A rule vacated by the as-of date (AsylumWorks v. Mayorkas) no longer governs anyone's clock.
  if (atFiling.vacatedOn !== undefined && formatDate(asOf) >= atFiling.vacatedOn)
    return versionInForce(id, asOf);
  return atFiling;
}

export function workPermit(ctx: RuleContext): Deadline[] {
  const p = ctx.posture.posture;
  if (p === 'granted' || p === 'withdrawn') return [];
  const lastWithdrawal = ctx.timeline.last('withdrawal');
  const filing = ctx.timeline.all('asylum_filed').find((f) => !lastWithdrawal || f.on > lastWithdrawal.on);
  if (!filing) return [];

  // Days the applicant stopped the clock, from each stop to its resumption (or to today).
  let stopped = 0;
  let open: PlainDate | undefined;
  for (const t of ctx.timeline.events) {
    if (t.on < filing.on) continue;
    if (t.event.type === 'ead_clock_stopped' && open === undefined) open = t.on;
    if (t.event.type === 'ead_clock_resumed' && open !== undefined) {
      stopped += t.on - open;
      open = undefined;
    }
  }
  const eligibilityNotes: Step[] = [{ code: 'ead.proposed_rule_2026', params: {} }];
  if (open !== undefined) {
    stopped += ctx.asOf - open;
    eligibilityNotes.push({ code: 'ead.clock_stopped_now', params: { since: formatDate(open) } });
  }
  if (stopped > 0) eligibilityNotes.push({ code: 'ead.clock_stopped_days', params: { days: stopped } });

  const applyVersion = versionFor('ead_application_earliest', filing.on, ctx.asOf);
  const eligibleVersion = versionFor('ead_eligibility', filing.on, ctx.asOf);
  const applied = firstAfter(ctx, 'ead_filed', filing);
  // 8 CFR 208.7(a)(2): delays the applicant caused count in neither period, the 150 days nor the 180.
  const applyComputed = applyPeriod(applyVersion, filing.on, stopped);
  const applyNotes: Step[] =
    stopped > 0 ? [{ code: 'ead.clock_stopped_days', params: { days: stopped } }] : [];
  if (applied && applied.on < applyComputed.due)
    applyNotes.push({ code: 'ead.filed_too_early', params: { date: applied.event.date } });
  const eligible = build(
    eligibleVersion,
    filing,
    applyPeriod(eligibleVersion, filing.on, stopped),
    ctx.asOf,
    { notes: eligibilityNotes },
  );
  const denial = ctx.timeline.since('ij_decision', filing).find((d) => d.event.outcome === 'denied');
  if (denial && denial.on < eligible.due)
    ctx.warnings.push({ code: 'ead.denied_before_eligibility', params: {} });
  return [
    build(applyVersion, filing, applyComputed, ctx.asOf, {
      ...(applied ? { doneOn: applied.on } : {}),
      notes: applyNotes,
    }),
    eligible,
  ];
}
