// Assignments (uppdrag): work a member municipality leaves for the jour, e.g.
// supervision of a family every evening over a weekend. An assignment survives
// shift changes until each of its occasions is documented. Pure: time is a parameter.
import { Temporal } from 'temporal-polyfill';
import { addDays } from '../calendar/dates.ts';
import { isClockTime, localDateOf, zonedDateTime } from '../calendar/time.ts';

export const ASSIGNMENT_RECURRENCES = ['none', 'daily'] as const;
export type AssignmentRecurrence = (typeof ASSIGNMENT_RECURRENCES)[number];

/**
 * done: carried out; not_possible: could not be done, with why (closes the
 * occasion); attempt: a note on the way (the occasion stays open).
 */
export const ASSIGNMENT_OUTCOMES = ['done', 'not_possible', 'attempt'] as const;
export type AssignmentOutcome = (typeof ASSIGNMENT_OUTCOMES)[number];

export const ASSIGNMENT_OUTCOME_LABELS = {
  done: 'Utfört',
  not_possible: 'Kunde inte utföras',
  attempt: 'Försök / anteckning',
} as const satisfies Record<AssignmentOutcome, string>;

/** A recurring assignment covers at most this many days (a long holiday); longer work is a plan, not an assignment. */
export const ASSIGNMENT_MAX_DAILY_DAYS = 31;

export interface AssignmentSchedule {
  /** RFC 3339 instants */
  windowFrom: string;
  windowTo: string;
  recurrence: AssignmentRecurrence;
  /** HH:MM local, for a daily assignment: each day's slot (may cross midnight, e.g. 22:00–02:00) */
  dailyFrom: string | null;
  dailyTo: string | null;
}

/** One occasion the jour must do and document. `date` is the local date the occasion starts (its key). */
export interface AssignmentOccasion {
  date: string;
  from: string;
  to: string;
}

export type OccasionState = 'upcoming' | 'due' | 'overdue' | 'handled';

export interface OccasionProgress extends AssignmentOccasion {
  state: OccasionState;
  /** the closing outcome, when handled */
  outcome: 'done' | 'not_possible' | null;
  /** notes and attempts so far */
  reportCount: number;
}

export interface AssignmentError {
  field: string;
  message: string;
}

const instant = (value: string) => Temporal.Instant.from(value);
const cmp = (a: Temporal.Instant, b: Temporal.Instant) => Temporal.Instant.compare(a, b);

function parse(value: string): Temporal.Instant | null {
  try {
    return instant(value);
  } catch {
    return null;
  }
}

/** Checks an assignment's time window before it is saved. */
export function validateAssignmentSchedule(schedule: AssignmentSchedule, timeZone: string, now: string): AssignmentError[] {
  const errors: AssignmentError[] = [];
  const from = parse(schedule.windowFrom);
  const to = parse(schedule.windowTo);
  if (!from) errors.push({ field: 'windowFrom', message: 'Ange när uppdraget börjar' });
  if (!to) errors.push({ field: 'windowTo', message: 'Ange när uppdraget slutar' });
  if (from && to) {
    if (cmp(to, from) <= 0) errors.push({ field: 'windowTo', message: 'Uppdraget slutar innan det börjar' });
    else if (cmp(to, instant(now)) <= 0) errors.push({ field: 'windowTo', message: 'Uppdragets tid har redan passerat' });
  }
  if (schedule.recurrence === 'daily') {
    if (!schedule.dailyFrom || !isClockTime(schedule.dailyFrom)) errors.push({ field: 'dailyFrom', message: 'Ange klockslag (TT:MM) när uppdraget görs varje dag' });
    if (!schedule.dailyTo || !isClockTime(schedule.dailyTo)) errors.push({ field: 'dailyTo', message: 'Ange klockslag (TT:MM) när uppdraget ska vara gjort varje dag' });
    if (schedule.dailyFrom && schedule.dailyFrom === schedule.dailyTo) errors.push({ field: 'dailyTo', message: 'Tiden varje dag måste vara längre än noll minuter' });
    if (errors.length === 0 && from && to) {
      const days = Temporal.PlainDate.from(localDateOf(from, timeZone)).until(Temporal.PlainDate.from(localDateOf(to, timeZone))).days;
      if (days > ASSIGNMENT_MAX_DAILY_DAYS) errors.push({ field: 'windowTo', message: `Ett återkommande uppdrag kan gälla högst ${ASSIGNMENT_MAX_DAILY_DAYS} dagar` });
      else if (assignmentOccasions(schedule, timeZone).length === 0) errors.push({ field: 'dailyFrom', message: 'Tiden varje dag ligger utanför uppdragets period' });
    }
  } else if (schedule.dailyFrom || schedule.dailyTo) {
    errors.push({ field: 'recurrence', message: 'Klockslag varje dag gäller bara ett återkommande uppdrag' });
  }
  return errors;
}

/**
 * The occasions of an assignment: one for the whole window, or, for a daily
 * one, each day's slot cut to the window. Slots that cross midnight belong to
 * the day they start; DST nights are handled by the time zone.
 */
export function assignmentOccasions(schedule: AssignmentSchedule, timeZone: string): AssignmentOccasion[] {
  const from = instant(schedule.windowFrom);
  const to = instant(schedule.windowTo);
  if (schedule.recurrence === 'none' || !schedule.dailyFrom || !schedule.dailyTo) {
    return [{ date: localDateOf(from, timeZone), from: from.toString(), to: to.toString() }];
  }
  const occasions: AssignmentOccasion[] = [];
  const last = localDateOf(to, timeZone);
  const crossesMidnight = schedule.dailyTo <= schedule.dailyFrom;
  for (let date = addDays(localDateOf(from, timeZone), -1); date <= last; date = addDays(date, 1)) {
    const slotFrom = zonedDateTime(date, schedule.dailyFrom, timeZone).toInstant();
    const slotTo = zonedDateTime(crossesMidnight ? addDays(date, 1) : date, schedule.dailyTo, timeZone).toInstant();
    const start = cmp(slotFrom, from) > 0 ? slotFrom : from;
    const end = cmp(slotTo, to) < 0 ? slotTo : to;
    if (cmp(start, end) < 0) occasions.push({ date, from: start.toString(), to: end.toString() });
  }
  return occasions;
}

export interface AssignmentReportFact {
  occasionDate: string;
  outcome: AssignmentOutcome;
}

export interface AssignmentProgress {
  occasions: OccasionProgress[];
  /** every occasion is handled: the assignment is done */
  isComplete: boolean;
  /** an occasion has passed without being handled */
  isOverdue: boolean;
  /** the occasion going on now, else the next one to come */
  current: OccasionProgress | null;
}

/** Where an assignment stands at `now`: each occasion upcoming, due, overdue or handled. */
export function assignmentProgress(schedule: AssignmentSchedule, reports: readonly AssignmentReportFact[], now: string, timeZone: string): AssignmentProgress {
  const at = instant(now);
  const occasions = assignmentOccasions(schedule, timeZone).map((o): OccasionProgress => {
    const own = reports.filter((r) => r.occasionDate === o.date);
    const closing = own.find((r) => r.outcome === 'done') ?? own.find((r) => r.outcome === 'not_possible');
    const state: OccasionState = closing
      ? 'handled'
      : cmp(at, instant(o.from)) < 0
        ? 'upcoming'
        : cmp(at, instant(o.to)) < 0
          ? 'due'
          : 'overdue';
    return { ...o, state, outcome: closing ? (closing.outcome as 'done' | 'not_possible') : null, reportCount: own.length };
  });
  return {
    occasions,
    isComplete: occasions.every((o) => o.state === 'handled'),
    isOverdue: occasions.some((o) => o.state === 'overdue'),
    current: occasions.find((o) => o.state === 'due') ?? occasions.find((o) => o.state === 'upcoming') ?? null,
  };
}
