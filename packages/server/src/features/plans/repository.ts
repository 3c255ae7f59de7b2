import type { FollowUpContent, FollowUpPeriod, PlanContent } from '@jourbok/domain';
import type { Trx } from '../../app/context.ts';

export interface PlanRow {
  id: string;
  year: number;
  content: PlanContent;
  version: number;
  updated_by_name: string;
  updated_at: Date;
}

export interface FollowUpRow {
  id: string;
  year: number;
  period: FollowUpPeriod;
  content: FollowUpContent;
  status: 'draft' | 'finished';
  finished_at: Date | null;
  finished_by_name: string | null;
  version: number;
  updated_by_name: string;
  updated_at: Date;
}

export async function findPlan(trx: Trx, organisationId: string, year: number): Promise<PlanRow | null> {
  const row = await trx
    .selectFrom('business_plan')
    .select(['id', 'year', 'content', 'version', 'updated_by_name', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? { ...row, content: row.content as PlanContent } : null;
}

export interface Editor {
  userId: string | null;
  name: string;
  at: Date;
}

/** Insert (expected version 0) or update (expected the current version); false when the version did not match. */
export async function savePlan(trx: Trx, organisationId: string, year: number, expectedVersion: number, content: PlanContent, editor: Editor): Promise<boolean> {
  if (expectedVersion === 0) {
    const inserted = await trx
      .insertInto('business_plan')
      .values({ organisation_id: organisationId, year, content: JSON.stringify(content), updated_by: editor.userId, updated_by_name: editor.name, created_at: editor.at, updated_at: editor.at })
      .onConflict((oc) => oc.columns(['organisation_id', 'year']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const result = await trx
    .updateTable('business_plan')
    .set((eb) => ({ content: JSON.stringify(content), version: eb('version', '+', 1), updated_by: editor.userId, updated_by_name: editor.name, updated_at: editor.at }))
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

const followUpColumns = ['id', 'year', 'period', 'content', 'status', 'finished_at', 'finished_by_name', 'version', 'updated_by_name', 'updated_at'] as const;

export async function findFollowUp(trx: Trx, organisationId: string, year: number, period: FollowUpPeriod): Promise<FollowUpRow | null> {
  const row = await trx.selectFrom('plan_follow_up').select(followUpColumns).where('organisation_id', '=', organisationId).where('year', '=', year).where('period', '=', period).executeTakeFirst();
  return row ? { ...row, content: row.content as FollowUpContent } : null;
}

export async function listFollowUps(trx: Trx, organisationId: string, year: number): Promise<FollowUpRow[]> {
  const rows = await trx.selectFrom('plan_follow_up').select(followUpColumns).where('organisation_id', '=', organisationId).where('year', '=', year).execute();
  return rows.map((row) => ({ ...row, content: row.content as FollowUpContent }));
}

export async function saveFollowUp(
  trx: Trx,
  organisationId: string,
  year: number,
  period: FollowUpPeriod,
  expectedVersion: number,
  content: FollowUpContent,
  editor: Editor,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const inserted = await trx
      .insertInto('plan_follow_up')
      .values({ organisation_id: organisationId, year, period, content: JSON.stringify(content), updated_by: editor.userId, updated_by_name: editor.name, created_at: editor.at, updated_at: editor.at })
      .onConflict((oc) => oc.columns(['organisation_id', 'year', 'period']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const result = await trx
    .updateTable('plan_follow_up')
    .set((eb) => ({ content: JSON.stringify(content), version: eb('version', '+', 1), updated_by: editor.userId, updated_by_name: editor.name, updated_at: editor.at }))
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('period', '=', period)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Finish (status finished) or reopen (draft) at the expected version. */
export async function setFollowUpStatus(trx: Trx, organisationId: string, year: number, period: FollowUpPeriod, expectedVersion: number, status: 'draft' | 'finished', editor: Editor): Promise<boolean> {
  const result = await trx
    .updateTable('plan_follow_up')
    .set((eb) => ({
      status,
      finished_at: status === 'finished' ? editor.at : null,
      finished_by_name: status === 'finished' ? editor.name : null,
      version: eb('version', '+', 1),
      updated_by: editor.userId,
      updated_by_name: editor.name,
      updated_at: editor.at,
    }))
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('period', '=', period)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
