import { callbackClosesTask, callbackNeedOf, can, countCalls, localDateOf, normalizePhoneNumber, openCallbackTasks, startOfDay, addDays, type CallbackResult, type CallOutcome } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { announce } from '../live/events.ts';
import { actorOf } from '../persons/service.ts';

/**
 * The call log. Every contact attempt on the unit's lines is logged, by the
 * telephony system (token route) or by hand from the board. A missed or busy
 * call from a known number is a callback task until someone has called back
 * or the caller got through on a later call. The caller's number is personal
 * data: every read and write is audited, and it never goes to the
 * application log or into an audit event's details.
 */
const TIME_ZONE = 'Europe/Stockholm';

export interface CallRequest {
  occurredAt: string;
  line: string;
  outcome: CallOutcome;
  callerNumber: string | null;
  durationSeconds: number | null;
}

type CallRow = {
  id: string;
  occurred_at: Date;
  line: string;
  outcome: CallOutcome;
  caller_number: string | null;
  caller_number_normalized: string | null;
  duration_seconds: number | null;
  source: 'telephony' | 'manual';
  registered_by_name: string;
  callback_needed: boolean;
  callback_closed_at: Date | null;
  callback_closed_by_name: string | null;
  callback_result: 'reached' | 'not_needed' | 'answered_later' | null;
  callback_attempts: number;
  last_callback_at: Date | null;
  last_callback_by_name: string | null;
};

function presentCall(row: CallRow) {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    line: row.line,
    outcome: row.outcome,
    callerNumber: row.caller_number,
    durationSeconds: row.duration_seconds,
    source: row.source,
    sourceName: row.registered_by_name,
    callbackNeeded: row.callback_needed,
    callbackClosedAt: row.callback_closed_at?.toISOString() ?? null,
    callbackClosedByName: row.callback_closed_by_name,
    callbackResult: row.callback_result,
    callbackAttempts: row.callback_attempts,
  };
}

/**
 * Log one call for `organisationId`. An answered call from a number closes
 * that number's earlier open callback tasks (the caller got through).
 */
export async function logCall(ctx: Ctx, organisationId: string, input: CallRequest, via: { source: 'telephony' | 'manual'; systemId: string | null; externalId: string | null }) {
  if (via.systemId && via.externalId) {
    const existing = await ctx.trx
      .selectFrom('call_event')
      .select(['id', 'callback_needed'])
      .where('telephony_system_id', '=', via.systemId)
      .where('external_id', '=', via.externalId)
      .executeTakeFirst();
    if (existing) {
      await ctx.audit({ action: 'call.registered', entityType: 'call', entityId: existing.id, details: { duplicate: true, source: via.source } });
      return { id: existing.id, duplicate: true, callbackNeeded: existing.callback_needed };
    }
  }
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > ctx.now.getTime() + 5 * 60_000) throw new AppError('validation', 'Samtalstiden ligger i framtiden.', 'occurredAt');
  const normalized = normalizePhoneNumber(input.callerNumber);
  const callbackNeeded = callbackNeedOf(input.outcome, normalized) === 'callback';
  const row = await ctx.trx
    .insertInto('call_event')
    .values({
      organisation_id: organisationId,
      occurred_at: occurredAt,
      line: input.line,
      outcome: input.outcome,
      caller_number: normalized ? input.callerNumber : null,
      caller_number_normalized: normalized,
      duration_seconds: input.durationSeconds,
      source: via.source,
      telephony_system_id: via.systemId,
      external_id: via.externalId,
      registered_by_name: ctx.principal.displayName,
      registered_at: ctx.now,
      callback_needed: callbackNeeded,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let closedByAnswer = 0;
  if (input.outcome === 'answered' && normalized) {
    const closed = await ctx.trx
      .updateTable('call_event')
      .set({ callback_closed_at: ctx.now, callback_closed_by_name: ctx.principal.displayName, callback_result: 'answered_later' })
      .where('organisation_id', '=', organisationId)
      .where('caller_number_normalized', '=', normalized)
      .where('callback_needed', '=', true)
      .where('callback_closed_at', 'is', null)
      .where('occurred_at', '<', occurredAt)
      .executeTakeFirst();
    closedByAnswer = Number(closed.numUpdatedRows);
  }
  await ctx.audit({ action: 'call.registered', entityType: 'call', entityId: row.id, details: { outcome: input.outcome, line: input.line, source: via.source, hasNumber: normalized !== null, callbackNeeded, closedByAnswer } });
  if (callbackNeeded || closedByAnswer > 0 || via.source === 'manual') await announce(ctx.trx, { organisationId, topic: 'board', id: row.id });
  return { id: row.id, duplicate: false, callbackNeeded };
}

export async function registerCallByHand(ctx: Ctx, input: CallRequest) {
  const actor = actorOf(ctx);
  if (!can(actor, 'calls.write')) throw forbidden();
  return logCall(ctx, actor.organisationId, input, { source: 'manual', systemId: null, externalId: null });
}

/** A telephony system's call event; the system's last use is noted. */
export async function registerCallFromSystem(ctx: Ctx, system: { systemId: string; organisationId: string }, input: CallRequest & { externalId: string | null }) {
  await ctx.trx.updateTable('telephony_system').set({ last_used_at: ctx.now }).where('id', '=', system.systemId).execute();
  return logCall(ctx, system.organisationId, input, { source: 'telephony', systemId: system.systemId, externalId: input.externalId });
}

/** The calls of one local day (default today), newest first, with counts per outcome. */
export async function listCalls(ctx: Ctx, date: string | undefined) {
  const actor = actorOf(ctx);
  if (!can(actor, 'calls.read')) throw forbidden();
  const day = date ?? localDateOf(ctx.now.toISOString(), TIME_ZONE);
  const from = new Date(startOfDay(day, TIME_ZONE).epochMilliseconds);
  const to = new Date(startOfDay(addDays(day, 1), TIME_ZONE).epochMilliseconds);
  const rows = await ctx.trx
    .selectFrom('call_event')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .orderBy('occurred_at', 'desc')
    .execute();
  await ctx.audit({ action: 'call.listed', entityType: 'call', entityId: null, details: { view: 'log', date: day, calls: rows.length } });
  return { date: day, calls: rows.map(presentCall), counts: countCalls(rows.map((r) => r.outcome)) };
}

async function pendingCalls(ctx: Ctx, organisationId: string, number?: string) {
  let query = ctx.trx
    .selectFrom('call_event')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('callback_needed', '=', true)
    .where('callback_closed_at', 'is', null);
  if (number) query = query.where('caller_number_normalized', '=', number);
  return query.orderBy('occurred_at').execute();
}

/** The open callback tasks for the shift board: one per number, oldest first. */
export async function callbackTasks(ctx: Ctx) {
  const actor = actorOf(ctx);
  if (!can(actor, 'calls.read')) throw forbidden();
  const pending = await pendingCalls(ctx, actor.organisationId);
  const byId = new Map(pending.map((r) => [r.id, r]));
  const tasks = openCallbackTasks(pending.map((r) => ({ id: r.id, occurredAt: r.occurred_at.toISOString(), outcome: r.outcome, callerNumber: r.caller_number_normalized, callbackClosedAt: null })));
  await ctx.audit({ action: 'call.listed', entityType: 'call', entityId: null, details: { view: 'callbacks', tasks: tasks.length } });
  return {
    tasks: tasks.map((t) => {
      const rows = t.callIds.map((id) => byId.get(id)!);
      const last = rows.reduce((a, b) => ((a.last_callback_at?.getTime() ?? 0) >= (b.last_callback_at?.getTime() ?? 0) ? a : b));
      return {
        callId: rows[rows.length - 1]!.id,
        callerNumber: rows[rows.length - 1]!.caller_number ?? t.callerNumber,
        callIds: t.callIds,
        firstAt: t.firstAt,
        lastAt: t.lastAt,
        attempts: t.attempts,
        lines: [...new Set(rows.map((r) => r.line))],
        outcomes: rows.map((r) => r.outcome),
        callbackAttempts: Math.max(...rows.map((r) => r.callback_attempts)),
        lastCallbackAt: last.last_callback_at?.toISOString() ?? null,
        lastCallbackByName: last.last_callback_by_name,
      };
    }),
  };
}

/**
 * Record a callback for the task the call belongs to (every open call from
 * that number): reached or not needed closes it; no answer leaves it open
 * with one more attempt noted.
 */
export async function recordCallback(ctx: Ctx, callId: string, result: CallbackResult) {
  const actor = actorOf(ctx);
  if (!can(actor, 'calls.write')) throw forbidden();
  const call = await ctx.trx.selectFrom('call_event').selectAll().where('organisation_id', '=', actor.organisationId).where('id', '=', callId).executeTakeFirst();
  if (!call) throw notFound('Samtalet');
  if (!call.callback_needed || !call.caller_number_normalized) throw new AppError('conflict', 'Samtalet behöver ingen återuppringning.');
  if (call.callback_closed_at) throw new AppError('conflict', 'Någon har redan ringt upp. Tavlan visar nu läget.');
  const pending = await pendingCalls(ctx, actor.organisationId, call.caller_number_normalized);
  const ids = pending.map((r) => r.id);
  if (callbackClosesTask(result)) {
    await ctx.trx
      .updateTable('call_event')
      .set((eb) => ({
        callback_closed_at: ctx.now,
        callback_closed_by_name: ctx.principal.displayName,
        callback_result: result as 'reached' | 'not_needed',
        callback_attempts: eb('callback_attempts', '+', 1),
        last_callback_at: ctx.now,
        last_callback_by_name: ctx.principal.displayName,
      }))
      .where('id', 'in', ids)
      .execute();
  } else {
    await ctx.trx
      .updateTable('call_event')
      .set((eb) => ({ callback_attempts: eb('callback_attempts', '+', 1), last_callback_at: ctx.now, last_callback_by_name: ctx.principal.displayName }))
      .where('id', 'in', ids)
      .execute();
  }
  await ctx.audit({ action: 'call.callback_recorded', entityType: 'call', entityId: callId, details: { result, calls: ids.length } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id: callId });
  return callbackTasks(ctx);
}

/** Calls of a year per outcome and how many were called back (the annual report; no personal data). */
export async function callCountsForYear(ctx: Pick<Ctx, 'trx'>, organisationId: string, year: number) {
  const from = new Date(startOfDay(`${year}-01-01`, TIME_ZONE).epochMilliseconds);
  const to = new Date(startOfDay(`${year + 1}-01-01`, TIME_ZONE).epochMilliseconds);
  const rows = await ctx.trx
    .selectFrom('call_event')
    .select(['outcome', 'callback_result'])
    .where('organisation_id', '=', organisationId)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .execute();
  const counts = countCalls(rows.map((r) => r.outcome));
  return { ...counts, calledBack: rows.filter((r) => r.callback_result === 'reached').length };
}
