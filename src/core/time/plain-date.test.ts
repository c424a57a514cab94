import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOf,
  daysInMonth,
  formatDate,
  isIsoDate,
  isoWeekday,
  parseDate,
  weekdayName,
} from './plain-date.ts';

describe('plain dates', () => {
  it('counts days from 1970-01-01', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('1970-01-02')).toBe(1);
    expect(parseDate('1969-12-31')).toBe(-1);
    expect(parseDate('2000-03-01') - parseDate('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(parseDate('1900-03-01') - parseDate('1900-02-28')).toBe(1); // 1900 is not
  });

  it('knows weekdays', () => {
    expect(weekdayName(parseDate('2026-11-22'))).toBe('Sunday');
    expect(weekdayName(parseDate('2027-12-31'))).toBe('Friday');
    expect(isoWeekday(parseDate('1970-01-01'))).toBe(4);
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseDate('2025-02-29')).toThrow(RangeError);
    expect(() => parseDate('2026-13-01')).toThrow(RangeError);
    expect(() => parseDate('26-01-01')).toThrow(RangeError);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('round-trips every date from 1900 to 2100 and agrees with the proleptic Gregorian calendar', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          fc.pre(d <= daysInMonth(y, m));
          const date = dateOf(y, m, d);
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(formatDate(date)).toBe(iso);
          // Date.UTC is used here only as an independent oracle for the day count.
          expect(date).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('adds days across month and year ends', () => {
    expect(formatDate(addDays(parseDate('2025-12-31'), 1))).toBe('2026-01-01');
    expect(formatDate(addDays(parseDate('2024-02-28'), 1))).toBe('2024-02-29');
    expect(formatDate(addDays(parseDate('2026-03-01'), -1))).toBe('2026-02-28');
  });
});
