// Staffing vocabulary: shifts, staff, rest rules and what the checker reports.
import type { DayType } from '../calendar/config.ts';

/** The kinds of shift a roster holds. */
export const SHIFT_KINDS = ['open', 'standby', 'open_until_midnight'] as const;
/**
 * open: the open window of a date (its start depends on the day type) until 02:00;
 * standby: standby at home on a date (02:00 until 08:00, or 16:00 on weekends and holidays);
 * open_until_midnight: the open window ending at 24:00, which some substitutes may choose on weekdays.
 */
export type ShiftKind = (typeof SHIFT_KINDS)[number];

export function isShiftKind(value: string): value is ShiftKind {
  return (SHIFT_KINDS as readonly string[]).includes(value);
}

/** One concrete shift: a kind on a date, with its instants (epoch milliseconds, DST-exact). */
export interface ShiftInstance {
  /** `${date}:${kind}` */
  key: string;
  date: string;
  kind: ShiftKind;
  dayType: DayType;
  holidayName: string | null;
  /** RFC 3339 with the local offset */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  /** real elapsed hours (the spring night is an hour shorter; the calendar ends the autumn night at the first 02:00) */
  hours: number;
  /** Saturday, Sunday or a holiday: counts towards the weekend share */
  isWeekend: boolean;
}

/** Rules and targets of a roster; every number is configuration with a documented default. */
export interface RosterRules {
  /** continuous daily rest in every 24-hour period (AB § 13, ATL 13 §) */
  minDailyRestHours: number;
  /** continuous weekly rest in every 7-day period (ATL 14 §) */
  minWeeklyRestHours: number;
  /** the employer's fixed start of the 24-hour period, `HH:MM` local */
  dailyPeriodStart: string;
  /** the fixed start of the 7-day period: ISO weekday (1 = Monday) at `dailyPeriodStart` */
  weeklyPeriodStartWeekday: number;
  /** weekly hours of a full-time (100 %) employee */
  fullTimeWeeklyHours: number;
  /** how far (percent of the target) a person's hours may be from their employment rate's share */
  hoursTolerancePercent: number;
  /** how much of an hour of standby counts towards the scheduled hours (standby is not working time: 0) */
  standbyHoursCredit: number;
  /** extra staff a shift may hold beyond the requirement (lets part-timers reach their hours) */
  maxExtraPerShift: number;
  /** staff on standby after every open shift */
  standbyPerNight: number;
  /** a roster must be published at least this many days before it starts */
  publishLeadDays: number;
  /** length of the rotation */
  periodWeeks: number;
}

export const defaultRosterRules: RosterRules = Object.freeze({
  minDailyRestHours: 11,
  minWeeklyRestHours: 36,
  dailyPeriodStart: '00:00',
  weeklyPeriodStartWeekday: 1,
  fullTimeWeeklyHours: 40,
  hoursTolerancePercent: 5,
  standbyHoursCredit: 0,
  maxExtraPerShift: 1,
  standbyPerNight: 1,
  publishLeadDays: 14,
  periodWeeks: 12,
});

/** A regular employee as the roster sees them. */
export interface RosterStaff {
  id: string;
  name: string;
  /** employment rate in percent, 35–100 */
  employmentRate: number;
}

export const REQUEST_KINDS = ['absence', 'wish_free', 'wish_work'] as const;
/** absence: cannot work (vacation, leave); wish_free / wish_work: a preference */
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface StaffRequest {
  staffId: string;
  date: string;
  kind: RequestKind;
}

/** One person's assignment to a shift. */
export interface Assignment {
  staffId: string;
  date: string;
  kind: ShiftKind;
}

/** Work that is not planned: a standby call-out (from started until back). */
export interface CallOut {
  id: string;
  staffId: string;
  calledAt: string;
  startedAt: string;
  backAt: string;
}

export type ViolationRule =
  | 'daily_rest'
  | 'rest_before_shift'
  | 'weekly_rest'
  | 'understaffed'
  | 'standby_missing'
  | 'double_booked'
  | 'absent';

/** A broken rule. `message` is Swedish, for the user. */
export interface Violation {
  rule: ViolationRule;
  /** the person concerned; null for coverage problems */
  staffId: string | null;
  /** the date of the shift or period concerned */
  date: string;
  /** the shift concerned (`${date}:${kind}`), when there is one */
  shiftKey: string | null;
  message: string;
  /** how much rest there was (hours), for rest rules */
  restHours?: number;
  /** a call-out caused it */
  callOutId?: string | null;
}
