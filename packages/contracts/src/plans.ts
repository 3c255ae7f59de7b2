import { z } from 'zod';

// The year's plan (verksamhetsplan), its follow-ups per tertial and year, the
// assembled report document, and the unit manager's statistics dashboard.

const Year = z.coerce.number({ message: 'Ange år med fyra siffror' }).int('Ange år med fyra siffror').min(1900, 'Ange år med fyra siffror').max(2200, 'Ange år med fyra siffror');
export const FollowUpPeriodSchema = z.enum(['T1', 'T2', 'T3', 'year'], { message: 'Perioden är T1, T2, T3 eller year' });
export const PlanYearParams = z.object({ year: Year });
export const FollowUpParams = z.object({ year: Year, period: FollowUpPeriodSchema });

const Id = z.string().trim().min(1).max(64);
const Text = (max: number) => z.string().max(max, `Högst ${max} tecken`);

export const PlanContentSchema = z.object({
  intro: Text(20_000),
  goals: z.array(z.object({ id: Id, title: Text(2_000), description: Text(10_000) })).max(50),
  activities: z.array(z.object({ id: Id, text: Text(4_000) })).max(50),
  indicators: z
    .array(
      z.object({
        id: Id,
        name: Text(200),
        unit: Text(20),
        direction: z.enum(['at_most', 'at_least']),
        target: z.number().finite().nullable(),
        previous: z.number().finite().nullable(),
      }),
    )
    .max(30),
  budget: z.array(z.object({ id: Id, label: Text(200), note: Text(1_000), amount: z.number().int('Beloppet ska vara hela kronor').min(0, 'Beloppet får inte vara negativt') })).max(50),
});

export const GoalStatusSchema = z.enum(['met', 'partly_met', 'not_met']);

export const FollowUpContentSchema = z.object({
  goals: z.array(z.object({ goalId: Id, status: GoalStatusSchema.nullable(), text: Text(20_000) })).max(50),
  activities: z.array(z.object({ activityId: Id, text: Text(10_000) })).max(50),
  indicators: z.array(z.object({ indicatorId: Id, value: z.number().finite().nullable(), comment: Text(2_000) })).max(30),
  importantIssues: Text(40_000),
  statisticsComments: z.object({ municipalities: Text(4_000), categories: Text(4_000), decisions: Text(4_000), keyFigures: Text(4_000), summary: Text(10_000) }),
});

export const PlanView = z.object({
  year: z.number().int(),
  exists: z.boolean(),
  version: z.number().int(),
  content: PlanContentSchema,
  budgetTotal: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export const PlanSave = z.object({ version: z.number().int().min(0), content: PlanContentSchema });

const Problem = z.object({ field: z.string(), message: z.string() });

export const FollowUpSummary = z.object({
  period: FollowUpPeriodSchema,
  title: z.string(),
  from: z.string(),
  to: z.string(),
  ended: z.boolean(),
  exists: z.boolean(),
  status: z.enum(['draft', 'finished']).nullable(),
  updatedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export const FollowUpList = z.object({ year: z.number().int(), followUps: z.array(FollowUpSummary) });

export const FollowUpView = z.object({
  year: z.number().int(),
  period: FollowUpPeriodSchema,
  title: z.string(),
  exists: z.boolean(),
  status: z.enum(['draft', 'finished']),
  version: z.number().int(),
  plan: PlanContentSchema,
  content: FollowUpContentSchema,
  /** why it cannot be finished yet (empty: it can) */
  problems: z.array(Problem),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  finishedAt: z.string().nullable(),
  finishedByName: z.string().nullable(),
});
export const FollowUpSave = z.object({ version: z.number().int().min(0), content: FollowUpContentSchema });
export const PlanVersionInput = z.object({ version: z.number().int().min(1) });

const Cell = z.object({ count: z.number().nullable(), share: z.number().nullable(), countHidden: z.boolean(), shareHidden: z.boolean() });
/** The statistics as tables for people (the same as the report PDF's). */
export const ReportTablesView = z.object({
  organisation: z.string(),
  title: z.string(),
  subtitle: z.string(),
  scope: z.string().nullable(),
  municipality: z.string().nullable(),
  years: z.array(z.string()),
  tables: z.array(
    z.object({
      key: z.enum(['municipalities', 'categories', 'decisions', 'keyFigures']),
      title: z.string(),
      rowHeading: z.string(),
      chart: z.enum(['count', 'share']),
      rows: z.array(z.object({ label: z.string(), indent: z.boolean(), isTotal: z.boolean(), cells: z.array(Cell) })),
    }),
  ),
  note: z.string().nullable(),
});

export const ReportDocumentQuery = z.object({ format: z.enum(['json', 'pdf']).optional() });

export const ReportDocumentView = z.object({
  organisation: z.string(),
  year: z.number().int(),
  period: FollowUpPeriodSchema,
  title: z.string(),
  periodText: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['draft', 'finished']),
  finishedAt: z.string().nullable(),
  finishedByName: z.string().nullable(),
  intro: z.string(),
  goals: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), status: GoalStatusSchema.nullable(), statusLabel: z.string().nullable(), text: z.string() })),
  goalSummary: z.object({ met: z.number().int(), partly_met: z.number().int(), not_met: z.number().int(), unassessed: z.number().int() }),
  activities: z.array(z.object({ id: z.string(), text: z.string(), followUp: z.string() })),
  indicators: z.array(
    z.object({ id: z.string(), name: z.string(), unit: z.string(), direction: z.enum(['at_most', 'at_least']), target: z.number().nullable(), previous: z.number().nullable(), value: z.number().nullable(), met: z.boolean().nullable(), comment: z.string() }),
  ),
  budget: z.object({ lines: z.array(z.object({ label: z.string(), note: z.string(), amount: z.number().int() })), total: z.number().int() }),
  importantIssues: z.string(),
  statisticsComments: FollowUpContentSchema.shape.statisticsComments,
  /** the whole jour's statistics (null for a kommun reader, who gets its own appendix only) */
  statistics: ReportTablesView.nullable(),
  /** one appendix per member (a kommun reader: its own) */
  appendices: z.array(ReportTablesView),
  /** the annual report's deviations, complaints and self-inspections of the year (null in a tertial report) */
  quality: z.array(z.object({ label: z.string(), count: z.number().int() })).nullable(),
  pdfUrl: z.string(),
});
export type ReportDocumentView = z.infer<typeof ReportDocumentView>;

// ---------------------------------------------------------------------------
// Dashboard

export const DashboardQuery = z.object({
  months: z.coerce.number().int().min(1, 'Ange 1–36 månader').max(36, 'Ange 1–36 månader').optional(),
});

const Named = z.object({ code: z.string(), name: z.string(), cases: z.number().int() });
const Figures = z.object({
  from: z.string(),
  to: z.string(),
  cases: z.number().int(),
  youthCases: z.number().int(),
  closedAtJour: z.number().int(),
  turnOuts: z.number().int(),
  decisions: z.number().int(),
  nights: z.number().int(),
});

/** Aggregates only: counts, shares and times; no case, person or staff member. */
export const DashboardView = z.object({
  today: z.string(),
  from: z.string(),
  to: z.string(),
  months: z.number().int(),
  totals: z.object({ cases: z.number().int(), nights: z.number().int(), youthCases: z.number().int(), closedAtJour: z.number().int(), handedOver: z.number().int(), open: z.number().int() }),
  /** cases per night of the shift (a night runs 08:00–08:00; cases before 08:00 belong to the night before), the last 31 nights */
  perNight: z.array(z.object({ night: z.string(), cases: z.number().int() })),
  /** average cases per night by weekday of the night's evening (1 Monday – 7 Sunday) over the range */
  perWeekday: z.array(z.object({ weekday: z.number().int(), nights: z.number().int(), cases: z.number().int() })),
  /** cases by local hour received (0–23) over the range */
  perHour: z.array(z.object({ hour: z.number().int(), cases: z.number().int() })),
  byCategory: z.array(Named),
  byMunicipality: z.array(Named),
  /** every month of the range: cases, children's cases, closed at the jour */
  trend: z.array(z.object({ month: z.string(), cases: z.number().int(), youthCases: z.number().int(), closedAtJour: z.number().int() })),
  turnOuts: z.object({ count: z.number().int(), withArrival: z.number().int(), medianMinutes: z.number().nullable(), averageMinutes: z.number().nullable(), withinBenchmark: z.number().int(), benchmarkMinutes: z.number().int() }),
  decisions: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
  tertial: z.object({ tertial: z.number().int(), year: z.number().int(), current: Figures, lastYear: Figures }),
});
export type DashboardView = z.infer<typeof DashboardView>;
