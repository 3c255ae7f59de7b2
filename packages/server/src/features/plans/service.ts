import {
  alignFollowUp,
  budgetTotal,
  can,
  documentTitle,
  emptyFollowUp,
  emptyPlan,
  finishProblems,
  followUpPeriods,
  followUpTitle,
  goalStatusLabels,
  hasPeriodEnded,
  indicatorMet,
  localDateOf,
  periodDescription,
  reportOfPeriod,
  reportPeriod,
  reportTables,
  sortMembers,
  summariseGoals,
  validatePlan,
  type Actor,
  type FollowUpContent,
  type FollowUpPeriod,
  type PlanContent,
  type ProtectedReport,
} from '@jourbok/domain';
import type { ReportDocumentView } from '@jourbok/contracts';
import type { Ctx } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { getReport, getReportOrganisation } from '../statistics/service.ts';
import { qualityCountsForYear } from '../quality/report.ts';
import * as repo from './repository.ts';

const TIME_ZONE = 'Europe/Stockholm';
const STALE = 'Någon annan har ändrat dokumentet medan du arbetade. Sidan visar nu den senaste versionen; gör om din ändring.';

function actorOf(ctx: Ctx): Actor {
  if (ctx.principal.kind !== 'user') throw forbidden();
  return ctx.principal;
}

function requireWrite(ctx: Ctx): Actor {
  const actor = actorOf(ctx);
  if (!can(actor, 'plans.write')) throw forbidden();
  return actor;
}

const todayOf = (ctx: Ctx) => localDateOf(ctx.now.toISOString(), TIME_ZONE);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const editorOf = (ctx: Ctx, actor: Actor): repo.Editor => ({ userId: actor.userId, name: ctx.principal.displayName, at: ctx.now });

function presentPlan(year: number, row: repo.PlanRow | null) {
  const content = row?.content ?? emptyPlan();
  return { year, exists: row !== null, version: row?.version ?? 0, content, budgetTotal: budgetTotal(content.budget), updatedAt: iso(row?.updated_at), updatedByName: row?.updated_by_name ?? null };
}

/** The year's plan; an empty one (version 0) when none is written yet. */
export async function getPlan(ctx: Ctx, year: number) {
  const actor = actorOf(ctx);
  if (!can(actor, 'plans.read')) throw forbidden();
  return presentPlan(year, await repo.findPlan(ctx.trx, actor.organisationId, year));
}

/** Write the year's plan (version 0 creates it). A stale version is refused. */
export async function savePlan(ctx: Ctx, year: number, input: { version: number; content: PlanContent }) {
  const actor = requireWrite(ctx);
  const problems = validatePlan(input.content);
  if (problems.length > 0) throw new AppError('validation', problems[0]!.message, problems[0]!.field, { errors: problems });
  const saved = await repo.savePlan(ctx.trx, actor.organisationId, year, input.version, input.content, editorOf(ctx, actor));
  if (!saved) throw new AppError('stale', STALE);
  const row = (await repo.findPlan(ctx.trx, actor.organisationId, year))!;
  await ctx.audit({
    action: 'plan.updated',
    entityType: 'business_plan',
    entityId: row.id,
    details: { year, version: row.version, goals: input.content.goals.length, activities: input.content.activities.length, indicators: input.content.indicators.length, budgetTotal: budgetTotal(input.content.budget) },
  });
  return presentPlan(year, row);
}

/** The follow-ups of a year, one per tertial and the year. Readers other than the unit manager see finished ones only. */
export async function listFollowUps(ctx: Ctx, year: number) {
  const actor = actorOf(ctx);
  if (!can(actor, 'plans.read')) throw forbidden();
  const rows = await repo.listFollowUps(ctx.trx, actor.organisationId, year);
  const seesDrafts = can(actor, 'plans.write');
  const today = todayOf(ctx);
  return {
    year,
    followUps: followUpPeriods.map((period) => {
      const row = rows.find((r) => r.period === period);
      const visible = row && (seesDrafts || row.status === 'finished') ? row : undefined;
      const { kind, tertial } = reportOfPeriod(period);
      const { from, to } = reportPeriod(kind, year, tertial);
      return {
        period,
        title: followUpTitle(year, period),
        from,
        to,
        ended: hasPeriodEnded(year, period, today),
        exists: visible !== undefined,
        status: visible?.status ?? null,
        updatedAt: iso(visible?.updated_at),
        finishedAt: iso(visible?.finished_at),
      };
    }),
  };
}

async function loadPlanContent(ctx: Ctx, organisationId: string, year: number): Promise<PlanContent> {
  return (await repo.findPlan(ctx.trx, organisationId, year))?.content ?? emptyPlan();
}

function presentFollowUp(ctx: Ctx, year: number, period: FollowUpPeriod, plan: PlanContent, row: repo.FollowUpRow | null) {
  const content = alignFollowUp(plan, row?.content ?? emptyFollowUp());
  return {
    year,
    period,
    title: followUpTitle(year, period),
    exists: row !== null,
    status: row?.status ?? 'draft',
    version: row?.version ?? 0,
    plan,
    content,
    problems: row?.status === 'finished' ? [] : finishProblems(year, period, plan, content, todayOf(ctx)),
    updatedAt: iso(row?.updated_at),
    updatedByName: row?.updated_by_name ?? null,
    finishedAt: iso(row?.finished_at),
    finishedByName: row?.finished_by_name ?? null,
  };
}

/** The follow-up being written, laid over the plan (the unit manager's editor). */
export async function getFollowUp(ctx: Ctx, year: number, period: FollowUpPeriod) {
  const actor = requireWrite(ctx);
  const [plan, row] = await Promise.all([loadPlanContent(ctx, actor.organisationId, year), repo.findFollowUp(ctx.trx, actor.organisationId, year, period)]);
  return presentFollowUp(ctx, year, period, plan, row);
}

export async function saveFollowUp(ctx: Ctx, year: number, period: FollowUpPeriod, input: { version: number; content: FollowUpContent }) {
  const actor = requireWrite(ctx);
  const plan = await loadPlanContent(ctx, actor.organisationId, year);
  const existing = await repo.findFollowUp(ctx.trx, actor.organisationId, year, period);
  if (existing?.status === 'finished') throw new AppError('conflict', 'Uppföljningen är markerad som klar. Öppna den igen för att ändra.');
  const content = alignFollowUp(plan, input.content);
  const saved = await repo.saveFollowUp(ctx.trx, actor.organisationId, year, period, input.version, content, editorOf(ctx, actor));
  if (!saved) throw new AppError('stale', STALE);
  const row = (await repo.findFollowUp(ctx.trx, actor.organisationId, year, period))!;
  const summary = summariseGoals(plan, content);
  await ctx.audit({ action: 'follow_up.updated', entityType: 'plan_follow_up', entityId: row.id, details: { year, period, version: row.version, ...summary } });
  return presentFollowUp(ctx, year, period, plan, row);
}

/** Mark the follow-up finished: the period has ended and every goal is assessed. Then controller and members may read the report. */
export async function finishFollowUp(ctx: Ctx, year: number, period: FollowUpPeriod, version: number) {
  const actor = requireWrite(ctx);
  const plan = await loadPlanContent(ctx, actor.organisationId, year);
  const row = await repo.findFollowUp(ctx.trx, actor.organisationId, year, period);
  if (!row) throw notFound('Uppföljningen');
  if (row.status === 'finished') throw new AppError('conflict', 'Uppföljningen är redan klar.');
  if (row.version !== version) throw new AppError('stale', STALE);
  const problems = finishProblems(year, period, plan, alignFollowUp(plan, row.content), todayOf(ctx));
  if (problems.length > 0) throw new AppError('validation', problems[0]!.message, problems[0]!.field, { errors: problems });
  if (!(await repo.setFollowUpStatus(ctx.trx, actor.organisationId, year, period, version, 'finished', editorOf(ctx, actor)))) throw new AppError('stale', STALE);
  await ctx.audit({ action: 'follow_up.finished', entityType: 'plan_follow_up', entityId: row.id, details: { year, period } });
  return presentFollowUp(ctx, year, period, plan, await repo.findFollowUp(ctx.trx, actor.organisationId, year, period));
}

export async function reopenFollowUp(ctx: Ctx, year: number, period: FollowUpPeriod, version: number) {
  const actor = requireWrite(ctx);
  const plan = await loadPlanContent(ctx, actor.organisationId, year);
  const row = await repo.findFollowUp(ctx.trx, actor.organisationId, year, period);
  if (!row) throw notFound('Uppföljningen');
  if (row.status === 'draft') throw new AppError('conflict', 'Uppföljningen är inte markerad som klar.');
  if (!(await repo.setFollowUpStatus(ctx.trx, actor.organisationId, year, period, version, 'draft', editorOf(ctx, actor)))) throw new AppError('stale', STALE);
  await ctx.audit({ action: 'follow_up.reopened', entityType: 'plan_follow_up', entityId: row.id, details: { year, period } });
  return presentFollowUp(ctx, year, period, plan, await repo.findFollowUp(ctx.trx, actor.organisationId, year, period));
}

function tablesOf(report: ProtectedReport) {
  return { ...reportTables(report), municipality: report.municipality };
}

/**
 * The tertial or annual report as one document: the plan's goals with their
 * follow-up, activities, indicators, budget, important issues, the statistics
 * with comments, and one appendix per member. The unit manager sees drafts;
 * the controller and the members only a finished report, and a kommun user
 * gets its own municipality's appendix instead of the whole jour's tables.
 */
export async function getReportDocument(ctx: Ctx, year: number, period: FollowUpPeriod): Promise<ReportDocumentView> {
  const actor = actorOf(ctx);
  if (!can(actor, 'plans.read')) throw forbidden();
  const [plan, row] = await Promise.all([loadPlanContent(ctx, actor.organisationId, year), repo.findFollowUp(ctx.trx, actor.organisationId, year, period)]);
  if (!row || (row.status !== 'finished' && !can(actor, 'plans.write'))) throw new AppError('not_found', `Rapporten för ${followUpTitle(year, period).toLowerCase()} är inte klar än.`);
  const followUp = alignFollowUp(plan, row.content);
  const { kind, tertial } = reportOfPeriod(period);
  const { from, to } = reportPeriod(kind, year, tertial);
  const query = { kind, year, tertial };
  const isKommun = actor.role === 'kommun';
  const org = await getReportOrganisation(ctx);
  const statistics = isKommun ? null : tablesOf(await getReport(ctx, { ...query, municipality: null }));
  const appendixCodes = isKommun ? [actor.municipalityCode!] : sortMembers(org.members).map((m) => m.code);
  const appendices = [];
  for (const code of appendixCodes) appendices.push(tablesOf(await getReport(ctx, { ...query, municipality: code })));
  // The annual report counts the year's deviations and complaints per type (no personal data: counts only).
  const quality = period === 'year' ? qualityRows(await qualityCountsForYear(ctx, actor.organisationId, year)) : null;
  return {
    organisation: org.name,
    year,
    period,
    title: documentTitle(year, period),
    periodText: `${periodDescription(kind, year, tertial)} (${from}–${to})`,
    from,
    to,
    status: row.status,
    finishedAt: iso(row.finished_at),
    finishedByName: row.finished_by_name,
    intro: plan.intro,
    goals: plan.goals.map((g, i) => {
      const f = followUp.goals[i]!;
      return { id: g.id, title: g.title, description: g.description, status: f.status, statusLabel: f.status ? goalStatusLabels[f.status] : null, text: f.text };
    }),
    goalSummary: summariseGoals(plan, followUp),
    activities: plan.activities.map((a, i) => ({ id: a.id, text: a.text, followUp: followUp.activities[i]!.text })),
    indicators: plan.indicators.map((x, i) => {
      const f = followUp.indicators[i]!;
      return { ...x, value: f.value, met: indicatorMet(x, f.value), comment: f.comment };
    }),
    budget: { lines: plan.budget.map((b) => ({ label: b.label, note: b.note, amount: b.amount })), total: budgetTotal(plan.budget) },
    importantIssues: followUp.importantIssues,
    statisticsComments: followUp.statisticsComments,
    statistics,
    appendices,
    quality,
    pdfUrl: `/api/plans/${year}/reports/${period}?format=pdf`,
  };
}

const deviationCategoryLabels: Record<string, string> = {
  handling: 'handläggning',
  technical: 'teknik',
  collaboration: 'samverkan',
  placement: 'brist på placering',
  other: 'övrigt',
};

/** The year's quality counts as labelled rows for the annual report (every category, zeros too). */
export function qualityRows(counts: Awaited<ReturnType<typeof qualityCountsForYear>>): { label: string; count: number }[] {
  const byCategory = (what: string, bucket: { byCategory: Record<string, number> }) =>
    Object.entries(bucket.byCategory).map(([category, count]) => ({ label: `${what}: ${deviationCategoryLabels[category] ?? category}`, count }));
  return [
    { label: 'Avvikelser', count: counts.deviations.total },
    ...byCategory('Avvikelser', counts.deviations),
    { label: 'Klagomål', count: counts.complaints.total },
    ...byCategory('Klagomål', counts.complaints),
    { label: 'Möjliga lex Sarah-ärenden', count: counts.possibleLexSarah },
    { label: 'Anmälda till IVO', count: counts.reportedToIvo },
    { label: 'Avslutade avvikelser och klagomål', count: counts.closed },
    { label: 'Egenkontroller planerade', count: counts.selfInspections.planned },
    { label: 'Egenkontroller genomförda', count: counts.selfInspections.performed },
  ];
}

/** `tertialrapport-2026-T1.pdf`, `verksamhetsberattelse-2026.pdf` (a kommun reader's: with its kommunkod). */
export function documentFileName(doc: ReportDocumentView): string {
  const base = doc.period === 'year' ? `verksamhetsberattelse-${doc.year}` : `tertialrapport-${doc.year}-${doc.period}`;
  return `${base}${doc.statistics === null && doc.appendices.length === 1 ? `-${doc.appendices[0]!.municipality}` : ''}.pdf`;
}
