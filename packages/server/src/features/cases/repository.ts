import { sql } from 'kysely';
import type { Scope } from '@jourbok/domain';
import type { Trx } from '../../app/context.ts';

/** The next case number of a year: YYYY-NNNNN, gap-free per organisation and year. */
export async function nextCaseNumber(trx: Trx, organisationId: string, year: number): Promise<string> {
  const row = await trx
    .insertInto('case_counter')
    .values({ organisation_id: organisationId, year, last_number: 1 })
    .onConflict((oc) => oc.columns(['organisation_id', 'year']).doUpdateSet({ last_number: sql`case_counter.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last_number).padStart(5, '0')}`;
}

/** A case the scope may see (a kommun user: its municipality's only), or undefined. */
export async function findCase(trx: Trx, scope: Scope, id: string) {
  let q = trx.selectFrom('jour_case').selectAll().where('organisation_id', '=', scope.organisationId).where('id', '=', id);
  if (scope.kind === 'municipality') q = q.where('municipality_code', '=', scope.municipalityCode);
  return q.executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function casePersons(trx: Trx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return trx
    .selectFrom('case_person as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .select([
      'cp.case_id',
      'cp.role',
      'cp.where_now',
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.identity_kind',
      'p.identity_number',
      'p.birth_date',
      'p.birth_year_approx',
      'p.protection',
      'p.hidden_residence',
    ])
    .where('cp.case_id', 'in', caseIds)
    .orderBy('cp.added_at')
    .execute();
}

export type CasePersonRow = Awaited<ReturnType<typeof casePersons>>[number];

export async function openCases(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('jour_case')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'open')
    .orderBy(sql`coalesce(priority, 5)`)
    .orderBy('received_at')
    .limit(500)
    .execute();
}

export async function recentlyClosed(trx: Trx, organisationId: string, since: Date) {
  return trx
    .selectFrom('jour_case')
    .select(['id', 'case_number', 'status', 'closed_at', 'municipality_code', 'category_code', 'priority'])
    .where('organisation_id', '=', organisationId)
    .where('status', '!=', 'open')
    .where('closed_at', '>=', since)
    .orderBy('closed_at', 'desc')
    .limit(50)
    .execute();
}

export async function triageHistory(trx: Trx, caseId: string) {
  return trx.selectFrom('triage_event').selectAll().where('case_id', '=', caseId).orderBy('triaged_at').execute();
}

export async function journal(trx: Trx, caseId: string) {
  return trx.selectFrom('journal_entry').selectAll().where('case_id', '=', caseId).orderBy('written_at').orderBy('id').execute();
}

export async function decisions(trx: Trx, caseId: string) {
  return trx.selectFrom('decision').selectAll().where('case_id', '=', caseId).orderBy('decided_at').execute();
}

export async function deadlinesOfCase(trx: Trx, caseId: string) {
  return trx.selectFrom('legal_deadline').selectAll().where('case_id', '=', caseId).orderBy('nominal_date').execute();
}

export async function openDeadlines(trx: Trx, organisationId: string, municipalityCode?: string) {
  let q = trx
    .selectFrom('legal_deadline as d')
    .innerJoin('jour_case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'c.case_number', 'd.kind', 'd.label', 'd.legal_reference', 'd.nominal_date', 'd.moved_date', 'd.municipality_code'])
    .where('d.organisation_id', '=', organisationId)
    .where('d.confirmed_at', 'is', null);
  if (municipalityCode) q = q.where('d.municipality_code', '=', municipalityCode);
  return q.orderBy('d.nominal_date').limit(200).execute();
}

export async function timeEntries(trx: Trx, caseId: string) {
  return trx.selectFrom('time_entry').selectAll().where('case_id', '=', caseId).orderBy('recorded_at').execute();
}

export async function directCosts(trx: Trx, caseId: string) {
  return trx.selectFrom('direct_cost').selectAll().where('case_id', '=', caseId).orderBy('recorded_at').execute();
}

export async function handoverReports(trx: Trx, caseId: string) {
  return trx.selectFrom('handover_report').select(['id', 'created_at']).where('case_id', '=', caseId).orderBy('created_at').execute();
}

export async function bumpVersion(trx: Trx, id: string, version: number, now: Date): Promise<boolean> {
  const r = await trx.updateTable('jour_case').set({ version: version + 1, updated_at: now }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
