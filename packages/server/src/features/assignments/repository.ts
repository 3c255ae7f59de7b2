import type { Scope } from '@jourbok/domain';
import type { Trx } from '../../app/context.ts';

function assignments(trx: Trx, scope: Scope) {
  let q = trx
    .selectFrom('assignment as a')
    .innerJoin('municipality as m', (j) => j.onRef('m.organisation_id', '=', 'a.organisation_id').onRef('m.code', '=', 'a.municipality_code'))
    .selectAll('a')
    .select('m.name as municipality_name')
    .where('a.organisation_id', '=', scope.organisationId);
  if (scope.kind === 'municipality') q = q.where('a.municipality_code', '=', scope.municipalityCode);
  return q;
}

export async function findAssignment(trx: Trx, scope: Scope, id: string) {
  return assignments(trx, scope).where('a.id', '=', id).executeTakeFirst();
}

export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

export interface AssignmentFilter {
  status: 'open' | 'done' | 'cancelled' | 'all';
  municipalityCode?: string | undefined;
  /** only those started, or starting before this instant */
  startsBefore?: Date | undefined;
}

export async function listAssignments(trx: Trx, scope: Scope, filter: AssignmentFilter) {
  let q = assignments(trx, scope);
  if (filter.status !== 'all') q = q.where('a.status', '=', filter.status);
  if (filter.municipalityCode) q = q.where('a.municipality_code', '=', filter.municipalityCode);
  if (filter.startsBefore) q = q.where('a.window_from', '<=', filter.startsBefore);
  return q.orderBy('a.window_from').limit(500).execute();
}

export async function reportsOf(trx: Trx, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return trx.selectFrom('assignment_report').selectAll().where('assignment_id', 'in', assignmentIds).orderBy('occasion_date').orderBy('recorded_at').orderBy('id').execute();
}

export type ReportRow = Awaited<ReturnType<typeof reportsOf>>[number];

export async function personsOf(trx: Trx, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return trx
    .selectFrom('assignment_person as ap')
    .innerJoin('person as p', 'p.id', 'ap.person_id')
    .select(['ap.assignment_id', 'p.id', 'p.first_name', 'p.last_name', 'p.identity_kind', 'p.identity_number', 'p.protection', 'p.hidden_residence'])
    .where('ap.assignment_id', 'in', assignmentIds)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
}
