// Dates and times, always as they read on a wall clock in Stockholm.
export const TIME_ZONE = 'Europe/Stockholm';

const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const weekdayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, weekday: 'long' });
const longDateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' });
const monthFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const dayMonthFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: 'numeric', month: 'long' });
const secondsFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit' });

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** `16:30` */
export function formatTime(value: string | Date): string {
  return timeFormat.format(toDate(value));
}

/** `16:30:05` */
export function formatTimeWithSeconds(value: string | Date): string {
  return secondsFormat.format(toDate(value));
}

/** `2026-11-23`: the date in Stockholm of an instant. */
export function stockholmDate(value: string | Date = new Date()): string {
  return dateFormat.format(toDate(value));
}

/** `2026-11-23 16:30` */
export function formatDateTime(value: string | Date): string {
  return `${stockholmDate(value)} ${formatTime(value)}`;
}

/** `måndag` */
export function formatWeekday(value: string | Date): string {
  return weekdayFormat.format(toDate(value));
}

/** `måndag 23 november` */
export function formatLongDate(value: string | Date): string {
  return longDateFormat.format(toDate(value));
}

const TWELVE_HOURS = 12 * 3_600_000;

/**
 * `16:30` for a moment today (in Stockholm), or within twelve hours so that the
 * coming night reads naturally (open `till 02:00`); otherwise with the weekday:
 * `lördag 16:00`.
 */
export function formatMoment(value: string, now: Date = new Date()): string {
  const near = stockholmDate(value) === stockholmDate(now) || Math.abs(new Date(value).getTime() - now.getTime()) < TWELVE_HOURS;
  return near ? formatTime(value) : `${formatWeekday(value)} ${formatTime(value)}`;
}

/** `16:30–02:00` for a window of RFC 3339 timestamps. */
export function formatWindow(window: { from: string; to: string }): string {
  return `${formatTime(window.from)}–${formatTime(window.to)}`;
}

// Plain calendar dates (YYYY-MM-DD) computed without time zones.

function parts(isoDate: string): [number, number, number] {
  const [y = '0', m = '1', d = '1'] = isoDate.split('-');
  return [Number(y), Number(m), Number(d)];
}

function utcDate(isoDate: string): Date {
  const [y, m, d] = parts(isoDate);
  return new Date(Date.UTC(y, m - 1, d));
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(isoDate: string, days: number): string {
  const date = utcDate(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

/** `YYYY-MM` of a date */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);

export function addMonths(month: string, months: number): string {
  const [y, m] = parts(`${month}-01`);
  return iso(new Date(Date.UTC(y, m - 1 + months, 1))).slice(0, 7);
}

/** First and last date of a month `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = parts(`${month}-01`);
  return { from: iso(new Date(Date.UTC(y, m - 1, 1))), to: iso(new Date(Date.UTC(y, m, 0))) };
}

/** ISO weekday of a date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  const day = utcDate(isoDate).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `november 2026` */
export function formatMonth(month: string): string {
  return monthFormat.format(utcDate(`${month}-01`));
}

/** `23 november` */
export function formatDayMonth(isoDate: string): string {
  return dayMonthFormat.format(utcDate(isoDate));
}

export const isValidMonth = (value: string | null): value is string => value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

const hourFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: 'numeric', hourCycle: 'h23' });

/** The hour (0–23) in Stockholm now. */
export function stockholmHour(now: Date = new Date()): number {
  return Number(hourFormat.format(now));
}
