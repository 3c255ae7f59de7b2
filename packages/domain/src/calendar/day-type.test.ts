import { describe, expect, it } from 'vitest';
import type { CalendarConfig, DayType } from './config.ts';
import { classifyDay, dayTypeOf, holidayNameOf, openingTimeFor } from './day-type.ts';
import { EVE_CODES, type EveCode } from './holidays.ts';
import { nordostCalendar } from './presets.ts';

const withHolidays = (holidayEves: EveCode[], extraHolidays: CalendarConfig['extraHolidays'] = []): CalendarConfig => ({
  ...nordostCalendar,
  holidayEves,
  extraHolidays,
});

const defaults = nordostCalendar; // midsommarafton, julafton, nyårsafton
const noEves = withHolidays([]);
const allEves = withHolidays([...EVE_CODES]);
const extra = withHolidays(
  ['midsommarafton', 'julafton', 'nyarsafton'],
  [
    { date: '2026-08-14', name: 'Kommunens dag' },
    { date: '2026-08-16', name: 'Söndagsfest' },
    { date: '2026-05-14', name: 'Extra på Kristi himmelsfärd' },
  ],
);

type Row = [date: string, dayType: DayType, holidayName: string | null];

describe('classifyDay with the default eves', () => {
  it.each<Row>([
    // Ascension 2026 (Thursday) and the Friday after it
    ['2026-05-13', 'day_before_holiday', null],
    ['2026-05-14', 'holiday', 'Kristi himmelsfärdsdag'],
    ['2026-05-15', 'bridge_day', null],
    ['2026-05-16', 'weekend', null],
    ['2026-05-18', 'workday', null],
    // Nationaldagen on a Thursday (2024), a Tuesday (2028, 2023), a Saturday (2026), a Sunday (2027)
    ['2024-06-05', 'day_before_holiday', null],
    ['2024-06-06', 'holiday', 'Nationaldagen'],
    ['2024-06-07', 'bridge_day', null],
    ['2028-06-04', 'holiday', 'Pingstdagen'],
    ['2028-06-05', 'bridge_day', null],
    ['2028-06-06', 'holiday', 'Nationaldagen'],
    ['2028-06-07', 'workday', null],
    ['2023-06-05', 'bridge_day', null],
    ['2023-06-07', 'workday', null],
    ['2026-06-05', 'day_before_holiday', null],
    ['2026-06-06', 'holiday', 'Nationaldagen'],
    ['2027-06-04', 'workday', null],
    ['2027-06-06', 'holiday', 'Nationaldagen'],
    ['2027-06-07', 'workday', null],
    // a holiday on a Saturday
    ['2026-10-30', 'day_before_holiday', null],
    ['2026-10-31', 'holiday', 'Alla helgons dag'],
    ['2026-11-01', 'weekend', null],
    // Easter 2026
    ['2026-04-02', 'day_before_holiday', null],
    ['2026-04-03', 'holiday', 'Långfredagen'],
    ['2026-04-04', 'weekend', null],
    ['2026-04-05', 'holiday', 'Påskdagen'],
    ['2026-04-06', 'holiday', 'Annandag påsk'],
    ['2026-04-07', 'workday', null],
    ['2026-04-30', 'day_before_holiday', null],
    ['2026-05-01', 'holiday', 'Första maj'],
    // Midsummer 2026
    ['2026-06-18', 'day_before_holiday', null],
    ['2026-06-19', 'holiday', 'Midsommarafton'],
    ['2026-06-20', 'holiday', 'Midsommardagen'],
    ['2026-06-21', 'weekend', null],
    ['2026-06-22', 'workday', null],
    // Christmas and New Year 2026/27 (Julafton on a Thursday)
    ['2026-12-23', 'day_before_holiday', null],
    ['2026-12-24', 'holiday', 'Julafton'],
    ['2026-12-25', 'holiday', 'Juldagen'],
    ['2026-12-26', 'holiday', 'Annandag jul'],
    ['2026-12-27', 'weekend', null],
    ['2026-12-28', 'workday', null],
    ['2026-12-30', 'day_before_holiday', null],
    ['2026-12-31', 'holiday', 'Nyårsafton'],
    ['2027-01-01', 'holiday', 'Nyårsdagen'],
    ['2027-01-02', 'weekend', null],
    ['2027-01-05', 'day_before_holiday', null],
    ['2027-01-06', 'holiday', 'Trettondedag jul'],
    ['2027-01-07', 'workday', null],
    ['2027-01-08', 'workday', null],
    // Christmas and New Year 2025/26 (Julafton on a Wednesday)
    ['2025-12-22', 'workday', null],
    ['2025-12-23', 'day_before_holiday', null],
    ['2025-12-26', 'holiday', 'Annandag jul'],
    ['2025-12-29', 'workday', null],
    ['2025-12-30', 'day_before_holiday', null],
    ['2025-12-31', 'holiday', 'Nyårsafton'],
    ['2026-01-01', 'holiday', 'Nyårsdagen'],
    ['2026-01-02', 'bridge_day', null],
    ['2026-01-05', 'bridge_day', null],
    ['2026-01-06', 'holiday', 'Trettondedag jul'],
    ['2026-01-07', 'workday', null],
    // two holidays on one date: the first in list order names it
    ['2008-05-01', 'holiday', 'Första maj'],
  ])('%s → %s (%s)', (date, dayType, holidayName) => {
    expect(classifyDay(date, defaults)).toEqual({ dayType, holidayName });
    expect(dayTypeOf(date, defaults)).toBe(dayType);
    expect(holidayNameOf(date, defaults)).toBe(holidayName);
  });
});

describe('classifyDay with the eves configured off', () => {
  it.each<Row>([
    ['2026-06-18', 'workday', null],
    ['2026-06-19', 'day_before_holiday', null],
    ['2026-12-23', 'workday', null],
    ['2026-12-24', 'day_before_holiday', null],
    ['2026-12-31', 'day_before_holiday', null],
    ['2025-12-23', 'workday', null],
    ['2025-12-24', 'day_before_holiday', null],
    ['2025-12-31', 'day_before_holiday', null],
    ['2026-06-20', 'holiday', 'Midsommardagen'],
  ])('%s → %s (%s)', (date, dayType, holidayName) => {
    expect(classifyDay(date, noEves)).toEqual({ dayType, holidayName });
  });
});

describe('classifyDay with every optional eve', () => {
  it.each<Row>([
    ['2026-01-02', 'bridge_day', null],
    ['2026-01-05', 'holiday', 'Trettondagsafton'],
    ['2026-04-04', 'holiday', 'Påskafton'],
    ['2026-04-29', 'day_before_holiday', null],
    ['2026-04-30', 'holiday', 'Valborgsmässoafton'],
    ['2026-05-22', 'day_before_holiday', null], // Friday before Pingstafton (a Saturday) as a holiday
    ['2026-05-23', 'holiday', 'Pingstafton'],
    ['2026-10-29', 'day_before_holiday', null],
    ['2026-10-30', 'holiday', 'Alla helgons afton'],
    // a public holiday wins over an eve on the same date (Easter 2285 is 22 March)
    ['2285-04-30', 'holiday', 'Kristi himmelsfärdsdag'],
  ])('%s → %s (%s)', (date, dayType, holidayName) => {
    expect(classifyDay(date, allEves)).toEqual({ dayType, holidayName });
  });
});

describe('classifyDay with extra holidays', () => {
  it.each<Row>([
    ['2026-08-13', 'day_before_holiday', null],
    ['2026-08-14', 'holiday', 'Kommunens dag'],
    ['2026-08-16', 'holiday', 'Söndagsfest'],
    ['2026-08-17', 'workday', null],
    ['2026-05-14', 'holiday', 'Kristi himmelsfärdsdag'],
  ])('%s → %s (%s)', (date, dayType, holidayName) => {
    expect(classifyDay(date, extra)).toEqual({ dayType, holidayName });
  });
});

describe('classifyDay input', () => {
  it.each(['2026-02-30', '2026-5-14', '14/05/2026', ''])('rejects %j', (date) => {
    expect(() => classifyDay(date, defaults)).toThrow(RangeError);
  });
});

describe('openingTimeFor', () => {
  const config: Pick<CalendarConfig, 'openRules'> = {
    openRules: [
      { dayTypes: ['holiday'], weekdays: [5], from: '12:00' }, // both criteria must match
      { dayTypes: ['holiday'], from: '13:00' },
      { weekdays: [5], from: '14:00' },
      { dayTypes: [], weekdays: [], from: '17:00' }, // empty lists match every day
    ],
  };

  it.each<[string, DayType, string]>([
    ['2026-04-03', 'holiday', '12:00'], // Friday holiday
    ['2026-05-14', 'holiday', '13:00'], // Thursday holiday
    ['2026-05-22', 'workday', '14:00'], // Friday
    ['2026-05-21', 'workday', '17:00'],
  ])('%s (%s) → %s', (date, dayType, expected) => {
    expect(openingTimeFor(date, dayType, config)).toBe(expected);
  });

  it('throws when no rule matches', () => {
    expect(() => openingTimeFor('2026-05-21', 'workday', { openRules: [{ weekdays: [5], from: '14:00' }] })).toThrow(
      /No open rule matches 2026-05-21/,
    );
  });
});
