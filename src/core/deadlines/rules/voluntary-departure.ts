/**
 * Voluntary departure (RULES.md B.14): up to 120 days when granted before the end of proceedings
 * (INA 240B(a)), up to 60 days at their end with a bond posted within 5 business days
 * (INA 240B(b); 8 CFR 1240.26(c)(3)). The last day rolls forward (Monsalvo Velázquez v. Bondi).
 * Filing a motion to reopen or reconsider, or a petition for review, ends the grant.
 */
import type { TimedEvent } from '../../facts/timeline.ts';
import type { Step } from '../../time/periods.ts';
import { firstAfter, type RuleContext } from '../context.ts';
import { applyPeriod, build, type Deadline } from '../deadline.ts';
import { versionInForce } from '../rule-versions.ts';

export function voluntaryDeparture(ctx: RuleContext): Deadline[] {
  const decision = ctx.timeline
    .all('ij_decision')
    .filter((d) => d.event.voluntaryDeparture !== undefined && d.event.voluntaryDeparture !== false)
    .at(-1);
  if (!decision) return [];
  const grant = decision.event.voluntaryDeparture;
  const details = typeof grant === 'object' ? grant : {};
  const stage = details.stage ?? 'at_conclusion';
  const trigger =
    stage === 'at_conclusion' ? 'voluntary_departure_at_conclusion' : 'voluntary_departure_before_conclusion';
  const out: Deadline[] = [];

  if (stage === 'at_conclusion') {
    const bond = versionInForce('voluntary_departure_bond', decision.on, trigger);
    const posted = firstAfter(ctx, 'voluntary_departure_bond_posted', decision);
    out.push(
      build(bond, decision, applyPeriod(bond, decision.on), ctx.asOf, posted ? { doneOn: posted.on } : {}),
    );
  }

  // On appeal the period does not run; the BIA may reinstate it when it decides.
  let start: TimedEvent = decision;
  const appeal = firstAfter(ctx, 'bia_appeal_filed', decision);
  if (appeal) {
    if (stage === 'at_conclusion') {
      const proof = versionInForce('voluntary_departure_bond_proof_bia', appeal.on);
      out.push(build(proof, appeal, applyPeriod(proof, appeal.on), ctx.asOf));
    }
    const bia = firstAfter(ctx, 'bia_decision', appeal);
    if (!bia) {
      ctx.notTriggered.push({ id: 'voluntary_departure', reason: 'vd.paused_on_appeal' });
      return out;
    }
    if (bia.event.voluntaryDepartureReinstated !== true) {
      ctx.warnings.push({ code: 'vd.not_reinstated', params: {} });
      return out;
    }
    start = bia;
  }

  const version = versionInForce('voluntary_departure', start.on, trigger);
  const days = details.days ?? version.period.length;
  const notes: Step[] = [{ code: 'vd.failure_penalties', params: {} }];
  if (details.days === undefined) notes.push({ code: 'vd.period_assumed_maximum', params: { days } });
  const computed = applyPeriod(version, start.on, days - version.period.length);
  const ender = ctx.timeline.events.filter(
    (t) =>
      t.on > start.on &&
      t.on <= computed.due &&
      (t.event.type === 'motion_to_reopen_filed' ||
        t.event.type === 'motion_to_reconsider_filed' ||
        t.event.type === 'petition_for_review_filed'),
  )[0];
  if (ender) {
    ctx.warnings.push({
      code: 'vd.terminated_by_filing',
      params: { event: ender.event.type, date: ender.event.date },
    });
    return out;
  }
  const left = ctx.timeline.since('departure', start).find((t) => t.on <= computed.due);
  out.push(build(version, start, computed, ctx.asOf, { ...(left ? { doneOn: left.on } : {}), notes }));
  return out;
}
