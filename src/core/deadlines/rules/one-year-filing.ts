/**
 * The one-year asylum filing deadline: INA 208(a)(2)(B); 8 CFR 208.4(a)(2).
 * The clock runs from the last arrival (Matter of F-P-R-), or from 1997-04-01 for earlier
 * arrivals; the anniversary is the last timely day, rolled forward (RULES.md B.1).
 */
import type { Step } from '../../time/periods.ts';
import { formatDate, maxDate, parseDate } from '../../time/plain-date.ts';
import type { RuleContext } from '../context.ts';
import { applyPeriod, build, type Deadline } from '../deadline.ts';
import { versionInForce } from '../rule-versions.ts';

const RULE_START = parseDate('1997-04-01');

export function oneYearFiling(ctx: RuleContext): Deadline[] {
  const { timeline } = ctx;
  const arrival = timeline.last('arrival');
  if (!arrival) {
    if (ctx.posture.posture !== 'granted')
      ctx.notTriggered.push({ id: 'one_year_filing', reason: 'needs.arrival_date' });
    return [];
  }
  const start = maxDate(arrival.on, RULE_START);
  const version = versionInForce('one_year_filing', start);
  const computed = applyPeriod(version, start);
  const notes: Step[] = [];
  if (start !== arrival.on)
    notes.push({ code: 'one_year.counts_from_1997', params: { arrival: arrival.event.date } });

  // A withdrawn application no longer counts: a new I-589 faces the deadline again (RULES.md D).
  const lastWithdrawal = timeline.last('withdrawal');
  const filing = timeline.all('asylum_filed').find((f) => !lastWithdrawal || f.on > lastWithdrawal.on);
  let doneOn = filing?.on;
  if (
    filing &&
    filing.event.forum === 'uscis' &&
    filing.event.mailedDate !== undefined &&
    filing.on > computed.due
  ) {
    const mailed = parseDate(filing.event.mailedDate);
    if (mailed <= computed.due) {
      if (filing.event.mailingProof === true) {
        doneOn = mailed;
        notes.push({ code: 'one_year.mailing_date_counts', params: { mailed: filing.event.mailedDate } });
      } else {
        notes.push({ code: 'one_year.mailing_needs_proof', params: { mailed: filing.event.mailedDate } });
      }
    }
  }
  if (filing && filing.event.forum === 'immigration_court' && filing.event.mailedDate !== undefined) {
    notes.push({ code: 'one_year.court_counts_receipt', params: {} });
  }

  const late = doneOn === undefined ? computed.due < ctx.asOf : doneOn > computed.due;
  if (arrival.event.unaccompanied === true) {
    notes.push({ code: 'one_year.unaccompanied_child_exempt', params: {} });
  } else if (late) {
    notes.push({ code: 'one_year.exceptions', params: {} }, { code: 'one_year.mendez_rojas', params: {} });
  }
  if (arrival.event.advanceParole === true)
    notes.push({ code: 'one_year.advance_parole_uncertain', params: {} });
  if (computed.alternativeDue) {
    notes.push({
      code: 'one_year.feb29_uncertain',
      params: { other: formatDate(computed.alternativeDue.date) },
    });
  }
  notes.push({ code: 'one_year.asylum_only', params: {} });
  return [
    build(version, arrival, computed, ctx.asOf, {
      ...(doneOn !== undefined ? { doneOn } : {}),
      notes,
      triggerDate: start,
    }),
  ];
}
