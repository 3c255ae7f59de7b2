// Plain calendar-date helpers. Dates are ISO strings `YYYY-MM-DD` throughout the calendar.
import { Temporal } from 'temporal-polyfill';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const ENGLISH_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type EnglishWeekday = (typeof ENGLISH_WEEKDAYS)[number];

/** True when `value` is a real calendar date written exactly as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Parses a `YYYY-MM-DD` date, throwing a RangeError naming `label` when it is not one. */
export function parseIsoDate(value: string, label = 'date'): Temporal.PlainDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`Invalid ${label} "${value}": expected a calendar date as YYYY-MM-DD`);
  }
  return Temporal.PlainDate.from(value);
}

/** The date `days` days after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  return parseIsoDate(date).add({ days }).toString();
}

/** ISO weekday of a date (1 = Monday … 7 = Sunday). */
export function isoWeekday(date: string): IsoWeekday {
  return parseIsoDate(date).dayOfWeek as IsoWeekday;
}

/** English lower-case weekday name (`monday` … `sunday`). */
export function englishWeekday(date: string): EnglishWeekday {
  return ENGLISH_WEEKDAYS[isoWeekday(date) - 1] as EnglishWeekday;
}

/** Saturday or Sunday. */
export function isSaturdayOrSunday(date: string): boolean {
  return isoWeekday(date) >= 6;
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return parseIsoDate(from).until(parseIsoDate(to), { largestUnit: 'day' }).days;
}
