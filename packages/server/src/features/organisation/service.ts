import type { CalendarConfig, OrganisationPreset } from '@jourbok/domain';
import { buildCalendar, isValidKommunkod, unitStatusAt } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError, notFound } from '../../errors.ts';
import * as repo from './repository.ts';

function organisationIdOf(ctx: Ctx): string {
  const id = ctx.principal.organisationId;
  if (!id) throw new AppError('not_found', 'Ingen organisation är vald.');
  return id;
}

export async function getOrganisation(ctx: Ctx): Promise<repo.OrganisationView> {
  const org = await repo.loadOrganisation(ctx.trx, organisationIdOf(ctx));
  if (!org) throw notFound('Organisationen');
  return org;
}

/** Create an organisation from a preset in an empty database (jourbok init). */
export async function initOrganisation(ctx: Ctx, preset: OrganisationPreset): Promise<string> {
  const existing = await repo.findFirstOrganisationId(ctx.trx);
  if (existing) throw new AppError('conflict', 'Databasen har redan en organisation.');
  const id = await repo.insertOrganisationFromPreset(ctx.trx, preset);
  await ctx.audit({ action: 'organisation.created', entityType: 'organisation', entityId: id, details: { preset: preset.key } });
  return id;
}

/** JSON with sorted keys, so that equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((k) => k !== 'version' && canonical(before[k]) !== canonical(after[k]));
}

function staleError(): AppError {
  return new AppError('stale', 'Någon annan har ändrat detta medan du arbetade. Sidan visar nu den senaste versionen; gör din ändring igen.');
}

export interface OrganisationUpdate {
  name: string;
  shortName: string;
  phone: string;
  staffPerShift: number;
  calendar: CalendarConfig;
  version: number;
}

export async function updateOrganisation(ctx: Ctx, input: OrganisationUpdate): Promise<repo.OrganisationView> {
  const before = await getOrganisation(ctx);
  if (before.version !== input.version) throw staleError();
  try {
    // The calendar must still produce a valid calendar: try a whole year with it.
    buildCalendar('test', '2026-01-01', '2026-12-31', input.calendar);
  } catch (error) {
    throw new AppError('validation', `Kalenderinställningarna går inte att använda: ${(error as Error).message}`, 'calendar');
  }
  const result = await ctx.trx
    .updateTable('organisation')
    .set({
      name: input.name,
      short_name: input.shortName,
      phone: input.phone,
      staff_per_shift: input.staffPerShift,
      calendar: JSON.stringify(input.calendar),
      version: before.version + 1,
      updated_at: ctx.now,
    })
    .where('id', '=', before.id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw staleError();
  const fields = changedFields(before as unknown as Record<string, unknown>, input as unknown as Record<string, unknown>);
  await ctx.audit({ action: fields.includes('calendar') ? 'calendar.updated' : 'organisation.updated', entityType: 'organisation', entityId: before.id, details: { fields } });
  return getOrganisation(ctx);
}

export interface MunicipalityInput {
  code: string;
  name: string;
  isHost: boolean;
  isMember: boolean;
  functionalMailbox: string | null;
  version?: number | undefined;
}

export async function saveMunicipality(ctx: Ctx, input: MunicipalityInput, isNew: boolean): Promise<repo.OrganisationView> {
  const organisationId = organisationIdOf(ctx);
  if (!isValidKommunkod(input.code)) throw new AppError('validation', 'Kommunkoden finns inte (län 01–25 följt av två siffror).', 'code');
  const existing = await ctx.trx.selectFrom('municipality').selectAll().where('organisation_id', '=', organisationId).where('code', '=', input.code).executeTakeFirst();
  if (input.isHost) {
    await ctx.trx.updateTable('municipality').set({ is_host: false }).where('organisation_id', '=', organisationId).where('code', '!=', input.code).where('is_host', '=', true).execute();
  }
  if (isNew) {
    if (existing) throw new AppError('conflict', `Kommunen ${input.code} finns redan.`, 'code');
    await ctx.trx
      .insertInto('municipality')
      .values({ organisation_id: organisationId, code: input.code, name: input.name, is_host: input.isHost, is_member: input.isMember, functional_mailbox: input.functionalMailbox })
      .execute();
    await ctx.audit({ action: 'municipality.created', entityType: 'municipality', entityId: input.code, municipalityCode: input.code });
  } else {
    if (!existing) throw notFound('Kommunen');
    if (input.version !== undefined && input.version !== existing.version) throw staleError();
    await ctx.trx
      .updateTable('municipality')
      .set({ name: input.name, is_host: input.isHost, is_member: input.isMember, functional_mailbox: input.functionalMailbox, version: existing.version + 1 })
      .where('organisation_id', '=', organisationId)
      .where('code', '=', input.code)
      .execute();
    const fields = changedFields(
      { name: existing.name, isHost: existing.is_host, isMember: existing.is_member, functionalMailbox: existing.functional_mailbox },
      { name: input.name, isHost: input.isHost, isMember: input.isMember, functionalMailbox: input.functionalMailbox },
    );
    await ctx.audit({ action: 'municipality.updated', entityType: 'municipality', entityId: input.code, municipalityCode: input.code, details: { fields } });
  }
  return getOrganisation(ctx);
}

export interface CategoryInput {
  code: string;
  name: string;
  sortOrder: number;
  isPrioritised: boolean;
  isActive: boolean;
  version?: number | undefined;
}

export async function saveCategory(ctx: Ctx, input: CategoryInput, isNew: boolean): Promise<repo.OrganisationView> {
  const organisationId = organisationIdOf(ctx);
  const existing = await ctx.trx.selectFrom('category').selectAll().where('organisation_id', '=', organisationId).where('code', '=', input.code).executeTakeFirst();
  if (isNew) {
    if (existing) throw new AppError('conflict', `Kategorin ${input.code} finns redan.`, 'code');
    await ctx.trx
      .insertInto('category')
      .values({ organisation_id: organisationId, code: input.code, name: input.name, sort_order: input.sortOrder, is_prioritised: input.isPrioritised, is_active: input.isActive })
      .execute();
    await ctx.audit({ action: 'category.created', entityType: 'category', entityId: input.code });
  } else {
    if (!existing) throw notFound('Kategorin');
    if (input.version !== undefined && input.version !== existing.version) throw staleError();
    await ctx.trx
      .updateTable('category')
      .set({ name: input.name, sort_order: input.sortOrder, is_prioritised: input.isPrioritised, is_active: input.isActive, version: existing.version + 1 })
      .where('organisation_id', '=', organisationId)
      .where('code', '=', input.code)
      .execute();
    const fields = changedFields(
      { name: existing.name, sortOrder: existing.sort_order, isPrioritised: existing.is_prioritised, isActive: existing.is_active },
      { name: input.name, sortOrder: input.sortOrder, isPrioritised: input.isPrioritised, isActive: input.isActive },
    );
    await ctx.audit({ action: 'category.updated', entityType: 'category', entityId: input.code, details: { fields } });
  }
  return getOrganisation(ctx);
}

export interface DecisionTypeInput {
  code: string;
  name: string;
  decidedBy: 'politician' | 'delegation';
  subjectMaxAgeExclusive: number | null;
  isGrantable: boolean;
  sortOrder: number;
  isActive: boolean;
  legalBases: { reference: string; validFrom: string; validTo: string | null }[];
  version?: number | undefined;
}

function checkLegalBases(bases: DecisionTypeInput['legalBases']) {
  const sorted = [...bases].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 0; i < sorted.length; i++) {
    const b = sorted[i]!;
    if (b.validTo !== null && b.validTo < b.validFrom) throw new AppError('validation', `Lagrummet ”${b.reference}” slutar gälla innan det börjar gälla.`, 'legalBases');
    const next = sorted[i + 1];
    if (next && (b.validTo === null || b.validTo >= next.validFrom)) {
      throw new AppError('validation', `Lagrummen ”${b.reference}” och ”${next.reference}” gäller samtidigt. Ange ett slutdatum före ${next.validFrom}.`, 'legalBases');
    }
  }
}

export async function saveDecisionType(ctx: Ctx, input: DecisionTypeInput, isNew: boolean): Promise<repo.OrganisationView> {
  const organisationId = organisationIdOf(ctx);
  checkLegalBases(input.legalBases);
  const existing = await ctx.trx.selectFrom('decision_type').selectAll().where('organisation_id', '=', organisationId).where('code', '=', input.code).executeTakeFirst();
  const values = {
    name: input.name,
    decided_by: input.decidedBy,
    subject_max_age_exclusive: input.subjectMaxAgeExclusive,
    is_grantable: input.isGrantable,
    sort_order: input.sortOrder,
    is_active: input.isActive,
  };
  if (isNew) {
    if (existing) throw new AppError('conflict', `Beslutstypen ${input.code} finns redan.`, 'code');
    await ctx.trx.insertInto('decision_type').values({ organisation_id: organisationId, code: input.code, ...values }).execute();
  } else {
    if (!existing) throw notFound('Beslutstypen');
    if (input.version !== undefined && input.version !== existing.version) throw staleError();
    await ctx.trx.updateTable('decision_type').set({ ...values, version: existing.version + 1 }).where('organisation_id', '=', organisationId).where('code', '=', input.code).execute();
    await ctx.trx.deleteFrom('decision_type_legal_basis').where('organisation_id', '=', organisationId).where('decision_type_code', '=', input.code).execute();
  }
  await ctx.trx
    .insertInto('decision_type_legal_basis')
    .values(input.legalBases.map((b) => ({ organisation_id: organisationId, decision_type_code: input.code, reference: b.reference, valid_from: b.validFrom, valid_to: b.validTo })))
    .execute();
  await ctx.audit({ action: isNew ? 'decision_type.created' : 'decision_type.updated', entityType: 'decision_type', entityId: input.code });
  return getOrganisation(ctx);
}

export async function getUnitStatus(ctx: Ctx) {
  const org = await getOrganisation(ctx);
  return { ...unitStatusAt(ctx.now.toISOString(), org.calendar), now: ctx.now.toISOString() };
}

export async function getCalendar(ctx: Ctx, from: string, to: string) {
  const org = await getOrganisation(ctx);
  try {
    return buildCalendar(org.name, from, to, org.calendar);
  } catch (error) {
    throw new AppError('validation', `Ogiltigt datumintervall: ${(error as Error).message}`, 'from');
  }
}
