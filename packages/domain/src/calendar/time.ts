// Wall-clock times and instants in a time zone (Europe/Stockholm in practice).
import { Temporal } from 'temporal-polyfill';
import { parseIsoDate } from './dates.ts';

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True when `value` is a 24-hour wall-clock time `HH:MM`. */
export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

/** Parses `HH:MM`, throwing a RangeError when it is not a valid 24-hour time. */
export function parseClockTime(value: string): Temporal.PlainTime {
  if (!isClockTime(value)) {
    throw new RangeError(`Invalid time "${value}": expected a 24-hour time as HH:MM`);
  }
  return Temporal.PlainTime.from(value);
}

/**
 * The wall-clock time `time` on `date` in `timeZone`, resolved with Temporal's
 * `compatible` disambiguation: a time in the spring gap moves forward, a
 * repeated autumn time takes its first occurrence.
 */
export function zonedDateTime(date: string, time: string, timeZone: string): Temporal.ZonedDateTime {
  return parseIsoDate(date)
    .toPlainDateTime(parseClockTime(time))
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
}

/** The first instant of `date` in `timeZone` (midnight, or later if midnight is skipped). */
export function startOfDay(date: string, timeZone: string): Temporal.ZonedDateTime {
  return parseIsoDate(date).toZonedDateTime(timeZone);
}

/** RFC 3339 with the local offset and whole seconds, e.g. `2026-05-14T02:00:00+02:00`. */
export function formatRfc3339(value: Temporal.ZonedDateTime): string {
  return value.toString({ timeZoneName: 'never', smallestUnit: 'second', roundingMode: 'trunc' });
}

/** An instant from a Temporal.Instant or an RFC 3339 string with an offset or `Z`. */
export function toInstant(value: Temporal.Instant | string): Temporal.Instant {
  return typeof value === 'string' ? Temporal.Instant.from(value) : value;
}

/** The calendar date (`YYYY-MM-DD`) in `timeZone` at `instant`. */
export function localDateOf(instant: Temporal.Instant | string, timeZone: string): string {
  return toInstant(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
