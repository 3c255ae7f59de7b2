// What a roster period demands and what the staff can give, checked before solving.
import type { CalendarConfig } from '../calendar/config.ts';
import { addDays } from '../calendar/dates.ts';
import { formatHours } from './rest.ts';
import { rosterShifts } from './shifts.ts';
import type { RosterRules, RosterStaff, ShiftInstance, StaffRequest } from './types.ts';

export interface RosterProblem {
  calendar: CalendarConfig;
  rules: RosterRules;
  /** first date (a Monday for a rotation) */
  from: string;
  weeks: number;
  requiredPerShift: number;
  staff: readonly RosterStaff[];
  requests: readonly StaffRequest[];
}

/** A requirement that cannot be met, in Swedish, with the figures behind it. */
export interface RosterProblemReport {
  requirement: 'staff_count' | 'total_hours' | 'surplus_hours' | 'absence' | 'coverage' | 'standby' | 'hours' | 'solver';
  message: string;
  date?: string;
  staffId?: string;
  /** hours or persons short (positive) or over */
  amount?: number;
}

export interface HoursTarget {
  staffId: string;
  target: number;
  tolerance: number;
}

const isAbsent = (requests: readonly StaffRequest[], staffId: string, date: string) => requests.some((r) => r.staffId === staffId && r.date === date && r.kind === 'absence');

/** Each person's hours over the period: employment rate × full-time week, less absent days, ± tolerance. */
export function hoursTargets(problem: RosterProblem): HoursTarget[] {
  const days = problem.weeks * 7;
  return problem.staff.map((s) => {
    let absent = 0;
    for (let d = 0; d < days; d++) if (isAbsent(problem.requests, s.id, addDays(problem.from, d))) absent++;
    const target = (s.employmentRate / 100) * (problem.rules.fullTimeWeeklyHours / 7) * (days - absent);
    return { staffId: s.id, target, tolerance: (target * problem.rules.hoursTolerancePercent) / 100 };
  });
}

/** Hours the shifts demand: the required staff on every open shift, and credited standby. */
export function demandHours(problem: RosterProblem, shifts: { open: readonly ShiftInstance[]; standby: readonly ShiftInstance[] }) {
  const open = shifts.open.reduce((sum, s) => sum + s.hours, 0);
  const standby = shifts.standby.reduce((sum, s) => sum + s.hours, 0) * problem.rules.standbyHoursCredit * problem.rules.standbyPerNight;
  return { min: problem.requiredPerShift * open + standby, max: (problem.requiredPerShift + problem.rules.maxExtraPerShift) * open + standby, openHours: open };
}

/** Requirements that no roster can meet, found by counting before the solver runs. */
export function checkCapacity(problem: RosterProblem): RosterProblemReport[] {
  const reports: RosterProblemReport[] = [];
  const { requiredPerShift: req } = problem;
  const n = problem.staff.length;
  if (n < req) {
    reports.push({ requirement: 'staff_count', amount: req - n, message: `Bemanningen kräver ${req} per pass men det finns bara ${n} ordinarie medarbetare.` });
  }
  const shifts = rosterShifts(problem.from, problem.weeks * 7, problem.calendar);
  const demand = demandHours(problem, shifts);
  const targets = hoursTargets(problem);
  const maxSupply = targets.reduce((sum, t) => sum + t.target + t.tolerance, 0);
  const minSupply = targets.reduce((sum, t) => sum + t.target - t.tolerance, 0);
  const averageShift = demand.openHours / shifts.open.length;
  if (demand.min > maxSupply + 1e-6) {
    const short = demand.min - maxSupply;
    reports.push({
      requirement: 'total_hours',
      amount: short,
      message: `Passen kräver ${formatHours(demand.min)} h under ${problem.weeks} veckor (${req} per pass) men personalen kan schemaläggas högst ${formatHours(maxSupply)} h (sysselsättningsgrad + ${problem.rules.hoursTolerancePercent} %): ${formatHours(short)} h saknas, ungefär ${Math.ceil(short / averageShift)} pass för timvikarier.`,
    });
  }
  if (minSupply > demand.max + 1e-6) {
    const over = minSupply - demand.max;
    reports.push({
      requirement: 'surplus_hours',
      amount: over,
      message: `Personalens timmar (minst ${formatHours(minSupply)} h) ryms inte i passen (högst ${formatHours(demand.max)} h med ${problem.rules.maxExtraPerShift} extra per pass): ${formatHours(over)} h för mycket.`,
    });
  }
  for (const shift of shifts.open) {
    const present = problem.staff.filter((s) => !isAbsent(problem.requests, s.id, shift.date)).length;
    if (present < req && present < n) {
      reports.push({ requirement: 'absence', date: shift.date, amount: req - present, message: `Passet ${shift.date}: bara ${present} av ${n} medarbetare är i tjänst (frånvaro); ${req - present} måste tas in som vikarier.` });
    }
  }
  return reports;
}
