// Rest rules over a person's work: daily rest in every 24-hour period, rest before every
// shift, weekly rest in every 7-day period, and no overlapping work. All arithmetic on
// instants, so nights across midnight and DST changes are exact.
import { addDays, daysBetween, isoWeekday } from '../calendar/dates.ts';
import { zonedDateTime } from '../calendar/time.ts';
import type { RosterRules, Violation } from './types.ts';

const HOUR_MS = 3_600_000;

/** A stretch of work: a planned shift or a standby call-out. */
export interface WorkInterval {
  startMs: number;
  endMs: number;
  kind: 'shift' | 'callout';
  /** the shift's date, or the local date the call-out started */
  date: string;
  shiftKey: string | null;
  callOutId: string | null;
}

/** Hours with a Swedish decimal comma, at most one decimal: 10,5. */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return String(rounded).replace('.', ',');
}

/** Sorted, merged busy stretches (touching or overlapping work joins). */
function merged(intervals: readonly WorkInterval[]): { startMs: number; endMs: number }[] {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs);
  const out: { startMs: number; endMs: number }[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.startMs <= last.endMs) last.endMs = Math.max(last.endMs, w.endMs);
    else out.push({ startMs: w.startMs, endMs: w.endMs });
  }
  return out;
}

/** The longest continuous rest inside [from, to) given the busy stretches (clipped to the period). */
export function longestRestWithin(intervals: readonly WorkInterval[], fromMs: number, toMs: number): number {
  let cursor = fromMs;
  let longest = 0;
  for (const busy of merged(intervals)) {
    if (busy.endMs <= fromMs || busy.startMs >= toMs) continue;
    longest = Math.max(longest, Math.max(0, busy.startMs - cursor));
    cursor = Math.max(cursor, busy.endMs);
  }
  longest = Math.max(longest, Math.max(0, toMs - cursor));
  return longest / HOUR_MS;
}

/** The 24-hour period starting on `date` at the fixed start (a DST day is 23 or 25 hours). */
export function dailyPeriod(date: string, rules: Pick<RosterRules, 'dailyPeriodStart'>, timeZone: string): { fromMs: number; toMs: number } {
  return {
    fromMs: zonedDateTime(date, rules.dailyPeriodStart, timeZone).epochMilliseconds,
    toMs: zonedDateTime(addDays(date, 1), rules.dailyPeriodStart, timeZone).epochMilliseconds,
  };
}

/** The first date of the 7-day period that contains `date`. */
export function weekPeriodStartDate(date: string, rules: Pick<RosterRules, 'weeklyPeriodStartWeekday'>): string {
  const back = (isoWeekday(date) - rules.weeklyPeriodStartWeekday + 7) % 7;
  return addDays(date, -back);
}

/** The 7-day period starting on `date` at the fixed start. */
export function weeklyPeriod(date: string, rules: Pick<RosterRules, 'dailyPeriodStart'>, timeZone: string): { fromMs: number; toMs: number } {
  return {
    fromMs: zonedDateTime(date, rules.dailyPeriodStart, timeZone).epochMilliseconds,
    toMs: zonedDateTime(addDays(date, 7), rules.dailyPeriodStart, timeZone).epochMilliseconds,
  };
}

export interface RestCheckInput {
  staffId: string;
  /** used in messages; defaults to no name */
  name?: string;
  work: readonly WorkInterval[];
  /** dates whose periods are checked, both included */
  from: string;
  to: string;
  rules: RosterRules;
  timeZone: string;
}

/** Every broken rest rule of one person's work in the range, in time order. */
export function checkRest(input: RestCheckInput): Violation[] {
  const { staffId, work, rules, timeZone } = input;
  const who = input.name ? `${input.name}: ` : '';
  const violations: Violation[] = [];
  const sorted = [...work].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);

  // No two pieces of work at once.
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.kind === 'shift' && b.kind === 'shift' && b.startMs < a.endMs) {
      violations.push({ rule: 'double_booked', staffId, date: b.date, shiftKey: b.shiftKey, message: `${who}passen ${a.date} och ${b.date} överlappar` });
    }
  }

  // Rest before every planned shift: since the end of the work before it (a call-out included).
  for (const shift of sorted) {
    if (shift.kind !== 'shift') continue;
    let previous: WorkInterval | null = null;
    for (const other of sorted) {
      if (other === shift || other.endMs > shift.startMs) continue;
      if (!previous || other.endMs > previous.endMs) previous = other;
    }
    if (!previous) continue;
    const rest = (shift.startMs - previous.endMs) / HOUR_MS;
    if (rest < rules.minDailyRestHours) {
      const cause = previous.kind === 'callout' ? 'efter utryckningen' : `efter passet ${previous.date}`;
      violations.push({
        rule: 'rest_before_shift',
        staffId,
        date: shift.date,
        shiftKey: shift.shiftKey,
        restHours: rest,
        callOutId: previous.callOutId,
        message: `${who}bara ${formatHours(rest)} h vila ${cause} före passet ${shift.date}; minst ${formatHours(rules.minDailyRestHours)} h krävs`,
      });
    }
  }

  // Daily rest in every 24-hour period with work in it.
  const span = daysBetween(input.from, input.to);
  for (let offset = 0; offset <= span; offset++) {
    const date = addDays(input.from, offset);
    const period = dailyPeriod(date, rules, timeZone);
    const inside = sorted.filter((w) => w.endMs > period.fromMs && w.startMs < period.toMs);
    if (inside.length === 0) continue;
    const rest = longestRestWithin(inside, period.fromMs, period.toMs);
    if (rest < rules.minDailyRestHours) {
      const callOut = inside.find((w) => w.kind === 'callout');
      const shift = inside.find((w) => w.kind === 'shift' && w.startMs >= period.fromMs) ?? null;
      violations.push({
        rule: 'daily_rest',
        staffId,
        date,
        shiftKey: shift?.shiftKey ?? null,
        restHours: rest,
        callOutId: callOut?.callOutId ?? null,
        message: `${who}dygnet ${date} har bara ${formatHours(rest)} h sammanhängande dygnsvila; minst ${formatHours(rules.minDailyRestHours)} h krävs`,
      });
    }
  }

  // Weekly rest in every 7-day period that overlaps the range.
  for (let week = weekPeriodStartDate(input.from, rules); week <= input.to; week = addDays(week, 7)) {
    const period = weeklyPeriod(week, rules, timeZone);
    const inside = sorted.filter((w) => w.endMs > period.fromMs && w.startMs < period.toMs);
    if (inside.length === 0) continue;
    const rest = longestRestWithin(inside, period.fromMs, period.toMs);
    if (rest < rules.minWeeklyRestHours) {
      violations.push({
        rule: 'weekly_rest',
        staffId,
        date: week,
        shiftKey: null,
        restHours: rest,
        callOutId: inside.find((w) => w.kind === 'callout')?.callOutId ?? null,
        message: `${who}veckan från ${week} har bara ${formatHours(rest)} h sammanhängande veckovila; minst ${formatHours(rules.minWeeklyRestHours)} h krävs`,
      });
    }
  }
  return violations;
}
