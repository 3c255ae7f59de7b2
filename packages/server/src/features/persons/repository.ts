import { sql } from 'kysely';
import type { Scope } from '@jourbok/domain';
import type { Trx } from '../../app/context.ts';

export type PersonRow = Awaited<ReturnType<typeof findPerson>> & {};

export async function findPerson(trx: Trx, organisationId: string, id: string) {
  return trx.selectFrom('person').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function findByIdentity(trx: Trx, organisationId: string, kind: string, number: string) {
  return trx
    .selectFrom('person')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('identity_kind', '=', kind as 'personnummer')
    .where('identity_number', '=', number)
    .executeTakeFirst();
}

/** Persons a scope may see: all of the organisation's, or those in a municipality's cases. */
function scoped(trx: Trx, scope: Scope) {
  let q = trx.selectFrom('person as p').where('p.organisation_id', '=', scope.organisationId);
  if (scope.kind === 'municipality') {
    const code = scope.municipalityCode;
    q = q.where((eb) =>
      eb.or([
        eb('p.home_municipality_code', '=', code),
        eb.exists(
          eb
            .selectFrom('case_person as cp')
            .innerJoin('jour_case as c', 'c.id', 'cp.case_id')
            .select('cp.person_id')
            .whereRef('cp.person_id', '=', 'p.id')
            .where('c.municipality_code', '=', code),
        ),
      ]),
    );
  }
  return q;
}

export async function isVisible(trx: Trx, scope: Scope, personId: string): Promise<boolean> {
  const row = await scoped(trx, scope).select('p.id').where('p.id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

export async function searchByIdentity(trx: Trx, scope: Scope, number: string) {
  return scoped(trx, scope).selectAll('p').where('p.identity_number', '=', number).limit(5).execute();
}

export async function searchByBirthDate(trx: Trx, scope: Scope, date: string) {
  return scoped(trx, scope).selectAll('p').where('p.birth_date', '=', date).orderBy('p.last_name').limit(20).execute();
}

/** Fuzzy name search over pg_trgm (index-backed operators % and <%). */
export async function searchByName(trx: Trx, scope: Scope, normalized: string) {
  return scoped(trx, scope)
    .selectAll('p')
    .where(sql<boolean>`(p.search_name % ${normalized} or ${normalized} <% p.search_name)`)
    .orderBy(sql`greatest(similarity(p.search_name, ${normalized}), word_similarity(${normalized}, p.search_name))`, 'desc')
    .limit(20)
    .execute();
}

export interface CaseLink {
  person_id: string;
  id: string;
  case_number: string;
  received_at: Date;
  category_code: string;
  municipality_code: string;
  status: string;
  role: string;
}

/** Earlier cases of persons, newest first; a kommun scope sees its municipality's only. */
export async function casesOf(trx: Trx, scope: Scope, personIds: string[]): Promise<CaseLink[]> {
  if (personIds.length === 0) return [];
  let q = trx
    .selectFrom('case_person as cp')
    .innerJoin('jour_case as c', 'c.id', 'cp.case_id')
    .select(['cp.person_id', 'c.id', 'c.case_number', 'c.received_at', 'c.category_code', 'c.municipality_code', 'c.status', 'cp.role'])
    .where('c.organisation_id', '=', scope.organisationId)
    .where('cp.person_id', 'in', personIds);
  if (scope.kind === 'municipality') q = q.where('c.municipality_code', '=', scope.municipalityCode);
  return q.orderBy('c.received_at', 'desc').execute();
}
