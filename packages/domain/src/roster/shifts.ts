// Shift types derived from the calendar: the open shift (start by day type), standby, and until-midnight.
import type { Temporal } from 'temporal-polyfill';
import { dayWindows } from '../calendar/calendar.ts';
import type { CalendarConfig } from '../calendar/config.ts';
import { addDays, isoWeekday } from '../calendar/dates.ts';
import { formatRfc3339, startOfDay } from '../calendar/time.ts';
import type { ShiftInstance, ShiftKind } from './types.ts';

const HOUR_MS = 3_600_000;

export const shiftKey = (date: string, kind: ShiftKind) => `${date}:${kind}`;

function instance(date: string, kind: ShiftKind, from: Temporal.ZonedDateTime, to: Temporal.ZonedDateTime, dayType: ShiftInstance['dayType'], holidayName: string | null): ShiftInstance {
  const startMs = from.epochMilliseconds;
  const endMs = to.epochMilliseconds;
  return {
    key: shiftKey(date, kind),
    date,
    kind,
    dayType,
    holidayName,
    start: formatRfc3339(from),
    end: formatRfc3339(to),
    startMs,
    endMs,
    hours: (endMs - startMs) / HOUR_MS,
    isWeekend: dayType === 'weekend' || dayType === 'holiday',
  };
}

/** True when the until-midnight option exists on `date`: Monday–Friday that is not a holiday. */
export function hasUntilMidnightOption(date: string, config: CalendarConfig): boolean {
  const windows = dayWindows(date, config);
  return isoWeekday(date) <= 5 && windows.dayType !== 'holiday';
}

/**
 * The shift of `kind` on `date`:
 * open = the date's open window (from the opening rule of its day type) until openEnd on the next date;
 * standby = the date's standby window (02:00 until the short or long end);
 * open_until_midnight = the open window cut at 24:00 (weekdays only; null otherwise).
 */
export function shiftOf(date: string, kind: ShiftKind, config: CalendarConfig): ShiftInstance | null {
  // The calendar arithmetic is slow enough to matter in a 12-week model: remember each shift per configuration.
  let memo = shiftMemo.get(config);
  if (!memo) shiftMemo.set(config, (memo = new Map()));
  const key = shiftKey(date, kind);
  if (!memo.has(key)) memo.set(key, computeShift(date, kind, config));
  const found = memo.get(key)!;
  return found && { ...found };
}

const shiftMemo = new WeakMap<CalendarConfig, Map<string, ShiftInstance | null>>();

function computeShift(date: string, kind: ShiftKind, config: CalendarConfig): ShiftInstance | null {
  const windows = dayWindows(date, config);
  if (kind === 'open') return instance(date, kind, windows.open.from, windows.open.to, windows.dayType, windows.holidayName);
  if (kind === 'standby') return instance(date, kind, windows.standby.from, windows.standby.to, windows.dayType, windows.holidayName);
  if (!hasUntilMidnightOption(date, config)) return null;
  const midnight = startOfDay(addDays(date, 1), config.timeZone);
  return instance(date, kind, windows.open.from, midnight, windows.dayType, windows.holidayName);
}

/** The open shifts of `days` dates from `from`, and the standby after each (on the next date). */
export function rosterShifts(from: string, days: number, config: CalendarConfig): { open: ShiftInstance[]; standby: ShiftInstance[] } {
  const open: ShiftInstance[] = [];
  const standby: ShiftInstance[] = [];
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(from, offset);
    open.push(shiftOf(date, 'open', config)!);
    standby.push(shiftOf(addDays(date, 1), 'standby', config)!);
  }
  return { open, standby };
}

/** The open shift that standby on `date` follows (the one of the date before). */
export const openShiftBeforeStandby = (standbyDate: string) => addDays(standbyDate, -1);
