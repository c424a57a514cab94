/**
 * Counting legal periods (RULES.md A.1). Each function returns the date and the steps that
 * explain it, as codes with parameters; words are added by the renderers.
 */
import type { CitationId } from '../../../law/citations.ts';
import { nationwideHolidayOn } from './holidays.ts';
import {
  addDays,
  civilOf,
  dateOf,
  daysInMonth,
  formatDate,
  isWeekend,
  type PlainDate,
  weekdayName,
} from './plain-date.ts';

export interface Step {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface Computation {
  readonly date: PlainDate;
  readonly steps: readonly Step[];
  /** Set when the law is unsettled and another reading gives another date. */
  readonly alternative?: { readonly date: PlainDate; readonly reason: string };
}

export function isBusinessDay(date: PlainDate): boolean {
  return !isWeekend(date) && nationwideHolidayOn(date) === undefined;
}

/** Why `date` is not a business day, as a step, or undefined when it is one. */
function closedDayStep(date: PlainDate): Step | undefined {
  const holiday = nationwideHolidayOn(date);
  if (holiday) {
    return holiday.observed === holiday.date
      ? {
          code: 'day.holiday',
          params: { date: formatDate(date), weekday: weekdayName(date), holiday: holiday.name },
        }
      : {
          code: 'day.observed_holiday',
          params: {
            date: formatDate(date),
            weekday: weekdayName(date),
            holiday: holiday.name,
            legalDate: formatDate(holiday.date),
          },
        };
  }
  if (isWeekend(date))
    return { code: 'day.weekend', params: { date: formatDate(date), weekday: weekdayName(date) } };
  return undefined;
}

/**
 * A last day that is a Saturday, Sunday or legal holiday runs to the end of the next day that is
 * none of those (8 CFR 1.2; 8 CFR 1001.1(h); FRAP 26(a)(1)(C)).
 */
export function rollForward(date: PlainDate, authority: CitationId, steps: Step[]): PlainDate {
  let d = date;
  let why = closedDayStep(d);
  if (!why) return d;
  while (why) {
    // A weekend is already named by the count step's weekday; holidays need saying.
    if (why.code !== 'day.weekend') steps.push(why);
    d = addDays(d, 1);
    why = closedDayStep(d);
  }
  steps.push({ code: 'roll.forward', params: { date: formatDate(d), weekday: weekdayName(d), authority } });
  return d;
}

function rollBackward(date: PlainDate, steps: Step[]): PlainDate {
  let d = date;
  let why = closedDayStep(d);
  if (!why) return d;
  while (why) {
    if (why.code !== 'day.weekend') steps.push(why);
    d = addDays(d, -1);
    why = closedDayStep(d);
  }
  steps.push({ code: 'roll.backward', params: { date: formatDate(d), weekday: weekdayName(d) } });
  return d;
}

/**
 * "Within N days after X": X is day 0, day N is the last day, rolled forward past weekends and
 * holidays (RULES.md A.1 items 1-3).
 */
export function daysAfter(trigger: PlainDate, days: number, rollAuthority: CitationId): Computation {
  const dayN = addDays(trigger, days);
  const steps: Step[] = [
    {
      code: 'count.days_after',
      params: { days, from: formatDate(trigger), to: formatDate(dayN), weekday: weekdayName(dayN) },
    },
  ];
  const date = rollForward(dayN, rollAuthority, steps);
  return { date, steps };
}

/**
 * "At least N days before a hearing": the hearing is day 0, counting back. When day N is closed,
 * project policy (RULES.md A.1 item 4) reports the previous business day, which is timely under
 * either reading, and names the later date the Practice Manual's wording may allow.
 */
export function daysBefore(event: PlainDate, days: number): Computation {
  const dayN = addDays(event, -days);
  const steps: Step[] = [
    {
      code: 'count.days_before',
      params: { days, from: formatDate(event), to: formatDate(dayN), weekday: weekdayName(dayN) },
    },
  ];
  const date = rollBackward(dayN, steps);
  if (date === dayN) return { date, steps };
  const later = rollForward(dayN, 'ICPM-3.1-c', []);
  return { date, steps, alternative: { date: later, reason: 'backward_count_closed_day' } };
}

/**
 * The same month and day `years` later. For a Feb 29 start in a common year, `feb29` chooses Feb 28
 * (the earlier reading, for deadlines) or Mar 1 (the later reading, for earliest-allowed dates);
 * RULES.md A.1 item 6 found no source that settles it.
 */
export function anniversary(
  start: PlainDate,
  years: number,
  feb29: 'feb28' | 'mar1',
): { date: PlainDate; steps: Step[]; leapAmbiguous: boolean; other?: PlainDate } {
  const { year, month, day } = civilOf(start);
  const target = year + years;
  if (month === 2 && day === 29 && daysInMonth(target, 2) === 28) {
    const feb28 = dateOf(target, 2, 28);
    const mar1 = dateOf(target, 3, 1);
    const date = feb29 === 'feb28' ? feb28 : mar1;
    const other = feb29 === 'feb28' ? mar1 : feb28;
    return {
      date,
      other,
      leapAmbiguous: true,
      steps: [
        {
          code: 'count.anniversary_feb29',
          params: {
            years,
            from: formatDate(start),
            to: formatDate(date),
            other: formatDate(other),
            weekday: weekdayName(date),
          },
        },
      ],
    };
  }
  const date = dateOf(target, month, day);
  return {
    date,
    leapAmbiguous: false,
    steps: [
      {
        code: 'count.anniversary',
        params: { years, from: formatDate(start), to: formatDate(date), weekday: weekdayName(date) },
      },
    ],
  };
}

/**
 * "Within N years of X" as a deadline: the anniversary is the last timely day (Minasyan v. Mukasey),
 * rolled forward. A Feb 29 start uses Feb 28 and warns, unless both readings meet after the roll.
 */
export function yearsAfter(trigger: PlainDate, years: number, rollAuthority: CitationId): Computation {
  const a = anniversary(trigger, years, 'feb28');
  const steps = [...a.steps];
  const date = rollForward(a.date, rollAuthority, steps);
  if (a.leapAmbiguous && a.other !== undefined) {
    const otherRolled = rollForward(a.other, rollAuthority, []);
    if (otherRolled !== date)
      return { date, steps, alternative: { date: otherRolled, reason: 'feb29_anniversary' } };
    steps.push({ code: 'count.feb29_readings_agree', params: { date: formatDate(date) } });
  }
  return { date, steps };
}

/** "Within N working days": weekends and holidays are skipped in the count (RULES.md A.1 item 5). */
export function workingDaysAfter(trigger: PlainDate, days: number): Computation {
  let d = trigger;
  let counted = 0;
  const skipped: string[] = [];
  while (counted < days) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) counted++;
    else skipped.push(formatDate(d));
  }
  return {
    date: d,
    steps: [
      {
        code: 'count.working_days_after',
        params: {
          days,
          from: formatDate(trigger),
          to: formatDate(d),
          weekday: weekdayName(d),
          skipped: skipped.length,
        },
      },
    ],
  };
}

/** An earliest-allowed date ("not before N days after X"): never rolled (RULES.md A.1 item 7). */
export function earliestAfterDays(trigger: PlainDate, days: number): Computation {
  const date = addDays(trigger, days);
  return {
    date,
    steps: [
      {
        code: 'count.days_after',
        params: { days, from: formatDate(trigger), to: formatDate(date), weekday: weekdayName(date) },
      },
      { code: 'earliest.no_roll', params: { date: formatDate(date) } },
    ],
  };
}
