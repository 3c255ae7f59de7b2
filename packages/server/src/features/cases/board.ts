import { boardRestAlerts } from '../roster/service.ts';
import { can } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { forbidden } from '../../errors.ts';
import { boardAssignments } from '../assignments/service.ts';
import { announce } from '../live/events.ts';
import { actorOf, todayOf } from '../persons/service.ts';
import { protectionAssessmentState } from './protection.ts';
import * as repo from './repository.ts';
import { outstandingSignatures } from '../signing/service.ts';
import { presentCasePerson } from './view.ts';

/**
 * The shift board: open cases by priority and waiting time, who is on shift,
 * open legal deadlines, and the handover notes of the last day.
 */
export async function getBoard(ctx: Ctx) {
  const actor = actorOf(ctx);
  if (!can(actor, 'cases.write')) throw forbidden();
  const organisationId = actor.organisationId;
  const today = todayOf(ctx);
  const since = new Date(ctx.now.getTime() - 24 * 3_600_000);
  const [open, closed, deadlines, notes, municipalities, onShift] = await Promise.all([
    repo.openCases(ctx.trx, organisationId),
    repo.recentlyClosed(ctx.trx, organisationId, new Date(ctx.now.getTime() - 12 * 3_600_000)),
    repo.openDeadlines(ctx.trx, organisationId),
    ctx.trx.selectFrom('shift_note').selectAll().where('organisation_id', '=', organisationId).where('written_at', '>=', since).orderBy('written_at', 'desc').limit(20).execute(),
    ctx.trx.selectFrom('municipality').select(['code', 'name']).where('organisation_id', '=', organisationId).execute(),
    // On shift: jour staff signed in within the idle timeout.
    ctx.trx
      .selectFrom('app_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.display_name', 'u.role'])
      .distinct()
      .where('s.organisation_id', '=', organisationId)
      .where('s.stage', '=', 'full')
      .where('s.ended_at', 'is', null)
      .where('s.last_seen_at', '>=', new Date(ctx.now.getTime() - 30 * 60_000))
      .where('u.role', 'in', ['socialsekreterare', 'enhetschef'])
      .execute(),
  ]);
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const persons = await repo.casePersons(ctx.trx, open.map((c) => c.id));
  const personsOf = new Map<string, typeof persons>();
  for (const p of persons) personsOf.set(p.case_id, [...(personsOf.get(p.case_id) ?? []), p]);
  const assessed = new Set(
    open.length === 0
      ? []
      : (
          await ctx.trx
            .selectFrom('journal_entry')
            .select('case_id')
            .where('case_id', 'in', open.map((c) => c.id))
            .where('kind', '=', 'protection_assessment')
            .execute()
        ).map((r) => r.case_id),
  );
  // Open assignments stay on the board, shift after shift, until done; politicians' decisions until signed.
  const assignments = await boardAssignments(ctx);
  const unsignedDecisions = await outstandingSignatures(ctx);
  await ctx.audit({ action: 'case.listed', entityType: 'case', entityId: null, details: { openCases: open.length, view: 'board' } });
  return {
    now: ctx.now.toISOString(),
    openCases: open.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      caseType: c.case_type,
      receivedAt: c.received_at.toISOString(),
      waitingMinutes: Math.max(0, Math.floor((ctx.now.getTime() - c.received_at.getTime()) / 60_000)),
      priority: c.priority,
      municipalityCode: c.municipality_code,
      municipalityName: names.get(c.municipality_code) ?? 'Annan kommun',
      categoryCode: c.category_code,
      summary: c.summary.length > 160 ? `${c.summary.slice(0, 157)}…` : c.summary,
      concernsChild: c.concerns_child,
      persons: (personsOf.get(c.id) ?? [])
        .map((p) => presentCasePerson(p, today))
        .map((p) => ({ displayName: p.displayName, role: p.role, isProtected: p.isProtected })),
      protectionAssessmentOverdue: protectionAssessmentState(c, assessed.has(c.id), ctx.now).overdue,
      version: c.version,
    })),
    recentlyClosed: closed.map((c) => ({ id: c.id, caseNumber: c.case_number, status: c.status, closedAt: c.closed_at?.toISOString() ?? null, municipalityCode: c.municipality_code })),
    onShift: onShift.map((u) => ({ id: u.id, displayName: u.display_name, role: u.role })),
    deadlines: deadlines.map((d) => ({
      id: d.id,
      caseId: d.case_id,
      caseNumber: d.case_number,
      kind: d.kind,
      label: d.label,
      legalReference: d.legal_reference,
      nominalDate: d.nominal_date,
      movedDate: d.moved_date,
      municipalityCode: d.municipality_code,
      confirmedAt: null,
      confirmedByName: null,
    })),
    shiftNotes: notes.map((n) => ({ id: n.id, body: n.body, authorName: n.author_name, writtenAt: n.written_at.toISOString() })),
    assignments,
    unsignedDecisions,
    restAlerts: await boardRestAlerts(ctx),
  };
}

export async function writeShiftNote(ctx: Ctx, body: string) {
  const actor = actorOf(ctx);
  if (!can(actor, 'cases.write')) throw forbidden();
  const row = await ctx.trx
    .insertInto('shift_note')
    .values({ organisation_id: actor.organisationId, body, author_id: actor.userId, author_name: ctx.principal.displayName, written_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'shift_note.written', entityType: 'shift_note', entityId: row.id });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id: row.id });
  return row.id;
}
