import { can, collaborationSettingsOf, scopeOf, type JsonValue } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { announce } from '../live/events.ts';
import { actorOf, todayOf } from '../persons/service.ts';
import * as repo from './repository.ts';

export function presentDelivery(row: repo.DeliveryRow, now: Date) {
  return {
    id: row.id,
    reportId: row.handover_report_id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    categoryCode: row.category_code,
    caseStatus: row.case_status,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    reportCreatedAt: row.report_created_at.toISOString(),
    deliveredAt: row.delivered_at.toISOString(),
    acknowledgeBy: row.acknowledge_by.toISOString(),
    firstReadAt: row.first_read_at?.toISOString() ?? null,
    firstReadByName: row.first_read_by_name,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedByName: row.acknowledged_by_name,
    escalatedAt: row.escalated_at?.toISOString() ?? null,
    isOverdue: row.acknowledged_at === null && row.acknowledge_by.getTime() <= now.getTime(),
    jsonUrl: `/api/handover-reports/${row.handover_report_id}`,
    pdfUrl: `/api/handover-reports/${row.handover_report_id}/pdf`,
  };
}

export function presentDeadline(d: repo.DeadlineRow) {
  return {
    id: d.id,
    caseId: d.case_id,
    caseNumber: d.case_number,
    kind: d.kind,
    label: d.label,
    legalReference: d.legal_reference,
    nominalDate: d.nominal_date,
    movedDate: d.moved_date,
    municipalityCode: d.municipality_code,
    confirmedAt: d.confirmed_at?.toISOString() ?? null,
    confirmedByName: d.confirmed_by_name,
  };
}

/** The kommun user's municipality scope; jour staff have no inbox. */
function municipalityScope(ctx: Ctx) {
  const scope = scopeOf(actorOf(ctx));
  if (scope.kind !== 'municipality') throw forbidden();
  return scope;
}

/** A municipality's inbox: delivered handover reports with their state, and the legal deadlines it has to confirm. */
export async function getInbox(ctx: Ctx, state: 'recent' | 'unacknowledged' | 'all') {
  const scope = municipalityScope(ctx);
  const [rows, deadlines, municipality] = await Promise.all([
    repo.listDeliveries(ctx.trx, scope, { state }, ctx.now),
    repo.openDeadlines(ctx.trx, scope),
    ctx.trx.selectFrom('municipality').select('name').where('organisation_id', '=', scope.organisationId).where('code', '=', scope.municipalityCode).executeTakeFirstOrThrow(),
  ]);
  await ctx.audit({ action: 'handover.listed', entityType: 'report_delivery', entityId: null, municipalityCode: scope.municipalityCode, details: { reports: rows.length, deadlines: deadlines.length } });
  const reports = rows.map((r) => presentDelivery(r, ctx.now));
  return {
    municipalityCode: scope.municipalityCode,
    municipalityName: municipality.name,
    reports,
    unacknowledgedCount: reports.filter((r) => r.acknowledgedAt === null).length,
    deadlines: deadlines.map(presentDeadline),
  };
}

/** The municipality acknowledges receipt of a delivered report (once; later calls answer the same). */
export async function acknowledgeReport(ctx: Ctx, reportId: string) {
  const actor = actorOf(ctx);
  if (!can(actor, 'inbox.acknowledge')) throw forbidden();
  const scope = municipalityScope(ctx);
  const row = await repo.findDeliveryOfReport(ctx.trx, scope, reportId);
  if (!row) throw notFound('Jourrapporten');
  if (row.acknowledged_at === null) {
    await ctx.trx
      .updateTable('report_delivery')
      .set({ acknowledged_at: ctx.now, acknowledged_by: actor.userId, acknowledged_by_name: ctx.principal.displayName, first_read_at: row.first_read_at ?? ctx.now, first_read_by_name: row.first_read_by_name ?? ctx.principal.displayName })
      .where('id', '=', row.id)
      .execute();
    await ctx.audit({ action: 'handover.acknowledged', entityType: 'handover_report', entityId: reportId, municipalityCode: row.municipality_code, details: { caseId: row.case_id } });
    await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'inbox', id: row.id, municipalityCode: row.municipality_code });
  }
  return presentDelivery((await repo.findDeliveryOfReport(ctx.trx, scope, reportId))!, ctx.now);
}

/** A kommun user opened a report: the first read is shown to the jour's unit manager. */
export async function markReportRead(ctx: Ctx, reportId: string) {
  await ctx.trx
    .updateTable('report_delivery')
    .set({ first_read_at: ctx.now, first_read_by_name: ctx.principal.displayName })
    .where('handover_report_id', '=', reportId)
    .where('first_read_at', 'is', null)
    .execute();
}

/** The municipality confirms a legal deadline handled; the jour's board stops listing it. */
export async function confirmDeadline(ctx: Ctx, deadlineId: string) {
  const actor = actorOf(ctx);
  if (!can(actor, 'inbox.acknowledge')) throw forbidden();
  const scope = municipalityScope(ctx);
  const row = await ctx.trx
    .selectFrom('legal_deadline as d')
    .innerJoin('jour_case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'c.case_number', 'd.kind', 'd.label', 'd.legal_reference', 'd.nominal_date', 'd.moved_date', 'd.municipality_code', 'd.confirmed_at', 'd.confirmed_by_name'])
    .where('d.organisation_id', '=', scope.organisationId)
    .where('d.municipality_code', '=', scope.municipalityCode)
    .where('d.id', '=', deadlineId)
    .executeTakeFirst();
  if (!row) throw notFound('Tidsfristen');
  if (row.confirmed_at !== null) return presentDeadline(row);
  await ctx.trx.updateTable('legal_deadline').set({ confirmed_at: ctx.now, confirmed_by: actor.userId, confirmed_by_name: ctx.principal.displayName }).where('id', '=', deadlineId).execute();
  await ctx.audit({ action: 'deadline.confirmed', entityType: 'legal_deadline', entityId: deadlineId, municipalityCode: row.municipality_code, details: { caseId: row.case_id, kind: row.kind } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id: deadlineId });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'inbox', id: deadlineId, municipalityCode: row.municipality_code });
  return presentDeadline({ ...row, confirmed_at: ctx.now, confirmed_by_name: ctx.principal.displayName });
}

/** Deliveries across the municipalities, for the unit manager. */
export async function listDeliveries(ctx: Ctx, filter: repo.DeliveryFilter) {
  const actor = actorOf(ctx);
  if (!can(actor, 'oversight.read')) throw forbidden();
  const rows = await repo.listDeliveries(ctx.trx, scopeOf(actor), filter, ctx.now);
  await ctx.audit({ action: 'handover.listed', entityType: 'report_delivery', entityId: null, details: { reports: rows.length, state: filter.state } });
  return { deliveries: rows.map((r) => presentDelivery(r, ctx.now)) };
}

export async function overdueReports(ctx: Ctx) {
  const rows = await repo.listDeliveries(ctx.trx, scopeOf(actorOf(ctx)), { state: 'overdue' }, ctx.now);
  return rows.map((r) => presentDelivery(r, ctx.now));
}

export async function overdueDeadlines(ctx: Ctx) {
  return (await repo.openDeadlines(ctx.trx, scopeOf(actorOf(ctx)), todayOf(ctx))).map(presentDeadline);
}

async function loadSettings(ctx: Ctx) {
  const org = await ctx.trx.selectFrom('organisation').select(['id', 'settings']).where('id', '=', actorOf(ctx).organisationId).executeTakeFirstOrThrow();
  return { org, settings: collaborationSettingsOf((org.settings as Record<string, JsonValue>).collaboration) };
}

export async function getCollaborationSettings(ctx: Ctx) {
  const { org, settings } = await loadSettings(ctx);
  const [runs, pending] = await Promise.all([
    ctx.trx.selectFrom('job_run').selectAll().where('organisation_id', '=', org.id).orderBy('started_at', 'desc').limit(20).execute(),
    ctx.trx.selectFrom('outbound_email').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.id).where('sent_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return {
    ...settings,
    recentRuns: runs.map((r) => ({
      jobName: r.job_name,
      scheduledDate: r.scheduled_date,
      scheduledAt: r.scheduled_at.toISOString(),
      startedAt: r.started_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
      result: r.result as Record<string, unknown>,
    })),
    pendingEmails: Number(pending.n),
  };
}

export async function updateCollaborationSettings(ctx: Ctx, input: { reportDeliveryTime: string; reportAcknowledgeBy: string; unitEmail: string | null }) {
  const { org } = await loadSettings(ctx);
  const settings = { ...(org.settings as Record<string, JsonValue>), collaboration: { reportDeliveryTime: input.reportDeliveryTime, reportAcknowledgeBy: input.reportAcknowledgeBy, unitEmail: input.unitEmail } };
  await ctx.trx.updateTable('organisation').set({ settings: JSON.stringify(settings), updated_at: ctx.now }).where('id', '=', org.id).execute();
  await ctx.audit({ action: 'collaboration.settings_updated', entityType: 'organisation', entityId: org.id, details: { reportDeliveryTime: input.reportDeliveryTime, reportAcknowledgeBy: input.reportAcknowledgeBy, unitEmail: input.unitEmail !== null } });
  return getCollaborationSettings(ctx);
}
