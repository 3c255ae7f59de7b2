// The year's plan (verksamhetsplan) and its follow-up each tertial and year:
// goals with a status, indicators with a target, the budget, and the rules of
// when a follow-up may be finished and sent.
import { addDays } from '../calendar/dates.ts';
import { reportPeriod, type ReportKind, type Tertial } from '../statistics/period.ts';

/** A follow-up covers a tertial or the whole year. */
export const followUpPeriods = ['T1', 'T2', 'T3', 'year'] as const;
export type FollowUpPeriod = (typeof followUpPeriods)[number];

export function isFollowUpPeriod(value: unknown): value is FollowUpPeriod {
  return typeof value === 'string' && (followUpPeriods as readonly string[]).includes(value);
}

/** The report a follow-up goes with: kind and tertial. */
export function reportOfPeriod(period: FollowUpPeriod): { kind: ReportKind; tertial: Tertial | null } {
  return period === 'year' ? { kind: 'year', tertial: null } : { kind: 'tertial', tertial: Number(period.slice(1)) as Tertial };
}

/** "Tertial 1 2026" or "Helår 2026". */
export function followUpTitle(year: number, period: FollowUpPeriod): string {
  return period === 'year' ? `Helår ${year}` : `Tertial ${period.slice(1)} ${year}`;
}

/** The document's title: "Tertialrapport 1 2026" / "Verksamhetsberättelse 2026". */
export function documentTitle(year: number, period: FollowUpPeriod): string {
  return period === 'year' ? `Verksamhetsberättelse ${year}` : `Tertialrapport ${period.slice(1)} ${year}`;
}

/** Has the period ended on `today` (a local date)? A follow-up is finished only after its last day. */
export function hasPeriodEnded(year: number, period: FollowUpPeriod, today: string): boolean {
  const { kind, tertial } = reportOfPeriod(period);
  return today > reportPeriod(kind, year, tertial).to;
}

// ---------------------------------------------------------------------------
// Goals

export const goalStatuses = ['met', 'partly_met', 'not_met'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/** The phrases the jour's own reports use. */
export const goalStatusLabels: Record<GoalStatus, string> = {
  met: 'Målet anses uppnått',
  partly_met: 'Målet anses delvis uppnått',
  not_met: 'Målet anses inte uppnått',
};

export interface PlanGoal {
  id: string;
  title: string;
  description: string;
}
export interface PlanActivity {
  id: string;
  text: string;
}
/** An indicator such as sick leave: the target is a limit the outcome should stay at or under (`at_most`) or reach (`at_least`). */
export interface PlanIndicator {
  id: string;
  name: string;
  unit: string;
  direction: 'at_most' | 'at_least';
  target: number | null;
  /** last year's outcome, for comparison */
  previous: number | null;
}
export interface PlanBudgetLine {
  id: string;
  label: string;
  note: string;
  /** whole kronor */
  amount: number;
}
export interface PlanContent {
  intro: string;
  goals: PlanGoal[];
  activities: PlanActivity[];
  indicators: PlanIndicator[];
  budget: PlanBudgetLine[];
}

export interface GoalFollowUp {
  goalId: string;
  status: GoalStatus | null;
  text: string;
}
export interface IndicatorFollowUp {
  indicatorId: string;
  value: number | null;
  comment: string;
}
export interface FollowUpContent {
  goals: GoalFollowUp[];
  activities: { activityId: string; text: string }[];
  indicators: IndicatorFollowUp[];
  importantIssues: string;
  /** a short comment per statistics table, and a summary */
  statisticsComments: { municipalities: string; categories: string; decisions: string; keyFigures: string; summary: string };
}

export const emptyPlan = (): PlanContent => ({ intro: '', goals: [], activities: [], indicators: [], budget: [] });
export const emptyFollowUp = (): FollowUpContent => ({
  goals: [],
  activities: [],
  indicators: [],
  importantIssues: '',
  statisticsComments: { municipalities: '', categories: '', decisions: '', keyFigures: '', summary: '' },
});

/** The budget's total in kronor. */
export function budgetTotal(lines: readonly PlanBudgetLine[]): number {
  return lines.reduce((sum, line) => sum + line.amount, 0);
}

/** Is an indicator's outcome within its target? null when there is no target or no outcome. */
export function indicatorMet(indicator: Pick<PlanIndicator, 'direction' | 'target'>, value: number | null): boolean | null {
  if (indicator.target === null || value === null) return null;
  return indicator.direction === 'at_most' ? value <= indicator.target : value >= indicator.target;
}

export interface PlanProblem {
  field: string;
  message: string;
}

/** A plan's own rules: every goal, activity, indicator and budget line named; ids unique; amounts whole and not negative. */
export function validatePlan(plan: PlanContent): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const ids = new Set<string>();
  const unique = (id: string, field: string) => {
    if (ids.has(id)) problems.push({ field, message: 'Samma id förekommer två gånger i planen.' });
    ids.add(id);
  };
  plan.goals.forEach((g, i) => {
    unique(g.id, `goals.${i}.id`);
    if (g.title.trim() === '') problems.push({ field: `goals.${i}.title`, message: `Mål ${i + 1} saknar text.` });
  });
  plan.activities.forEach((a, i) => {
    unique(a.id, `activities.${i}.id`);
    if (a.text.trim() === '') problems.push({ field: `activities.${i}.text`, message: `Aktivitet ${i + 1} saknar text.` });
  });
  plan.indicators.forEach((x, i) => {
    unique(x.id, `indicators.${i}.id`);
    if (x.name.trim() === '') problems.push({ field: `indicators.${i}.name`, message: `Indikator ${i + 1} saknar namn.` });
  });
  plan.budget.forEach((b, i) => {
    unique(b.id, `budget.${i}.id`);
    if (b.label.trim() === '') problems.push({ field: `budget.${i}.label`, message: `Budgetrad ${i + 1} saknar benämning.` });
    if (!Number.isInteger(b.amount) || b.amount < 0) problems.push({ field: `budget.${i}.amount`, message: `Budgetrad ${i + 1}: beloppet ska vara hela kronor, inte negativt.` });
  });
  return problems;
}

/**
 * The follow-up laid over the plan: one entry per goal, activity and
 * indicator of the plan, in the plan's order (texts written for goals that
 * have since left the plan are dropped; new goals start empty).
 */
export function alignFollowUp(plan: PlanContent, followUp: FollowUpContent): FollowUpContent {
  return {
    ...followUp,
    goals: plan.goals.map((g) => followUp.goals.find((f) => f.goalId === g.id) ?? { goalId: g.id, status: null, text: '' }),
    activities: plan.activities.map((a) => followUp.activities.find((f) => f.activityId === a.id) ?? { activityId: a.id, text: '' }),
    indicators: plan.indicators.map((x) => followUp.indicators.find((f) => f.indicatorId === x.id) ?? { indicatorId: x.id, value: null, comment: '' }),
  };
}

/** How many goals are met, partly met, not met, and not yet assessed. */
export function summariseGoals(plan: PlanContent, followUp: FollowUpContent): Record<GoalStatus | 'unassessed', number> {
  const counts = { met: 0, partly_met: 0, not_met: 0, unassessed: 0 };
  for (const g of alignFollowUp(plan, followUp).goals) counts[g.status ?? 'unassessed']++;
  return counts;
}

/**
 * Why a follow-up cannot be finished yet: the period has not ended, a goal
 * has no status, or a goal that is not fully met has no text saying why.
 */
export function finishProblems(year: number, period: FollowUpPeriod, plan: PlanContent, followUp: FollowUpContent, today: string): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!hasPeriodEnded(year, period, today)) {
    const { kind, tertial } = reportOfPeriod(period);
    problems.push({ field: 'period', message: `Perioden slutar ${reportPeriod(kind, year, tertial).to}; uppföljningen kan bli klar först efter det.` });
  }
  if (plan.goals.length === 0) problems.push({ field: 'goals', message: `Verksamhetsplanen för ${year} har inga mål att följa upp.` });
  alignFollowUp(plan, followUp).goals.forEach((g, i) => {
    const title = plan.goals[i]!.title;
    if (g.status === null) problems.push({ field: `goals.${i}.status`, message: `Ange om målet ”${title}” är uppnått.` });
    else if (g.status !== 'met' && g.text.trim() === '') problems.push({ field: `goals.${i}.text`, message: `Beskriv varför målet ”${title}” inte är helt uppnått.` });
  });
  return problems;
}

// ---------------------------------------------------------------------------
// The dashboard's comparison: this tertial so far against the same days last year

export interface ComparedRange {
  tertial: Tertial;
  year: number;
  /** local dates, both inclusive */
  from: string;
  to: string;
  lastYearFrom: string;
  lastYearTo: string;
}

/** The same month and day a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const monthDay = date.slice(5);
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !isLeap ? '02-28' : monthDay}`;
}

/** The current tertial from its first day to `today`, and the same days of the year before. */
export function tertialToDate(today: string): ComparedRange {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const tertial: Tertial = month <= 4 ? 1 : month <= 8 ? 2 : 3;
  const { from } = reportPeriod('tertial', year, tertial);
  return { tertial, year, from, to: today, lastYearFrom: sameDayLastYear(from), lastYearTo: sameDayLastYear(today) };
}

/** The change from `before` to `now` as a fraction (0.25 = 25 % more), null when before is 0. */
export function relativeChange(before: number, now: number): number | null {
  return before === 0 ? null : (now - before) / before;
}

/** The first day of the month `months` months before the month of `today` (for "the last 12 months"). */
export function monthsBack(today: string, months: number): string {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7)) - months;
  while (month < 1) {
    month += 12;
    year -= 1;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** The day after a local date (for half-open ranges). */
export const dayAfter = (date: string): string => addDays(date, 1);
