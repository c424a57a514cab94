/** A computed deadline: the result of applying one dated rule to one triggering event. */
import type { CitationId } from '../../../law/citations.ts';
import type { DeadlineId, DeadlineVersion, Forum } from '../../../law/deadlines.ts';
import type { EventType } from '../facts/case-facts.ts';
import type { TimedEvent } from '../facts/timeline.ts';
import {
  anniversary,
  daysAfter,
  daysBefore,
  earliestAfterDays,
  type Step,
  workingDaysAfter,
  yearsAfter,
} from '../time/periods.ts';
import { addDays, formatDate, type PlainDate } from '../time/plain-date.ts';

export type DeadlineStatus = 'upcoming' | 'passed' | 'met';

export interface Deadline {
  readonly id: DeadlineId;
  readonly kind: 'deadline' | 'earliest';
  readonly due: PlainDate;
  readonly status: DeadlineStatus;
  readonly authority: readonly CitationId[];
  readonly forum: Forum;
  readonly form: string | null;
  /** What started the period: an event of the case (its index in the input) or the person's birth date. */
  readonly trigger: {
    readonly event: EventType | 'person.birthDate';
    readonly date: PlainDate;
    readonly index: number | null;
  };
  readonly steps: readonly Step[];
  /** Things a person must know about this deadline: exceptions, doubts, late filings. */
  readonly notes: readonly Step[];
  /** When the action was taken, if it was. */
  readonly doneOn?: PlainDate;
  /** Another date a reasonable reading of unsettled law gives. */
  readonly alternativeDue?: { readonly date: PlainDate; readonly reason: string };
  readonly inForce: DeadlineVersion['inForce'];
}

export interface Computed {
  readonly due: PlainDate;
  readonly steps: readonly Step[];
  readonly alternativeDue?: { readonly date: PlainDate; readonly reason: string };
}

/** Applies a version's period to a trigger date. */
export function applyPeriod(version: DeadlineVersion, trigger: PlainDate, extraDays = 0): Computed {
  const p = version.period;
  const roll = version.rollAuthority ?? '8-CFR-1.2';
  if (version.kind === 'earliest') {
    if (p.unit === 'years') {
      // For a date one may not act before, the later reading of a Feb 29 anniversary is the safe one.
      const a = anniversary(trigger, p.length, 'mar1');
      const steps: Step[] = [...a.steps];
      const due = addDays(a.date, extraDays);
      if (extraDays > 0)
        steps.push({ code: 'count.extra_days', params: { days: extraDays, to: formatDate(due) } });
      steps.push({ code: 'earliest.no_roll', params: { date: formatDate(due) } });
      return { due, steps };
    }
    const c = earliestAfterDays(trigger, p.length + extraDays);
    return { due: c.date, steps: c.steps };
  }
  switch (p.unit) {
    case 'days': {
      const c =
        p.direction === 'after'
          ? daysAfter(trigger, p.length + extraDays, roll)
          : daysBefore(trigger, p.length);
      return { due: c.date, steps: c.steps, ...(c.alternative ? { alternativeDue: c.alternative } : {}) };
    }
    case 'working_days': {
      const c = workingDaysAfter(trigger, p.length);
      return { due: c.date, steps: c.steps };
    }
    case 'years': {
      const c = yearsAfter(trigger, p.length, roll);
      return { due: c.date, steps: c.steps, ...(c.alternative ? { alternativeDue: c.alternative } : {}) };
    }
  }
}

export interface StatusInput {
  readonly kind: 'deadline' | 'earliest';
  readonly due: PlainDate;
  readonly asOf: PlainDate;
  /** The day the required action was taken, if it was. */
  readonly doneOn?: PlainDate;
}

/**
 * `met` when done on time (for an earliest date: done on or after it), `passed` when the last day
 * is behind us (for an earliest date: when it has arrived), `upcoming` otherwise.
 */
export function statusOf({ kind, due, asOf, doneOn }: StatusInput): DeadlineStatus {
  if (kind === 'deadline') {
    if (doneOn !== undefined && doneOn <= due) return 'met';
    return due < asOf || doneOn !== undefined ? 'passed' : 'upcoming';
  }
  if (doneOn !== undefined && doneOn >= due) return 'met';
  return due <= asOf ? 'passed' : 'upcoming';
}

/** A trigger that is not an event of the case. */
export interface BirthTrigger {
  readonly birthDate: PlainDate;
}

export function build(
  version: DeadlineVersion,
  trigger: TimedEvent | BirthTrigger,
  computed: Computed,
  asOf: PlainDate,
  extra: { doneOn?: PlainDate; notes?: Step[]; triggerDate?: PlainDate } = {},
): Deadline {
  return {
    id: version.id,
    kind: version.kind,
    due: computed.due,
    status: statusOf({
      kind: version.kind,
      due: computed.due,
      asOf,
      ...(extra.doneOn !== undefined ? { doneOn: extra.doneOn } : {}),
    }),
    authority: version.authority,
    forum: version.forum,
    form: version.form,
    trigger:
      'birthDate' in trigger
        ? { event: 'person.birthDate', date: extra.triggerDate ?? trigger.birthDate, index: null }
        : { event: trigger.event.type, date: extra.triggerDate ?? trigger.on, index: trigger.index },
    steps: computed.steps,
    notes: [
      ...(version.uncertain ? [{ code: `uncertain.${version.uncertain}`, params: {} }] : []),
      ...(extra.notes ?? []),
    ],
    ...(extra.doneOn !== undefined ? { doneOn: extra.doneOn } : {}),
    ...(computed.alternativeDue ? { alternativeDue: computed.alternativeDue } : {}),
    inForce: version.inForce,
  };
}
