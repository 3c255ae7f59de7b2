// Calendar configurations of the two organisations.
import type { CalendarConfig } from './config.ts';
import { DEFAULT_HOLIDAY_EVES } from './holidays.ts';

const FRIDAY = 5;

/** Shared by both units: Stockholm time, standby 02:00–08:00/16:00, open until 02:00 (fresh arrays per preset). */
const common = (): Omit<CalendarConfig, 'openRules'> => ({
  timeZone: 'Europe/Stockholm',
  holidayEves: [...DEFAULT_HOLIDAY_EVES],
  extraHolidays: [],
  standbyStart: '02:00',
  standbyEndShort: '08:00',
  standbyEndLong: '16:00',
  openEnd: '02:00',
});

/** Socialjouren Nordost: Mon–Thu 16:30, Fri 15:00, weekends/holidays 16:00, days before holidays and bridge days 15:00. */
export const nordostCalendar: CalendarConfig = {
  ...common(),
  openRules: [
    { dayTypes: ['holiday', 'weekend'], from: '16:00' },
    { dayTypes: ['day_before_holiday', 'bridge_day'], from: '15:00' },
    { weekdays: [FRIDAY], from: '15:00' },
    { from: '16:30' },
  ],
};

/**
 * Socialjouren Nordväst: every Friday 14:00 (whatever its day type), days
 * before holidays and bridge days 14:00, every other day 16:00.
 */
export const nordvastCalendar: CalendarConfig = {
  ...common(),
  openRules: [
    { weekdays: [FRIDAY], from: '14:00' },
    { dayTypes: ['day_before_holiday', 'bridge_day'], from: '14:00' },
    { from: '16:00' },
  ],
};
