import { Temporal } from 'temporal-polyfill';
import { addDays, parseIsoDate } from '../calendar/dates.ts';
import { localDateOf, startOfDay } from '../calendar/time.ts';

/**
 * Self-inspections (egenkontroller) "according to plan": a plan recurs every
 * N months on a day of the month (clamped to the month's last day: a plan on
 * the 31st falls on 28 or 29 February). Due dates are calendar dates in the
 * unit's time zone; a check is due from the start of that local day.
 */
export const SELF_INSPECTION_KINDS = ['access_review', 'routine_review', 'case_sampling', 'other'] as const;
export type SelfInspectionKind = (typeof SELF_INSPECTION_KINDS)[number];

export const SELF_INSPECTION_KIND_LABELS: Record<SelfInspectionKind, string> = {
  access_review: 'Loggkontroll (granskning av åtkomst)',
  routine_review: 'Genomgång av rutiner',
  case_sampling: 'Stickprov av avslutade ärenden (dokumentationens kvalitet)',
  other: 'Annan kontroll',
};

export const SELF_INSPECTION_INTERVALS = [1, 2, 3, 4, 6, 12] as const;

export interface InspectionSchedule {
  /** the first due date, YYYY-MM-DD */
  firstDue: string;
  intervalMonths: number;
  /** 1–31; clamped to the length of each month */
  dayOfMonth: number;
}

/** The n-th due date (n = 0 is the first). */
export function occurrenceDate(schedule: InspectionSchedule, n: number): string {
  const first = parseIsoDate(schedule.firstDue);
  const month = first.toPlainYearMonth().add({ months: n * schedule.intervalMonths });
  const day = Math.min(schedule.dayOfMonth, month.daysInMonth);
  return month.toPlainDate({ day }).toString();
}

/**
 * The first due date after `afterDate` (exclusive), or the first due date
 * when `afterDate` is null: the next check once the last one is done.
 */
export function nextDueDate(schedule: InspectionSchedule, afterDate: string | null): string {
  for (let n = 0; n < 10_000; n++) {
    const date = occurrenceDate(schedule, n);
    if (afterDate === null || date > afterDate) return date;
  }
  throw new Error('no due date found');
}

/** The period a check covers: from the previous due date (exclusive of this one) up to the day before this due date. */
export function inspectionPeriod(schedule: InspectionSchedule, dueDate: string): { from: string; to: string } {
  const due = parseIsoDate(dueDate);
  const previous = due.toPlainYearMonth().subtract({ months: schedule.intervalMonths });
  const from = previous.toPlainDate({ day: Math.min(schedule.dayOfMonth, previous.daysInMonth) });
  return { from: from.toString(), to: addDays(dueDate, -1) };
}

/** The instant a due date begins in `timeZone` (ISO, UTC). */
export function dueInstant(dueDate: string, timeZone: string): string {
  return startOfDay(dueDate, timeZone).toInstant().toString();
}

export type InspectionState = 'planned' | 'soon' | 'due' | 'overdue';

/** Days before the due date a check shows as coming up (and is reminded of). */
export const INSPECTION_REMINDER_DAYS = 7;

/**
 * Where a check stands at `now`: planned, soon (within the reminder days),
 * due (on its due date, local time) or overdue (after it).
 */
export function inspectionState(dueDate: string, now: string, timeZone: string, reminderDays = INSPECTION_REMINDER_DAYS): InspectionState {
  const today = localDateOf(now, timeZone);
  if (today > dueDate) return 'overdue';
  if (today === dueDate) return 'due';
  const daysLeft = parseIsoDate(today).until(parseIsoDate(dueDate), { largestUnit: 'days' }).days;
  return daysLeft <= reminderDays ? 'soon' : 'planned';
}

/** Whether a daily reminder on `today` should name the check: the day it comes up, the due day, and each day overdue. */
export function shouldRemind(dueDate: string, today: string, reminderDays = INSPECTION_REMINDER_DAYS): boolean {
  return today === addDays(dueDate, -reminderDays) || today >= dueDate;
}

/**
 * A random sample of `size` ids, without repeats, from a seeded generator
 * (mulberry32): the server draws the seed, the sample can be reproduced from it.
 */
export function pickSample<T>(items: readonly T[], size: number, seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pool = [...items];
  const take = Math.min(size, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}

export interface ScheduleError {
  field: string;
  message: string;
}

export function validateSchedule(schedule: InspectionSchedule): ScheduleError | null {
  if (!(SELF_INSPECTION_INTERVALS as readonly number[]).includes(schedule.intervalMonths)) return { field: 'intervalMonths', message: 'Välj hur ofta kontrollen görs.' };
  if (!Number.isInteger(schedule.dayOfMonth) || schedule.dayOfMonth < 1 || schedule.dayOfMonth > 31) return { field: 'dayOfMonth', message: 'Dag i månaden ska vara 1–31.' };
  try {
    Temporal.PlainDate.from(schedule.firstDue, { overflow: 'reject' });
  } catch {
    return { field: 'firstDue', message: 'Första kontrolldatum är inte ett giltigt datum.' };
  }
  return null;
}
