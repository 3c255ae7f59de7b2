import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDateWithWeekday, formatDuration, formatKronor, formatMoment, formatWindow, fromStockholmLocal, isoWeekday, isValidMonth, monthRange, stockholmDate, stockholmHour, toStockholmLocal } from './format.ts';

describe('Stockholm wall-clock formatting', () => {
  const monday2000 = new Date('2026-11-23T19:00:00Z'); // Monday 20:00 in Stockholm (CET)

  it('shows a time today, or in the coming night, without a weekday', () => {
    expect(formatMoment('2026-11-23T16:30:00+01:00', new Date('2026-11-23T08:00:00Z'))).toBe('16:30');
    expect(formatMoment('2026-11-24T02:00:00+01:00', monday2000)).toBe('02:00');
  });

  it('adds the weekday when the moment is further away', () => {
    expect(formatMoment('2026-11-28T16:00:00+01:00', monday2000)).toBe('lördag 16:00');
    expect(formatMoment('2026-11-24T16:30:00+01:00', monday2000)).toBe('tisdag 16:30');
  });

  it('follows daylight saving time', () => {
    // 02:00 does not exist on the night clocks go forward; the domain moves it to 03:00 CEST.
    expect(formatWindow({ from: '2026-03-28T16:00:00+01:00', to: '2026-03-29T03:00:00+02:00' })).toBe('16:00–03:00');
    expect(formatWindow({ from: '2026-10-24T16:00:00+02:00', to: '2026-10-25T02:00:00+01:00' })).toBe('16:00–02:00');
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(stockholmHour(new Date('2026-06-30T22:30:00Z'))).toBe(0);
  });
});

describe('plain dates', () => {
  it('computes months and weekdays', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isValidMonth('2026-13')).toBe(false);
    expect(isValidMonth('2026-11')).toBe(true);
  });
});

describe('wall-clock fields', () => {
  it('shows an instant as Stockholm wall clock, winter and summer', () => {
    expect(toStockholmLocal('2026-11-23T00:30:00Z')).toBe('2026-11-23T01:30');
    expect(toStockholmLocal('2026-06-30T22:30:00Z')).toBe('2026-07-01T00:30');
  });

  it('reads a wall-clock time back as the instant', () => {
    expect(fromStockholmLocal('2026-11-23T01:30')).toBe('2026-11-23T00:30:00.000Z');
    expect(fromStockholmLocal('2026-07-01T00:30')).toBe('2026-06-30T22:30:00.000Z');
    // the night the clocks go back: 02:30 comes twice; either is a real instant
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(fromStockholmLocal('2026-10-25T02:30'));
    expect(fromStockholmLocal('2026-02-30T10:00')).toBeNull();
    expect(fromStockholmLocal('i går')).toBeNull();
  });

  it('round-trips any minute of a year', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) {
      const local = toStockholmLocal(new Date(t));
      expect(toStockholmLocal(fromStockholmLocal(local)!)).toBe(local);
    }
  });
});

describe('durations, dates and money for people', () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [80, '1 h 20 min'],
    [1440, '1 d'],
    [1500, '1 d 1 h'],
  ])('%i minutes → %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('names the weekday of a date', () => {
    expect(formatDateWithWeekday('2026-11-30')).toBe('måndag 2026-11-30');
  });

  it('writes kronor with a decimal comma', () => {
    expect(formatKronor('487.50')).toBe('487,50\u00a0kr');
    expect(formatKronor('1234.5')).toBe('1\u00a0234,50\u00a0kr');
    expect(formatKronor('0.00')).toBe('0,00\u00a0kr');
  });
});
