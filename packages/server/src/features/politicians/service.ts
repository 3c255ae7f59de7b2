import { can, scopeOf } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { municipalityFor } from '../members/acting.ts';
import { actorOf } from '../persons/service.ts';

export const politicianRoleLabels = { chair: 'Ordförande', vice_chair: 'Vice ordförande', member: 'Ledamot' } as const;
const roleOrder = { chair: 0, vice_chair: 1, member: 2 } as const;

export interface PoliticianRequest {
  name: string;
  role: 'chair' | 'vice_chair' | 'member';
  phone: string;
  email: string | null;
  onCallFrom: string;
  onCallTo: string;
}

function politicians(ctx: Ctx) {
  const scope = scopeOf(actorOf(ctx));
  let q = ctx.trx
    .selectFrom('on_call_politician as p')
    .innerJoin('municipality as m', (j) => j.onRef('m.organisation_id', '=', 'p.organisation_id').onRef('m.code', '=', 'p.municipality_code'))
    .selectAll('p')
    .select('m.name as municipality_name')
    .where('p.organisation_id', '=', scope.organisationId);
  if (scope.kind === 'municipality') q = q.where('p.municipality_code', '=', scope.municipalityCode);
  return q;
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof politicians>['executeTakeFirst']>>>;

function present(row: Row) {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    name: row.name,
    role: row.role,
    roleLabel: politicianRoleLabels[row.role],
    phone: row.phone,
    email: row.email,
    onCallFrom: row.on_call_from.toISOString(),
    onCallTo: row.on_call_to.toISOString(),
    version: row.version,
  };
}

const byRole = (a: Row, b: Row) => roleOrder[a.role] - roleOrder[b.role] || a.on_call_from.getTime() - b.on_call_from.getTime() || a.name.localeCompare(b.name, 'sv');

function checkPeriod(input: PoliticianRequest) {
  if (new Date(input.onCallTo).getTime() <= new Date(input.onCallFrom).getTime()) throw new AppError('validation', 'Beredskapen slutar innan den börjar.', 'onCallTo');
}

async function load(ctx: Ctx, id: string): Promise<Row> {
  const row = await politicians(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Politikern');
  return row;
}

async function audit(ctx: Ctx, action: 'politician.created' | 'politician.updated' | 'politician.deleted', row: { id: string; municipality_code: string }) {
  await ctx.audit({ action, entityType: 'politician', entityId: row.id, municipalityCode: row.municipality_code });
}

/** On-call politicians (a kommun user: its municipality's): current and coming periods, or those on call at an instant. */
export async function listPoliticians(ctx: Ctx, query: { municipalityCode?: string | undefined; onCallAt?: string | undefined; includePast?: 'true' | 'false' | undefined }) {
  let q = politicians(ctx);
  if (query.municipalityCode) q = q.where('p.municipality_code', '=', query.municipalityCode);
  if (query.onCallAt) q = q.where('p.on_call_from', '<=', new Date(query.onCallAt)).where('p.on_call_to', '>', new Date(query.onCallAt));
  else if (query.includePast !== 'true') q = q.where('p.on_call_to', '>', ctx.now);
  const rows = (await q.limit(500).execute()).sort((a, b) => a.municipality_name.localeCompare(b.municipality_name, 'sv') || byRole(a, b));
  await ctx.audit({ action: 'politician.listed', entityType: 'politician', entityId: null, details: { count: rows.length } });
  return { politicians: rows.map(present) };
}

/** Who is on call for a municipality at an instant, chair first (the decision form offers them). */
export async function onCallAt(ctx: Ctx, municipalityCode: string, at: string | undefined) {
  const scope = scopeOf(actorOf(ctx));
  if (scope.kind === 'municipality' && scope.municipalityCode !== municipalityCode) throw notFound('Kommunen');
  const municipality = await ctx.trx.selectFrom('municipality').select(['code', 'name']).where('organisation_id', '=', scope.organisationId).where('code', '=', municipalityCode).executeTakeFirst();
  if (!municipality) throw notFound('Kommunen');
  const instant = at ? new Date(at) : ctx.now;
  const rows = (await politicians(ctx).where('p.municipality_code', '=', municipalityCode).where('p.on_call_from', '<=', instant).where('p.on_call_to', '>', instant).execute()).sort(byRole);
  await ctx.audit({ action: 'politician.listed', entityType: 'politician', entityId: null, municipalityCode, details: { count: rows.length, onCall: true } });
  return { municipalityCode, municipalityName: municipality.name, at: instant.toISOString(), politicians: rows.map(present) };
}

export async function createPolitician(ctx: Ctx, input: PoliticianRequest & { municipalityCode: string | null }) {
  const actor = actorOf(ctx);
  if (!can(actor, 'politicians.manage')) throw forbidden();
  const municipality = await municipalityFor(ctx, input.municipalityCode);
  checkPeriod(input);
  const row = await ctx.trx
    .insertInto('on_call_politician')
    .values({
      organisation_id: actor.organisationId,
      municipality_code: municipality.code,
      name: input.name,
      role: input.role,
      phone: input.phone,
      email: input.email,
      on_call_from: new Date(input.onCallFrom),
      on_call_to: new Date(input.onCallTo),
      created_by: actor.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, 'politician.created', { id: row.id, municipality_code: municipality.code });
  return present(await load(ctx, row.id));
}

export async function updatePolitician(ctx: Ctx, id: string, input: PoliticianRequest & { version: number }) {
  if (!can(actorOf(ctx), 'politicians.manage')) throw forbidden();
  const row = await load(ctx, id);
  if (row.version !== input.version) throw new AppError('stale', 'Någon annan har ändrat uppgifterna medan du arbetade. Sidan visar nu den senaste versionen.');
  checkPeriod(input);
  await ctx.trx
    .updateTable('on_call_politician')
    .set({ name: input.name, role: input.role, phone: input.phone, email: input.email, on_call_from: new Date(input.onCallFrom), on_call_to: new Date(input.onCallTo), updated_at: ctx.now, version: row.version + 1 })
    .where('id', '=', id)
    .execute();
  await audit(ctx, 'politician.updated', row);
  return present(await load(ctx, id));
}

export async function deletePolitician(ctx: Ctx, id: string, version: number) {
  if (!can(actorOf(ctx), 'politicians.manage')) throw forbidden();
  const row = await load(ctx, id);
  if (row.version !== version) throw new AppError('stale', 'Någon annan har ändrat uppgifterna medan du arbetade. Sidan visar nu den senaste versionen.');
  await ctx.trx.deleteFrom('on_call_politician').where('id', '=', id).execute();
  await audit(ctx, 'politician.deleted', row);
  return { ok: true as const };
}
