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

// Instants typed by people: a `datetime-local` field shows Stockholm's wall clock,
// whatever the computer's own time zone.

const wallClockFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-23T16:30`: an instant as the value of a `datetime-local` field, in Stockholm. */
export function toStockholmLocal(value: string | Date = new Date()): string {
  const parts: Record<string, string> = {};
  for (const part of wallClockFormat.formatToParts(toDate(value))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

function wallClockMs(local: string): number | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(ms);
  // 2026-02-30 is not a date.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return ms;
}

/** The instant (RFC 3339, UTC) of a Stockholm wall-clock time `YYYY-MM-DDTHH:MM`; null when the text is not one. */
export function fromStockholmLocal(local: string): string | null {
  const wall = wallClockMs(local.trim());
  if (wall === null) return null;
  let guess = wall;
  // Two steps find the offset (one hour in winter, two in summer), also next to a daylight-saving change.
  for (let i = 0; i < 2; i++) guess += wall - (wallClockMs(toStockholmLocal(new Date(guess))) ?? wall);
  return new Date(guess).toISOString();
}

/** `45 min`, `1 h 20 min`, `2 h`, `1 d 3 h`: a duration in whole minutes. */
export function formatDuration(totalMinutes: number): string {
  const minutes = Math.max(0, Math.floor(totalMinutes));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

const dateWeekdayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', weekday: 'long' });

/** `måndag 2026-11-30`: a plain date with its weekday. */
export function formatDateWithWeekday(isoDate: string): string {
  return `${dateWeekdayFormat.format(utcDate(isoDate))} ${isoDate}`;
}

/** `487,50 kr` from the contracts' money string `487.50`. */
export function formatKronor(amount: string): string {
  const m = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(amount.trim());
  if (!m) return amount;
  const kronor = (m[2] ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${m[1] ? '−' : ''}${kronor},${(m[3] ?? '').padEnd(2, '0')}\u00a0kr`;
}
