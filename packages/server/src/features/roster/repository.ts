// SQL of staffing: staff, their dates, rosters, assignments and call-outs.
import type { Selectable } from 'kysely';
import type { Trx } from '../../app/context.ts';
import type { RosterTable, StaffMemberTable, StandbyCalloutTable } from '../../db/schema.ts';

export type StaffRow = Selectable<StaffMemberTable>;
export type RosterRow = Selectable<RosterTable>;
export type CallOutRow = Selectable<StandbyCalloutTable>;

export const listStaff = (trx: Trx, organisationId: string) =>
  trx.selectFrom('staff_member').selectAll().where('organisation_id', '=', organisationId).orderBy('kind').orderBy('name').execute();

export const findStaff = (trx: Trx, organisationId: string, id: string) =>
  trx.selectFrom('staff_member').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();

export const staffDates = (trx: Trx, organisationId: string, from?: string, to?: string) => {
  let q = trx.selectFrom('staff_date').select(['staff_id', 'date', 'kind']).where('organisation_id', '=', organisationId);
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<=', to);
  return q.orderBy('date').execute();
};

export const listRosters = (trx: Trx, organisationId: string) =>
  trx.selectFrom('roster').selectAll().where('organisation_id', '=', organisationId).orderBy('start_date', 'desc').orderBy('generated_at', 'desc').execute();

export const findRoster = (trx: Trx, organisationId: string, id: string) =>
  trx.selectFrom('roster').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();

export const lockRoster = (trx: Trx, organisationId: string, id: string) =>
  trx.selectFrom('roster').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).forUpdate().executeTakeFirst();

export const rosterAssignments = (trx: Trx, rosterId: string) =>
  trx.selectFrom('roster_assignment').select(['id', 'staff_id', 'date', 'kind']).where('roster_id', '=', rosterId).orderBy('date').orderBy('kind').execute();

/** Call-outs that started in [from, to). */
export const callOutsBetween = (trx: Trx, organisationId: string, from: Date, to: Date) =>
  trx
    .selectFrom('standby_callout as c')
    .innerJoin('staff_member as s', 's.id', 'c.staff_id')
    .selectAll('c')
    .select('s.name as staff_name')
    .where('c.organisation_id', '=', organisationId)
    .where('c.started_at', '>=', from)
    .where('c.started_at', '<', to)
    .orderBy('c.started_at', 'desc')
    .execute();

/** Rosters that start on or before `date` (the caller keeps those that still cover it). */
export const rostersStartingBy = (trx: Trx, organisationId: string, date: string) =>
  trx.selectFrom('roster').selectAll().where('organisation_id', '=', organisationId).where('start_date', '<=', date).orderBy('start_date', 'desc').orderBy('generated_at', 'desc').execute();
