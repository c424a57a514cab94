import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holidaysOfYear, nationwideHolidayOn } from './holidays.ts';
import { formatDate, isoWeekday, parseDate } from './plain-date.ts';

const observedTable = (year: number) =>
  Object.fromEntries(
    holidaysOfYear(year)
      .filter((h) => h.scope === 'nationwide')
      .map((h) => [h.id, formatDate(h.observed)]),
  );

describe('federal legal holidays (5 U.S.C. 6103)', () => {
  // OPM's published schedules for 2024-2028 (RULES.md A.2 table, checked against opm.gov).
  it.each([
    [
      2024,
      [
        '2024-01-01',
        '2024-01-15',
        '2024-02-19',
        '2024-05-27',
        '2024-06-19',
        '2024-07-04',
        '2024-09-02',
        '2024-10-14',
        '2024-11-11',
        '2024-11-28',
        '2024-12-25',
      ],
    ],
    [
      2025,
      [
        '2025-01-01',
        '2025-01-20',
        '2025-02-17',
        '2025-05-26',
        '2025-06-19',
        '2025-07-04',
        '2025-09-01',
        '2025-10-13',
        '2025-11-11',
        '2025-11-27',
        '2025-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-10-12',
        '2026-11-11',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-01-18',
        '2027-02-15',
        '2027-05-31',
        '2027-06-18',
        '2027-07-05',
        '2027-09-06',
        '2027-10-11',
        '2027-11-11',
        '2027-11-25',
        '2027-12-24',
      ],
    ],
    [
      2028,
      [
        '2027-12-31',
        '2028-01-17',
        '2028-02-21',
        '2028-05-29',
        '2028-06-19',
        '2028-07-04',
        '2028-09-04',
        '2028-10-09',
        '2028-11-10',
        '2028-11-23',
        '2028-12-25',
      ],
    ],
  ])('%i matches the OPM schedule', (year, observed) => {
    expect(Object.values(observedTable(year))).toEqual(observed);
  });

  it('marks Inauguration Day as DC-area only, moved off a Sunday but not off a Saturday', () => {
    const y2025 = holidaysOfYear(2025).find((h) => h.id === 'inauguration_day');
    expect(
      y2025 && { date: formatDate(y2025.date), observed: formatDate(y2025.observed), scope: y2025.scope },
    ).toEqual({
      date: '2025-01-20',
      observed: '2025-01-20',
      scope: 'dc_area',
    });
    expect(formatDate(holidaysOfYear(2013).find((h) => h.id === 'inauguration_day')!.observed)).toBe(
      '2013-01-21',
    ); // Sunday
    expect(formatDate(holidaysOfYear(2029).find((h) => h.id === 'inauguration_day')!.observed)).toBe(
      '2029-01-20',
    ); // Saturday
    expect(holidaysOfYear(2026).some((h) => h.id === 'inauguration_day')).toBe(false);
    expect(nationwideHolidayOn(parseDate('2033-01-20'))).toBeUndefined();
  });

  it('has no Juneteenth before 2021, and its first observed day was 2021-06-18', () => {
    expect(holidaysOfYear(2020).some((h) => h.id === 'juneteenth')).toBe(false);
    expect(nationwideHolidayOn(parseDate('2020-06-19'))).toBeUndefined();
    expect(observedTable(2021).juneteenth).toBe('2021-06-18');
  });

  it('finds the observed New Year of the next year on December 31', () => {
    expect(nationwideHolidayOn(parseDate('2027-12-31'))?.id).toBe('new_years_day');
    expect(nationwideHolidayOn(parseDate('2022-01-01'))).toBeUndefined(); // a Saturday; observed 2021-12-31
    expect(nationwideHolidayOn(parseDate('2021-12-31'))?.id).toBe('new_years_day');
  });

  it('has 10 nationwide holidays a year before 2021 and 11 from 2021, each once, plus Inauguration Day every fourth year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1997, max: 2100 }), (year) => {
        const list = holidaysOfYear(year);
        const nationwide = list.filter((h) => h.scope === 'nationwide');
        expect(nationwide).toHaveLength(year >= 2021 ? 11 : 10);
        expect(new Set(list.map((h) => h.id)).size).toBe(list.length);
        expect(new Set(nationwide.map((h) => h.observed)).size).toBe(nationwide.length);
        expect(list.filter((h) => h.scope === 'dc_area')).toHaveLength((year - 1969) % 4 === 0 ? 1 : 0);
        for (const h of nationwide) expect(isoWeekday(h.observed)).toBeLessThanOrEqual(5);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the date-holidays package on every observed day from 1997 to 2100, except its missing Veterans Day substitutes', () => {
    const oracle = new Holidays('US');
    const differences: string[] = [];
    for (let year = 1997; year <= 2100; year++) {
      const theirs = new Set(
        oracle
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10))
          .filter((d) => isoWeekday(parseDate(d)) <= 5),
      );
      const ours = new Set(
        [year, year + 1]
          .flatMap((y) => holidaysOfYear(y))
          .filter((h) => h.scope === 'nationwide' && formatDate(h.observed).startsWith(`${year}-`))
          .map((h) => formatDate(h.observed)),
      );
      for (const d of theirs) if (!ours.has(d)) differences.push(`missing ${d}`);
      for (const d of ours) if (!theirs.has(d)) differences.push(d);
    }
    // date-holidays does not move Veterans Day off a weekend; OPM does (e.g. Friday 2023-11-10).
    for (const d of differences) {
      expect(d).toMatch(/^\d{4}-11-1[02]$/);
      expect(nationwideHolidayOn(parseDate(d))?.id).toBe('veterans_day');
    }
    expect(differences).toContain('2023-11-10');
  });
});
