// A quick constructive roster, used as the MIP solver's starting point: day by day, the
// people furthest below their hours take the shift, provided every rest rule still holds.
import { addDays } from '../calendar/dates.ts';
import { hoursTargets, type RosterProblem } from './capacity.ts';
import { dailyPeriod, longestRestWithin, weeklyPeriod, weekPeriodStartDate, type WorkInterval } from './rest.ts';
import type { ShiftInstance } from './types.ts';

export interface GreedyRoster {
  /** open[p][d]: person p works the open shift of day d */
  open: boolean[][];
  /** standby[p][d]: person p has the standby after day d's shift */
  standby: boolean[][];
}

export function greedyRoster(problem: RosterProblem, open: readonly ShiftInstance[]): GreedyRoster {
  const { staff, rules } = problem;
  const targets = hoursTargets(problem);
  const days = open.length;
  const absent = new Set(problem.requests.filter((r) => r.kind === 'absence').map((r) => `${r.staffId}|${r.date}`));
  const work: WorkInterval[][] = staff.map(() => []);
  const hours = staff.map(() => 0);
  const standbyCount = staff.map(() => 0);
  const weekendCount = staff.map(() => 0);
  const totalRate = staff.reduce((sum, s) => sum + s.employmentRate, 0) || 1;
  const weekendSlots = open.filter((s) => s.isWeekend).length * problem.requiredPerShift;
  const weekendShare = staff.map((s) => Math.max(1, (weekendSlots * s.employmentRate) / totalRate));
  const result: GreedyRoster = { open: staff.map(() => new Array<boolean>(days).fill(false)), standby: staff.map(() => new Array<boolean>(days).fill(false)) };
  const HOUR_MS = 3_600_000;
  const tz = problem.calendar.timeZone;
  const daily = new Map<string, { fromMs: number; toMs: number }>();
  const weekly = new Map<string, { fromMs: number; toMs: number }>();
  const periodsOf = (shift: ShiftInstance) => {
    const out: { fromMs: number; toMs: number; hours: number }[] = [];
    for (const date of [shift.date, addDays(shift.date, 1)]) {
      if (!daily.has(date)) daily.set(date, dailyPeriod(date, rules, tz));
      out.push({ ...daily.get(date)!, hours: rules.minDailyRestHours });
      const week = weekPeriodStartDate(date, rules);
      if (!weekly.has(week)) weekly.set(week, weeklyPeriod(week, rules, tz));
      out.push({ ...weekly.get(week)!, hours: rules.minWeeklyRestHours });
    }
    return out;
  };
  /** Rest before and after the shift, and daily and weekly rest in the periods it touches. */
  const restHolds = (p: number, shift: ShiftInstance) => {
    const own = work[p]!;
    if (own.some((w) => w.startMs < shift.endMs + rules.minDailyRestHours * HOUR_MS && w.endMs > shift.startMs - rules.minDailyRestHours * HOUR_MS)) return false;
    const trial = [...own, { startMs: shift.startMs, endMs: shift.endMs, kind: 'shift' as const, date: shift.date, shiftKey: shift.key, callOutId: null }];
    return periodsOf(shift).every((period) => longestRestWithin(trial.filter((w) => w.endMs > period.fromMs && w.startMs < period.toMs), period.fromMs, period.toMs) >= period.hours);
  };
  for (let d = 0; d < days; d++) {
    const shift = open[d]!;
    const order = staff
      .map((_, p) => ({
        p,
        // hours still owed, and on weekends also the weekend shifts still owed, as shares
        need: (targets[p]!.target - hours[p]!) / Math.max(1, targets[p]!.target) + (shift.isWeekend ? (weekendShare[p]! - weekendCount[p]!) / weekendShare[p]! : 0),
      }))
      .filter(({ p }) => !absent.has(`${staff[p]!.id}|${shift.date}`) && hours[p]! + shift.hours <= targets[p]!.target + targets[p]!.tolerance)
      .sort((a, b) => b.need - a.need);
    const chosen: number[] = [];
    for (const { p } of order) {
      if (chosen.length >= problem.requiredPerShift) break;
      if (!restHolds(p, shift)) continue;
      chosen.push(p);
      if (shift.isWeekend) weekendCount[p]!++;
      work[p]!.push({ startMs: shift.startMs, endMs: shift.endMs, kind: 'shift', date: shift.date, shiftKey: shift.key, callOutId: null });
      hours[p]! += shift.hours;
      result.open[p]![d] = true;
    }
    const onStandby = [...chosen].sort((a, b) => standbyCount[a]! / staff[a]!.employmentRate - standbyCount[b]! / staff[b]!.employmentRate).slice(0, rules.standbyPerNight);
    for (const p of onStandby) {
      result.standby[p]![d] = true;
      standbyCount[p]!++;
    }
  }
  // Part-timers below their hours take extra places (up to maxExtraPerShift on a shift).
  const count = open.map((_, d) => staff.filter((_, p) => result.open[p]![d]).length);
  for (let round = 0; round < rules.maxExtraPerShift * 3; round++) {
    for (let d = 0; d < days; d++) {
      if (count[d]! >= problem.requiredPerShift + rules.maxExtraPerShift) continue;
      const shift = open[d]!;
      const behind = staff
        .map((_, p) => p)
        .filter((p) => !shift.isWeekend && !result.open[p]![d] && !absent.has(`${staff[p]!.id}|${shift.date}`) && hours[p]! < targets[p]!.target - targets[p]!.tolerance && hours[p]! + shift.hours <= targets[p]!.target + targets[p]!.tolerance)
        .sort((a, b) => (targets[b]!.target - hours[b]!) - (targets[a]!.target - hours[a]!));
      for (const p of behind) {
        if (!restHolds(p, shift)) continue;
        work[p]!.push({ startMs: shift.startMs, endMs: shift.endMs, kind: 'shift', date: shift.date, shiftKey: shift.key, callOutId: null });
        hours[p]! += shift.hours;
        result.open[p]![d] = true;
        count[d]!++;
        break;
      }
    }
  }
  return result;
}
