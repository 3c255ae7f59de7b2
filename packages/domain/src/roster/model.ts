// The roster as a mixed-integer program in CPLEX LP format (solved by HiGHS in the server).
// Hard: rest rules (daily rest in every 24-hour period, rest before every shift, weekly rest in
// every 7-day period), at most the requirement + maxExtraPerShift on a shift, standby only after
// one's own open shift. Soft, with slack reported: staffing per shift, standby every night, hours
// within the tolerance. Weighted preferences: absences, wishes, even weekends and standby.
import { addDays, daysBetween } from '../calendar/dates.ts';
import { checkCapacity, hoursTargets, type RosterProblem, type RosterProblemReport } from './capacity.ts';
import { dailyPeriod, formatHours, weekPeriodStartDate, weeklyPeriod } from './rest.ts';
import { rosterShifts } from './shifts.ts';
import type { Assignment, ShiftInstance } from './types.ts';

const HOUR_MS = 3_600_000;

/** Objective weights: a missing person on a shift costs more than anything but an ignored absence. */
export const ROSTER_WEIGHTS = Object.freeze({
  absence: 3000,
  coverageGap: 1000,
  standbyGap: 800,
  hoursSlackPerHour: 200,
  weekendDeviation: 30,
  standbyDeviation: 10,
  wish: 20,
  hoursDeviationPerHour: 1,
});

export interface RosterModel {
  lp: string;
  /** variables and rows, for the benchmark and logs */
  size: { binaries: number; continuous: number; rows: number };
  shifts: { open: ShiftInstance[]; standby: ShiftInstance[] };
  /** requirements known to be impossible before solving */
  capacity: RosterProblemReport[];
  /**
   * Columns whose cost is only a preference (even weekends and standby, hours near the target).
   * A solver may first find a roster without them and then improve it with them.
   */
  preferenceCosts: { name: string; cost: number }[];
  /** the decision columns (shifts, standby, slack) a decoder reads */
  decisionColumns: string[];
}

interface Term {
  coef: number;
  name: string;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(6).replace(/0+$/, '').replace(/\.$/, ''));

function expr(terms: readonly Term[]): string {
  if (terms.length === 0) return '0 zero';
  return terms
    .map((t, i) => {
      const sign = t.coef < 0 ? '-' : i === 0 ? '' : '+';
      const abs = Math.abs(t.coef);
      return `${sign} ${abs === 1 ? '' : fmt(abs) + ' '}${t.name}`.trim();
    })
    .join(' ');
}

/**
 * Candidate rest windows of `lengthMs` inside [fromMs, toMs): one from the period's start and one
 * from the end of every shift in it. The longest rest starts at one of these, so "some window
 * meets no worked shift" is exactly "the period has that much continuous rest". Returns, for each
 * window, the shifts it meets; null when one window meets no shift at all (always satisfied).
 */
export function restWindows(shifts: readonly ShiftInstance[], fromMs: number, toMs: number, lengthMs: number): number[][] | null {
  const starts = [fromMs, ...shifts.filter((s) => s.endMs >= fromMs && s.endMs + lengthMs <= toMs).map((s) => s.endMs)];
  const windows: number[][] = [];
  for (const start of new Set(starts)) {
    if (start + lengthMs > toMs) continue;
    const meets: number[] = [];
    shifts.forEach((s, index) => {
      if (s.startMs < start + lengthMs && s.endMs > start) meets.push(index);
    });
    if (meets.length === 0) return null;
    windows.push(meets);
  }
  return windows;
}

/** Builds the MIP for a rotation. */
export function buildRosterModel(problem: RosterProblem): RosterModel {
  const { rules, staff, requiredPerShift: req } = problem;
  const days = problem.weeks * 7;
  const shifts = rosterShifts(problem.from, days, problem.calendar);
  const open = shifts.open;
  const targets = hoursTargets(problem);
  const totalRate = staff.reduce((sum, s) => sum + s.employmentRate, 0) || 1;
  const weekendShifts = open.filter((s) => s.isWeekend).length;

  const objective: Term[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounds: string[] = [];
  const generals: string[] = [];
  let continuous = 0;
  let rowNo = 0;
  const row = (terms: Term[], op: '>=' | '<=' | '=', rhs: number) => {
    rows.push(` r${rowNo++}: ${expr(terms)} ${op} ${fmt(rhs)}`);
  };
  const x = (p: number, d: number) => `x_${p}_${d}`;
  const sb = (p: number, d: number) => `s_${p}_${d}`;

  for (let p = 0; p < staff.length; p++) for (let d = 0; d < days; d++) binaries.push(x(p, d), sb(p, d));

  // Staffing per shift (gap slack) and an upper bound; standby every night (gap slack).
  for (let d = 0; d < days; d++) {
    const cover = staff.map((_, p) => ({ coef: 1, name: x(p, d) }));
    row([...cover, { coef: 1, name: `g_${d}` }], '>=', req);
    row(cover, '<=', req + rules.maxExtraPerShift);
    generals.push(`g_${d}`);
    bounds.push(` 0 <= g_${d} <= ${req}`);
    objective.push({ coef: ROSTER_WEIGHTS.coverageGap, name: `g_${d}` });
    row([...staff.map((_, p) => ({ coef: 1, name: sb(p, d) })), { coef: 1, name: `h_${d}` }], '=', rules.standbyPerNight);
    generals.push(`h_${d}`);
    bounds.push(` 0 <= h_${d} <= ${rules.standbyPerNight}`);
    objective.push({ coef: ROSTER_WEIGHTS.standbyGap, name: `h_${d}` });
    // Standby follows one's own open shift.
    for (let p = 0; p < staff.length; p++) row([{ coef: 1, name: sb(p, d) }, { coef: -1, name: x(p, d) }], '<=', 0);
  }

  // The rest periods and their candidate windows are the same for everyone: computed once.
  const restPeriods: { label: string; windows: number[][] }[] = [];
  const addPeriod = (fromMs: number, toMs: number, hours: number, label: string) => {
    const windows = restWindows(open, fromMs, toMs, hours * HOUR_MS);
    if (windows !== null) restPeriods.push({ label, windows });
  };
  for (let d = -1; d <= days; d++) {
    const period = dailyPeriod(addDays(problem.from, d), rules, problem.calendar.timeZone);
    addPeriod(period.fromMs, period.toMs, rules.minDailyRestHours, `d${d + 1}`);
  }
  const last = addDays(problem.from, days - 1);
  for (let week = weekPeriodStartDate(problem.from, rules); daysBetween(week, last) >= 0; week = addDays(week, 7)) {
    const period = weeklyPeriod(week, rules, problem.calendar.timeZone);
    addPeriod(period.fromMs, period.toMs, rules.minWeeklyRestHours, `w${week.replaceAll('-', '')}`);
  }

  const requests = new Map<string, string>();
  for (const r of problem.requests) requests.set(`${r.staffId}|${r.date}`, r.kind);

  for (let p = 0; p < staff.length; p++) {
    const person = staff[p]!;
    const target = targets[p]!;
    // Absences and wishes.
    for (let d = 0; d < days; d++) {
      const kind = requests.get(`${person.id}|${open[d]!.date}`);
      if (kind === 'absence') objective.push({ coef: ROSTER_WEIGHTS.absence, name: x(p, d) });
      else if (kind === 'wish_free') objective.push({ coef: ROSTER_WEIGHTS.wish, name: x(p, d) });
      else if (kind === 'wish_work') objective.push({ coef: -ROSTER_WEIGHTS.wish, name: x(p, d) });
    }
    // Hours within the tolerance (slack u under, o over), and close to the target.
    const hours: Term[] = open.map((s, d) => ({ coef: s.hours, name: x(p, d) }));
    if (rules.standbyHoursCredit > 0) shifts.standby.forEach((s, d) => hours.push({ coef: s.hours * rules.standbyHoursCredit, name: sb(p, d) }));
    row([...hours, { coef: 1, name: `u_${p}` }], '>=', target.target - target.tolerance);
    row([...hours, { coef: -1, name: `o_${p}` }], '<=', target.target + target.tolerance);
    row([...hours, { coef: -1, name: `dp_${p}` }, { coef: 1, name: `dm_${p}` }], '=', target.target);
    for (const v of [`u_${p}`, `o_${p}`, `dp_${p}`, `dm_${p}`]) bounds.push(` ${v} >= 0`);
    continuous += 4;
    objective.push({ coef: ROSTER_WEIGHTS.hoursSlackPerHour, name: `u_${p}` }, { coef: ROSTER_WEIGHTS.hoursSlackPerHour, name: `o_${p}` });
    objective.push({ coef: ROSTER_WEIGHTS.hoursDeviationPerHour, name: `dp_${p}` }, { coef: ROSTER_WEIGHTS.hoursDeviationPerHour, name: `dm_${p}` });
    // Even weekends and standby: deviation from the share by employment rate.
    const weekendShare = (weekendShifts * req * person.employmentRate) / totalRate;
    const weekend = open.flatMap((s, d) => (s.isWeekend ? [{ coef: 1, name: x(p, d) }] : []));
    row([...weekend, { coef: -1, name: `wp_${p}` }, { coef: 1, name: `wm_${p}` }], '=', weekendShare);
    const standbyShare = (days * rules.standbyPerNight * person.employmentRate) / totalRate;
    row([...open.map((_, d) => ({ coef: 1, name: sb(p, d) })), { coef: -1, name: `bp_${p}` }, { coef: 1, name: `bm_${p}` }], '=', standbyShare);
    for (const v of [`wp_${p}`, `wm_${p}`, `bp_${p}`, `bm_${p}`]) bounds.push(` ${v} >= 0`);
    continuous += 4;
    for (const v of [`wp_${p}`, `wm_${p}`]) objective.push({ coef: ROSTER_WEIGHTS.weekendDeviation, name: v });
    for (const v of [`bp_${p}`, `bm_${p}`]) objective.push({ coef: ROSTER_WEIGHTS.standbyDeviation, name: v });

    // Rest before every shift: two shifts closer than the daily rest exclude each other.
    for (let a = 0; a < days; a++) {
      for (let b = a + 1; b < days && open[b]!.startMs - open[a]!.endMs < rules.minDailyRestHours * HOUR_MS; b++) {
        row([{ coef: 1, name: x(p, a) }, { coef: 1, name: x(p, b) }], '<=', 1);
      }
    }
    // Daily rest in every 24-hour period and weekly rest in every 7-day period.
    for (const period of restPeriods) {
      const ys = period.windows.map((_, k) => `y_${p}_${period.label}_${k}`);
      binaries.push(...ys);
      row(ys.map((name) => ({ coef: 1, name })), '>=', 1);
      period.windows.forEach((meets, k) => {
        for (const d of meets) row([{ coef: 1, name: ys[k]! }, { coef: 1, name: x(p, d) }], '<=', 1);
      });
    }
  }

  const lp = [
    'Minimize',
    ` obj: ${expr(objective)}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Generals',
    ` ${generals.join(' ')}`,
    'Binary',
    ` ${binaries.join(' ')}`,
    'End',
  ].join('\n');
  const preference = /^(dp|dm|wp|wm|bp|bm)_/;
  const preferenceCosts = objective.filter((t) => preference.test(t.name)).map((t) => ({ name: t.name, cost: t.coef }));
  const decisionColumns = [...binaries.filter((b) => b.startsWith('x_') || b.startsWith('s_')), ...generals];
  return { lp, size: { binaries: binaries.length, continuous, rows: rowNo }, shifts, capacity: checkCapacity(problem), preferenceCosts, decisionColumns };
}

export interface RosterSolution {
  assignments: Assignment[];
  /** requirements the solution could not meet (from the slack), plus those found before solving */
  problems: RosterProblemReport[];
  hours: { staffId: string; hours: number; target: number; tolerance: number; weekendShifts: number; standbyNights: number }[];
}

/** Reads the solver's column values back into assignments and names every unmet requirement. */
export function decodeRosterSolution(problem: RosterProblem, model: RosterModel, value: (column: string) => number): RosterSolution {
  const { staff } = problem;
  const open = model.shifts.open;
  const standby = model.shifts.standby;
  const targets = hoursTargets(problem);
  const assignments: Assignment[] = [];
  const problems: RosterProblemReport[] = [...model.capacity];
  const hours: RosterSolution['hours'] = [];
  for (let p = 0; p < staff.length; p++) {
    let worked = 0;
    let weekend = 0;
    let nights = 0;
    for (let d = 0; d < open.length; d++) {
      if (value(`x_${p}_${d}`) > 0.5) {
        assignments.push({ staffId: staff[p]!.id, date: open[d]!.date, kind: 'open' });
        worked += open[d]!.hours;
        if (open[d]!.isWeekend) weekend++;
      }
      if (value(`s_${p}_${d}`) > 0.5) {
        assignments.push({ staffId: staff[p]!.id, date: standby[d]!.date, kind: 'standby' });
        worked += standby[d]!.hours * problem.rules.standbyHoursCredit;
        nights++;
      }
    }
    const t = targets[p]!;
    hours.push({ staffId: staff[p]!.id, hours: worked, target: t.target, tolerance: t.tolerance, weekendShifts: weekend, standbyNights: nights });
    if (worked < t.target - t.tolerance - 1e-6 || worked > t.target + t.tolerance + 1e-6) {
      problems.push({
        requirement: 'hours',
        staffId: staff[p]!.id,
        amount: worked - t.target,
        message: `${staff[p]!.name}: ${formatHours(worked)} h under perioden, men sysselsättningsgraden ${staff[p]!.employmentRate} % ger ${formatHours(t.target)} h ± ${formatHours(t.tolerance)} h.`,
      });
    }
  }
  for (let d = 0; d < open.length; d++) {
    const gap = Math.round(value(`g_${d}`));
    if (gap > 0) problems.push({ requirement: 'coverage', date: open[d]!.date, amount: gap, message: `Passet ${open[d]!.date}: ${gap} av ${problem.requiredPerShift} kunde inte bemannas med ordinarie personal inom vilo- och timreglerna.` });
    const standbyGap = Math.round(value(`h_${d}`));
    if (standbyGap > 0) problems.push({ requirement: 'standby', date: standby[d]!.date, amount: standbyGap, message: `Beredskapen ${standby[d]!.date}: ingen kunde läggas på beredskap.` });
  }
  return { assignments, problems, hours };
}
