import type { Scope } from '@jourbok/domain';
import type { Trx } from '../../app/context.ts';

function deliveries(trx: Trx, scope: Scope) {
  let q = trx
    .selectFrom('report_delivery as d')
    .innerJoin('handover_report as r', 'r.id', 'd.handover_report_id')
    .innerJoin('jour_case as c', 'c.id', 'r.case_id')
    .innerJoin('municipality as m', (j) => j.onRef('m.organisation_id', '=', 'd.organisation_id').onRef('m.code', '=', 'd.municipality_code'))
    .select([
      'd.id',
      'd.handover_report_id',
      'd.municipality_code',
      'm.name as municipality_name',
      'r.case_id',
      'c.case_number',
      'c.category_code',
      'c.status as case_status',
      'r.created_at as report_created_at',
      'd.delivered_at',
      'd.acknowledge_by',
      'd.first_read_at',
      'd.first_read_by_name',
      'd.acknowledged_at',
      'd.acknowledged_by_name',
      'd.escalated_at',
    ])
    .where('d.organisation_id', '=', scope.organisationId);
  if (scope.kind === 'municipality') q = q.where('d.municipality_code', '=', scope.municipalityCode);
  return q;
}

export type DeliveryRow = Awaited<ReturnType<typeof findDeliveryOfReport>> & {};

export async function findDeliveryOfReport(trx: Trx, scope: Scope, reportId: string) {
  return deliveries(trx, scope).where('d.handover_report_id', '=', reportId).executeTakeFirst();
}

export interface DeliveryFilter {
  state: 'recent' | 'unacknowledged' | 'overdue' | 'all';
  municipalityCode?: string | undefined;
}

export async function listDeliveries(trx: Trx, scope: Scope, filter: DeliveryFilter, now: Date) {
  let q = deliveries(trx, scope);
  if (filter.municipalityCode) q = q.where('d.municipality_code', '=', filter.municipalityCode);
  if (filter.state === 'unacknowledged') q = q.where('d.acknowledged_at', 'is', null);
  if (filter.state === 'overdue') q = q.where('d.acknowledged_at', 'is', null).where('d.acknowledge_by', '<=', now);
  if (filter.state === 'recent') {
    const since = new Date(now.getTime() - 14 * 86_400_000);
    q = q.where((eb) => eb.or([eb('d.acknowledged_at', 'is', null), eb('d.acknowledged_at', '>=', since)]));
  }
  return q.orderBy('d.delivered_at', 'desc').orderBy('c.case_number', 'desc').limit(500).execute();
}

/** Legal deadlines not yet confirmed handled (a municipality's, or all of the organisation's). */
export async function openDeadlines(trx: Trx, scope: Scope, due?: string) {
  let q = trx
    .selectFrom('legal_deadline as d')
    .innerJoin('jour_case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'c.case_number', 'd.kind', 'd.label', 'd.legal_reference', 'd.nominal_date', 'd.moved_date', 'd.municipality_code', 'd.confirmed_at', 'd.confirmed_by_name'])
    .where('d.organisation_id', '=', scope.organisationId)
    .where('d.confirmed_at', 'is', null);
  if (scope.kind === 'municipality') q = q.where('d.municipality_code', '=', scope.municipalityCode);
  if (due) q = q.where('d.nominal_date', '<', due);
  return q.orderBy('d.nominal_date').limit(500).execute();
}

export type DeadlineRow = Awaited<ReturnType<typeof openDeadlines>>[number];
