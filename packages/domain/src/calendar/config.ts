// Organisation calendar configuration: which eves count as holidays, standby and opening hours.
import { Temporal } from 'temporal-polyfill';
import { isIsoDate } from './dates.ts';
import { isEveCode, type EveCode, type Holiday } from './holidays.ts';
import { isClockTime } from './time.ts';

export const DAY_TYPES = ['holiday', 'weekend', 'bridge_day', 'day_before_holiday', 'workday'] as const;
/** Kind of date; see classifyDay for the rules. */
export type DayType = (typeof DAY_TYPES)[number];

/**
 * When the open window starts. The first rule whose criteria all match wins;
 * a rule without criteria (or with empty lists) matches every day.
 */
export interface OpenRule {
  dayTypes?: DayType[];
  /** ISO weekdays, 1 = Monday … 7 = Sunday */
  weekdays?: number[];
  /** `HH:MM` */
  from: string;
}

export interface CalendarConfig {
  /** IANA zone of all wall-clock times, e.g. `Europe/Stockholm`. */
  timeZone: string;
  /** Eves treated as holidays; usually midsommarafton, julafton and nyarsafton. */
  holidayEves: EveCode[];
  /** Organisation-specific extra holiday dates. */
  extraHolidays: Holiday[];
  openRules: OpenRule[];
  /** Start of standby on every date, `HH:MM` (02:00). */
  standbyStart: string;
  /** End of standby on workday, bridge_day and day_before_holiday (08:00). */
  standbyEndShort: string;
  /** End of standby on weekend and holiday (16:00). */
  standbyEndLong: string;
  /** End of the open window, on the next date (02:00). */
  openEnd: string;
}

/**
 * Checks a configuration (e.g. one read from a file) and throws a RangeError
 * describing the first problem found.
 */
export function validateCalendarConfig(config: CalendarConfig): void {
  try {
    Temporal.PlainDate.from('2000-01-01').toZonedDateTime(config.timeZone);
  } catch {
    throw new RangeError(`Invalid time zone "${config.timeZone}"`);
  }
  for (const eve of config.holidayEves) {
    if (!isEveCode(eve)) throw new RangeError(`Unknown holiday eve "${eve as string}"`);
  }
  for (const extra of config.extraHolidays) {
    if (!isIsoDate(extra.date)) throw new RangeError(`Invalid extra holiday date "${extra.date}"`);
    if (extra.name.trim() === '') throw new RangeError(`Extra holiday ${extra.date} has no name`);
  }
  const times = {
    standbyStart: config.standbyStart,
    standbyEndShort: config.standbyEndShort,
    standbyEndLong: config.standbyEndLong,
    openEnd: config.openEnd,
  };
  for (const [key, value] of Object.entries(times)) {
    if (!isClockTime(value)) throw new RangeError(`Invalid ${key} "${value}": expected HH:MM`);
  }
  if (config.standbyEndShort <= config.standbyStart || config.standbyEndLong <= config.standbyStart) {
    throw new RangeError('Standby must end after it starts on the same date');
  }
  if (config.openRules.length === 0) throw new RangeError('At least one open rule is required');
  config.openRules.forEach((rule, index) => {
    if (!isClockTime(rule.from)) throw new RangeError(`Open rule ${index + 1}: invalid from "${rule.from}"`);
    for (const dayType of rule.dayTypes ?? []) {
      if (!(DAY_TYPES as readonly string[]).includes(dayType)) {
        throw new RangeError(`Open rule ${index + 1}: unknown day type "${dayType as string}"`);
      }
    }
    for (const weekday of rule.weekdays ?? []) {
      if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
        throw new RangeError(`Open rule ${index + 1}: weekday ${weekday} is not 1 (Monday) … 7 (Sunday)`);
      }
    }
  });
}
