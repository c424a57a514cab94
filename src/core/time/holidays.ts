import type { CitationId } from '../../../law/citations.ts';
import {
  AD_HOC_CLOSURES,
  type HolidayRule,
  INAUGURATION_DAY,
  NATIONWIDE_HOLIDAYS,
} from '../../../law/holidays.ts';
import {
  addDays,
  dateOf,
  isoWeekday,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  type PlainDate,
  parseDate,
  yearOf,
} from './plain-date.ts';

export type HolidayScope = 'nationwide' | 'dc_area';

export interface Holiday {
  readonly id: string;
  readonly name: string;
  /** The legal date of the holiday. */
  readonly date: PlainDate;
  /** The day off: differs from `date` when a fixed holiday falls on a weekend. */
  readonly observed: PlainDate;
  readonly scope: HolidayScope;
  readonly authority: readonly CitationId[];
}

function legalDate(rule: HolidayRule, year: number): PlainDate {
  switch (rule.kind) {
    case 'fixed':
      return dateOf(year, rule.month, rule.day);
    case 'nthWeekday':
      return nthWeekdayOfMonth(year, rule.month, rule.weekday, rule.n);
    case 'lastWeekday':
      return lastWeekdayOfMonth(year, rule.month, rule.weekday);
  }
}

/** Saturday -> the Friday before (5 U.S.C. 6103(b)); Sunday -> the Monday after (EO 11582 sec. 3(a)). */
function observedDay(date: PlainDate): PlainDate {
  const weekday = isoWeekday(date);
  if (weekday === 6) return addDays(date, -1);
  if (weekday === 7) return addDays(date, 1);
  return date;
}

const cache = new Map<number, readonly Holiday[]>();

/**
 * The holidays whose legal date falls in `year`, in date order, Inauguration Day included with
 * scope `dc_area`. An observed day may fall in the year before: New Year's Day 2028 (a Saturday)
 * is observed on Friday 2027-12-31 and is listed under 2028, its legal year.
 */
export function holidaysOfYear(year: number): readonly Holiday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const list: Holiday[] = [];
  for (const def of NATIONWIDE_HOLIDAYS) {
    if (year < def.fromYear || (def.untilYear !== undefined && year > def.untilYear)) continue;
    const date = legalDate(def.rule, year);
    list.push({
      id: def.id,
      name: def.name,
      date,
      observed: def.rule.kind === 'fixed' ? observedDay(date) : date,
      scope: 'nationwide',
      authority: def.authority,
    });
  }
  if (
    year >= INAUGURATION_DAY.firstYear &&
    (year - INAUGURATION_DAY.firstYear) % INAUGURATION_DAY.everyYears === 0
  ) {
    const date = dateOf(year, INAUGURATION_DAY.month, INAUGURATION_DAY.day);
    list.push({
      id: INAUGURATION_DAY.id,
      name: INAUGURATION_DAY.name,
      date,
      // 6103(c): Sunday -> Monday; no Friday in lieu of a Saturday.
      observed: isoWeekday(date) === 7 ? addDays(date, 1) : date,
      scope: INAUGURATION_DAY.scope,
      authority: INAUGURATION_DAY.authority,
    });
  }
  list.sort((a, b) => a.date - b.date || a.observed - b.observed);
  const frozen = Object.freeze(list);
  cache.set(year, frozen);
  return frozen;
}

/**
 * Nationwide holidays by the day they are observed, filled a year at a time: rolling a deadline asks
 * about every day it passes, so the answer is a lookup rather than a walk through two years' lists.
 */
const observedNationwide = new Map<PlainDate, Holiday>();
const indexedYears = new Set<number>();

/** The nationwide holiday observed on `date`, if any (looks into the next year for Dec 31). */
export function nationwideHolidayOn(date: PlainDate): Holiday | undefined {
  const year = yearOf(date);
  for (const y of [year, year + 1]) {
    if (indexedYears.has(y)) continue;
    indexedYears.add(y);
    for (const h of holidaysOfYear(y)) {
      // The first listed holiday for a day wins, as a walk through the year's list would find it.
      if (h.scope === 'nationwide' && !observedNationwide.has(h.observed))
        observedNationwide.set(h.observed, h);
    }
  }
  return observedNationwide.get(date);
}

/** Inauguration Day (DC area only) observed on `date`, if any. */
export function inaugurationDayOn(date: PlainDate): Holiday | undefined {
  return holidaysOfYear(yearOf(date)).find((h) => h.scope === 'dc_area' && h.observed === date);
}

const closures = new Map(AD_HOC_CLOSURES.map((c) => [parseDate(c.date), c.source]));

/** The executive order that closed federal offices on `date`, if any (not a 6103 holiday). */
export function adHocClosureOn(date: PlainDate): string | undefined {
  return closures.get(date);
}
