// Per-date windows (standby and open) and calendars over a date range.
import type { Temporal } from 'temporal-polyfill';
import { validateCalendarConfig, type CalendarConfig, type DayType } from './config.ts';
import { classifyDay, openingTimeFor } from './day-type.ts';
import { addDays, daysBetween, englishWeekday, parseIsoDate, type EnglishWeekday } from './dates.ts';
import { formatRfc3339, zonedDateTime } from './time.ts';

/** A window with RFC 3339 local timestamps, `from` inclusive, `to` exclusive. */
export interface TimeWindow {
  from: string;
  to: string;
}

export interface CalendarDay {
  date: string;
  weekday: EnglishWeekday;
  dayType: DayType;
  holidayName: string | null;
  standby: TimeWindow;
  open: TimeWindow;
}

export interface Calendar {
  organisation: string;
  from: string;
  to: string;
  days: CalendarDay[];
}

/** Same windows as zoned date-times, for computing with instants. */
export interface ZonedWindow {
  from: Temporal.ZonedDateTime;
  to: Temporal.ZonedDateTime;
}

export interface DayWindows {
  date: string;
  dayType: DayType;
  holidayName: string | null;
  /** standby on this date: standbyStart until the short or long end */
  standby: ZonedWindow;
  /** open from the organisation's hour until openEnd on the next date */
  open: ZonedWindow;
}

/** Longest range buildCalendar accepts (about ten years). */
export const MAX_CALENDAR_DAYS = 3660;

/** Day type and the standby and open windows of `date`. */
export function dayWindows(date: string, config: CalendarConfig): DayWindows {
  const { dayType, holidayName } = classifyDay(date, config);
  const longStandby = dayType === 'holiday' || dayType === 'weekend';
  const at = (day: string, time: string) => zonedDateTime(day, time, config.timeZone);
  return {
    date,
    dayType,
    holidayName,
    standby: {
      from: at(date, config.standbyStart),
      to: at(date, longStandby ? config.standbyEndLong : config.standbyEndShort),
    },
    open: {
      from: at(date, openingTimeFor(date, dayType, config)),
      to: at(addDays(date, 1), config.openEnd),
    },
  };
}

const formatWindow = (window: ZonedWindow): TimeWindow => ({
  from: formatRfc3339(window.from),
  to: formatRfc3339(window.to),
});

/** The calendar entry of one date (keys in contract order). */
export function describeDay(date: string, config: CalendarConfig): CalendarDay {
  const windows = dayWindows(date, config);
  return {
    date,
    weekday: englishWeekday(date),
    dayType: windows.dayType,
    holidayName: windows.holidayName,
    standby: formatWindow(windows.standby),
    open: formatWindow(windows.open),
  };
}

/** Calendar for `from`..`to`, both dates included. */
export function buildCalendar(organisationName: string, from: string, to: string, config: CalendarConfig): Calendar {
  parseIsoDate(from, 'from date');
  parseIsoDate(to, 'to date');
  const span = daysBetween(from, to);
  if (span < 0) throw new RangeError(`The from date ${from} is after the to date ${to}`);
  if (span + 1 > MAX_CALENDAR_DAYS) {
    throw new RangeError(`The range ${from}..${to} has ${span + 1} days; at most ${MAX_CALENDAR_DAYS} are allowed`);
  }
  validateCalendarConfig(config);
  const days: CalendarDay[] = [];
  for (let offset = 0; offset <= span; offset++) days.push(describeDay(addDays(from, offset), config));
  return { organisation: organisationName, from, to, days };
}
