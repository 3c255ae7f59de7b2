import { can, checkDeviationCommand, needsLexSarahAssessment, nextDeviationStatus, localDateOf, type DeviationCategory, type DeviationCommand, type LexSarahAssessment, type QualityReportKind } from '@jourbok/domain';
import { sql } from 'kysely';
import type { Ctx } from '../../app/context.ts';
import type { Selectable } from 'kysely';
import type { DeviationTable } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { announce } from '../live/events.ts';
import { actorOf } from '../persons/service.ts';

/**
 * Deviations (avvikelser) and complaints (klagomål): registered by anyone on
 * staff, assigned, analysed with an action (often a new routine) and closed
 * by the unit manager. The rules of who may do what, and when, are in the
 * domain (`checkDeviationCommand`). A possible lex Sarah matter is raised on
 * the manager's board until assessed. Descriptions may name persons, so
 * every read is logged.
 */
type Row = Selectable<DeviationTable>;

export interface DeviationRequest {
  kind: QualityReportKind;
  category: DeviationCategory;
  title: string;
  description: string;
  immediateAction: string;
  occurredAt: string;
  complaintSource: 'individual' | 'municipality' | 'partner' | 'other' | null;
  possibleLexSarah: boolean;
  lexSarahReason: string | null;
  caseNumbers: string[];
}

const stale = () => new AppError('stale', 'Någon annan har ändrat ärendet medan du arbetade. Sidan visar nu den senaste versionen.');

async function nextNumber(ctx: Ctx, organisationId: string, kind: QualityReportKind): Promise<string> {
  const year = Number(localDateOf(ctx.now.toISOString(), 'Europe/Stockholm').slice(0, 4));
  const row = await ctx.trx
    .insertInto('quality_counter')
    .values({ organisation_id: organisationId, kind, year, last_number: 1 })
    .onConflict((oc) => oc.columns(['organisation_id', 'kind', 'year']).doUpdateSet({ last_number: sql`quality_counter.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `${kind === 'deviation' ? 'AV' : 'KL'}-${year}-${String(row.last_number).padStart(3, '0')}`;
}

async function casesByNumber(ctx: Ctx, organisationId: string, numbers: string[]) {
  const unique = [...new Set(numbers.map((n) => n.trim()).filter(Boolean))];
  if (unique.length === 0) return [];
  const rows = await ctx.trx.selectFrom('jour_case').select(['id', 'case_number']).where('organisation_id', '=', organisationId).where('case_number', 'in', unique).execute();
  const missing = unique.filter((n) => !rows.some((r) => r.case_number === n));
  if (missing.length > 0) throw new AppError('validation', `Ärendet ${missing[0]} finns inte.`, 'caseNumbers');
  return rows;
}

function factsOf(row: Row) {
  return {
    status: row.status,
    assignedTo: row.assigned_to,
    analysis: row.analysis,
    action: row.action,
    possibleLexSarah: row.possible_lex_sarah,
    lexSarahAssessment: row.lex_sarah_assessment,
  };
}

function cardOf(row: Row, caseCount: number) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    category: row.category,
    title: row.title,
    status: row.status,
    occurredAt: row.occurred_at.toISOString(),
    reportedAt: row.reported_at.toISOString(),
    reportedByName: row.reported_by_name,
    assignedToName: row.assigned_to_name,
    possibleLexSarah: row.possible_lex_sarah,
    lexSarahAssessment: row.lex_sarah_assessment,
    needsLexSarahAssessment: needsLexSarahAssessment(factsOf(row)),
    caseCount,
  };
}

async function staffOf(ctx: Ctx, organisationId: string) {
  return ctx.trx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('organisation_id', '=', organisationId)
    .where('is_active', '=', true)
    .where('role', 'in', ['socialsekreterare', 'enhetschef'])
    .orderBy('display_name')
    .execute();
}

async function load(ctx: Ctx, id: string): Promise<Row> {
  const row = await ctx.trx.selectFrom('deviation').selectAll().where('organisation_id', '=', actorOf(ctx).organisationId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Avvikelsen');
  return row;
}

async function present(ctx: Ctx, row: Row) {
  const actor = actorOf(ctx);
  const cases = await ctx.trx
    .selectFrom('deviation_case as d')
    .innerJoin('jour_case as c', 'c.id', 'd.case_id')
    .select(['c.id', 'c.case_number'])
    .where('d.deviation_id', '=', row.id)
    .orderBy('c.case_number')
    .execute();
  const who = { userId: actor.userId, isManager: can(actor, 'deviations.manage') };
  const allowed = (command: DeviationCommand) => checkDeviationCommand(factsOf(row), command, who) === null;
  const staff = who.isManager ? await staffOf(ctx, actor.organisationId) : [];
  return {
    ...cardOf(row, cases.length),
    description: row.description,
    immediateAction: row.immediate_action,
    complaintSource: row.complaint_source,
    lexSarahReason: row.lex_sarah_reason,
    lexSarahNote: row.lex_sarah_note,
    lexSarahAssessedAt: row.lex_sarah_assessed_at?.toISOString() ?? null,
    lexSarahAssessedByName: row.lex_sarah_assessed_by_name,
    assignedToId: row.assigned_to,
    assignedAt: row.assigned_at?.toISOString() ?? null,
    analysis: row.analysis,
    action: row.action,
    actionKind: row.action_kind,
    analysedAt: row.analysed_at?.toISOString() ?? null,
    analysedByName: row.analysed_by_name,
    closedAt: row.closed_at?.toISOString() ?? null,
    closedByName: row.closed_by_name,
    closingNote: row.closing_note,
    cases: cases.map((c) => ({ id: c.id, caseNumber: c.case_number })),
    version: row.version,
    can: {
      assign: allowed('assign'),
      analyse: allowed('analyse'),
      assessLexSarah: allowed('assess_lex_sarah'),
      close: who.isManager && row.status !== 'closed',
      reopen: allowed('reopen'),
      link: row.status !== 'closed' && can(actor, 'deviations.write'),
    },
    assignees: staff.map((s) => ({ id: s.id, displayName: s.display_name })),
  };
}

export async function registerDeviation(ctx: Ctx, input: DeviationRequest) {
  const actor = actorOf(ctx);
  if (!can(actor, 'deviations.write')) throw forbidden();
  if (input.kind === 'deviation' && input.complaintSource) throw new AppError('validation', 'Källa anges bara för klagomål.', 'complaintSource');
  if (input.kind === 'complaint' && !input.complaintSource) throw new AppError('validation', 'Ange vem klagomålet kommer från.', 'complaintSource');
  if (new Date(input.occurredAt).getTime() > ctx.now.getTime() + 60_000) throw new AppError('validation', 'Tidpunkten ligger i framtiden.', 'occurredAt');
  const cases = await casesByNumber(ctx, actor.organisationId, input.caseNumbers);
  const number = await nextNumber(ctx, actor.organisationId, input.kind);
  const row = await ctx.trx
    .insertInto('deviation')
    .values({
      organisation_id: actor.organisationId,
      number,
      kind: input.kind,
      category: input.category,
      title: input.title,
      description: input.description,
      immediate_action: input.immediateAction,
      occurred_at: new Date(input.occurredAt),
      complaint_source: input.complaintSource,
      possible_lex_sarah: input.possibleLexSarah,
      lex_sarah_reason: input.possibleLexSarah ? input.lexSarahReason : null,
      reported_by: actor.userId,
      reported_by_name: ctx.principal.displayName,
      reported_at: ctx.now,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (cases.length > 0) {
    await ctx.trx.insertInto('deviation_case').values(cases.map((c) => ({ deviation_id: row.id, case_id: c.id, linked_at: ctx.now, linked_by_name: ctx.principal.displayName }))).execute();
  }
  await ctx.audit({ action: 'deviation.registered', entityType: 'deviation', entityId: row.id, details: { kind: input.kind, category: input.category, possibleLexSarah: input.possibleLexSarah, cases: cases.length } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id: row.id });
  return present(ctx, row);
}

export async function listDeviations(ctx: Ctx, query: { status: 'open' | 'closed' | 'all'; kind?: QualityReportKind | undefined; year?: number | undefined }) {
  const actor = actorOf(ctx);
  if (!can(actor, 'deviations.read')) throw forbidden();
  let q = ctx.trx.selectFrom('deviation').selectAll().where('organisation_id', '=', actor.organisationId);
  if (query.status === 'open') q = q.where('status', '<>', 'closed');
  if (query.status === 'closed') q = q.where('status', '=', 'closed');
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.year) q = q.where(sql<number>`extract(year from reported_at at time zone 'Europe/Stockholm')`, '=', query.year);
  const rows = await q.orderBy('reported_at', 'desc').limit(500).execute();
  const counts = rows.length === 0
    ? []
    : await ctx.trx.selectFrom('deviation_case').select(['deviation_id', (eb) => eb.fn.countAll<string>().as('n')]).where('deviation_id', 'in', rows.map((r) => r.id)).groupBy('deviation_id').execute();
  const countOf = new Map(counts.map((c) => [c.deviation_id, Number(c.n)]));
  await ctx.audit({ action: 'deviation.listed', entityType: 'deviation', entityId: null, details: { status: query.status, count: rows.length } });
  // Unassessed lex Sarah flags first, then the newest.
  const cards = rows.map((r) => cardOf(r, countOf.get(r.id) ?? 0));
  cards.sort((a, b) => Number(b.needsLexSarahAssessment) - Number(a.needsLexSarahAssessment));
  return { deviations: cards };
}

export async function getDeviation(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  if (!can(actor, 'deviations.read')) throw forbidden();
  const row = await load(ctx, id);
  await ctx.audit({ action: 'deviation.read', entityType: 'deviation', entityId: id });
  return present(ctx, row);
}

/** Apply one command: check it with the domain rules, update with the version, log and announce. */
async function apply(ctx: Ctx, id: string, version: number, command: DeviationCommand, changes: Partial<Record<keyof Row, unknown>>, details: Record<string, string | number | boolean | null> = {}) {
  const actor = actorOf(ctx);
  if (!can(actor, 'deviations.write') && !can(actor, 'deviations.manage')) throw forbidden();
  const row = await load(ctx, id);
  if (row.version !== version) throw stale();
  const refusal = checkDeviationCommand({ ...factsOf(row), ...pickFacts(changes) }, command, { userId: actor.userId, isManager: can(actor, 'deviations.manage') });
  if (refusal) throw new AppError(refusal.reason === 'not_allowed' ? 'forbidden' : 'conflict', refusal.message, refusal.field);
  const result = await ctx.trx
    .updateTable('deviation')
    .set({ ...(changes as object), status: nextDeviationStatus(row.status, command), version: row.version + 1, updated_at: ctx.now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw stale();
  await ctx.audit({ action: 'deviation.updated', entityType: 'deviation', entityId: id, details: { command, ...details } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id });
  return present(ctx, await load(ctx, id));
}

/** A lex Sarah assessment given with the close itself counts for the close check. */
function pickFacts(changes: Partial<Record<keyof Row, unknown>>) {
  const facts: Partial<ReturnType<typeof factsOf>> = {};
  if ('lex_sarah_assessment' in changes) facts.lexSarahAssessment = changes.lex_sarah_assessment as LexSarahAssessment | null;
  if ('possible_lex_sarah' in changes) facts.possibleLexSarah = changes.possible_lex_sarah as boolean;
  return facts;
}

export async function assignDeviation(ctx: Ctx, id: string, input: { userId: string; version: number }) {
  const actor = actorOf(ctx);
  const user = (await staffOf(ctx, actor.organisationId)).find((u) => u.id === input.userId);
  if (!user) throw new AppError('validation', 'Välj en medarbetare på jouren som ansvarig.', 'userId');
  return apply(ctx, id, input.version, 'assign', { assigned_to: user.id, assigned_to_name: user.display_name, assigned_at: ctx.now });
}

export async function analyseDeviation(ctx: Ctx, id: string, input: { analysis: string; action: string; actionKind: Row['action_kind']; version: number }) {
  return apply(ctx, id, input.version, 'analyse', { analysis: input.analysis, action: input.action, action_kind: input.actionKind, analysed_at: ctx.now, analysed_by_name: ctx.principal.displayName }, { actionKind: input.actionKind });
}

export async function assessLexSarah(ctx: Ctx, id: string, input: { possibleLexSarah: boolean; assessment: LexSarahAssessment | null; note: string | null; version: number }) {
  const assessed = input.possibleLexSarah && input.assessment !== null;
  return apply(
    ctx,
    id,
    input.version,
    'assess_lex_sarah',
    {
      possible_lex_sarah: input.possibleLexSarah,
      lex_sarah_assessment: input.possibleLexSarah ? input.assessment : null,
      lex_sarah_note: input.note,
      lex_sarah_assessed_at: assessed ? ctx.now : null,
      lex_sarah_assessed_by_name: assessed ? ctx.principal.displayName : null,
    },
    { possibleLexSarah: input.possibleLexSarah, assessment: input.assessment },
  );
}

export async function closeDeviation(ctx: Ctx, id: string, input: { note: string | null; version: number }) {
  return apply(ctx, id, input.version, 'close', { closed_at: ctx.now, closed_by_name: ctx.principal.displayName, closing_note: input.note });
}

export async function reopenDeviation(ctx: Ctx, id: string, input: { reason: string; version: number }) {
  return apply(ctx, id, input.version, 'reopen', { closed_at: null, closed_by_name: null, closing_note: `Öppnad igen: ${input.reason}` });
}

export async function linkCase(ctx: Ctx, id: string, input: { caseNumber: string; version: number }) {
  const actor = actorOf(ctx);
  if (!can(actor, 'deviations.write')) throw forbidden();
  const row = await load(ctx, id);
  if (row.version !== input.version) throw stale();
  if (row.status === 'closed') throw new AppError('conflict', 'Ärendet är avslutat. Öppna det igen för att ändra.');
  const [found] = await casesByNumber(ctx, actor.organisationId, [input.caseNumber]);
  await ctx.trx
    .insertInto('deviation_case')
    .values({ deviation_id: id, case_id: found!.id, linked_at: ctx.now, linked_by_name: ctx.principal.displayName })
    .onConflict((oc) => oc.columns(['deviation_id', 'case_id']).doNothing())
    .execute();
  await ctx.trx.updateTable('deviation').set({ version: row.version + 1, updated_at: ctx.now }).where('id', '=', id).execute();
  await ctx.audit({ action: 'deviation.updated', entityType: 'deviation', entityId: id, details: { command: 'link_case' } });
  return present(ctx, await load(ctx, id));
}
