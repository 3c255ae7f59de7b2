import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isoWeekday } from './dates.ts';
import { formatRfc3339, isClockTime, localDateOf, parseClockTime, startOfDay, zonedDateTime } from './time.ts';

const ZONE = 'Europe/Stockholm';

describe('zonedDateTime (compatible disambiguation)', () => {
  it.each([
    ['2026-01-15', '16:30', '2026-01-15T16:30:00+01:00'],
    ['2026-07-15', '00:00', '2026-07-15T00:00:00+02:00'],
    ['2026-03-29', '01:59', '2026-03-29T01:59:00+01:00'],
    ['2026-03-29', '02:00', '2026-03-29T03:00:00+02:00'], // in the spring gap: moves forward
    ['2026-03-29', '02:30', '2026-03-29T03:30:00+02:00'],
    ['2026-03-29', '03:00', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25', '01:59', '2026-10-25T01:59:00+02:00'],
    ['2026-10-25', '02:00', '2026-10-25T02:00:00+02:00'], // repeated: first occurrence
    ['2026-10-25', '02:59', '2026-10-25T02:59:00+02:00'],
    ['2026-10-25', '03:00', '2026-10-25T03:00:00+01:00'],
  ])('%s %s → %s', (date, time, expected) => {
    expect(formatRfc3339(zonedDateTime(date, time, ZONE))).toBe(expected);
  });
});

describe('localDateOf', () => {
  it.each([
    ['2026-05-15T21:59:59Z', '2026-05-15'],
    ['2026-05-15T22:00:00Z', '2026-05-16'], // 00:00 summer time
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'], // 00:00 winter time
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-10-25T01:30:00+01:00', '2026-10-25'],
  ])('%s → %s', (instant, expected) => {
    expect(localDateOf(instant, ZONE)).toBe(expected);
    expect(localDateOf(Temporal.Instant.from(instant), ZONE)).toBe(expected);
  });

  it('rejects a time without an offset', () => {
    expect(() => localDateOf('2026-05-15T12:00:00', ZONE)).toThrow(RangeError);
  });
});

describe('startOfDay', () => {
  it.each([
    ['2026-03-29', '2026-03-29T00:00:00+01:00'],
    ['2026-10-25', '2026-10-25T00:00:00+02:00'],
  ])('%s → %s', (date, expected) => {
    expect(formatRfc3339(startOfDay(date, ZONE))).toBe(expected);
  });
});

describe('clock times', () => {
  it.each([
    ['00:00', true],
    ['02:00', true],
    ['23:59', true],
    ['24:00', false],
    ['2:00', false],
    ['12:60', false],
    ['12:00:00', false],
    ['', false],
  ])('%j valid: %s', (value, valid) => {
    expect(isClockTime(value)).toBe(valid);
    if (!valid) expect(() => parseClockTime(value)).toThrow(RangeError);
  });
});

describe('dates', () => {
  it.each([
    ['2026-05-14', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-5-14', false],
    ['20260514', false],
    ['+002026-05-14', false],
  ])('isIsoDate(%j) = %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts days and weekdays', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
    expect(isoWeekday('2026-05-11')).toBe(1);
    expect(isoWeekday('2026-05-17')).toBe(7);
  });
});
