/**
 * Ten-year bars that the case's own events prove (RULES.md B.5, B.14): missing a hearing after
 * written warning (an in absentia order not reopened, INA 240(b)(7)) and not leaving under
 * voluntary departure (INA 240B(d)(1)) each bar cancellation, adjustment and voluntary departure.
 */
import { addDays } from '../time/plain-date.ts';
import { deadline, fromEvents } from './facts-view.ts';
import type { ScreeningContext, VerdictBuilder } from './verdict.ts';

const TEN_YEARS = 3652;

/** Which of the two bars the events prove as of the as-of date. */
function provenBars(ctx: ScreeningContext): { inAbsentia: boolean; voluntaryDepartureFailure: boolean } {
  const { timeline } = ctx.report;
  const order = timeline.last('in_absentia_order');
  const reopened =
    order && timeline.since('motion_decision', order).some((m) => m.event.outcome === 'granted');
  const vd = deadline(ctx, 'voluntary_departure');
  return {
    inAbsentia: order !== undefined && !reopened && addDays(order.on, TEN_YEARS) > ctx.asOf,
    voluntaryDepartureFailure:
      vd !== undefined && vd.status === 'passed' && addDays(vd.due, TEN_YEARS) > ctx.asOf,
  };
}

export function tenYearBars(ctx: ScreeningContext, v: VerdictBuilder): void {
  const proven = fromEvents(ctx, provenBars);
  if (proven.inAbsentia) {
    v.bar('in_absentia_ten_year', 'bar.in_absentia_ten_year', ['INA-240-b-7']);
  }
  if (proven.voluntaryDepartureFailure) {
    v.bar('voluntary_departure_failure_ten_year', 'bar.voluntary_departure_failure_ten_year', [
      'INA-240B-d-1',
    ]);
  }
}
