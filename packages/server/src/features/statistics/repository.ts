import { sql, type RawBuilder } from 'kysely';
import type { CaseCount, DecisionCount, ReportOrganisation } from '@jourbok/domain';
import type { Trx } from '../../app/context.ts';

/** One compared year of a report: its period as instants, start inclusive, end exclusive. */
export interface YearRange {
  year: number;
  starts: string;
  ends: string;
}

/** Whose cases: the whole jour, one member, or every non-member (Annan kommun). */
export type CaseScope = { kind: 'all' } | { kind: 'member'; code: string } | { kind: 'other' };

export async function loadReportOrganisation(trx: Trx, organisationId: string): Promise<(ReportOrganisation & { settings: Record<string, unknown> }) | null> {
  const org = await trx.selectFrom('organisation').select(['name', 'settings']).where('id', '=', organisationId).executeTakeFirst();
  if (!org) return null;
  const [members, categories, decisionTypes] = await Promise.all([
    trx.selectFrom('municipality').select(['code', 'name']).where('organisation_id', '=', organisationId).where('is_member', '=', true).execute(),
    trx.selectFrom('category').select(['code', 'name']).where('organisation_id', '=', organisationId).orderBy('sort_order').orderBy('code').execute(),
    trx.selectFrom('decision_type').select(['code', 'name']).where('organisation_id', '=', organisationId).orderBy('sort_order').orderBy('code').execute(),
  ]);
  return { name: org.name, settings: org.settings as Record<string, unknown>, members, categories, decisionTypes };
}

function periods(ranges: readonly YearRange[]): RawBuilder<unknown> {
  return sql.join(ranges.map((r) => sql`(${r.year}::integer, ${r.starts}::timestamptz, ${r.ends}::timestamptz)`));
}

function scopeFilter(organisationId: string, scope: CaseScope): RawBuilder<unknown> {
  if (scope.kind === 'member') return sql`and c.municipality_code = ${scope.code}`;
  if (scope.kind === 'other') {
    return sql`and c.municipality_code not in (select m.code from municipality m where m.organisation_id = ${organisationId}::uuid and m.is_member)`;
  }
  return sql``;
}

/**
 * The cases of one compared period `p` in scope, as a lateral subquery: an
 * index range scan on (organisation_id, received_at) per period. (`offset 0`
 * keeps the planner from flattening it into one scan of every year joined
 * against the periods, which read all ten years of history for three.)
 */
function casesOf(organisationId: string, scope: CaseScope, columns: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select ${columns} from jour_case c
      where c.organisation_id = ${organisationId}::uuid and c.received_at >= p.starts and c.received_at < p.ends ${scopeFilter(organisationId, scope)}
      offset 0`;
}

/**
 * Cases of the compared periods, registered and imported alike, counted by
 * year, kommunkod, category and youth crime, each group with its shelter
 * requests and grants and its cases closed at the jour. The year is the
 * period the received time falls in (periods are Europe/Stockholm days).
 */
export async function countCases(trx: Trx, organisationId: string, ranges: readonly YearRange[], scope: CaseScope): Promise<CaseCount[]> {
  const result = await sql<{ year: number; municipality_code: string; category_code: string; youth_crime: boolean; cases: number; requested: number; granted: number; closed: number }>`
    with period(year, starts, ends) as (values ${periods(ranges)})
    select p.year, c.municipality_code, c.category_code, c.youth_crime,
      count(*)::integer as cases,
      (count(*) filter (where c.shelter_requested))::integer as requested,
      (count(*) filter (where c.shelter_granted))::integer as granted,
      (count(*) filter (where c.status = 'closed'))::integer as closed
    from period p
    cross join lateral (${casesOf(organisationId, scope, sql`c.municipality_code, c.category_code, c.youth_crime, c.shelter_requested, c.shelter_granted, c.status`)}) c
    group by p.year, c.municipality_code, c.category_code, c.youth_crime`.execute(trx);
  return result.rows.map((r) => ({
    year: r.year,
    municipalityCode: r.municipality_code,
    categoryCode: r.category_code,
    youthCrime: r.youth_crime,
    cases: r.cases,
    shelterRequested: r.requested,
    shelterGranted: r.granted,
    closedAtJour: r.closed,
  }));
}

/**
 * Decisions on the cases of the compared periods, counted one by one: each
 * registered decision that is not withdrawn, plus the counts an imported case brought.
 */
export async function countDecisions(trx: Trx, organisationId: string, ranges: readonly YearRange[], scope: CaseScope): Promise<DecisionCount[]> {
  const result = await sql<{ year: number; municipality_code: string; type_code: string; count: number }>`
    with period(year, starts, ends) as (values ${periods(ranges)}),
    counted(case_id, type_code, n) as (
      select d.case_id, d.type_code, 1 from decision d where d.organisation_id = ${organisationId}::uuid and d.status = 'active'
      union all
      select i.case_id, i.type_code, i.count from imported_decision i where i.organisation_id = ${organisationId}::uuid
    )
    select p.year, c.municipality_code, k.type_code, sum(k.n)::integer as count
    from period p
    cross join lateral (${casesOf(organisationId, scope, sql`c.id, c.municipality_code`)}) c
    join counted k on k.case_id = c.id
    group by p.year, c.municipality_code, k.type_code`.execute(trx);
  return result.rows.map((r) => ({ year: r.year, municipalityCode: r.municipality_code, typeCode: r.type_code, count: r.count }));
}
