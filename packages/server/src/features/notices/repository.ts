import { sql } from 'kysely';
import type { Scope } from '@jourbok/domain';
import type { Trx } from '../../app/context.ts';

const noticeColumns = [
  'n.id',
  'n.organisation_id',
  'n.municipality_code',
  'm.name as municipality_name',
  'n.level',
  'n.title',
  'n.plan',
  'n.should_do',
  'n.should_not_do',
  'n.instructions',
  'n.valid_from',
  'n.valid_to',
  'n.contact_name',
  'n.contact_phone',
  'n.registered_via',
  'n.phoned_in_by',
  'n.status',
  'n.withdrawn_at',
  'n.withdrawn_by_name',
  'n.withdrawn_reason',
  'n.created_by_name',
  'n.created_at',
  'n.updated_at',
  'n.version',
] as const;

function notices(trx: Trx, scope: Scope) {
  let q = trx
    .selectFrom('notice as n')
    .innerJoin('municipality as m', (j) => j.onRef('m.organisation_id', '=', 'n.organisation_id').onRef('m.code', '=', 'n.municipality_code'))
    .where('n.organisation_id', '=', scope.organisationId);
  if (scope.kind === 'municipality') q = q.where('n.municipality_code', '=', scope.municipalityCode);
  return q;
}

/** A notice the scope may see (a kommun user: its municipality's only), or undefined. */
export async function findNotice(trx: Trx, scope: Scope, id: string) {
  return notices(trx, scope).select(noticeColumns).where('n.id', '=', id).executeTakeFirst();
}

export type NoticeRow = NonNullable<Awaited<ReturnType<typeof findNotice>>>;

/** Notices in force on `today` about any of the persons, with the persons each is about. */
export async function activeNoticesOfPersons(trx: Trx, scope: Scope, personIds: readonly string[], today: string) {
  if (personIds.length === 0) return [];
  const rows = await notices(trx, scope)
    .select(noticeColumns)
    .where('n.status', '=', 'active')
    .where('n.valid_from', '<=', today)
    .where('n.valid_to', '>=', today)
    .where((eb) => eb.exists(eb.selectFrom('notice_person as np').select('np.notice_id').whereRef('np.notice_id', '=', 'n.id').where('np.person_id', 'in', personIds)))
    .orderBy(sql`case n.level when 'must_read' then 0 when 'important' then 1 else 2 end`)
    .orderBy('n.created_at', 'desc')
    .limit(100)
    .execute();
  const persons = await personIdsOf(trx, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, personIds: persons.get(r.id) ?? [] }));
}

export async function personIdsOf(trx: Trx, noticeIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (noticeIds.length === 0) return map;
  const rows = await trx.selectFrom('notice_person').select(['notice_id', 'person_id']).where('notice_id', 'in', noticeIds).execute();
  for (const r of rows) map.set(r.notice_id, [...(map.get(r.notice_id) ?? []), r.person_id]);
  return map;
}

export async function personsOf(trx: Trx, noticeIds: readonly string[]) {
  if (noticeIds.length === 0) return [];
  return trx
    .selectFrom('notice_person as np')
    .innerJoin('person as p', 'p.id', 'np.person_id')
    .select(['np.notice_id', 'p.id', 'p.first_name', 'p.last_name', 'p.identity_kind', 'p.identity_number', 'p.protection', 'p.hidden_residence'])
    .where('np.notice_id', 'in', noticeIds)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
}

export interface NoticeFilter {
  status: 'current' | 'active' | 'upcoming' | 'expired' | 'withdrawn' | 'all';
  municipalityCode?: string | undefined;
  personId?: string | undefined;
}

export async function listNotices(trx: Trx, scope: Scope, filter: NoticeFilter, today: string) {
  let q = notices(trx, scope).select(noticeColumns);
  if (filter.municipalityCode) q = q.where('n.municipality_code', '=', filter.municipalityCode);
  if (filter.personId) {
    const personId = filter.personId;
    q = q.where((eb) => eb.exists(eb.selectFrom('notice_person as np').select('np.notice_id').whereRef('np.notice_id', '=', 'n.id').where('np.person_id', '=', personId)));
  }
  switch (filter.status) {
    case 'current':
      q = q.where('n.status', '=', 'active').where('n.valid_to', '>=', today);
      break;
    case 'active':
      q = q.where('n.status', '=', 'active').where('n.valid_from', '<=', today).where('n.valid_to', '>=', today);
      break;
    case 'upcoming':
      q = q.where('n.status', '=', 'active').where('n.valid_from', '>', today);
      break;
    case 'expired':
      q = q.where('n.status', '=', 'active').where('n.valid_to', '<', today);
      break;
    case 'withdrawn':
      q = q.where('n.status', '=', 'withdrawn');
      break;
    case 'all':
      break;
  }
  return q.orderBy('n.valid_to', 'desc').orderBy('n.created_at', 'desc').limit(500).execute();
}

/** Remember that a member of the jour read a notice: one row per reader, first and last time. */
export async function recordRead(trx: Trx, noticeIds: readonly string[], userId: string, userName: string, at: Date) {
  if (noticeIds.length === 0) return;
  await trx
    .insertInto('notice_read')
    .values(noticeIds.map((id) => ({ notice_id: id, user_id: userId, user_name: userName, first_read_at: at, last_read_at: at })))
    .onConflict((oc) =>
      oc.columns(['notice_id', 'user_id']).doUpdateSet({ last_read_at: at, user_name: userName, read_count: sql`notice_read.read_count + 1` }),
    )
    .execute();
}

export async function readLogOf(trx: Trx, noticeIds: readonly string[]) {
  if (noticeIds.length === 0) return [];
  return trx.selectFrom('notice_read').selectAll().where('notice_id', 'in', noticeIds).orderBy('last_read_at', 'desc').execute();
}

export async function acknowledgementsOf(trx: Trx, noticeIds: readonly string[]) {
  if (noticeIds.length === 0) return [];
  return trx
    .selectFrom('notice_acknowledgement as a')
    .innerJoin('jour_case as c', 'c.id', 'a.case_id')
    .select(['a.notice_id', 'a.case_id', 'c.case_number', 'c.municipality_code', 'a.notice_version', 'a.acknowledged_by_name', 'a.acknowledged_at'])
    .where('a.notice_id', 'in', noticeIds)
    .orderBy('a.acknowledged_at', 'desc')
    .execute();
}

export async function acknowledgementsInCase(trx: Trx, caseId: string) {
  return trx.selectFrom('notice_acknowledgement').selectAll().where('case_id', '=', caseId).execute();
}

export async function overridesOfCase(trx: Trx, caseId: string) {
  return trx
    .selectFrom('notice_override as o')
    .innerJoin('notice as n', 'n.id', 'o.notice_id')
    .select(['o.id', 'o.notice_id', 'n.title', 'n.municipality_code', 'o.decision_id', 'o.instruction', 'o.reason', 'o.recorded_by_name', 'o.recorded_at'])
    .where('o.case_id', '=', caseId)
    .orderBy('o.recorded_at')
    .execute();
}

/** The persons of a case (ids). */
export async function casePersonIds(trx: Trx, caseId: string): Promise<string[]> {
  return (await trx.selectFrom('case_person').select('person_id').where('case_id', '=', caseId).execute()).map((r) => r.person_id);
}
