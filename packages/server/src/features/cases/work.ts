import { localDateOf, parseSekToOre } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { announce } from '../live/events.ts';
import { requireNoticesAcknowledged } from '../notices/checks.ts';
import { loadCase, requireWrite } from './intake.ts';
import { bookingOf } from '../money/service.ts';

const TIME_ZONE = 'Europe/Stockholm';

export interface JournalRequest {
  kind: 'note' | 'assessment' | 'action' | 'protection_assessment' | 'correction';
  actionType: 'stodsamtal' | 'hanvisning' | 'hembesok' | 'transport' | 'tillsyn' | 'utryckning' | 'skyddsbedomning' | 'ovrigt' | null;
  body: string;
  correctsEntryId: string | null;
  calledAt: string | null;
  arrivedAt: string | null;
}

/**
 * Append a journal entry, signed by its author at the time of writing. Nothing
 * is ever edited: a correction is a new entry pointing at the one it corrects.
 */
export async function writeJournal(ctx: Ctx, caseId: string, input: JournalRequest) {
  const actor = requireWrite(ctx);
  const row = await loadCase(ctx, caseId);
  await requireNoticesAcknowledged(ctx, caseId);
  if (input.kind === 'correction') {
    if (!input.correctsEntryId) throw new AppError('validation', 'Ange vilken anteckning som rättas.', 'correctsEntryId');
    const target = await ctx.trx.selectFrom('journal_entry').select('id').where('id', '=', input.correctsEntryId).where('case_id', '=', caseId).executeTakeFirst();
    if (!target) throw new AppError('validation', 'Anteckningen som ska rättas finns inte i ärendet.', 'correctsEntryId');
  } else if (input.correctsEntryId) {
    throw new AppError('validation', 'Bara en rättelse pekar på en annan anteckning.', 'correctsEntryId');
  }
  if (input.kind === 'action' && !input.actionType) throw new AppError('validation', 'Välj vilken insats som gjordes.', 'actionType');
  const isTurnOut = input.actionType === 'utryckning';
  if (isTurnOut && !input.calledAt) throw new AppError('validation', 'Ange när jouren larmades ut.', 'calledAt');
  if (input.arrivedAt && input.calledAt && new Date(input.arrivedAt) < new Date(input.calledAt)) {
    throw new AppError('validation', 'Ankomsttiden är före larmtiden.', 'arrivedAt');
  }
  const kind = input.actionType === 'skyddsbedomning' ? 'protection_assessment' : input.kind;
  const entry = await ctx.trx
    .insertInto('journal_entry')
    .values({
      case_id: caseId,
      kind,
      action_type: kind === 'protection_assessment' ? 'skyddsbedomning' : input.actionType,
      body: input.body,
      corrects_entry_id: input.correctsEntryId,
      called_at: input.calledAt ? new Date(input.calledAt) : null,
      arrived_at: input.arrivedAt ? new Date(input.arrivedAt) : null,
      author_id: actor.userId,
      author_name: ctx.principal.displayName,
      written_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'journal.written', entityType: 'journal_entry', entityId: entry.id, municipalityCode: row.municipality_code, details: { caseId, kind } });
  await announce(ctx.trx, { organisationId: row.organisation_id, topic: 'case', id: caseId, municipalityCode: row.municipality_code });
  return entry.id;
}

export async function recordTime(ctx: Ctx, caseId: string, input: { minutes: number; workDate: string | null; note: string | null }) {
  const actor = requireWrite(ctx);
  const row = await loadCase(ctx, caseId);
  const workDate = input.workDate ?? localDateOf(ctx.now.toISOString(), TIME_ZONE);
  // Time dated in a closed invoicing period is counted in the next open one (0007_money).
  const booking = await bookingOf(ctx.trx, row.organisation_id, workDate);
  const entry = await ctx.trx
    .insertInto('time_entry')
    .values({ case_id: caseId, user_id: actor.userId, user_name: ctx.principal.displayName, work_date: workDate, minutes: input.minutes, note: input.note, recorded_at: ctx.now, booked_on: booking.movedFrom ? booking.bookedOn : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'time.recorded', entityType: 'time_entry', entityId: entry.id, municipalityCode: row.municipality_code, details: { caseId, minutes: input.minutes, workDate } });
  await announce(ctx.trx, { organisationId: row.organisation_id, topic: 'case', id: caseId, municipalityCode: row.municipality_code });
  return { id: entry.id, bookedOn: booking.bookedOn, notice: booking.notice };
}

export async function recordCost(ctx: Ctx, caseId: string, input: { kind: 'travel' | 'accommodation' | 'food_card' | 'interpreter' | 'other'; amountSek: string; costDate: string | null; note: string | null }) {
  const actor = requireWrite(ctx);
  const row = await loadCase(ctx, caseId);
  const amountOre = parseSekToOre(input.amountSek);
  if (amountOre === null || amountOre <= 0) throw new AppError('validation', 'Ange ett belopp större än noll, t.ex. 450 eller 450,50.', 'amountSek');
  const costDate = input.costDate ?? localDateOf(ctx.now.toISOString(), TIME_ZONE);
  // A cost dated in a closed invoicing period is invoiced with the next open one (0007_money).
  const booking = await bookingOf(ctx.trx, row.organisation_id, costDate);
  const entry = await ctx.trx
    .insertInto('direct_cost')
    .values({ case_id: caseId, kind: input.kind, amount_ore: amountOre, cost_date: costDate, note: input.note, recorded_by: actor.userId, recorded_by_name: ctx.principal.displayName, recorded_at: ctx.now, booked_on: booking.movedFrom ? booking.bookedOn : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'cost.recorded', entityType: 'direct_cost', entityId: entry.id, municipalityCode: row.municipality_code, details: { caseId, kind: input.kind, amountOre } });
  await announce(ctx.trx, { organisationId: row.organisation_id, topic: 'case', id: caseId, municipalityCode: row.municipality_code });
  return { id: entry.id, bookedOn: booking.bookedOn, notice: booking.notice };
}
