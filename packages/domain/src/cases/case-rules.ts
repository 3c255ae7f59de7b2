// Rules of a case's life: when it may be closed, when the protection assessment
// of a child's report is due, and how long a turn-out took.
import { Temporal } from 'temporal-polyfill';
import { addDays } from '../calendar/dates.ts';
import { localDateOf, parseClockTime, toInstant } from '../calendar/time.ts';

export type CaseStatus = 'open' | 'closed' | 'handed_over';

export interface CloseCaseInput {
  status?: CaseStatus;
  concernsChild: boolean;
  /** a documented skyddsbedömning exists on the case */
  hasProtectionAssessment: boolean;
  /** legal deadlines of the case not yet confirmed as handed over to the municipality */
  unconfirmedDeadlines?: number;
  /** assignments from a municipality on the case not yet done */
  openAssignments?: number;
}

export type CloseCaseBlocker =
  | 'already_closed'
  | 'protection_assessment_missing'
  | 'unconfirmed_deadlines'
  | 'open_assignments';

export type CloseCaseResult = { ok: true } | { ok: false; reasons: { code: CloseCaseBlocker; message: string }[] };

/**
 * A case may be closed when it is not closed already, a case concerning a
 * child has a documented protection assessment, every legal deadline has been
 * confirmed as handed over and no assignment is left undone.
 */
export function canCloseCase(input: CloseCaseInput): CloseCaseResult {
  const reasons: { code: CloseCaseBlocker; message: string }[] = [];
  if (input.status === 'closed') reasons.push({ code: 'already_closed', message: 'Ärendet är redan avslutat' });
  if (input.concernsChild && !input.hasProtectionAssessment) {
    reasons.push({
      code: 'protection_assessment_missing',
      message: 'Ärendet rör ett barn: en skyddsbedömning måste dokumenteras innan ärendet avslutas',
    });
  }
  const deadlines = input.unconfirmedDeadlines ?? 0;
  if (deadlines > 0) {
    reasons.push({
      code: 'unconfirmed_deadlines',
      message:
        deadlines === 1
          ? 'En lagstadgad tidsfrist är inte bekräftad som överlämnad till kommunen'
          : `${deadlines} lagstadgade tidsfrister är inte bekräftade som överlämnade till kommunen`,
    });
  }
  const assignments = input.openAssignments ?? 0;
  if (assignments > 0) {
    reasons.push({
      code: 'open_assignments',
      message: assignments === 1 ? 'Ett uppdrag från kommunen är inte utfört' : `${assignments} uppdrag från kommunen är inte utförda`,
    });
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true };
}

// ---------------------------------------------------------------------------
// Protection assessment (skyddsbedömning) of a child's report

/** A report received at or after this local time is "late": its assessment is due the next day. */
export const DEFAULT_LATE_REPORT_FROM = '22:00';

/**
 * The local date by the end of which the protection assessment of a child's
 * report must be documented: the day it was received, or the next day when it
 * was received at or after `lateFrom` (local `HH:MM`, default 22:00). The date
 * is the calendar date in `timeZone` of the instant, so a report at 00:30 is
 * early on its own day.
 */
export function protectionAssessmentDue(
  receivedAt: Temporal.Instant | string,
  timeZone: string,
  lateFrom: string = DEFAULT_LATE_REPORT_FROM,
): string {
  const late = parseClockTime(lateFrom);
  const local = toInstant(receivedAt).toZonedDateTimeISO(timeZone);
  const date = local.toPlainDate().toString();
  return Temporal.PlainTime.compare(local.toPlainTime(), late) >= 0 ? addDays(date, 1) : date;
}

export interface ProtectionAssessmentCheck {
  receivedAt: Temporal.Instant | string;
  /** when the check is made */
  now: Temporal.Instant | string;
  timeZone: string;
  hasProtectionAssessment: boolean;
  lateFrom?: string;
}

/** No documented assessment and the due date has ended in `timeZone`. */
export function isProtectionAssessmentOverdue(check: ProtectionAssessmentCheck): boolean {
  if (check.hasProtectionAssessment) return false;
  const due = protectionAssessmentDue(check.receivedAt, check.timeZone, check.lateFrom);
  return localDateOf(check.now, check.timeZone) > due;
}

// ---------------------------------------------------------------------------
// Turn-out (utryckning)

/** Benchmark from call to arrival. */
export const TURN_OUT_BENCHMARK_MINUTES = 120;

function turnOutSeconds(calledAt: Temporal.Instant | string, arrivedAt: Temporal.Instant | string): number {
  const called = toInstant(calledAt);
  const arrived = toInstant(arrivedAt);
  if (Temporal.Instant.compare(arrived, called) < 0) {
    throw new RangeError(`Arrival ${arrived.toString()} is before the call ${called.toString()}`);
  }
  return called.until(arrived, { largestUnit: 'second' }).seconds;
}

/** Whole minutes of real time from the call to the arrival (daylight-saving changes count as they are). */
export function turnOutMinutes(calledAt: Temporal.Instant | string, arrivedAt: Temporal.Instant | string): number {
  return Math.floor(turnOutSeconds(calledAt, arrivedAt) / 60);
}

/** Arrived within the benchmark (at most 120 minutes by default, to the second). */
export function meetsTurnOutBenchmark(
  calledAt: Temporal.Instant | string,
  arrivedAt: Temporal.Instant | string,
  benchmarkMinutes: number = TURN_OUT_BENCHMARK_MINUTES,
): boolean {
  return turnOutSeconds(calledAt, arrivedAt) <= benchmarkMinutes * 60;
}
