import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationwideHolidayOn } from './holidays.ts';
import {
  anniversary,
  daysAfter,
  daysBefore,
  isBusinessDay,
  workingDaysAfter,
  yearsAfter,
} from './periods.ts';
import { addDays, formatDate, isWeekend, type PlainDate, parseDate } from './plain-date.ts';

const anyDate = fc
  .integer({ min: parseDate('1997-01-01'), max: parseDate('2099-12-31') })
  .map((n) => n as PlainDate);

describe('counting periods (RULES.md A.1)', () => {
  it('a forward deadline is never on a weekend or holiday, never before trigger + N, and only as late as the roll needs', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (trigger, n) => {
        const { date } = daysAfter(trigger, n, '8-CFR-1.2');
        expect(isWeekend(date)).toBe(false);
        expect(nationwideHolidayOn(date)).toBeUndefined();
        expect(date).toBeGreaterThanOrEqual(trigger + n);
        for (let d = trigger + n; d < date; d++) expect(isBusinessDay(d as PlainDate)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('a backward deadline is never after hearing - N and is a business day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (hearing, n) => {
        const c = daysBefore(hearing, n);
        expect(c.date).toBeLessThanOrEqual(hearing - n);
        expect(isBusinessDay(c.date)).toBe(true);
        if (c.alternative) expect(c.alternative.date).toBeGreaterThan(hearing - n);
      }),
      { numRuns: 3000 },
    );
  });

  it('working days skip weekends and holidays and land on a business day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 20 }), (trigger, n) => {
        const { date } = workingDaysAfter(trigger, n);
        expect(isBusinessDay(date)).toBe(true);
        let count = 0;
        for (let d = trigger + 1; d <= date; d++) if (isBusinessDay(d as PlainDate)) count++;
        expect(count).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('uses the anniversary as the last timely day (Minasyan: arrival 2001-04-09, filing 2002-04-09 timely)', () => {
    expect(formatDate(yearsAfter(parseDate('2001-04-09'), 1, '8-CFR-208.4-a-2').date)).toBe('2002-04-09');
  });

  it('reads a Feb 29 anniversary as Feb 28 for deadlines and Mar 1 for earliest dates', () => {
    expect(formatDate(anniversary(parseDate('2024-02-29'), 1, 'feb28').date)).toBe('2025-02-28');
    expect(formatDate(anniversary(parseDate('2024-02-29'), 1, 'mar1').date)).toBe('2025-03-01');
    expect(formatDate(anniversary(parseDate('2024-02-29'), 4, 'feb28').date)).toBe('2028-02-29');
    const rolled = yearsAfter(parseDate('2020-02-29'), 1, '8-CFR-208.4-a-2');
    expect(formatDate(rolled.date)).toBe('2021-03-01'); // Feb 28 2021 is a Sunday: both readings meet
    expect(rolled.alternative).toBeUndefined();
    const ambiguous = yearsAfter(parseDate('2024-02-29'), 1, '8-CFR-208.4-a-2');
    expect(formatDate(ambiguous.date)).toBe('2025-02-28');
    expect(ambiguous.alternative && formatDate(ambiguous.alternative.date)).toBe('2025-03-03');
  });

  it('moves a backward count off a holiday to the previous business day and names the later reading', () => {
    // RULES.md A.1 item 4: master hearing Mon 2027-03-01; day 15 is Sun 2027-02-14.
    const c = daysBefore(parseDate('2027-03-01'), 15);
    expect(formatDate(c.date)).toBe('2027-02-12');
    expect(c.alternative && formatDate(c.alternative.date)).toBe('2027-02-16');
  });

  it('explains a roll with the holiday and the authority', () => {
    const c = daysAfter(parseDate('2025-05-20'), 30, '8-CFR-1003.38-b');
    expect(formatDate(c.date)).toBe('2025-06-20');
    expect(c.steps.map((s) => s.code)).toEqual(['count.days_after', 'day.holiday', 'roll.forward']);
    expect(c.steps[2]?.params.authority).toBe('8-CFR-1003.38-b');
  });

  it('does not roll across a Juneteenth that did not exist yet (2020-06-19 was a working Friday)', () => {
    expect(formatDate(daysAfter(parseDate('2020-05-20'), 30, '8-CFR-1.2').date)).toBe('2020-06-19');
    expect(formatDate(addDays(parseDate('2020-06-19'), 0))).toBe('2020-06-19');
  });
});
