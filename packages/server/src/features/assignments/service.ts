import { assignmentProgress, can, scopeOf, validateAssignmentSchedule, type AssignmentOutcome, type AssignmentSchedule } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { announce } from '../live/events.ts';
import { municipalityFor, resolvePersons, type PersonRequest } from '../members/acting.ts';
import { actorOf, personBriefOf } from '../persons/service.ts';
import * as repo from './repository.ts';

const TIME_ZONE = 'Europe/Stockholm';

export interface AssignmentRequest {
  municipalityCode: string | null;
  title: string;
  description: string;
  persons: PersonRequest[];
  windowFrom: string;
  windowTo: string;
  recurrence: 'none' | 'daily';
  dailyFrom: string | null;
  dailyTo: string | null;
  contactName: string;
  contactPhone: string;
  phonedInBy: string | null;
}

export interface AssignmentReportRequest {
  occasionDate: string | null;
  outcome: AssignmentOutcome;
  body: string;
  performedBy: string | null;
  performedAt: string | null;
}

function scheduleOf(row: repo.AssignmentRow): AssignmentSchedule {
  return { windowFrom: row.window_from.toISOString(), windowTo: row.window_to.toISOString(), recurrence: row.recurrence, dailyFrom: row.daily_from, dailyTo: row.daily_to };
}

function presentReport(r: repo.ReportRow) {
  return {
    id: r.id,
    occasionDate: r.occasion_date,
    outcome: r.outcome,
    body: r.body,
    performedBy: r.performed_by,
    performedAt: r.performed_at.toISOString(),
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at.toISOString(),
  };
}

type PersonRow = Awaited<ReturnType<typeof repo.personsOf>>[number];

function summarise(row: repo.AssignmentRow, reports: repo.ReportRow[], persons: PersonRow[], now: Date) {
  const own = reports.filter((r) => r.assignment_id === row.id);
  const progress = assignmentProgress(scheduleOf(row), own.map((r) => ({ occasionDate: r.occasion_date, outcome: r.outcome })), now.toISOString(), TIME_ZONE);
  const last = own.reduce<repo.ReportRow | undefined>((latest, r) => (!latest || r.recorded_at.getTime() >= latest.recorded_at.getTime() ? r : latest), undefined);
  const open = row.status === 'open';
  return {
    progress,
    summary: {
      id: row.id,
      municipalityCode: row.municipality_code,
      municipalityName: row.municipality_name,
      title: row.title,
      status: row.status,
      isOverdue: open && progress.isOverdue,
      windowFrom: row.window_from.toISOString(),
      windowTo: row.window_to.toISOString(),
      recurrence: row.recurrence,
      dailyFrom: row.daily_from,
      dailyTo: row.daily_to,
      persons: persons.filter((p) => p.assignment_id === row.id).map(personBriefOf),
      current: open ? progress.current : null,
      occasionCount: progress.occasions.length,
      handledCount: progress.occasions.filter((o) => o.state === 'handled').length,
      overdueCount: open ? progress.occasions.filter((o) => o.state === 'overdue').length : 0,
      contactName: row.contact_name,
      contactPhone: row.contact_phone,
      createdByName: row.created_by_name,
      createdAt: row.created_at.toISOString(),
      completedAt: row.completed_at?.toISOString() ?? null,
      lastReport: last ? presentReport(last) : null,
    },
  };
}

async function summaries(ctx: Ctx, rows: repo.AssignmentRow[]) {
  const ids = rows.map((r) => r.id);
  const [reports, persons] = await Promise.all([repo.reportsOf(ctx.trx, ids), repo.personsOf(ctx.trx, ids)]);
  return rows.map((r) => summarise(r, reports, persons, ctx.now).summary);
}

async function presentView(ctx: Ctx, row: repo.AssignmentRow) {
  const [reports, persons] = await Promise.all([repo.reportsOf(ctx.trx, [row.id]), repo.personsOf(ctx.trx, [row.id])]);
  const { summary, progress } = summarise(row, reports, persons, ctx.now);
  return {
    ...summary,
    description: row.description,
    registeredVia: row.registered_via,
    phonedInBy: row.phoned_in_by,
    occasions: progress.occasions,
    reports: reports.map(presentReport),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelledByName: row.cancelled_by_name,
    cancelledReason: row.cancelled_reason,
    version: row.version,
  };
}

async function loadAssignment(ctx: Ctx, id: string) {
  const row = await repo.findAssignment(ctx.trx, scopeOf(actorOf(ctx)), id);
  if (!row) throw notFound('Uppdraget');
  return row;
}

async function auditPersons(ctx: Ctx, action: 'assignment.registered' | 'assignment.read' | 'assignment.documented' | 'assignment.cancelled', row: { id: string; municipality_code: string }, details: Record<string, string | number | boolean | null> = {}) {
  const persons = (await repo.personsOf(ctx.trx, [row.id])).map((p) => p.id);
  for (const personId of persons.length > 0 ? persons : [null]) {
    await ctx.audit({ action, entityType: 'assignment', entityId: row.id, personId, municipalityCode: row.municipality_code, details });
  }
}

/**
 * Register an assignment: a kommun user for its own municipality, or the jour
 * on a municipality's behalf (taken by phone).
 */
export async function registerAssignment(ctx: Ctx, input: AssignmentRequest) {
  const actor = actorOf(ctx);
  if (!can(actor, 'assignments.write')) throw forbidden();
  const municipality = await municipalityFor(ctx, input.municipalityCode);
  const schedule: AssignmentSchedule = { windowFrom: input.windowFrom, windowTo: input.windowTo, recurrence: input.recurrence, dailyFrom: input.dailyFrom, dailyTo: input.dailyTo };
  const errors = validateAssignmentSchedule(schedule, TIME_ZONE, ctx.now.toISOString());
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors[0]!.field, { errors });
  const byJour = actor.role !== 'kommun';
  if (byJour && !input.phonedInBy) throw new AppError('validation', 'Ange vem på kommunen som lämnade uppdraget per telefon.', 'phonedInBy');
  const personIds = await resolvePersons(ctx, input.persons, municipality.code, 'assignments.write');
  const row = await ctx.trx
    .insertInto('assignment')
    .values({
      organisation_id: actor.organisationId,
      municipality_code: municipality.code,
      title: input.title,
      description: input.description,
      window_from: new Date(input.windowFrom),
      window_to: new Date(input.windowTo),
      recurrence: input.recurrence,
      daily_from: input.recurrence === 'daily' ? input.dailyFrom : null,
      daily_to: input.recurrence === 'daily' ? input.dailyTo : null,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      registered_via: byJour ? 'jour_phone' : 'municipality',
      phoned_in_by: byJour ? input.phonedInBy : null,
      created_by: actor.userId,
      created_by_name: ctx.principal.displayName,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (personIds.length > 0) await ctx.trx.insertInto('assignment_person').values(personIds.map((person_id) => ({ assignment_id: row.id, person_id }))).execute();
  await auditPersons(ctx, 'assignment.registered', { id: row.id, municipality_code: municipality.code }, { recurrence: input.recurrence, byJour });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'assignment', id: row.id, municipalityCode: municipality.code });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id: row.id });
  return presentView(ctx, await loadAssignment(ctx, row.id));
}

export async function getAssignment(ctx: Ctx, id: string) {
  const row = await loadAssignment(ctx, id);
  await auditPersons(ctx, 'assignment.read', row);
  return presentView(ctx, row);
}

export async function listAssignments(ctx: Ctx, filter: { status: repo.AssignmentFilter['status']; overdue?: 'true' | 'false' | undefined; municipalityCode?: string | undefined }) {
  const rows = await repo.listAssignments(ctx.trx, scopeOf(actorOf(ctx)), filter);
  let list = await summaries(ctx, rows);
  if (filter.overdue === 'true') list = list.filter((a) => a.isOverdue);
  if (filter.overdue === 'false') list = list.filter((a) => !a.isOverdue);
  await ctx.audit({ action: 'assignment.listed', entityType: 'assignment', entityId: null, details: { count: list.length, status: filter.status, overdue: filter.overdue ?? null } });
  return { assignments: list };
}

/** For the shift board and its handover: every open assignment started or starting within a day (overdue ones included). */
export async function boardAssignments(ctx: Ctx) {
  const rows = await repo.listAssignments(ctx.trx, scopeOf(actorOf(ctx)), { status: 'open', startsBefore: new Date(ctx.now.getTime() + 24 * 3_600_000) });
  const list = await summaries(ctx, rows);
  return list.sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue));
}

/** Overdue assignments, for the unit manager. */
export async function overdueAssignments(ctx: Ctx) {
  const rows = await repo.listAssignments(ctx.trx, scopeOf(actorOf(ctx)), { status: 'open', startsBefore: ctx.now });
  return (await summaries(ctx, rows)).filter((a) => a.isOverdue);
}

/**
 * Document an occasion of an assignment: what was done, by whom, when.
 * Nothing is edited afterwards. When every occasion is handled the assignment is done.
 */
export async function documentAssignment(ctx: Ctx, id: string, input: AssignmentReportRequest) {
  const actor = actorOf(ctx);
  if (!can(actor, 'assignments.perform')) throw forbidden();
  const row = await loadAssignment(ctx, id);
  if (row.status === 'cancelled') throw new AppError('conflict', 'Uppdraget är återkallat av kommunen.');
  if (row.status === 'done') throw new AppError('conflict', 'Uppdraget är redan utfört och dokumenterat.');
  const reports = await repo.reportsOf(ctx.trx, [id]);
  const progress = assignmentProgress(scheduleOf(row), reports.map((r) => ({ occasionDate: r.occasion_date, outcome: r.outcome })), ctx.now.toISOString(), TIME_ZONE);
  let date = input.occasionDate;
  if (date === null) {
    const pending = progress.occasions.filter((o) => o.state === 'due' || o.state === 'overdue');
    if (progress.occasions.length === 1) date = progress.occasions[0]!.date;
    else if (pending.length === 1) date = pending[0]!.date;
    else throw new AppError('validation', 'Ange vilket tillfälle dokumentationen gäller.', 'occasionDate', { occasions: progress.occasions.map((o) => o.date) });
  }
  const occasion = progress.occasions.find((o) => o.date === date);
  if (!occasion) throw new AppError('validation', 'Uppdraget har inget tillfälle den dagen.', 'occasionDate', { occasions: progress.occasions.map((o) => o.date) });
  if (occasion.state === 'handled' && input.outcome !== 'attempt') throw new AppError('conflict', 'Tillfället är redan dokumenterat som utfört eller inte möjligt.', 'occasionDate');
  const performedAt = input.performedAt ? new Date(input.performedAt) : ctx.now;
  if (performedAt.getTime() > ctx.now.getTime() + 5 * 60_000) throw new AppError('validation', 'Tiden ligger i framtiden.', 'performedAt');
  await ctx.trx
    .insertInto('assignment_report')
    .values({
      assignment_id: id,
      occasion_date: occasion.date,
      outcome: input.outcome,
      body: input.body,
      performed_by: input.performedBy?.trim() || ctx.principal.displayName,
      performed_at: performedAt,
      recorded_by: actor.userId,
      recorded_by_name: ctx.principal.displayName,
      recorded_at: ctx.now,
    })
    .execute();
  const after = assignmentProgress(
    scheduleOf(row),
    [...reports.map((r) => ({ occasionDate: r.occasion_date, outcome: r.outcome })), { occasionDate: occasion.date, outcome: input.outcome }],
    ctx.now.toISOString(),
    TIME_ZONE,
  );
  if (after.isComplete) await ctx.trx.updateTable('assignment').set({ status: 'done', completed_at: ctx.now, updated_at: ctx.now, version: row.version + 1 }).where('id', '=', id).execute();
  await auditPersons(ctx, 'assignment.documented', row, { occasionDate: occasion.date, outcome: input.outcome, complete: after.isComplete });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'assignment', id, municipalityCode: row.municipality_code });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id });
  return presentView(ctx, await loadAssignment(ctx, id));
}

/** The municipality (or the jour on its behalf) calls an assignment off. */
export async function cancelAssignment(ctx: Ctx, id: string, reason: string) {
  const actor = actorOf(ctx);
  if (!can(actor, 'assignments.write')) throw forbidden();
  const row = await loadAssignment(ctx, id);
  if (row.status !== 'open') throw new AppError('conflict', row.status === 'done' ? 'Uppdraget är redan utfört.' : 'Uppdraget är redan återkallat.');
  await ctx.trx
    .updateTable('assignment')
    .set({ status: 'cancelled', cancelled_at: ctx.now, cancelled_by_name: ctx.principal.displayName, cancelled_reason: reason, updated_at: ctx.now, version: row.version + 1 })
    .where('id', '=', id)
    .execute();
  await auditPersons(ctx, 'assignment.cancelled', row);
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'assignment', id, municipalityCode: row.municipality_code });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id });
  return presentView(ctx, await loadAssignment(ctx, id));
}
