/**
 * A case's events in the order they happened, each with its place in the input so an error can
 * name it. Sorting makes the result independent of the order of events in the file.
 */
import { formatDate, type PlainDate, parseDate } from '../time/plain-date.ts';
import type { CaseEvent, CaseFacts, EventOf, EventType } from './case-facts.ts';
import { FactsError } from './errors.ts';

export interface TimedEvent<E extends CaseEvent = CaseEvent> {
  readonly event: E;
  readonly on: PlainDate;
  /** Index in the input's `events` array. */
  readonly index: number;
}

/** Same-day events in the order the process produces them. */
const SAME_DAY_ORDER: readonly EventType[] = [
  'arrival',
  'departure',
  'expedited_removal',
  'credible_fear_determination',
  'asylum_filed',
  'ead_filed',
  'ead_clock_stopped',
  'ead_clock_resumed',
  'uscis_referral',
  'nta_filed',
  'hearing_notice',
  'address_change',
  'recalendared',
  'administrative_closure',
  'withdrawal',
  'in_absentia_order',
  'ij_decision',
  'asylum_granted',
  'appeal_waived',
  'voluntary_departure_bond_posted',
  'bia_appeal_filed',
  'briefing_schedule',
  'brief_filed',
  'bia_decision',
  'motion_to_reconsider_filed',
  'motion_to_reopen_filed',
  'motion_decision',
  'petition_for_review_filed',
  'petition_for_review_decision',
  'annual_asylum_fee_notice',
  'annual_asylum_fee_paid',
  'i730_filed',
];
const rank = new Map(SAME_DAY_ORDER.map((t, i) => [t, i]));

export class Timeline {
  readonly asOf: PlainDate;
  readonly events: readonly TimedEvent[];

  constructor(facts: CaseFacts) {
    this.asOf = parseDate(facts.asOf);
    const timed = facts.events.map((event, index) => ({ event, on: parseDate(event.date), index }));
    for (const t of timed) {
      if (t.on > this.asOf) {
        throw new FactsError(
          'event_after_as_of',
          `events[${t.index}] (${t.event.type}) is dated ${t.event.date}, after the as-of date ${facts.asOf}; events are what has already happened`,
          ['events', t.index, 'date'],
        );
      }
    }
    timed.sort(
      (a, b) =>
        a.on - b.on || (rank.get(a.event.type) ?? 99) - (rank.get(b.event.type) ?? 99) || a.index - b.index,
    );
    this.events = timed;
  }

  all<T extends EventType>(type: T): TimedEvent<EventOf<T>>[] {
    return this.events.filter((t): t is TimedEvent<EventOf<T>> => t.event.type === type);
  }

  first<T extends EventType>(type: T): TimedEvent<EventOf<T>> | undefined {
    return this.events.find((t): t is TimedEvent<EventOf<T>> => t.event.type === type);
  }

  last<T extends EventType>(type: T): TimedEvent<EventOf<T>> | undefined {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const t = this.events[i]!;
      if (t.event.type === type) return t as TimedEvent<EventOf<T>>;
    }
    return undefined;
  }

  /** Events of `type` strictly after `after` in timeline order. */
  since<T extends EventType>(type: T, after: TimedEvent): TimedEvent<EventOf<T>>[] {
    const start = this.events.indexOf(after);
    return this.events.slice(start + 1).filter((t): t is TimedEvent<EventOf<T>> => t.event.type === type);
  }

  /** Whether any of `types` happens strictly after `after` in timeline order. */
  anyAfter(after: TimedEvent, ...types: EventType[]): boolean {
    const start = this.events.indexOf(after);
    return this.events.slice(start + 1).some((t) => types.includes(t.event.type));
  }
}

function describe(t: TimedEvent): string {
  return `events[${t.index}] (${t.event.type} on ${formatDate(t.on)})`;
}

function impossible(t: TimedEvent, why: string): FactsError {
  return new FactsError('impossible_sequence', `${describe(t)} ${why}`, ['events', t.index]);
}

/**
 * Sequences that cannot happen. A wrong answer from impossible facts would be worse than an
 * error, so each one names the event at fault.
 */
export function checkSequence(timeline: Timeline, birthDate?: PlainDate): void {
  const seen = new Set<EventType>();
  for (const t of timeline.events) {
    const e = t.event;
    if (birthDate !== undefined && t.on < birthDate) {
      throw impossible(t, 'is dated before the person was born');
    }
    switch (e.type) {
      case 'bia_decision':
        if (!seen.has('ij_decision'))
          throw impossible(
            t,
            'comes before any ij_decision: the BIA reviews decisions of an immigration judge',
          );
        break;
      case 'bia_appeal_filed':
        if (!seen.has('ij_decision'))
          throw impossible(t, 'comes before any ij_decision: there is nothing to appeal');
        break;
      case 'appeal_waived':
        if (!seen.has('ij_decision'))
          throw impossible(t, 'comes before any ij_decision: appeal can only be waived after a decision');
        break;
      case 'petition_for_review_filed':
        if (!seen.has('bia_decision') && !seen.has('motion_decision'))
          throw impossible(
            t,
            'comes before any bia_decision: a petition for review challenges a final order of the BIA',
          );
        break;
      case 'petition_for_review_decision':
        if (!seen.has('petition_for_review_filed'))
          throw impossible(t, 'comes before any petition_for_review_filed');
        break;
      case 'motion_decision':
        if (!seen.has('motion_to_reopen_filed') && !seen.has('motion_to_reconsider_filed'))
          throw impossible(t, 'comes before any motion was filed');
        break;
      case 'hearing_notice':
        if (e.hearingDate < e.date)
          throw impossible(t, `sets a hearing on ${e.hearingDate}, before the notice itself`);
        break;
      case 'ead_clock_resumed':
        if (!seen.has('ead_clock_stopped')) throw impossible(t, 'comes before any ead_clock_stopped');
        break;
      case 'departure':
        if (e.returnDate !== undefined && e.returnDate < e.date)
          throw impossible(t, `returns on ${e.returnDate}, before leaving`);
        if (e.returnDate !== undefined && parseDate(e.returnDate) > timeline.asOf)
          throw new FactsError(
            'event_after_as_of',
            `${describe(t)} returns on ${e.returnDate}, after the as-of date`,
            ['events', t.index, 'returnDate'],
          );
        break;
      case 'ij_decision':
      case 'in_absentia_order': {
        const nta = timeline.first('nta_filed');
        const referral = timeline.first('uscis_referral');
        if (nta && nta.on > t.on && !referral)
          throw impossible(t, `comes before the notice to appear was filed (${nta.event.date})`);
        break;
      }
      case 'asylum_granted': {
        const filed = timeline.first('asylum_filed');
        if (filed && filed.on > t.on)
          throw impossible(t, `comes before the asylum application was filed (${filed.event.date})`);
        break;
      }
      case 'asylum_filed':
        if (e.mailedDate !== undefined && e.mailedDate > e.date)
          throw new FactsError(
            'impossible_sequence',
            `${describe(t)} was mailed on ${e.mailedDate}, after it was received`,
            ['events', t.index, 'mailedDate'],
          );
        break;
    }
    seen.add(e.type);
  }
}
