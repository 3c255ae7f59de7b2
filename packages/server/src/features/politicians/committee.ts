import { can, scopeOf } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { actorOf } from '../persons/service.ts';

/**
 * Decisions taken by a politician are reported to the municipality's
 * committee at its next meeting (anmälan till nämnd): a list per municipality
 * with a mark when reported.
 */
function politicianDecisions(ctx: Ctx) {
  const scope = scopeOf(actorOf(ctx));
  let q = ctx.trx
    .selectFrom('decision as d')
    .innerJoin('jour_case as c', 'c.id', 'd.case_id')
    .innerJoin('decision_type as t', (j) => j.onRef('t.organisation_id', '=', 'd.organisation_id').onRef('t.code', '=', 'd.type_code'))
    .leftJoin('committee_report as r', 'r.decision_id', 'd.id')
    .select([
      'd.id',
      'd.case_id',
      'c.case_number',
      'c.municipality_code',
      'd.type_code',
      't.name as type_name',
      'd.legal_reference',
      'd.decided_at',
      'd.maker_name',
      'd.maker_capacity',
      'd.signed_at',
      'd.status',
      'r.meeting_date',
      'r.note',
      'r.reported_by_name',
      'r.reported_at',
    ])
    .where('d.organisation_id', '=', scope.organisationId)
    .where('d.maker_kind', '=', 'politician');
  if (scope.kind === 'municipality') q = q.where('c.municipality_code', '=', scope.municipalityCode);
  return q;
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof politicianDecisions>['executeTakeFirst']>>>;

function present(r: Row) {
  return {
    decisionId: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    municipalityCode: r.municipality_code,
    typeCode: r.type_code,
    typeName: r.type_name,
    legalReference: r.legal_reference,
    decidedAt: r.decided_at.toISOString(),
    makerName: r.maker_name,
    makerCapacity: r.maker_capacity,
    signedAt: r.signed_at?.toISOString() ?? null,
    status: r.status,
    isReported: r.reported_at !== null,
    meetingDate: r.meeting_date,
    note: r.note,
    reportedByName: r.reported_by_name,
    reportedAt: r.reported_at?.toISOString() ?? null,
  };
}

export async function listCommitteeReports(ctx: Ctx, query: { reported: 'true' | 'false' | 'all'; municipalityCode?: string | undefined }) {
  if (!can(actorOf(ctx), 'committee.manage')) throw forbidden();
  let q = politicianDecisions(ctx);
  if (query.municipalityCode) q = q.where('c.municipality_code', '=', query.municipalityCode);
  if (query.reported === 'true') q = q.where('r.reported_at', 'is not', null);
  if (query.reported === 'false') q = q.where('r.reported_at', 'is', null);
  const rows = await q.orderBy('d.decided_at').limit(500).execute();
  await ctx.audit({ action: 'committee.listed', entityType: 'decision', entityId: null, details: { count: rows.length, reported: query.reported } });
  return { items: rows.map(present) };
}

/** Mark a politician's decision as reported to the committee (with the meeting). */
export async function markReported(ctx: Ctx, decisionId: string, input: { meetingDate: string | null; note: string | null }) {
  const actor = actorOf(ctx);
  if (!can(actor, 'committee.manage')) throw forbidden();
  const row = await politicianDecisions(ctx).where('d.id', '=', decisionId).executeTakeFirst();
  if (!row) throw notFound('Beslutet');
  const values = { meeting_date: input.meetingDate, note: input.note, reported_by: actor.userId, reported_by_name: ctx.principal.displayName, reported_at: ctx.now };
  await ctx.trx
    .insertInto('committee_report')
    .values({ decision_id: decisionId, organisation_id: actor.organisationId, municipality_code: row.municipality_code, ...values })
    .onConflict((oc) => oc.column('decision_id').doUpdateSet(values))
    .execute();
  await ctx.audit({ action: 'committee.reported', entityType: 'decision', entityId: decisionId, municipalityCode: row.municipality_code, details: { meetingDate: input.meetingDate } });
  return present((await politicianDecisions(ctx).where('d.id', '=', decisionId).executeTakeFirst())!);
}
