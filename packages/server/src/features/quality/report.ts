import { can, countQualityReports, startOfDay } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { forbidden } from '../../errors.ts';
import { actorOf } from '../persons/service.ts';
import { callCountsForYear } from '../telephony/calls.ts';
import { inspectionsNeedingAttention } from './inspections.ts';
import { needsLexSarahAssessment } from '@jourbok/domain';

const TIME_ZONE = 'Europe/Stockholm';

/**
 * The systematic quality work of a calendar year, in counts for the annual
 * report (verksamhetsberättelse): deviations and complaints per category,
 * lex Sarah, self-inspections planned and performed, and calls per outcome.
 * No personal data. A deviation counts in the year it was reported
 * (Europe/Stockholm). For the annual report's renderer: call this with the
 * report's transaction; `GET /api/quality/annual?year=` returns the same.
 */
export async function qualityCountsForYear(ctx: Pick<Ctx, 'trx'>, organisationId: string, year: number) {
  const from = new Date(startOfDay(`${year}-01-01`, TIME_ZONE).epochMilliseconds);
  const to = new Date(startOfDay(`${year + 1}-01-01`, TIME_ZONE).epochMilliseconds);
  const [reports, occasions, calls] = await Promise.all([
    ctx.trx
      .selectFrom('deviation')
      .select(['kind', 'category', 'possible_lex_sarah', 'lex_sarah_assessment', 'status'])
      .where('organisation_id', '=', organisationId)
      .where('reported_at', '>=', from)
      .where('reported_at', '<', to)
      .execute(),
    ctx.trx
      .selectFrom('self_inspection')
      .select(['performed_at'])
      .where('organisation_id', '=', organisationId)
      .where('due_date', '>=', `${year}-01-01`)
      .where('due_date', '<=', `${year}-12-31`)
      .execute(),
    callCountsForYear(ctx, organisationId, year),
  ]);
  const counts = countQualityReports(
    year,
    reports.map((r) => ({ kind: r.kind, category: r.category, possibleLexSarah: r.possible_lex_sarah, lexSarahAssessment: r.lex_sarah_assessment, status: r.status })),
  );
  return { ...counts, selfInspections: { planned: occasions.length, performed: occasions.filter((o) => o.performed_at !== null).length }, calls };
}

export async function getAnnualCounts(ctx: Ctx, year: number) {
  const actor = actorOf(ctx);
  if (!can(actor, 'quality.report')) throw forbidden();
  return qualityCountsForYear(ctx, actor.organisationId, year);
}

/** What the unit manager must act on: unassessed lex Sarah flags and self-inspections coming up, due or overdue. */
export async function getAttention(ctx: Ctx) {
  const actor = actorOf(ctx);
  if (!can(actor, 'deviations.manage')) throw forbidden();
  const open = await ctx.trx
    .selectFrom('deviation')
    .select(['id', 'number', 'title', 'reported_at', 'possible_lex_sarah', 'lex_sarah_assessment', 'status'])
    .where('organisation_id', '=', actor.organisationId)
    .where('status', '<>', 'closed')
    .orderBy('reported_at')
    .execute();
  const lexSarah = open.filter((r) => needsLexSarahAssessment({ possibleLexSarah: r.possible_lex_sarah, lexSarahAssessment: r.lex_sarah_assessment, status: r.status }));
  const inspections = can(actor, 'selfInspections.manage') ? await inspectionsNeedingAttention(ctx, actor.organisationId) : [];
  await ctx.audit({ action: 'deviation.listed', entityType: 'deviation', entityId: null, details: { view: 'attention', lexSarah: lexSarah.length } });
  return {
    lexSarah: lexSarah.map((r) => ({ id: r.id, number: r.number, title: r.title, reportedAt: r.reported_at.toISOString() })),
    openDeviations: open.length,
    inspections: inspections.map((i) => ({ planId: i.planId, title: i.title, dueDate: i.dueDate, state: i.state })),
  };
}
