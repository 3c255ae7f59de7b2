import { sql } from 'kysely';
import type { ImportedCase, PopulationFigure } from '@jourbok/domain';
import type { Trx } from '../../app/context.ts';

/** What rows are checked against: the organisation's members, categories and decision types. */
export async function loadImportConfig(trx: Trx, organisationId: string) {
  const [org, municipalities, categories, types] = await Promise.all([
    trx.selectFrom('organisation').select(['time_zone']).where('id', '=', organisationId).executeTakeFirstOrThrow(),
    trx.selectFrom('municipality').select(['code', 'name', 'is_member']).where('organisation_id', '=', organisationId).orderBy('code').execute(),
    trx.selectFrom('category').select('code').where('organisation_id', '=', organisationId).orderBy('sort_order').orderBy('code').execute(),
    trx.selectFrom('decision_type').select('code').where('organisation_id', '=', organisationId).orderBy('sort_order').orderBy('code').execute(),
  ]);
  return {
    timeZone: org.time_zone,
    members: new Map(municipalities.filter((m) => m.is_member).map((m) => [m.code, m.name])),
    categoryCodes: new Set(categories.map((c) => c.code)),
    decisionCodes: new Set(types.map((t) => t.code)),
  };
}

/** How many of these external ids the organisation has already. */
export async function countExistingExternalIds(trx: Trx, organisationId: string, externalIds: string[]): Promise<number> {
  if (externalIds.length === 0) return 0;
  const row = await trx
    .selectFrom('jour_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('external_id', 'in', externalIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The case number of an imported case: IMP-<external id>. Registered cases are YYYY-NNNNN, so the two never meet. */
export const importedCaseNumber = (externalId: string) => `IMP-${externalId}`;

/**
 * Insert a batch of imported cases and their decision counts with two
 * statements (the rows travel as one JSON parameter). A case whose external id
 * the organisation already has is left as it is. Returns how many were inserted.
 */
export async function insertImportedCases(trx: Trx, organisationId: string, now: Date, cases: ImportedCase[]): Promise<number> {
  if (cases.length === 0) return 0;
  const rows = cases.map((c) => ({
    external_id: c.externalId,
    case_number: importedCaseNumber(c.externalId),
    received_at: c.receivedAt,
    source: c.source,
    municipality: c.municipalityCode,
    is_member: c.isMember,
    category: c.categoryCode,
    youth_crime: c.youthCrime,
    closed: c.closedAtJour,
    shelter_requested: c.shelterRequested,
    shelter_granted: c.shelterGranted,
    minutes: c.minutes,
  }));
  const inserted = await sql<{ id: string; external_id: string }>`
    insert into jour_case (organisation_id, case_number, case_type, received_at, contact_channel, municipality_code, is_member,
      category_code, youth_crime, summary, concerns_child, triage_criteria, status, shelter_requested, shelter_granted,
      external_id, is_imported, minutes_imported, created_at, updated_at)
    select ${organisationId}::uuid, x.case_number, 'arende', x.received_at, x.source, x.municipality, x.is_member,
      x.category, x.youth_crime, 'Importerat ärende', x.category = 'barn_unga', '[]'::jsonb,
      case when x.closed then 'closed' else 'handed_over' end, x.shelter_requested, x.shelter_granted,
      x.external_id, true, x.minutes, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(external_id text, case_number text, received_at timestamptz, source text,
      municipality text, is_member boolean, category text, youth_crime boolean, closed boolean, shelter_requested boolean,
      shelter_granted boolean, minutes integer)
    on conflict (organisation_id, external_id) where external_id is not null do nothing
    returning id, external_id`.execute(trx);
  const decisionsOf = new Map(cases.map((c) => [c.externalId, c.decisions]));
  const decisionRows = inserted.rows.flatMap((r) => Object.entries(decisionsOf.get(r.external_id) ?? {}).map(([type_code, count]) => ({ case_id: r.id, type_code, count })));
  if (decisionRows.length > 0) {
    await sql`
      insert into imported_decision (case_id, organisation_id, type_code, count)
      select x.case_id, ${organisationId}::uuid, x.type_code, x.count
      from jsonb_to_recordset(${JSON.stringify(decisionRows)}::jsonb) as x(case_id uuid, type_code text, count integer)`.execute(trx);
  }
  return inserted.rows.length;
}

/**
 * Refresh the planner's statistics of the tables an import filled, in the
 * import's transaction (they commit or roll back with it). Without this, the
 * first reports after a large import are planned for near-empty tables: on
 * PGlite, which has no autovacuum, a member's annual appendix over ten
 * imported years took 40 s instead of 0.3 s (bench/reports).
 */
export async function analyzeImportedCases(trx: Trx): Promise<void> {
  await sql`analyze jour_case, imported_decision`.execute(trx);
}

/** The (year, kommunkod) pairs that already have a population figure. */
export async function existingPopulationKeys(trx: Trx, organisationId: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('population').select(['year', 'municipality_code']).where('organisation_id', '=', organisationId).execute();
  return new Set(rows.map((r) => `${r.year}:${r.municipality_code}`));
}

/** Insert or replace population figures. */
export async function upsertPopulation(trx: Trx, organisationId: string, figures: PopulationFigure[]): Promise<void> {
  for (let i = 0; i < figures.length; i += 1000) {
    await trx
      .insertInto('population')
      .values(figures.slice(i, i + 1000).map((f) => ({ organisation_id: organisationId, municipality_code: f.municipalityCode, year: f.year, population: f.population })))
      .onConflict((oc) => oc.columns(['organisation_id', 'municipality_code', 'year']).doUpdateSet((eb) => ({ population: eb.ref('excluded.population') })))
      .execute();
  }
}
