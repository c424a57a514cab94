/**
 * Calendar dates with no time of day and no time zone.
 *
 * Legal periods are counted in calendar days, so a date is stored as the number of days since
 * 1970-01-01 (an "epoch day"). Arithmetic is integer arithmetic: it cannot drift with a time zone
 * or daylight-saving change, which `Date` does (the string '2024-03-01' parsed as a Date is Feb 29 in New York).
 * The conversions use the proleptic Gregorian calendar (H. Hinnant's days_from_civil algorithm).
 */

declare const epochDayBrand: unique symbol;
/** Days since 1970-01-01. */
export type PlainDate = number & { readonly [epochDayBrand]: true };

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The date for a year, month and day; throws when the day does not exist (2026-02-30). */
export function dateOf(year: number, month: number, day: number): PlainDate {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) as PlainDate;
}

export function civilOf(date: PlainDate): CivilDate {
  const z = date + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Dates already parsed: a case's dates are read several times (timeline, deadlines, screening). */
const parsed = new Map<IsoDate, PlainDate>();
const PARSED_LIMIT = 100_000;

/** Parses `YYYY-MM-DD`; throws a RangeError naming the text when it is not a real date. */
export function parseDate(text: IsoDate): PlainDate {
  let date = parsed.get(text);
  if (date === undefined) {
    const m = ISO_DATE.exec(text);
    if (!m) throw new RangeError(`not a date in YYYY-MM-DD form: ${JSON.stringify(text)}`);
    date = dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(text, date);
  }
  return date;
}

/**
 * Every step and reason names its dates, and an assessment names the same few dates many times
 * (the screening's what-if trials rebuild the same reasons), so each date is written out once.
 * Bounded: a long-running server formatting dates across centuries cannot grow it without limit.
 */
const formatted = new Map<PlainDate, IsoDate>();
const FORMATTED_LIMIT = 100_000;

export function formatDate(date: PlainDate): IsoDate {
  let text = formatted.get(date);
  if (text === undefined) {
    const { year, month, day } = civilOf(date);
    text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    formatted.set(date, text);
  }
  return text;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return (date + days) as PlainDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return to - from;
}

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** ISO weekday number: 1 = Monday ... 7 = Sunday. 1970-01-01 was a Thursday (4). */
export function isoWeekday(date: PlainDate): number {
  return ((((date + 3) % 7) + 7) % 7) + 1;
}

export function weekdayName(date: PlainDate): Weekday {
  return WEEKDAYS[isoWeekday(date) - 1]!;
}

export function isWeekend(date: PlainDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The n-th given weekday (1 = Monday) of a month, e.g. the third Monday of January. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): PlainDate {
  const first = dateOf(year, month, 1);
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

/** The last given weekday of a month, e.g. the last Monday of May. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): PlainDate {
  const last = dateOf(year, month, daysInMonth(year, month));
  const offset = (isoWeekday(last) - weekday + 7) % 7;
  return addDays(last, -offset);
}

export function yearOf(date: PlainDate): number {
  return civilOf(date).year;
}

export function minDate(a: PlainDate, b: PlainDate): PlainDate {
  return a < b ? a : b;
}

export function maxDate(a: PlainDate, b: PlainDate): PlainDate {
  return a > b ? a : b;
}
