import { describe, expect, it } from 'vitest';
import { describeDay } from './calendar.ts';
import { validateCalendarConfig, type CalendarConfig, type DayType } from './config.ts';
import { nordostCalendar, nordvastCalendar } from './presets.ts';

type Row = [date: string, dayType: DayType, standby: string, open: string];

/** `HH:MM–HH:MM` of a window. */
const clock = (window: { from: string; to: string }) => `${window.from.slice(11, 16)}–${window.to.slice(11, 16)}`;

function expectDay(config: CalendarConfig, [date, dayType, standby, open]: Row): void {
  const day = describeDay(date, config);
  expect(day.dayType).toBe(dayType);
  expect(clock(day.standby)).toBe(standby);
  expect(clock(day.open)).toBe(open);
  expect(day.standby.from.slice(0, 10)).toBe(date);
  expect(day.open.from.slice(0, 10)).toBe(date);
  expect(day.open.to.slice(0, 10) > date).toBe(true);
}

describe('nordostCalendar', () => {
  it.each<Row>([
    ['2026-05-18', 'workday', '02:00–08:00', '16:30–02:00'], // Monday
    ['2026-05-19', 'workday', '02:00–08:00', '16:30–02:00'], // Tuesday
    ['2026-05-20', 'workday', '02:00–08:00', '16:30–02:00'], // Wednesday
    ['2026-05-21', 'workday', '02:00–08:00', '16:30–02:00'], // Thursday
    ['2026-05-22', 'workday', '02:00–08:00', '15:00–02:00'], // Friday
    ['2026-05-23', 'weekend', '02:00–16:00', '16:00–02:00'], // Saturday
    ['2026-05-17', 'weekend', '02:00–16:00', '16:00–02:00'], // Sunday
    ['2026-05-24', 'holiday', '02:00–16:00', '16:00–02:00'], // Pingstdagen
    ['2026-05-13', 'day_before_holiday', '02:00–08:00', '15:00–02:00'], // Wednesday
    ['2026-05-14', 'holiday', '02:00–16:00', '16:00–02:00'], // Kristi himmelsfärdsdag
    ['2026-05-15', 'bridge_day', '02:00–08:00', '15:00–02:00'], // Friday
    ['2026-01-05', 'bridge_day', '02:00–08:00', '15:00–02:00'], // Monday
    ['2026-04-03', 'holiday', '02:00–16:00', '16:00–02:00'], // Långfredagen
    ['2026-06-19', 'holiday', '02:00–16:00', '16:00–02:00'], // Midsommarafton
    ['2026-10-30', 'day_before_holiday', '02:00–08:00', '15:00–02:00'], // Friday before Alla helgons dag
  ])('%s %s: standby %s, open %s', (...row) => {
    expectDay(nordostCalendar, row);
  });
});

describe('nordvastCalendar', () => {
  it.each<Row>([
    ['2026-05-18', 'workday', '02:00–08:00', '16:00–02:00'], // Monday
    ['2026-05-21', 'workday', '02:00–08:00', '16:00–02:00'], // Thursday
    ['2026-05-22', 'workday', '02:00–08:00', '14:00–02:00'], // Friday
    ['2026-05-23', 'weekend', '02:00–16:00', '16:00–02:00'], // Saturday
    ['2026-05-17', 'weekend', '02:00–16:00', '16:00–02:00'], // Sunday
    ['2026-05-13', 'day_before_holiday', '02:00–08:00', '14:00–02:00'], // Wednesday
    ['2026-05-14', 'holiday', '02:00–16:00', '16:00–02:00'], // Thursday holiday
    ['2026-05-15', 'bridge_day', '02:00–08:00', '14:00–02:00'], // Friday
    ['2026-01-05', 'bridge_day', '02:00–08:00', '14:00–02:00'], // Monday
    ['2026-04-03', 'holiday', '02:00–16:00', '14:00–02:00'], // Långfredagen: every Friday 14:00
    ['2026-06-19', 'holiday', '02:00–16:00', '14:00–02:00'], // Midsommarafton (Friday)
    ['2025-12-26', 'holiday', '02:00–16:00', '14:00–02:00'], // Annandag jul on a Friday
    ['2026-12-26', 'holiday', '02:00–16:00', '16:00–02:00'], // Annandag jul on a Saturday
  ])('%s %s: standby %s, open %s', (...row) => {
    expectDay(nordvastCalendar, row);
  });
});

describe('presets', () => {
  it.each([
    ['Nordost', nordostCalendar],
    ['Nordväst', nordvastCalendar],
  ])('%s shares the standard settings and is valid', (_name, config) => {
    expect(() => validateCalendarConfig(config)).not.toThrow();
    expect(config).toMatchObject({
      timeZone: 'Europe/Stockholm',
      holidayEves: ['midsommarafton', 'julafton', 'nyarsafton'],
      extraHolidays: [],
      standbyStart: '02:00',
      standbyEndShort: '08:00',
      standbyEndLong: '16:00',
      openEnd: '02:00',
    });
    expect(config.openRules.at(-1)).toEqual({ from: expect.any(String) as string });
  });

  it('do not share arrays', () => {
    expect(nordostCalendar.holidayEves).not.toBe(nordvastCalendar.holidayEves);
    expect(nordostCalendar.extraHolidays).not.toBe(nordvastCalendar.extraHolidays);
  });
});
