import { describe, expect, it } from 'vitest';
import { bookingFor, invoicePeriod, periodOfDate, periodsFromSettings, validatePeriods, yearPeriods } from './periods.ts';

describe('invoice periods', () => {
  it.each<[number, number, string, string, string]>([
    [2023, 1, '2023-01-01', '2023-05-31', '2023-05-31'],
    [2023, 2, '2023-06-01', '2023-11-30', '2023-11-30'],
    [2023, 3, '2023-12-01', '2023-12-31', '2024-01'],
    [2024, 1, '2024-01-01', '2024-05-31', '2024-05-31'],
  ])('%d period %d is %s–%s, invoiced %s', (year, period, from, to, invoicedIn) => {
    expect(invoicePeriod(year, period)).toMatchObject({ from, to, invoicedIn });
  });

  it.each<[string, number, number]>([
    ['2026-01-01', 2026, 1],
    ['2026-05-31', 2026, 1],
    ['2026-06-01', 2026, 2],
    ['2026-11-30', 2026, 2],
    ['2026-12-31', 2026, 3],
  ])('%s is in %d period %d', (date, year, period) => expect(periodOfDate(date)).toEqual({ year, period }));

  it.each<[unknown, string | null]>([
    [[{ fromMonth: 1, toMonth: 4 }, { fromMonth: 5, toMonth: 8 }, { fromMonth: 9, toMonth: 12 }], null],
    [[{ fromMonth: 1, toMonth: 12 }], null],
    [[{ fromMonth: 1, toMonth: 4 }, { fromMonth: 6, toMonth: 12 }], 'period 2 must start in month 5'],
    [[{ fromMonth: 1, toMonth: 11 }], 'the periods must end in December'],
    [[], 'periods must be a non-empty list'],
  ])('configured periods %j → %s', (periods, error) => expect(validatePeriods(periods)).toBe(error));

  it('uses configured tertials, and falls back to the default on an invalid setting', () => {
    const tertials = periodsFromSettings({ money: { periods: [{ fromMonth: 1, toMonth: 4 }, { fromMonth: 5, toMonth: 8 }, { fromMonth: 9, toMonth: 12 }] } });
    expect(yearPeriods(2024, tertials).map((p) => `${p.from}–${p.to}`)).toEqual(['2024-01-01–2024-04-30', '2024-05-01–2024-08-31', '2024-09-01–2024-12-31']);
    expect(periodsFromSettings({ money: { periods: [{ fromMonth: 2, toMonth: 12 }] } }).length).toBe(3);
  });
});

describe('closing: booking of late time and costs', () => {
  const closed = (set: string[]) => (y: number, p: number) => set.includes(`${y}-${p}`);
  it.each<[string, string[], string, { year: number; period: number } | null]>([
    ['2026-03-10', [], '2026-03-10', null],
    ['2026-03-10', ['2026-1'], '2026-06-01', { year: 2026, period: 1 }],
    ['2026-03-10', ['2026-1', '2026-2'], '2026-12-01', { year: 2026, period: 1 }],
    ['2026-12-24', ['2026-3'], '2027-01-01', { year: 2026, period: 3 }],
    ['2026-07-01', ['2026-1'], '2026-07-01', null],
  ])('%s with closed %j → booked on %s', (date, closedSet, bookedOn, movedFrom) => {
    expect(bookingFor(date, closed(closedSet))).toEqual({ bookedOn, movedFrom });
  });
});
