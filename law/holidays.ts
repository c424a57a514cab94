import type { CitationId } from './citations.ts';

/**
 * Federal legal public holidays, 5 U.S.C. 6103(a), as data.
 *
 * `fixed` holidays fall on a month and day and are observed on another day when that is a
 * weekend (6103(b); EO 11582 sec. 3(a)); `nthWeekday` and `lastWeekday` holidays always fall on
 * a Monday or Thursday. `from`/`until` bound the years a holiday exists (inclusive).
 */
export type HolidayRule =
  | { readonly kind: 'fixed'; readonly month: number; readonly day: number }
  | { readonly kind: 'nthWeekday'; readonly month: number; readonly weekday: number; readonly n: number }
  | { readonly kind: 'lastWeekday'; readonly month: number; readonly weekday: number };

export interface HolidayDefinition {
  readonly id: string;
  readonly name: string;
  readonly rule: HolidayRule;
  /** First year the holiday exists. */
  readonly fromYear: number;
  readonly untilYear?: number;
  readonly authority: readonly CitationId[];
}

const MONDAY = 1;
const THURSDAY = 4;

export const NATIONWIDE_HOLIDAYS: readonly HolidayDefinition[] = [
  {
    id: 'new_years_day',
    name: "New Year's Day",
    rule: { kind: 'fixed', month: 1, day: 1 },
    fromYear: 1870,
    authority: ['5-USC-6103-a'],
  },
  {
    id: 'martin_luther_king_jr_birthday',
    name: 'Birthday of Martin Luther King, Jr.',
    rule: { kind: 'nthWeekday', month: 1, weekday: MONDAY, n: 3 },
    fromYear: 1986,
    authority: ['5-USC-6103-a'],
  },
  {
    id: 'washingtons_birthday',
    name: "Washington's Birthday",
    rule: { kind: 'nthWeekday', month: 2, weekday: MONDAY, n: 3 },
    fromYear: 1971,
    authority: ['5-USC-6103-a'],
  },
  {
    id: 'memorial_day',
    name: 'Memorial Day',
    rule: { kind: 'lastWeekday', month: 5, weekday: MONDAY },
    fromYear: 1971,
    authority: ['5-USC-6103-a'],
  },
  {
    id: 'juneteenth',
    name: 'Juneteenth National Independence Day',
    rule: { kind: 'fixed', month: 6, day: 19 },
    // Signed 2021-06-17; 2021-06-19 was a Saturday, so the first observed day was Friday 2021-06-18.
    fromYear: 2021,
    authority: ['5-USC-6103-a', 'PL-117-17'],
  },
  {
    id: 'independence_day',
    name: 'Independence Day',
    rule: { kind: 'fixed', month: 7, day: 4 },
    fromYear: 1870,
    authority: ['5-USC-6103-a'],
  },
  {
    id: 'labor_day',
    name: 'Labor Day',
    rule: { kind: 'nthWeekday', month: 9, weekday: MONDAY, n: 1 },
    fromYear: 1894,
    authority: ['5-USC-6103-a'],
  },
  {
    id: 'columbus_day',
    name: 'Columbus Day',
    rule: { kind: 'nthWeekday', month: 10, weekday: MONDAY, n: 2 },
    fromYear: 1971,
    authority: ['5-USC-6103-a'],
  },
  {
    id: 'veterans_day',
    name: 'Veterans Day',
    rule: { kind: 'fixed', month: 11, day: 11 },
    fromYear: 1978,
    authority: ['5-USC-6103-a'],
  },
  {
    id: 'thanksgiving_day',
    name: 'Thanksgiving Day',
    rule: { kind: 'nthWeekday', month: 11, weekday: THURSDAY, n: 4 },
    fromYear: 1942,
    authority: ['5-USC-6103-a'],
  },
  {
    id: 'christmas_day',
    name: 'Christmas Day',
    rule: { kind: 'fixed', month: 12, day: 25 },
    fromYear: 1870,
    authority: ['5-USC-6103-a'],
  },
];

/**
 * Inauguration Day, 5 U.S.C. 6103(c): January 20 of every fourth year after 1965, a holiday only for
 * federal employees in the District of Columbia and the listed Maryland and Virginia counties and
 * cities. When January 20 is a Sunday the holiday is the Monday after; there is no Friday in lieu
 * for a Saturday. It does not move nationwide deadlines.
 */
export const INAUGURATION_DAY = {
  id: 'inauguration_day',
  name: 'Inauguration Day',
  firstYear: 1969,
  everyYears: 4,
  month: 1,
  day: 20,
  scope: 'dc_area',
  authority: ['5-USC-6103-c'] as readonly CitationId[],
} as const;

/** The years the holiday calendar is declared for (the CLI refuses others). */
export const HOLIDAY_YEARS = { from: 1997, to: 2100 } as const;

/**
 * Days the federal government closed by executive order that are not 6103(a) holidays. Whether they
 * extend a filing deadline is uncertain (RULES.md A.2): the core warns when a due date falls on
 * one and advises filing before it, but does not move the date.
 */
export const AD_HOC_CLOSURES: readonly { readonly date: string; readonly source: string }[] = [
  { date: '2019-12-24', source: 'Executive Order 13900 (2019-12-17)' },
  { date: '2020-12-24', source: 'Executive Order 13961 (2020-12-11)' },
  { date: '2024-12-24', source: 'Executive Order of 2024-12-19' },
  { date: '2025-12-24', source: 'Executive Order of 2025-12-18' },
  { date: '2025-12-26', source: 'Executive Order of 2025-12-18' },
];
