/**
 * After asylum is granted (RULES.md B.12-B.13): adjustment to permanent residence one year after
 * the grant, counting only days in the US (INA 209(b)(2); 8 CFR 209.2(a)(1)(ii)); Form I-730 for a
 * spouse or child within two years of the grant (8 CFR 208.21(d)).
 */
import type { TimedEvent } from '../../facts/timeline.ts';
import type { Step } from '../../time/periods.ts';
import { parseDate } from '../../time/plain-date.ts';
import { firstAfter, type RuleContext } from '../context.ts';
import { applyPeriod, build, type Deadline } from '../deadline.ts';
import { versionInForce } from '../rule-versions.ts';

/** The grant: an asylum_granted event, or an IJ grant that stood (assumed to be asylum, and said so). */
function grantOf(ctx: RuleContext): { grant: TimedEvent; notes: Step[] } | undefined {
  const granted = ctx.timeline.last('asylum_granted');
  if (granted) return { grant: granted, notes: [] };
  if (ctx.posture.posture !== 'granted') return undefined;
  const ij = ctx.timeline.last('ij_decision');
  if (ij?.event.outcome !== 'granted') return undefined;
  return { grant: ij, notes: [{ code: 'grant.assumed_asylum', params: {} }] };
}

export function afterGrant(ctx: RuleContext): Deadline[] {
  const found = grantOf(ctx);
  if (!found) return [];
  const { grant, notes } = found;
  let abroad = 0;
  for (const trip of ctx.timeline.since('departure', grant)) {
    const back = trip.event.returnDate !== undefined ? parseDate(trip.event.returnDate) : ctx.asOf;
    abroad += back - trip.on;
  }
  const adjustNotes: Step[] = [...notes, { code: 'adjustment.decided_at_adjudication', params: {} }];
  if (abroad > 0) adjustNotes.push({ code: 'adjustment.days_abroad', params: { days: abroad } });
  const adjust = versionInForce('asylee_adjustment_earliest', grant.on);
  const i730 = versionInForce('i730_follow_to_join', grant.on);
  const i730Filed = firstAfter(ctx, 'i730_filed', grant);
  return [
    build(adjust, grant, applyPeriod(adjust, grant.on, abroad), ctx.asOf, { notes: adjustNotes }),
    build(i730, grant, applyPeriod(i730, grant.on), ctx.asOf, {
      ...(i730Filed ? { doneOn: i730Filed.on } : {}),
      notes: [...notes, { code: 'i730.relationship_at_grant', params: {} }],
    }),
  ];
}
