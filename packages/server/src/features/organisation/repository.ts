import type { CalendarConfig, OrganisationPreset } from '@jourbok/domain';
import { swedishCollator } from '@jourbok/domain';
import type { Trx } from '../../app/context.ts';

export interface OrganisationView {
  id: string;
  name: string;
  shortName: string;
  preset: string | null;
  timeZone: string;
  phone: string;
  staffPerShift: number;
  calendar: CalendarConfig;
  version: number;
  municipalities: { code: string; name: string; isHost: boolean; isMember: boolean; functionalMailbox: string | null; version: number }[];
  categories: { code: string; name: string; sortOrder: number; isPrioritised: boolean; isActive: boolean; version: number }[];
  decisionTypes: {
    code: string;
    name: string;
    decidedBy: 'politician' | 'delegation';
    subjectMaxAgeExclusive: number | null;
    isGrantable: boolean;
    sortOrder: number;
    isActive: boolean;
    legalBases: { reference: string; validFrom: string; validTo: string | null }[];
    version: number;
  }[];
}

export async function findFirstOrganisationId(trx: Trx): Promise<string | null> {
  const row = await trx.selectFrom('organisation').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export async function loadOrganisation(trx: Trx, organisationId: string): Promise<OrganisationView | null> {
  const org = await trx.selectFrom('organisation').selectAll().where('id', '=', organisationId).executeTakeFirst();
  if (!org) return null;
  const [municipalities, categories, types, bases] = await Promise.all([
    trx.selectFrom('municipality').selectAll().where('organisation_id', '=', organisationId).execute(),
    trx.selectFrom('category').selectAll().where('organisation_id', '=', organisationId).orderBy('sort_order').orderBy('code').execute(),
    trx.selectFrom('decision_type').selectAll().where('organisation_id', '=', organisationId).orderBy('sort_order').orderBy('code').execute(),
    trx.selectFrom('decision_type_legal_basis').selectAll().where('organisation_id', '=', organisationId).orderBy('valid_from').execute(),
  ]);
  return {
    id: org.id,
    name: org.name,
    shortName: org.short_name,
    preset: org.preset,
    timeZone: org.time_zone,
    phone: org.phone,
    staffPerShift: org.staff_per_shift,
    calendar: org.calendar as CalendarConfig,
    version: org.version,
    municipalities: municipalities
      .map((m) => ({ code: m.code, name: m.name, isHost: m.is_host, isMember: m.is_member, functionalMailbox: m.functional_mailbox, version: m.version }))
      .sort((a, b) => swedishCollator.compare(a.name, b.name)),
    categories: categories.map((c) => ({ code: c.code, name: c.name, sortOrder: c.sort_order, isPrioritised: c.is_prioritised, isActive: c.is_active, version: c.version })),
    decisionTypes: types.map((t) => ({
      code: t.code,
      name: t.name,
      decidedBy: t.decided_by,
      subjectMaxAgeExclusive: t.subject_max_age_exclusive,
      isGrantable: t.is_grantable,
      sortOrder: t.sort_order,
      isActive: t.is_active,
      legalBases: bases.filter((b) => b.decision_type_code === t.code).map((b) => ({ reference: b.reference, validFrom: b.valid_from, validTo: b.valid_to })),
      version: t.version,
    })),
  };
}

export async function insertOrganisationFromPreset(trx: Trx, preset: OrganisationPreset): Promise<string> {
  const { id } = await trx
    .insertInto('organisation')
    .values({
      name: preset.name,
      short_name: preset.shortName,
      preset: preset.key,
      time_zone: preset.timeZone,
      phone: preset.phone,
      staff_per_shift: preset.staffPerShift,
      calendar: JSON.stringify(preset.calendar),
      settings: JSON.stringify({}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('municipality')
    .values(preset.municipalities.map((m) => ({ organisation_id: id, code: m.code, name: m.name, is_host: m.isHost, is_member: true, functional_mailbox: null })))
    .execute();
  await trx
    .insertInto('category')
    .values(preset.categories.map((c, i) => ({ organisation_id: id, code: c.code, name: c.name, sort_order: (i + 1) * 10, is_prioritised: c.isPrioritised })))
    .execute();
  await trx
    .insertInto('decision_type')
    .values(
      preset.decisionTypes.map((t, i) => ({
        organisation_id: id,
        code: t.code,
        name: t.name,
        decided_by: t.decidedBy,
        subject_max_age_exclusive: t.subjectMaxAgeExclusive,
        is_grantable: t.isGrantable,
        sort_order: (i + 1) * 10,
      })),
    )
    .execute();
  await trx
    .insertInto('decision_type_legal_basis')
    .values(
      preset.decisionTypes.flatMap((t) =>
        t.legalBases.map((b) => ({ organisation_id: id, decision_type_code: t.code, reference: b.reference, valid_from: b.validFrom, valid_to: b.validTo })),
      ),
    )
    .execute();
  return id;
}
